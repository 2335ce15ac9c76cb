//! Nilai petugas: a service user answers a 360° pulse round without an account — whom they were
//! served by, then a score of 1–5 per question. Nothing identifies them, and the answers show
//! only as an average of at least three people.

use crate::api;
use crate::components::{ErrorBanner, Loading, PulseQuestions};
use crate::format;
use crate::hooks::{use_remote, use_write};
use crate::i18n::use_i18n;
use kinerja_types::PulseAnswer;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PublicPulseProps {
    pub code: AttrValue,
}

#[component]
pub fn PublicPulseForm(props: &PublicPulseProps) -> Html {
    let i18n = use_i18n();
    let write = use_write();
    let form = use_remote(props.code.clone(), |code| async move { api::pulse::public_form(&code).await });
    let person = use_state(|| None::<i64>);
    let scores = use_state(Vec::<u8>::new);
    let sent = use_state(|| false);
    let code = props.code.clone();
    let submit = {
        let sent = sent.clone();
        let run = write.action(
            move |body: PulseAnswer| {
                let code = code.clone();
                async move { api::pulse::public_answer(&code, body).await }
            },
            move |()| sent.set(true),
        );
        let (person, scores) = (person.clone(), scores.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            run.emit(PulseAnswer { scores: (*scores).clone(), employee_id: *person });
        })
    };
    let body = match form.state.data.as_deref() {
        Some(_) if *sent => {
            html! { <p class="notice notice-success" role="status" id="pulse-thanks">{ i18n.t("ppulse.thanks") }</p> }
        }
        Some(f) if !f.open => html! { <p class="notice">{ i18n.t("ppulse.closed") }</p> },
        Some(f) => {
            let n = f.questions.len();
            let current: Vec<u8> = if scores.len() == n { (*scores).clone() } else { vec![0; n] };
            let complete = person.is_some() && current.iter().all(|s| *s > 0);
            html! {
                <form class="pulse-form" onsubmit={submit}>
                    <p class="muted">{ i18n.tf("ppulse.lead", &[("unit", &f.unit_name), ("closes", &format::date(&f.closes_on))]) }</p>
                    <label class="field">
                        <span class="field-label">{ i18n.t("ppulse.person") }</span>
                        <select id="ppulse-person" required=true onchange={let p = person.clone(); Callback::from(move |e: Event| p.set(e.target_unchecked_into::<web_sys::HtmlSelectElement>().value().parse().ok()))}>
                            <option value="" selected={person.is_none()}>{ i18n.t("ppulse.choose") }</option>
                            { for f.people.iter().map(|p| html! {
                                <option value={p.employee_id.to_string()} selected={*person == Some(p.employee_id)}>{ format!("{} — {}", p.name, p.position) }</option>
                            }) }
                        </select>
                    </label>
                    <PulseQuestions questions={f.questions.clone()} scores={current.clone()} prefix="ppulse"
                        on_change={let scores = scores.clone(); Callback::from(move |(i, s): (usize, u8)| {
                            let mut next = if scores.len() == n { (*scores).clone() } else { vec![0; n] };
                            if let Some(slot) = next.get_mut(i) { *slot = s; }
                            scores.set(next);
                        })} />
                    <p class="muted small">{ i18n.t("ppulse.anonymous") }</p>
                    <ErrorBanner error={write.error.clone()} />
                    <button type="submit" class="button-primary" disabled={write.busy || !complete}>{ i18n.t("ppulse.send") }</button>
                </form>
            }
        }
        None if form.state.loading => html! { <Loading /> },
        None => html! {},
    };
    html! {
        <section class="page public-pulse">
            <h1>{ i18n.t("ppulse.title") }</h1>
            <ErrorBanner error={form.state.error.clone()} on_retry={form.reload.clone()} />
            { body }
        </section>
    }
}
