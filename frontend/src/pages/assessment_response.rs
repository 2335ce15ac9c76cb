//! The employee's answer to a finalised assessment: accept it, or object (keberatan) with a
//! reason until the deadline. Either needs a confirmation, because neither can be taken back.

use crate::api::{self, ApiError};
use crate::components::{Confirm, ErrorBanner, Field};
use crate::format;
use crate::hooks::use_write;
use crate::i18n::use_i18n;
use crate::validation;
use kinerja_types::{Assessment, ObjectionRequest};
use std::rc::Rc;
use yew::prelude::*;

/// The field this form shows its own error for.
const FIELDS: &[&str] = &["reason"];

#[derive(Properties, PartialEq)]
pub struct AssessmentResponseProps {
    pub assessment: Rc<Assessment>,
    /// Told what to show once the answer is recorded.
    pub on_done: Callback<String>,
}

/// Where the employee is in answering.
#[derive(Clone, Copy, PartialEq)]
enum Step {
    Choosing,
    Accepting,
    Writing,
    Objecting,
}

#[component]
pub fn AssessmentResponse(props: &AssessmentResponseProps) -> Html {
    let i18n = use_i18n();
    let step = use_state(|| Step::Choosing);
    let reason = use_state(String::new);
    let reason_error = use_state(|| None::<String>);
    let write = use_write();
    let a = &props.assessment;
    let id = a.id;
    let deadline = a.objection_deadline;
    let late = deadline.is_some_and(|d| format::today() > d);
    let deadline_text = deadline.map(|d| format::date(&d)).unwrap_or_else(|| i18n.t("common.none").to_owned());

    let acknowledge = {
        let step = step.clone();
        let on_done = props.on_done.clone();
        let done = i18n.t("assessment.acknowledged").to_owned();
        write.action(
            move |()| {
                let step = step.clone();
                async move { back_on_error(api::assessments::acknowledge(id).await, &step, Step::Choosing) }
            },
            move |_| on_done.emit(done.clone()),
        )
    };
    let check_reason = {
        let (reason, reason_error, step) = (reason.clone(), reason_error.clone(), step.clone());
        let i18n = i18n.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let request = ObjectionRequest { reason: reason.trim().to_owned() };
            match validation::check(&request, &i18n).remove("reason") {
                Some(message) => reason_error.set(Some(message)),
                None => {
                    reason_error.set(None);
                    step.set(Step::Objecting);
                }
            }
        })
    };
    let object = {
        let (step, reason) = (step.clone(), reason.clone());
        let on_done = props.on_done.clone();
        let done = i18n.t("assessment.objected").to_owned();
        write.action(
            move |()| {
                let request = ObjectionRequest { reason: reason.trim().to_owned() };
                let step = step.clone();
                async move { back_on_error(api::assessments::object(id, &request).await, &step, Step::Writing) }
            },
            move |_| on_done.emit(done.clone()),
        )
    };
    let on_reason = {
        let reason = reason.clone();
        Callback::from(move |v: String| reason.set(v))
    };
    let body = match *step {
        Step::Choosing => html! {
            <>
                <div class="actions">
                    <button type="button" class="button-primary" onclick={to(&step, Step::Accepting)}>
                        { i18n.t("assessment.acknowledge") }
                    </button>
                    <button type="button" class="button-quiet" onclick={to(&step, Step::Writing)} disabled={late}
                        aria-describedby={late.then_some("objection-late")}>
                        { i18n.t("assessment.object") }
                    </button>
                </div>
                if late {
                    <p id="objection-late" class="field-hint">
                        { i18n.tf("assessment.objection_closed", &[("date", &deadline_text)]) }
                    </p>
                }
            </>
        },
        Step::Accepting => html! {
            <Confirm text={i18n.t("assessment.acknowledge_confirm").to_owned()}
                confirm_label={i18n.t("assessment.acknowledge_yes").to_owned()}
                on_confirm={acknowledge} on_cancel={to(&step, Step::Choosing)} busy={write.busy} />
        },
        Step::Writing | Step::Objecting => html! {
            <form class="form objection-form" onsubmit={check_reason} novalidate=true>
                <Field id="objection-reason" label={i18n.t("assessment.objection_reason").to_owned()}
                    value={(*reason).clone()} rows={5} on_input={on_reason} required=true
                    hint={i18n.t("assessment.objection_hint").to_owned()}
                    disabled={*step == Step::Objecting}
                    error={(*reason_error).clone().or_else(|| write.field("reason"))} />
                if *step == Step::Objecting {
                    <Confirm text={i18n.t("assessment.object_confirm").to_owned()}
                        confirm_label={i18n.t("assessment.object_yes").to_owned()}
                        on_confirm={object} on_cancel={to(&step, Step::Writing)} busy={write.busy} />
                } else {
                    <div class="actions">
                        <button type="submit" class="button-primary">{ i18n.t("assessment.object_send") }</button>
                        <button type="button" class="button-quiet" onclick={to(&step, Step::Choosing)}>
                            { i18n.t("common.cancel") }
                        </button>
                    </div>
                }
            </form>
        },
    };
    html! {
        <section class="panel respond" aria-labelledby="respond-title">
            <h2 id="respond-title">{ i18n.t("assessment.respond_title") }</h2>
            <p class="muted">{ i18n.tf("assessment.respond_hint", &[("date", &deadline_text)]) }</p>
            <ErrorBanner error={write.error.clone()} shown_fields={FIELDS} />
            { body }
        </section>
    }
}

/// A callback that moves the answer to `next`, whatever event triggers it.
fn to<T: 'static>(step: &UseStateHandle<Step>, next: Step) -> Callback<T> {
    let step = step.clone();
    Callback::from(move |_| step.set(next))
}

/// `answer`, and the answer back at `step` when the server refused it.
fn back_on_error<T>(answer: Result<T, ApiError>, step: &UseStateHandle<Step>, back: Step) -> Result<T, ApiError> {
    if answer.is_err() {
        step.set(back);
    }
    answer
}
