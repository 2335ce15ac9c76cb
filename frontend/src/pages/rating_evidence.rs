//! What a penilai weighs before rating someone for a period, read in one call: the SKP and its
//! realisation per RHK and indicator, the tally of daily activities, the feedback thread, the
//! complaints that name the employee, and the satisfaction index of the employee's unit.

use super::feedback::FeedbackEntry;
use crate::api;
use crate::components::{ComplaintBadge, ErrorBanner, Loading, Meter, StatusBadge};
use crate::format;
use crate::hooks::use_remote;
use crate::i18n::{use_i18n, I18n};
use crate::periods;
use crate::route::Route;
use kinerja_domain::Period;
use kinerja_types::{ActivityTally, Complaint, IkmReport, RatingEvidence, Realization};
use std::rc::Rc;
use yew::prelude::*;
use yew_router::prelude::*;

#[derive(Properties, PartialEq)]
pub struct RatingEvidenceViewProps {
    pub employee_id: i64,
    pub period: Period,
}

/// The evidence panel; its own error stays inside it, so the rating form works without it.
#[component]
pub fn RatingEvidenceView(props: &RatingEvidenceViewProps) -> Html {
    let i18n = use_i18n();
    let evidence = use_remote((props.employee_id, props.period), |(id, period)| api::assessments::evidence(id, period));
    let body = match &evidence.state.data {
        Some(e) => html! { <EvidenceBody evidence={e.clone()} /> },
        None if evidence.state.loading => html! { <Loading /> },
        None => html! {},
    };
    html! {
        <section class="panel rating-evidence" aria-labelledby="evidence-title">
            <h2 id="evidence-title">
                { i18n.tf("evidence_view.title", &[("period", &periods::words(props.period, &i18n))]) }
            </h2>
            <ErrorBanner error={evidence.state.error.clone()} on_retry={evidence.reload.clone()} />
            { body }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct EvidenceBodyProps {
    evidence: Rc<RatingEvidence>,
}

#[component]
fn EvidenceBody(props: &EvidenceBodyProps) -> Html {
    let i18n = use_i18n();
    let e = &props.evidence;
    let rhk_names: Rc<Vec<(i64, String)>> =
        Rc::new(e.realization.iter().flat_map(|r| r.rhk.iter()).map(|r| (r.rhk_id, r.text.clone())).collect());
    html! {
        <>
            <h3>{ i18n.t("evidence_view.skp") }</h3>
            <p class="evidence-skp">
                <StatusBadge status={e.skp_status} />
                if let Some(id) = e.skp_id {
                    { " " }<Link<Route> to={Route::SkpDetail { id }}>{ i18n.t("evidence_view.open_skp") }</Link<Route>>
                }
            </p>
            <h3>{ i18n.t("evidence_view.activities") }</h3>
            <Tally tally={e.activities.clone()} />
            <h3>{ i18n.t("evidence_view.realization") }</h3>
            { match &e.realization {
                Some(r) => realization(r, &i18n),
                None => html! { <p class="muted">{ i18n.t("evidence_view.no_realization") }</p> },
            } }
            <h3>{ i18n.tf("evidence_view.feedback", &[("n", &e.feedback.len().to_string())]) }</h3>
            if e.feedback.is_empty() {
                <p class="muted">{ i18n.t("evidence_view.no_feedback") }</p>
            } else {
                <ol class="thread evidence-feedback">
                    { for e.feedback.iter().map(|f| html! {
                        <li key={f.id} class="thread-item"><FeedbackEntry feedback={f.clone()} rhk={rhk_names.clone()} /></li>
                    }) }
                </ol>
            }
            <h3>{ i18n.tf("evidence_view.complaints", &[("n", &e.complaints.len().to_string())]) }</h3>
            if e.complaints.is_empty() {
                <p class="muted">{ i18n.t("evidence_view.no_complaints") }</p>
            } else {
                <ul class="evidence-complaints">
                    { for e.complaints.iter().map(|c| complaint(c, &i18n)) }
                </ul>
            }
            <h3>{ i18n.t("evidence_view.ikm") }</h3>
            { ikm(e.ikm.as_ref(), e.ikm_unit_name.as_deref(), &i18n) }
            if let Some(p) = &e.pulse {
                <h3>{ i18n.t("evidence_view.pulse") }</h3>
                { pulse(p, &i18n) }
            }
        </>
    }
}

#[derive(Properties, PartialEq)]
struct TallyProps {
    tally: ActivityTally,
}

/// Tiles per activity status and a line of minutes and days.
#[component]
fn Tally(props: &TallyProps) -> Html {
    let i18n = use_i18n();
    let t = &props.tally;
    let tiles = [("approved", t.approved), ("submitted", t.submitted), ("rejected", t.rejected), ("draft", t.draft)];
    let lang = i18n.lang();
    html! {
        <>
            <ul class="tiles activity-tally">
                { for tiles.iter().map(|(status, n)| html! {
                    <li class={classes!("tile", format!("tile-{status}"))}>
                        <span class="tile-count">{ n }</span>
                        <span class="tile-label">{ i18n.word("activity_status", status) }</span>
                    </li>
                }) }
            </ul>
            <p class="evidence-minutes">
                { i18n.tf("evidence_view.minutes", &[
                    ("approved", &format::minutes(t.minutes_approved, lang)),
                    ("total", &format::minutes(t.minutes_total, lang)),
                    ("days", &t.days.to_string()),
                ]) }
            </p>
        </>
    }
}

/// Each RHK with its approved activities and, per indicator, the period's target, what was
/// realised and the share of the target.
fn realization(r: &Realization, i18n: &I18n) -> Html {
    if r.rhk.is_empty() {
        return html! { <p class="muted">{ i18n.t("rhk.empty") }</p> };
    }
    let lang = i18n.lang();
    html! {
        <ol class="rhk-list evidence-realization">
            { for r.rhk.iter().map(|rhk| html! {
                <li key={rhk.rhk_id} class="rhk">
                    <p class="rhk-text">{ &rhk.text }</p>
                    <p class="muted">{ i18n.tf("realization.activities", &[("n", &rhk.activities.to_string()), ("duration", &format::minutes(rhk.minutes, lang))]) }</p>
                    <div class="table-wrap">
                        <table class="indicators realization">
                            <thead>
                                <tr>
                                    <th scope="col">{ i18n.t("indicator.aspect") }</th>
                                    <th scope="col">{ i18n.t("indicator.text") }</th>
                                    <th scope="col">{ i18n.t("evidence_view.period_target") }</th>
                                    <th scope="col">{ i18n.t("realization.realized") }</th>
                                    <th scope="col">{ i18n.t("realization.percent") }</th>
                                </tr>
                            </thead>
                            <tbody>
                                { for rhk.indicators.iter().map(|ind| {
                                    let amount = |v: f64| format!("{} {}", format::number(v, lang), ind.unit);
                                    html! {
                                        <tr key={ind.indicator_id}>
                                            <td data-label={i18n.t("indicator.aspect").to_owned()}>{ i18n.word("aspect", ind.aspect.as_str()) }</td>
                                            <td data-label={i18n.t("indicator.text").to_owned()}>{ &ind.text }</td>
                                            <td data-label={i18n.t("evidence_view.period_target").to_owned()} class="nowrap">{ amount(ind.period_target) }</td>
                                            <td data-label={i18n.t("realization.realized").to_owned()} class="nowrap">
                                                { ind.realized.map(amount).unwrap_or_else(|| i18n.t("common.none").to_owned()) }
                                            </td>
                                            <td data-label={i18n.t("realization.percent").to_owned()} class="percent-cell">
                                                if let Some(percent) = ind.percent {
                                                    <div>
                                                        <span class="nowrap">{ format::percent(percent, lang) }</span>
                                                        <Meter value={percent} max={100.0} tone={if percent >= 100.0 { "ok" } else { "progress" }}
                                                            label={i18n.tf("realization.percent_of", &[("indicator", &ind.text)])} />
                                                    </div>
                                                } else {
                                                    <span class="muted">{ i18n.t("common.none") }</span>
                                                }
                                            </td>
                                        </tr>
                                    }
                                }) }
                            </tbody>
                        </table>
                    </div>
                </li>
            }) }
        </ol>
    }
}

/// One complaint naming the employee: code, date, category, status and the citizen's words.
fn complaint(c: &Complaint, i18n: &I18n) -> Html {
    html! {
        <li key={c.id} class="evidence-complaint">
            <p class="feedback-head">
                <strong class="mono">{ &c.tracking_code }</strong>
                <span class="muted">{ format::date(&c.filed_on) }</span>
                <span class="chip">{ i18n.word("complaint_category", c.category.as_str()) }</span>
                <ComplaintBadge status={c.status} />
            </p>
            <p class="feedback-text">{ &c.text }</p>
        </li>
    }
}

/// The unit's index and grade, or why there is none.
fn ikm(report: Option<&IkmReport>, unit: Option<&str>, i18n: &I18n) -> Html {
    let unit = unit.unwrap_or_default();
    let Some(r) = report.filter(|r| r.respondents > 0) else {
        return html! { <p class="muted">{ i18n.t("evidence_view.no_ikm") }</p> };
    };
    let score = r.ikm.map(|v| format::fixed(v, 2, i18n.lang())).unwrap_or_else(|| i18n.t("common.none").to_owned());
    html! {
        <p class="evidence-ikm">
            { i18n.tf("evidence_view.ikm_of", &[("unit", unit), ("period", &periods::words_of(&r.period, i18n))]) }{ " " }
            <strong class="ikm-inline">{ score }</strong>{ " " }
            if let Some(grade) = r.grade {
                <span class={classes!("grade", "grade-inline", format!("grade-{}", grade.letter().to_lowercase()))}>
                    <span class="grade-letter">{ grade.letter() }</span>
                    <span class="grade-words">{ i18n.grade(grade) }</span>
                </span>
            }
            { " · " }{ i18n.tf("ikm.respondents", &[("n", &r.respondents.to_string())]) }
        </p>
    }
}

/// The 360° pulse: per group, the mean per core value, or why nothing shows.
fn pulse(p: &kinerja_types::PulseSummary, i18n: &I18n) -> Html {
    html! {
        <div class="evidence-pulse">
            <p class="muted small">{ i18n.tf("evidence_view.pulse_note", &[("min", &p.min_respondents.to_string())]) }</p>
            if p.open_rounds > 0 {
                <p class="muted small">{ i18n.tf("evidence_view.pulse_open", &[("n", &p.open_rounds.to_string())]) }</p>
            }
            { for p.groups.iter().map(|g| html! {
                <div class="pulse-group" data-group={g.group.as_str()}>
                    <p><strong>{ i18n.t(&format!("pulse_group.{}", g.group.as_str())) }</strong>
                        { " · " }{ i18n.tf("evidence_view.pulse_respondents", &[("n", &g.respondents.to_string())]) }</p>
                    if g.shown {
                        <ul class="pulse-means">
                            { for g.values.iter().map(|v| html! {
                                <li>{ format!("{}: {}", v.core_value.label(), format::fixed(v.mean, 1, i18n.lang())) }</li>
                            }) }
                        </ul>
                    } else {
                        <p class="muted small">{ i18n.tf("evidence_view.pulse_hidden", &[("min", &g.needed.to_string())]) }</p>
                    }
                </div>
            }) }
        </div>
    }
}
