//! One assessment: both ratings, the predikat, the notes, where it stands, the objection and
//! the decision. The employee accepts it or objects here while it is finalised; the penilai
//! continues a draft and answers an objection in writing here; the decider (the atasan penilai, or
//! the BKPSDM for the PPK where the penilai has no atasan) decides it here.

use super::assessment_decision::AssessmentDecision;
use super::assessment_response::AssessmentResponse;
use super::objection_answer::ObjectionAnswer;
use super::rating_evidence::RatingEvidenceView;
use crate::api;
use crate::components::{use_toast, AssessmentBadge, ErrorBanner, Loading, PredikatBadge};
use crate::format;
use crate::hooks::use_remote;
use crate::i18n::use_i18n;
use crate::periods;
use crate::route::Route;
use kinerja_domain::Role;
use kinerja_domain::{AssessmentStatus, Period};
use kinerja_types::{Assessment, DeciderKind, Me};
use std::rc::Rc;
use yew::prelude::*;
use yew_router::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AssessmentDetailProps {
    pub me: Rc<Me>,
    pub id: i64,
}

#[component]
pub fn AssessmentDetail(props: &AssessmentDetailProps) -> Html {
    let i18n = use_i18n();
    let toast = use_toast();
    let assessment = use_remote(props.id, api::assessments::get);
    let on_done = {
        let toast = toast.clone();
        let reload = assessment.reload.clone();
        Callback::from(move |message: String| {
            toast.say(message);
            reload.emit(());
        })
    };
    let show_evidence = use_state(|| false);
    let my_id = props.me.employee.as_ref().map(|e| e.id);
    let body = match &assessment.state.data {
        Some(a) => {
            let is_employee = my_id == Some(a.employee_id);
            let is_penilai = my_id == Some(a.penilai_id);
            let decides = match a.decider {
                DeciderKind::Atasan => my_id.is_some() && a.atasan_penilai_id == my_id,
                DeciderKind::Ppk => props.me.has(Role::Admin),
                DeciderKind::AtasanOrPpk => {
                    (my_id.is_some() && a.atasan_penilai_id == my_id) || props.me.has(Role::Admin)
                }
            };
            let objected = a.status == AssessmentStatus::Objected;
            // The decision waits for the penilai's response, or for its deadline to pass.
            let decidable = a.penilai_response.is_some() || a.response_deadline.is_some_and(|d| format::today() > d);
            let period = a.period.parse::<Period>().ok();
            html! {
                <>
                    <Summary assessment={a.clone()} />
                    if is_penilai && a.status == AssessmentStatus::Draft {
                        <p>
                            <Link<Route> to={Route::RateEmployee { employee_id: a.employee_id, period: a.period.clone() }}
                                classes="button-primary">
                                { i18n.t("assessment.continue_rating") }
                            </Link<Route>>
                        </p>
                    }
                    if is_employee && a.status == AssessmentStatus::Finalized {
                        <AssessmentResponse assessment={a.clone()} on_done={on_done.clone()} />
                    }
                    if is_penilai && objected && a.penilai_response.is_none() {
                        <ObjectionAnswer assessment={a.clone()} on_done={on_done.clone()} />
                    }
                    if decides && objected && !decidable {
                        <p class="callout callout-info">
                            { i18n.tf("objection.waiting_response", &[
                                ("date", &a.response_deadline.map(|d| format::date(&d)).unwrap_or_default()),
                            ]) }
                        </p>
                    }
                    if decides && objected && decidable {
                        <AssessmentDecision assessment={a.clone()} on_done={on_done.clone()} />
                    }
                    // The evidence behind the rating, from every state of it: open for the one
                    // deciding an objection, a click away for everyone else.
                    if let Some(period) = period {
                        if (decides && objected && decidable) || *show_evidence {
                            <RatingEvidenceView employee_id={a.employee_id} {period} />
                        }
                        if !(decides && objected && decidable) {
                            <p class="no-print">
                                <button type="button" class="button-quiet" aria-expanded={show_evidence.to_string()}
                                    onclick={{ let show = show_evidence.clone(); move |_| show.set(!*show) }}>
                                    { if *show_evidence { i18n.t("assessment.hide_evidence") } else { i18n.t("assessment.see_evidence") } }
                                </button>
                            </p>
                        }
                    }
                </>
            }
        }
        None if assessment.state.loading => html! { <Loading /> },
        None => html! {},
    };
    let title = match &assessment.state.data {
        Some(a) => i18n.tf("assessment.detail_title", &[("name", &a.employee_name)]),
        None => i18n.t("nav.assessment_detail").to_owned(),
    };
    html! {
        <section class="page">
            <h1>{ title }</h1>
            <p><Link<Route> to={Route::Assessments}>{ i18n.t("assessment.to_list") }</Link<Route>></p>
            <ErrorBanner error={assessment.state.error.clone()} on_retry={assessment.reload.clone()} />
            { body }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct SummaryProps {
    assessment: Rc<Assessment>,
}

/// Everything the assessment says, the objection and the decision standing out.
#[component]
fn Summary(props: &SummaryProps) -> Html {
    let i18n = use_i18n();
    let a = &props.assessment;
    let none = || i18n.t("common.none").to_owned();
    let deadline = a.objection_deadline.map(|d| {
        let past = format::today() > d;
        html! {
            <>
                { format::date(&d) }
                if past && a.status == AssessmentStatus::Finalized {
                    { " " }<span class="muted">{ i18n.t("assessment.deadline_past") }</span>
                }
            </>
        }
    });
    let notes: Vec<_> = a.behavior_notes.iter().filter(|(_, text)| !text.trim().is_empty()).collect();
    html! {
        <section class="panel assessment-summary">
            <div class="skp-head">
                <h2>{ periods::words_of(&a.period, &i18n) }</h2>
                <AssessmentBadge status={Some(a.status)} />
            </div>
            <p class="predikat-line">
                <span class="predikat-preview-label">{ i18n.t("assessment.predikat") }{ ": " }</span>
                <PredikatBadge predikat={a.predikat} />
                if a.status == AssessmentStatus::Draft {
                    { " " }<span class="muted">{ i18n.t("assessment.not_final") }</span>
                }
            </p>
            <dl class="facts">
                <dt>{ i18n.t("assessment.employee") }</dt>
                <dd>{ &a.employee_name }</dd>
                <dt>{ i18n.t("assessment.result_rating") }</dt>
                <dd>{ i18n.word("rating", a.result_rating.as_str()) }</dd>
                <dt>{ i18n.t("assessment.behavior_rating") }</dt>
                <dd>{ i18n.word("rating", a.behavior_rating.as_str()) }</dd>
                <dt>{ i18n.t("assessment.finalized_at") }</dt>
                <dd>{ a.finalized_at.as_ref().map(|at| format::instant(at, i18n.lang())).unwrap_or_else(none) }</dd>
                <dt>{ i18n.t("assessment.deadline") }</dt>
                <dd>{ deadline.unwrap_or_else(|| html! { { none() } }) }</dd>
                <dt>{ i18n.t("assessment.note") }</dt>
                <dd class="narrative">{ a.note.clone().filter(|n| !n.trim().is_empty()).unwrap_or_else(none) }</dd>
            </dl>
            if !notes.is_empty() {
                <h3>{ i18n.t("assessment.behavior_notes") }</h3>
                <dl class="facts">
                    { for notes.iter().map(|(value, text)| html! {
                        <>
                            <dt>{ i18n.word("core_value", value.as_str()) }</dt>
                            <dd class="narrative">{ text.to_string() }</dd>
                        </>
                    }) }
                </dl>
            }
            if let Some(reason) = &a.objection_reason {
                <div class="callout callout-warn objection">
                    <strong>{ i18n.t("assessment.objection") }</strong>
                    <p class="narrative">{ reason.clone() }</p>
                    <dl class="facts">
                        <dt>{ i18n.t("objection.decider") }</dt>
                        <dd class="objection-decider">{ i18n.word("decider", decider_key(a.decider)) }</dd>
                        <dt>{ i18n.t("objection.response_deadline") }</dt>
                        <dd>{ a.response_deadline.map(|d| format::date(&d)).unwrap_or_else(none) }</dd>
                        <dt>{ i18n.t("objection.decision_deadline") }</dt>
                        <dd>
                            { a.decision_deadline.map(|d| format::date(&d)).unwrap_or_else(none) }
                            if a.decision_overdue {
                                { " " }<span class="badge badge-returned">{ i18n.t("objection.overdue") }</span>
                            }
                        </dd>
                    </dl>
                </div>
            }
            if let Some(response) = &a.penilai_response {
                <div class="callout callout-info objection-response">
                    <strong>{ i18n.t("objection.response") }</strong>
                    <p class="narrative">{ response.clone() }</p>
                </div>
            }
            if let Some(outcome) = &a.decision_outcome {
                <div class="callout callout-info decision">
                    <strong>{ i18n.tf("assessment.decision_was", &[("outcome", &outcome_words(outcome, &i18n))]) }</strong>
                    if let Some(reason) = &a.decision_reason {
                        <p class="narrative">{ reason.clone() }</p>
                    }
                </div>
            }
        </section>
    }
}

/// The dictionary word of a decider.
fn decider_key(kind: DeciderKind) -> &'static str {
    match kind {
        DeciderKind::Atasan => "atasan",
        DeciderKind::Ppk => "ppk",
        DeciderKind::AtasanOrPpk => "atasan_or_ppk",
    }
}

/// `upheld` or `changed` in words.
fn outcome_words(outcome: &str, i18n: &crate::i18n::I18n) -> String {
    match outcome {
        "upheld" => i18n.t("decision.upheld_done").to_owned(),
        "changed" => i18n.t("decision.changed_done").to_owned(),
        other => other.to_owned(),
    }
}
