//! The atasan penilai's decision on an objection: uphold the assessment, or change the ratings
//! (the new predikat previewed as they change), always with a reason. The decision is final.

use crate::api;
use crate::components::{Confirm, ErrorBanner, Field, PredikatBadge, PredikatPreview, RatingChoice};
use crate::hooks::{unconfirm_on_error, use_form, Invalid};
use crate::i18n::use_i18n;
use crate::validation;
use kinerja_domain::Rating;
use kinerja_types::{Assessment, DecisionRequest};
use std::rc::Rc;
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

/// What the form holds.
#[derive(Clone, PartialEq)]
struct Draft {
    outcome: Option<&'static str>,
    result: Rating,
    behavior: Rating,
    reason: String,
}

impl Draft {
    fn request(&self) -> DecisionRequest {
        let changed = self.outcome == Some(CHANGED);
        DecisionRequest {
            outcome: self.outcome.unwrap_or_default().to_owned(),
            result_rating: changed.then_some(self.result),
            behavior_rating: changed.then_some(self.behavior),
            reason: self.reason.trim().to_owned(),
        }
    }
}

/// `set`, and the question asked again: whatever changes must be confirmed anew.
fn unconfirmed<V: 'static>(set: Callback<V>, confirming: &UseStateHandle<bool>) -> Callback<V> {
    let confirming = confirming.clone();
    Callback::from(move |v: V| {
        set.emit(v);
        confirming.set(false);
    })
}

#[component]
pub fn AssessmentDecision(props: &AssessmentDecisionProps) -> Html {
    let i18n = use_i18n();
    let a = &props.assessment;
    let form = use_form(|| Draft {
        outcome: None,
        result: a.result_rating,
        behavior: a.behavior_rating,
        reason: String::new(),
    });
    let confirming = use_state(|| false);
    let id = a.id;

    let check = {
        let (form, confirming) = (form.clone(), confirming.clone());
        let i18n = i18n.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let body = form.request();
            let mut invalid = Invalid::new();
            if body.outcome.is_empty() {
                invalid.insert("outcome".to_owned(), i18n.t("decision.pick_outcome").to_owned());
            }
            if let Some(wrong) = validation::check(&body, &i18n).remove("reason") {
                invalid.insert("reason".to_owned(), wrong);
            }
            confirming.set(invalid.is_empty());
            form.invalidate(invalid);
        })
    };
    let decide = {
        let (form, confirming) = (form.clone(), confirming.clone());
        let on_done = props.on_done.clone();
        let done = i18n.t("decision.done").to_owned();
        Callback::from(move |()| {
            let body = form.request();
            let confirming = confirming.clone();
            let (on_done, done) = (on_done.clone(), done.clone());
            form.write.run(
                async move { unconfirm_on_error(api::assessments::decide(id, &body), confirming).await },
                move |_| on_done.emit(done),
            );
        })
    };
    let cancel = {
        let confirming = confirming.clone();
        Callback::from(move |()| confirming.set(false))
    };
    let outcomes = [(UPHELD, "decision.upheld"), (CHANGED, "decision.changed")].map(|(value, key)| {
        let checked = form.outcome == Some(value);
        let pick = unconfirmed(form.set(move |d, ()| d.outcome = Some(value)), &confirming);
        html! {
            <label class={classes!("choice", checked.then_some("choice-on"))}>
                <input type="radio" name="decision-outcome" {value} {checked} onchange={move |_| pick.emit(())} />
                <span class="choice-text">{ i18n.t(key) }</span>
            </label>
        }
    });
    let confirm_text = match form.outcome {
        Some(CHANGED) => i18n.tf("decision.confirm_changed", &[("name", &a.employee_name)]),
        _ => i18n.tf("decision.confirm_upheld", &[("name", &a.employee_name)]),
    };
    let outcome_missing = form.error("outcome").is_some();
    html! {
        <section class="panel decide" aria-labelledby="decide-title">
            <h2 id="decide-title">{ i18n.t("decision.title") }</h2>
            <p class="muted">{ i18n.tf("decision.hint", &[("name", &a.employee_name)]) }</p>
            <ErrorBanner error={form.server_error()} shown_fields={FIELDS} />
            <form onchange={form.touch()} class="form decision-form" onsubmit={check} novalidate=true>
                <fieldset class={classes!("choices", outcome_missing.then_some("field-invalid"))}>
                    <legend>{ i18n.t("decision.outcome") }</legend>
                    <div class="choices-2">{ for outcomes }</div>
                    if let Some(message) = form.error("outcome") {
                        <small class="field-error">{ message }</small>
                    }
                </fieldset>
                if form.outcome == Some(CHANGED) {
                    <p class="muted">
                        { i18n.t("decision.was") }{ " " }<PredikatBadge predikat={a.predikat} />
                    </p>
                    <RatingChoice name="decide-result" legend={i18n.t("assessment.result_rating").to_owned()}
                        value={Some(form.result)} on_pick={unconfirmed(form.set(|d, r| d.result = r), &confirming)}
                        error={form.error("result_rating")} />
                    <RatingChoice name="decide-behavior" legend={i18n.t("assessment.behavior_rating").to_owned()}
                        value={Some(form.behavior)} on_pick={unconfirmed(form.set(|d, r| d.behavior = r), &confirming)}
                        error={form.error("behavior_rating")} />
                    <PredikatPreview result={Some(form.result)} behavior={Some(form.behavior)} />
                }
                <Field id="decision-reason" label={i18n.t("decision.reason").to_owned()} value={form.reason.clone()}
                    rows={4} on_input={unconfirmed(form.text(|d| &mut d.reason), &confirming)} required=true
                    name="reason" error={form.error("reason")} />
                if *confirming {
                    <Confirm text={confirm_text} confirm_label={i18n.t("decision.yes").to_owned()}
                        on_confirm={decide} on_cancel={cancel} busy={form.busy()} />
                } else {
                    <button type="submit" class="button-primary">{ i18n.t("decision.send") }</button>
                    <crate::components::SubmitSummary problems={form.problems()} />
                }
            </form>
        </section>
    }
}
