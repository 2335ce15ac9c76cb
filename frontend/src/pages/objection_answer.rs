//! The penilai's written response (tanggapan) to an objection, given once before the decider
//! decides; it needs a confirmation, because it cannot be changed afterwards.

use crate::api;
use crate::components::{Confirm, ErrorBanner, Field};
use crate::format;
use crate::hooks::{unconfirm_on_error, use_form, Invalid};
use crate::i18n::use_i18n;
use crate::validation;
use kinerja_types::{Assessment, ObjectionResponse};
use std::rc::Rc;
use yew::prelude::*;

/// The field this form shows its own error for.
const FIELDS: &[&str] = &["response"];

#[derive(Properties, PartialEq)]
pub struct ObjectionAnswerProps {
    pub assessment: Rc<Assessment>,
    /// Told what to show once the response is recorded.
    pub on_done: Callback<String>,
}

#[component]
pub fn ObjectionAnswer(props: &ObjectionAnswerProps) -> Html {
    let i18n = use_i18n();
    let a = &props.assessment;
    let form = use_form(|| ObjectionResponse { response: String::new() });
    let confirming = use_state(|| false);
    let id = a.id;
    let check = {
        let (form, confirming) = (form.clone(), confirming.clone());
        let i18n = i18n.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let body = ObjectionResponse { response: form.response.trim().to_owned() };
            let mut invalid = Invalid::new();
            if let Some(wrong) = validation::check(&body, &i18n).remove("response") {
                invalid.insert("response".to_owned(), wrong);
            }
            confirming.set(invalid.is_empty());
            form.invalidate(invalid);
        })
    };
    let send = {
        let (form, confirming) = (form.clone(), confirming.clone());
        let on_done = props.on_done.clone();
        let done = i18n.t("objection_answer.done").to_owned();
        Callback::from(move |()| {
            let body = ObjectionResponse { response: form.response.trim().to_owned() };
            let confirming = confirming.clone();
            let (on_done, done) = (on_done.clone(), done.clone());
            form.write.run(
                async move { unconfirm_on_error(api::assessments::respond(id, &body), confirming).await },
                move |_| on_done.emit(done),
            );
        })
    };
    let cancel = {
        let confirming = confirming.clone();
        Callback::from(move |()| confirming.set(false))
    };
    let on_input = {
        let (set, confirming) = (form.text(|d| &mut d.response), confirming.clone());
        Callback::from(move |v: String| {
            set.emit(v);
            confirming.set(false);
        })
    };
    let due = a.response_deadline.map(|d| format::date(&d)).unwrap_or_default();
    html! {
        <section class="panel objection-answer" aria-labelledby="answer-title">
            <h2 id="answer-title">{ i18n.t("objection_answer.title") }</h2>
            <p class="muted">{ i18n.tf("objection_answer.hint", &[("name", &a.employee_name), ("date", &due)]) }</p>
            <ErrorBanner error={form.server_error()} shown_fields={FIELDS} />
            <form onchange={form.touch()} class="form" onsubmit={check} novalidate=true>
                <Field id="objection-response" label={i18n.t("objection_answer.label").to_owned()}
                    value={form.response.clone()} rows={5} {on_input} required=true
                    hint={AttrValue::from(i18n.t("objection_answer.limits").to_owned())}
                    name="response" error={form.error("response")} />
                if *confirming {
                    <Confirm text={i18n.t("objection_answer.confirm").to_owned()}
                        confirm_label={i18n.t("objection_answer.yes").to_owned()}
                        on_confirm={send} on_cancel={cancel} busy={form.busy()} />
                } else {
                    <button type="submit" class="button-primary">{ i18n.t("objection_answer.send") }</button>
                    <crate::components::SubmitSummary problems={form.problems()} />
                }
            </form>
        </section>
    }
}
