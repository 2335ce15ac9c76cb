//! `/lacak` and `/lacak/{code}`: whoever holds a tracking code sees where the complaint stands on
//! the workflow, in the public's words, and the unit's public response. Nothing else is shown.
//! A forum aspirasi's code (`ASP-…`) shows the aspirasi's status and response the same way.

use crate::api::{self, ApiError};
use crate::components::{ErrorBanner, Loading};
use crate::format;
use crate::hooks::use_remote;
use crate::i18n::use_i18n;
use crate::route::Route;
use kinerja_domain::tracking_code;
use kinerja_domain::ComplaintStatus;
use kinerja_types::{PublicComplaintStatus, PublicInput};
use web_sys::HtmlInputElement;
use yew::prelude::*;
use yew_router::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TrackProps {
    /// The code in the address, if any.
    pub code: Option<AttrValue>,
}

#[component]
pub fn Track(props: &TrackProps) -> Html {
    let i18n = use_i18n();
    let navigator = use_navigator();
    let typed = use_state(|| props.code.as_deref().unwrap_or_default().to_owned());
    let missing = use_state(|| false);
    {
        let typed = typed.clone();
        use_effect_with(props.code.clone(), move |code| {
            if let Some(code) = code {
                typed.set(code.to_string());
            }
        });
    }
    let status = use_remote(props.code.clone(), |code| async move {
        match code {
            Some(code) if is_aspirasi(&code) => {
                api::public::track_aspirasi(&code).await.map(|a| Some(Tracked::Aspirasi(a)))
            }
            Some(code) => api::public::track(&code).await.map(|c| Some(Tracked::Complaint(c))),
            None => Ok(None),
        }
    });
    let onsubmit = {
        let typed = typed.clone();
        let missing = missing.clone();
        let current = props.code.clone();
        let reload = status.reload.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            // As meant: spaces and small letters gone, the prefix put back (a complaint's by default).
            let code = tracking_code::typed(&typed, tracking_code::COMPLAINT);
            missing.set(code.is_empty());
            if code.is_empty() {
                return;
            }
            if current.as_deref() == Some(code.as_str()) {
                reload.emit(());
            } else if let Some(navigator) = &navigator {
                navigator.push(&Route::TrackCode { code });
            }
        })
    };
    let oninput = {
        let typed = typed.clone();
        Callback::from(move |e: InputEvent| typed.set(e.target_unchecked_into::<HtmlInputElement>().value()))
    };
    let result = match (&status.state.error, status.state.data.as_deref()) {
        (Some(ApiError::NotFound(_)), _) => html! {
            <p class="callout callout-warn" role="alert">
                { i18n.tf("track.not_found", &[("code", props.code.as_deref().unwrap_or_default())]) }
            </p>
        },
        (Some(error), _) => html! { <ErrorBanner error={Some(error.clone())} on_retry={status.reload.clone()} /> },
        (None, Some(Some(Tracked::Complaint(found)))) => html! { <TrackResult status={found.clone()} /> },
        (None, Some(Some(Tracked::Aspirasi(found)))) => html! { <AspirasiResult input={found.clone()} /> },
        (None, _) if status.state.loading && props.code.is_some() => html! { <Loading /> },
        _ => html! {},
    };
    html! {
        <section class="page public-page">
            <h1>{ i18n.t("track.title") }</h1>
            <p class="lead">{ i18n.t("track.lead") }</p>
            <form class="track-form" {onsubmit} novalidate=true>
                <div class={classes!("field", missing.then_some("field-invalid"))}>
                    <label for="tracking-code-input">{ i18n.t("complaint.tracking_code") }</label>
                    <div class="input-with-button">
                        <input id="tracking-code-input" type="text" value={(*typed).clone()} {oninput}
                            class="mono" autocapitalize="characters" autocomplete="off" spellcheck="false"
                            placeholder="ADU-XXXXXXXXXXXX" aria-invalid={missing.then_some("true")} />
                        <button type="submit" class="button-primary">{ i18n.t("track.submit") }</button>
                    </div>
                    if *missing {
                        <small class="field-error">{ i18n.t("track.code_missing") }</small>
                    }
                </div>
            </form>
            { result }
        </section>
    }
}

/// What a tracking code leads to.
#[derive(Debug, Clone, PartialEq)]
enum Tracked {
    Complaint(PublicComplaintStatus),
    Aspirasi(PublicInput),
}

/// Whether `code` is a forum aspirasi's (`ASP-…`) rather than a complaint's.
fn is_aspirasi(code: &str) -> bool {
    tracking_code::typed(code, tracking_code::COMPLAINT).starts_with("ASP-")
}

#[derive(Properties, PartialEq)]
struct AspirasiResultProps {
    input: PublicInput,
}

/// An aspirasi sent to a forum: its status, the words and the response, and the way to the forum.
#[component]
fn AspirasiResult(props: &AspirasiResultProps) -> Html {
    let i18n = use_i18n();
    let a = &props.input;
    html! {
        <section class="panel track-result" aria-live="polite">
            <p class="tracking-code tracking-code-small">{ &a.tracking_code }</p>
            <p class="track-current">
                { i18n.t("track.status_now") }{ " " }
                <strong class={classes!("track-status", format!("track-status-input-{}", a.status.as_str()))}>
                    { i18n.vocab("input_status", a.status.as_str(), a.status.public_label()) }
                </strong>
            </p>
            <p class="muted small">{ format::instant(&a.created_at, i18n.lang()) }</p>
            <p class="feedback-text">{ &a.text }</p>
            if let Some(response) = &a.response {
                <h2>{ i18n.t("track.response") }</h2>
                <p class="public-response">{ response }</p>
            }
            <p><Link<Route> to={Route::PublicForum { id: a.forum_id }}>{ i18n.t("track.open_forum") }</Link<Route>></p>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct TrackResultProps {
    status: PublicComplaintStatus,
}

/// The code, the status now, the steps of the workflow and the public response.
#[component]
fn TrackResult(props: &TrackResultProps) -> Html {
    let i18n = use_i18n();
    let s = &props.status;
    let steps = steps(s.status);
    let now = steps.iter().position(|step| *step == s.status).unwrap_or(0);
    let items = steps.iter().enumerate().map(|(i, step)| {
        let state = if i < now || (i == now && step.is_final()) {
            "done"
        } else if i == now {
            "current"
        } else {
            "todo"
        };
        html! {
            <li class={classes!("step", format!("step-{state}"))} aria-current={(i == now).then_some("step")}>
                <span class="step-dot" aria-hidden="true"></span>
                <span class="step-label">{ i18n.complaint_status(*step) }</span>
                if i == now {
                    <small class="step-hint">{ i18n.t(&format!("track.next.{}", step.as_str())).to_owned() }</small>
                }
            </li>
        }
    });
    html! {
        <section class="panel track-result" aria-live="polite">
            <p class="tracking-code tracking-code-small">{ &s.tracking_code }</p>
            <p class="track-current">
                { i18n.t("track.status_now") }{ " " }
                <strong class={classes!("track-status", format!("track-status-{}", s.status.as_str()))}>
                    { i18n.complaint_status(s.status) }
                </strong>
            </p>
            <p class="muted small">
                { i18n.tf("track.dates", &[("filed", &format::date(&s.filed_on)), ("updated", &format::instant(&s.updated_at, i18n.lang()))]) }
            </p>
            <ol class="timeline" aria-label={i18n.t("track.steps").to_owned()}>{ for items }</ol>
            <dl class="facts">
                if let Some(class) = &s.class_label {
                    <dt>{ i18n.t("track.class") }</dt>
                    <dd>{ class }</dd>
                }
                if let Some(due) = s.deadline {
                    <dt>{ i18n.t("track.deadline") }</dt>
                    <dd>{ format::date(&due) }</dd>
                }
                if let Some(until) = s.postponed_until {
                    <dt>{ i18n.t("track.postponed") }</dt>
                    <dd>{ format::date(&until) }{ ": " }{ s.postpone_reason.clone().unwrap_or_default() }</dd>
                }
                if let Some(to) = &s.referred_to {
                    <dt>{ i18n.t("track.referred_to") }</dt>
                    <dd class="track-referred">{ to }</dd>
                }
            </dl>
            if let Some(response) = &s.public_response {
                <h2>{ i18n.t("track.response") }</h2>
                <p class="public-response">{ response }</p>
            }
        </section>
    }
}

/// The steps a complaint goes through, as far as the public sees: the workflow's first way on
/// from each step (the domain's `can_go`), or received → rejected (or referred) for one that
/// ended there.
fn steps(status: ComplaintStatus) -> Vec<ComplaintStatus> {
    if matches!(status, ComplaintStatus::Rejected | ComplaintStatus::Referred) {
        return vec![ComplaintStatus::Received, status];
    }
    // The main way on: never into an ending other than closing (rejected, referred).
    let ends_early = |s: &ComplaintStatus| matches!(s, ComplaintStatus::Rejected | ComplaintStatus::Referred);
    let mut path = vec![ComplaintStatus::Received];
    while let Some(next) = path
        .last()
        .and_then(|last| ComplaintStatus::ALL.iter().copied().find(|s| last.can_go(*s) && !ends_early(s)))
        .filter(|next| !path.contains(next))
    {
        path.push(next);
    }
    path
}
