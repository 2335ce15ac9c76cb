//! The atasan penilai's decision on an objection: uphold the assessment, or change the ratings
//! (the new predikat previewed as they change), always with a reason. The decision is final.

use crate::api::{self, ApiError};
use crate::components::{Confirm, ErrorBanner, Field, PredikatBadge, PredikatPreview, RatingChoice};
use crate::i18n::use_i18n;
use crate::validation;
use kinerja_domain::Rating;
use kinerja_types::{Assessment, DecisionRequest};
use std::rc::Rc;
use yew::platform::spawn_local;
use yew::prelude::*;

/// The fields this form shows its own errors for.
const FIELDS: &[&str] = &["outcome", "reason", "result_rating", "behavior_rating"];

/// The two outcomes, as the server spells them.
const UPHELD: &str = "upheld";
const CHANGED: &str = "changed";

#[derive(Properties, PartialEq)]
pub struct AssessmentDecisionProps {
    pub assessment: Rc<Assessment>,
    /// Told what to show once the decision is recorded.
    pub on_done: Callback<String>,
}

#[component]
pub fn AssessmentDecision(props: &AssessmentDecisionProps) -> Html {
    let i18n = use_i18n();
    let a = &props.assessment;
    let outcome = use_state(|| None::<&'static str>);
    let result = use_state(|| a.result_rating);
    let behavior = use_state(|| a.behavior_rating);
    let reason = use_state(String::new);
    let invalid = use_state(|| (None::<String>, None::<String>));
    let confirming = use_state(|| false);
    let busy = use_state(|| false);
    let error = use_state(|| None::<ApiError>);
    let id = a.id;

    let request = {
        let (outcome, result, behavior, reason) = (outcome.clone(), result.clone(), behavior.clone(), reason.clone());
        move || {
            let changed = *outcome == Some(CHANGED);
            DecisionRequest {
                outcome: outcome.unwrap_or_default().to_owned(),
                result_rating: changed.then_some(*result),
                behavior_rating: changed.then_some(*behavior),
                reason: reason.trim().to_owned(),
            }
        }
    };
    let check = {
        let (request, invalid, confirming) = (request.clone(), invalid.clone(), confirming.clone());
        let i18n = i18n.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let body = request();
            let outcome_missing = body.outcome.is_empty().then(|| i18n.t("decision.pick_outcome").to_owned());
            let reason_wrong = validation::check(&body, &i18n).remove("reason");
            let ok = outcome_missing.is_none() && reason_wrong.is_none();
            invalid.set((outcome_missing, reason_wrong));
            confirming.set(ok);
        })
    };
    let decide = {
        let (request, busy, error, confirming) = (request.clone(), busy.clone(), error.clone(), confirming.clone());
        let on_done = props.on_done.clone();
        let done = i18n.t("decision.done").to_owned();
        Callback::from(move |()| {
            let body = request();
            busy.set(true);
            error.set(None);
            let (busy, error, confirming, on_done, done) =
                (busy.clone(), error.clone(), confirming.clone(), on_done.clone(), done.clone());
            spawn_local(async move {
                match api::assessments::decide(id, &body).await {
                    Ok(_) => on_done.emit(done),
                    Err(e) => {
                        error.set(Some(e));
                        confirming.set(false);
                    }
                }
                busy.set(false);
            });
        })
    };
    let cancel = {
        let confirming = confirming.clone();
        Callback::from(move |()| confirming.set(false))
    };
    let outcomes = [(UPHELD, "decision.upheld"), (CHANGED, "decision.changed")].map(|(value, key)| {
        let checked = *outcome == Some(value);
        let (outcome, confirming) = (outcome.clone(), confirming.clone());
        html! {
            <label class={classes!("choice", checked.then_some("choice-on"))}>
                <input type="radio" name="decision-outcome" {value} {checked}
                    onchange={move |_| { outcome.set(Some(value)); confirming.set(false); }} />
                <span class="choice-text">{ i18n.t(key) }</span>
            </label>
        }
    });
    let set_rating = |handle: &UseStateHandle<Rating>| {
        let (handle, confirming) = (handle.clone(), confirming.clone());
        Callback::from(move |r: Rating| {
            handle.set(r);
            confirming.set(false);
        })
    };
    let on_reason = {
        let (reason, confirming) = (reason.clone(), confirming.clone());
        Callback::from(move |v: String| {
            reason.set(v);
            confirming.set(false);
        })
    };
    let server = |field: &str| error.as_ref().and_then(|e| e.field(field));
    let confirm_text = match *outcome {
        Some(CHANGED) => i18n.tf("decision.confirm_changed", &[("name", &a.employee_name)]),
        _ => i18n.tf("decision.confirm_upheld", &[("name", &a.employee_name)]),
    };
    html! {
        <section class="panel decide" aria-labelledby="decide-title">
            <h2 id="decide-title">{ i18n.t("decision.title") }</h2>
            <p class="muted">{ i18n.tf("decision.hint", &[("name", &a.employee_name)]) }</p>
            <ErrorBanner error={(*error).clone()} shown_fields={FIELDS} />
            <form class="form decision-form" onsubmit={check} novalidate=true>
                <fieldset class={classes!("choices", invalid.0.is_some().then_some("field-invalid"))}>
                    <legend>{ i18n.t("decision.outcome") }</legend>
                    <div class="choices-2">{ for outcomes }</div>
                    if let Some(message) = invalid.0.clone().or_else(|| server("outcome")) {
                        <small class="field-error">{ message }</small>
                    }
                </fieldset>
                if *outcome == Some(CHANGED) {
                    <p class="muted">
                        { i18n.t("decision.was") }{ " " }<PredikatBadge predikat={a.predikat} />
                    </p>
                    <RatingChoice name="decide-result" legend={i18n.t("assessment.result_rating").to_owned()}
                        value={Some(*result)} on_pick={set_rating(&result)} error={server("result_rating")} />
                    <RatingChoice name="decide-behavior" legend={i18n.t("assessment.behavior_rating").to_owned()}
                        value={Some(*behavior)} on_pick={set_rating(&behavior)} error={server("behavior_rating")} />
                    <PredikatPreview result={Some(*result)} behavior={Some(*behavior)} />
                }
                <Field id="decision-reason" label={i18n.t("decision.reason").to_owned()} value={(*reason).clone()}
                    rows={4} on_input={on_reason} required=true
                    error={invalid.1.clone().or_else(|| server("reason"))} />
                if *confirming {
                    <Confirm text={confirm_text} confirm_label={i18n.t("decision.yes").to_owned()}
                        on_confirm={decide} on_cancel={cancel} busy={*busy} />
                } else {
                    <button type="submit" class="button-primary">{ i18n.t("decision.send") }</button>
                }
            </form>
        </section>
    }
}
