//! The evaluation team at work: choose a team and a period, see the assessments in the team's
//! scope with their reviews and open flags, and open one to weigh its evidence and write a review
//! (advice only: the team never changes a rating). Admins and auditors read along.

use super::rating_evidence::RatingEvidenceView;
use super::review_notes::review_item;
use crate::api;
use crate::components::{
    last_ended_period, use_pemda_settings, AssessmentBadge, AssessmentPeriodPicker, CheckField, ErrorBanner, Field,
    Loading, PredikatBadge, SelectField,
};
use crate::hooks::{use_form, use_remote, Invalid};
use crate::i18n::use_i18n;
use crate::periods;
use kinerja_domain::oversight::Recommendation;
use kinerja_domain::Period;
use kinerja_types::{Me, NewReview, TeamAssessment};
use std::rc::Rc;
use yew::prelude::*;

/// The shortest reason a flag takes.
const REASON_MIN: usize = 10;

#[derive(Properties, PartialEq)]
pub struct TeamReviewProps {
    pub me: Rc<Me>,
}

#[component]
pub fn TeamReview(props: &TeamReviewProps) -> Html {
    let i18n = use_i18n();
    let settings = use_pemda_settings();
    let teams = use_remote((), |()| api::evaluation_teams::list());
    let chosen_team = use_state(|| None::<i64>);
    let chosen_period = use_state(|| None::<Period>);
    let open = use_state(|| None::<TeamAssessment>);
    let team = (*chosen_team).or_else(|| teams.state.data.as_ref().and_then(|t| t.first()).map(|t| t.id));
    let period = (*chosen_period).or_else(|| settings.as_deref().map(last_ended_period));
    let list = use_remote((team, period), |(team, period)| async move {
        match team {
            Some(team) => api::evaluation_teams::assessments(team, period).await,
            None => Ok(Vec::new()),
        }
    });
    let on_team = {
        let (chosen_team, open) = (chosen_team.clone(), open.clone());
        Callback::from(move |v: String| {
            open.set(None);
            chosen_team.set(v.parse().ok());
        })
    };
    let on_period = {
        let (chosen_period, open) = (chosen_period.clone(), open.clone());
        Callback::from(move |p: Period| {
            open.set(None);
            chosen_period.set(Some(p));
        })
    };
    let team_options: Vec<(AttrValue, AttrValue)> = teams
        .state
        .data
        .iter()
        .flat_map(|t| t.iter())
        .map(|t| (AttrValue::from(t.id.to_string()), AttrValue::from(t.name.clone())))
        .collect();
    let col = |key: &str| i18n.t(key).to_owned();
    let rows = match list.state.data.as_deref().map(Vec::as_slice) {
        _ if team.is_none() && !teams.state.loading => html! { <p class="muted">{ i18n.t("evteam.not_member") }</p> },
        Some([]) => html! { <p class="muted">{ i18n.t("evteam.no_assessments") }</p> },
        Some(all) => html! {
            <div class="table-wrap">
                <table class="team-assessments">
                    <thead><tr>
                        <th scope="col">{ col("evteam.employee") }</th>
                        <th scope="col">{ col("evteam.penilai") }</th>
                        <th scope="col">{ col("evteam.predikat") }</th>
                        <th scope="col">{ col("evteam.status") }</th>
                        <th scope="col" class="numeric">{ col("evteam.reviews") }</th>
                        <th scope="col"><span class="sr-only">{ col("evteam.actions") }</span></th>
                    </tr></thead>
                    <tbody>
                        { for all.iter().map(|a| {
                            let pick = {
                                let (open, a) = (open.clone(), a.clone());
                                Callback::from(move |_: MouseEvent| open.set(Some(a.clone())))
                            };
                            let current = open.as_ref().is_some_and(|o| o.assessment_id == a.assessment_id);
                            html! {
                                <tr key={a.assessment_id} data-assessment={a.assessment_id.to_string()}
                                    class={classes!(current.then_some("current"))}>
                                    <td data-label={col("evteam.employee")}><strong>{ &a.employee_name }</strong><br />
                                        <span class="muted small">{ &a.unit_name }{ " · " }{ periods::words_of(&a.period, &i18n) }</span></td>
                                    <td data-label={col("evteam.penilai")}>{ &a.penilai_name }</td>
                                    <td data-label={col("evteam.predikat")}><PredikatBadge predikat={a.predikat} /></td>
                                    <td data-label={col("evteam.status")}><AssessmentBadge status={Some(a.status)} /></td>
                                    <td data-label={col("evteam.reviews")} class="numeric">
                                        { a.reviews }
                                        if a.open_flags > 0 {
                                            { " " }<span class="badge badge-flag-open">{ i18n.tf("evteam.open_flags", &[("n", &a.open_flags.to_string())]) }</span>
                                        }
                                    </td>
                                    <td data-label={col("evteam.actions")}>
                                        <button type="button" class="button-quiet button-small" onclick={pick}
                                            aria-label={i18n.tf("evteam.review_named", &[("name", &a.employee_name)])}>
                                            { i18n.t("evteam.review") }
                                        </button>
                                    </td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
            </div>
        },
        None if list.state.loading || teams.state.loading => html! { <Loading /> },
        None => html! {},
    };
    let on_reviewed = list.reload.clone();
    html! {
        <>
            <section class="panel team-review">
                <h2>{ i18n.t("evteam.review_title") }</h2>
                <div class="toolbar">
                    if team_options.len() > 1 {
                        <SelectField id="review-team" label={i18n.t("evteam.team").to_owned()}
                            value={team.map(|t| t.to_string()).unwrap_or_default()} options={team_options} on_change={on_team} />
                    }
                    if let (Some(settings), Some(period)) = (settings.clone(), period) {
                        <AssessmentPeriodPicker id="review-period" {settings} value={period} on_change={on_period} />
                    }
                </div>
                <ErrorBanner error={teams.state.error.clone()} on_retry={teams.reload.clone()} />
                <ErrorBanner error={list.state.error.clone()} on_retry={list.reload.clone()} />
                { rows }
            </section>
            if let Some(a) = &*open {
                <ReviewPanel key={a.assessment_id} assessment={a.clone()} may_write={props.me.is_team_member}
                    on_change={on_reviewed} />
            }
        </>
    }
}

#[derive(Properties, PartialEq)]
struct ReviewPanelProps {
    assessment: TeamAssessment,
    may_write: bool,
    on_change: Callback<()>,
}

/// The evidence of one assessment, the team's reviews of it and the review form.
#[component]
fn ReviewPanel(props: &ReviewPanelProps) -> Html {
    let i18n = use_i18n();
    let a = &props.assessment;
    let reviews = use_remote(a.assessment_id, api::evaluation_teams::reviews);
    let period = a.period.parse::<Period>().ok();
    let on_done = {
        let (reload, on_change) = (reviews.reload.clone(), props.on_change.clone());
        Callback::from(move |()| {
            reload.emit(());
            on_change.emit(());
        })
    };
    html! {
        <>
            <section class="panel review-panel" aria-labelledby="review-panel-title">
                <h2 id="review-panel-title">
                    { i18n.tf("evteam.reviewing", &[("name", &a.employee_name), ("period", &periods::words_of(&a.period, &i18n))]) }
                </h2>
                <p class="muted">{ i18n.tf("evteam.rated_by", &[("name", &a.penilai_name)]) }</p>
                <h3>{ i18n.t("evteam.reviews_so_far") }</h3>
                <ErrorBanner error={reviews.state.error.clone()} on_retry={reviews.reload.clone()} />
                { match reviews.state.data.as_deref().map(Vec::as_slice) {
                    Some([]) => html! { <p class="muted">{ i18n.t("review.none_here") }</p> },
                    Some(list) => html! {
                        <ol class="thread review-list">
                            { for list.iter().map(|r| html! {
                                <li key={r.id} class="thread-item review">{ review_item(r, false, &i18n) }</li>
                            }) }
                        </ol>
                    },
                    None => html! { <Loading /> },
                } }
                if props.may_write {
                    <ReviewForm assessment_id={a.assessment_id} {on_done} />
                }
            </section>
            if let Some(period) = period {
                <RatingEvidenceView employee_id={a.employee_id} {period} />
            }
        </>
    }
}

#[derive(Properties, PartialEq)]
struct ReviewFormProps {
    assessment_id: i64,
    on_done: Callback<()>,
}

/// What the review form holds.
#[derive(Clone, Default, PartialEq)]
struct Draft {
    note: String,
    recommendation: Option<Recommendation>,
    flag: bool,
    reason: String,
}

/// The note, the advice, and a flag asking the penilai to look again (with the reason).
#[component]
fn ReviewForm(props: &ReviewFormProps) -> Html {
    let i18n = use_i18n();
    let form = use_form(Draft::default);
    let onsubmit = {
        let (id, on_done, i18n) = (props.assessment_id, props.on_done.clone(), i18n.clone());
        form.submit(
            move |d: &Draft| {
                let why = d.reason.trim().to_owned();
                if d.flag && why.chars().count() < REASON_MIN {
                    let short = i18n.tf("review.reason_short", &[("min", &REASON_MIN.to_string())]);
                    return Err(Invalid::from([("reason".to_owned(), short)]));
                }
                let body = NewReview {
                    note: d.note.trim().to_owned(),
                    recommendation: d.recommendation,
                    flag: d.flag,
                    reason: Some(why).filter(|r| d.flag && !r.is_empty()),
                };
                Ok(async move { api::evaluation_teams::review(id, &body).await })
            },
            move |form, _| {
                // Emptied whole, so the next review starts without this one's advice.
                form.reset(Draft::default());
                on_done.emit(());
            },
        )
    };
    let options: Vec<(AttrValue, AttrValue)> =
        std::iter::once((AttrValue::from(""), AttrValue::from(i18n.t("review.no_recommendation").to_owned())))
            .chain(Recommendation::ALL.iter().map(|r| {
                (AttrValue::from(r.as_str()), AttrValue::from(i18n.vocab("recommendation", r.as_str(), r.label())))
            }))
            .collect();
    let on_recommendation = form.set(|d, v: String| d.recommendation = v.parse().ok());
    let field_error = |f: &str| form.error(f);
    html! {
        <form onchange={form.touch()} class="review-form" {onsubmit} novalidate=true>
            <h3>{ i18n.t("review.new") }</h3>
            <Field id="review-note" label={i18n.t("review.note").to_owned()} rows={Some(4)} value={form.note.clone()}
                on_input={form.text(|d| &mut d.note)} required=true error={field_error("note")} />
            <SelectField id="review-recommendation" label={i18n.t("review.recommendation").to_owned()}
                value={form.recommendation.map(|r| r.as_str()).unwrap_or_default()} {options} on_change={on_recommendation}
                error={field_error("recommendation")} />
            <CheckField id="review-flag" label={i18n.t("review.flag").to_owned()} checked={form.flag}
                on_toggle={form.set(|d, on: bool| d.flag = on)} />
            if form.flag {
                <Field id="review-reason" label={i18n.t("review.reason").to_owned()} rows={Some(2)} value={form.reason.clone()}
                    on_input={form.text(|d| &mut d.reason)} required=true error={field_error("reason")}
                    hint={Some(AttrValue::from(i18n.t("review.reason_hint")))} />
            }
            <ErrorBanner error={form.server_error()} shown_fields={&["note", "recommendation", "reason", "flag"][..]} />
            <button type="submit" class="button-primary" disabled={form.busy()}>{ i18n.t("review.save") }</button>
            <crate::components::SubmitSummary problems={form.problems()} />
        </form>
    }
}
