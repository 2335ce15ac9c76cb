//! "Catatan Tim Penilai": the evaluation team's reviews the viewer may read (as the employee, the
//! penilai, the head, a member, an admin or an auditor), with the flags still open; the penilai
//! answers a flag here.

use crate::api;
use crate::components::{CheckField, ErrorBanner, Field, Loading};
use crate::format;
use crate::hooks::{setter, use_remote, use_write};
use crate::i18n::{use_i18n, I18n};
use crate::periods;
use kinerja_domain::oversight::FlagStatus;
use kinerja_types::{AssessmentReview, Me, ReviewResponse};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ReviewNotesProps {
    pub me: Rc<Me>,
}

#[component]
pub fn ReviewNotes(props: &ReviewNotesProps) -> Html {
    let i18n = use_i18n();
    let open_only = use_state(|| false);
    let reviews = use_remote(*open_only, api::evaluation_teams::visible);
    let on_open_only = {
        let open_only = open_only.clone();
        Callback::from(move |on: bool| open_only.set(on))
    };
    let me_id = props.me.employee.as_ref().map(|e| e.id);
    // Only the penilai of the assessment answers: worth asking who that is only for a supervisor's
    // open flags about someone else.
    let may_answer = |r: &AssessmentReview| {
        props.me.is_supervisor && r.flag_status == Some(FlagStatus::Open) && Some(r.employee_id) != me_id
    };
    let body = match reviews.state.data.as_deref().map(Vec::as_slice) {
        Some([]) => html! { <p class="muted">{ i18n.t("review.none") }</p> },
        Some(list) => html! {
            <ol class="thread review-list">
                { for list.iter().map(|r| html! {
                    <li key={r.id} class="thread-item review" data-review={r.id.to_string()}>
                        { review_item(r, true, &i18n) }
                        if let (true, Some(me_id)) = (may_answer(r), me_id) {
                            <AnswerIfPenilai review_id={r.id} assessment_id={r.assessment_id} {me_id}
                                on_done={reviews.reload.clone()} />
                        }
                    </li>
                }) }
            </ol>
        },
        None if reviews.state.loading => html! { <Loading /> },
        None => html! {},
    };
    html! {
        <section class="panel review-notes">
            <h2>{ i18n.t("review.notes_title") }</h2>
            <p class="muted">{ i18n.t("review.notes_lead") }</p>
            <CheckField id="reviews-open-only" label={i18n.t("review.open_only").to_owned()} checked={*open_only}
                on_toggle={on_open_only} />
            <ErrorBanner error={reviews.state.error.clone()} on_retry={reviews.reload.clone()} />
            { body }
        </section>
    }
}

/// One review: whose rating (when `whose`), the team and author, the note, the advice, the flag
/// with its reason, and the penilai's answer.
pub fn review_item(r: &AssessmentReview, whose: bool, i18n: &I18n) -> Html {
    html! {
        <>
            <p class="feedback-head">
                if whose {
                    <strong>{ &r.employee_name }</strong>
                    <span class="chip">{ periods::words_of(&r.period, i18n) }</span>
                }
                <span>{ &r.team_name }{ " · " }{ &r.author_name }</span>
                <span class="muted small">{ format::instant(&r.created_at, i18n.lang()) }</span>
                if let Some(status) = r.flag_status {
                    <span class={classes!("badge", format!("badge-flag-{}", status.as_str()))} data-flag={status.as_str()}>
                        { i18n.word("flag_status", status.as_str()) }
                    </span>
                }
            </p>
            <p class="feedback-text">{ &r.note }</p>
            if let Some(rec) = r.recommendation {
                <p class="small"><span class="muted">{ i18n.t("review.recommendation") }{ ": " }</span>
                    { i18n.vocab("recommendation", rec.as_str(), rec.label()) }</p>
            }
            if let Some(reason) = r.reason.as_ref().filter(|_| r.flag) {
                <p class="small"><span class="muted">{ i18n.t("review.reason") }{ ": " }</span>{ reason }</p>
            }
            if let Some(response) = &r.response {
                <p class="public-response">
                    <span class="muted">{ i18n.t("review.response") }{ ": " }</span>{ response }
                    if let Some(at) = &r.responded_at {
                        <span class="muted small">{ " · " }{ format::instant(at, i18n.lang()) }</span>
                    }
                </p>
            }
        </>
    }
}

#[derive(Properties, PartialEq)]
struct AnswerIfPenilaiProps {
    review_id: i64,
    assessment_id: i64,
    /// The viewer's employee id.
    me_id: i64,
    on_done: Callback<()>,
}

/// The answer form, once the assessment shows that the viewer is its penilai.
#[component]
fn AnswerIfPenilai(props: &AnswerIfPenilaiProps) -> Html {
    let assessment = use_remote(props.assessment_id, api::assessments::get);
    match assessment.state.data.as_deref() {
        Some(a) if a.penilai_id == props.me_id => {
            html! { <AnswerForm review_id={props.review_id} on_done={props.on_done.clone()} /> }
        }
        _ => html! {},
    }
}

#[derive(Properties, PartialEq)]
struct AnswerProps {
    review_id: i64,
    on_done: Callback<()>,
}

/// The penilai's answer to a flag.
#[component]
fn AnswerForm(props: &AnswerProps) -> Html {
    let i18n = use_i18n();
    let text = use_state(String::new);
    let write = use_write();
    let onsubmit = {
        let (text, write) = (text.clone(), write.clone());
        let (id, on_done) = (props.review_id, props.on_done.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let body = ReviewResponse { response: text.trim().to_owned() };
            let on_done = on_done.clone();
            write.run(async move { api::evaluation_teams::respond(id, &body).await }, move |_| on_done.emit(()));
        })
    };
    html! {
        <form class="reply-form" {onsubmit} novalidate=true>
            <Field id={format!("review-{}-answer", props.review_id)} label={i18n.t("review.answer").to_owned()} rows={Some(3)}
                value={(*text).clone()} on_input={setter(&text)} required=true
                error={write.field("response")} />
            <ErrorBanner error={write.error.clone()} shown_fields={&["response"][..]} />
            <button type="submit" class="button-primary" disabled={write.busy}>{ i18n.t("review.send_answer") }</button>
        </form>
    }
}
