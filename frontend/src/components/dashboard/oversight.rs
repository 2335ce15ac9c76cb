//! Oversight on the unit dashboard: evaluation follow-ups and forum commitments still open (and
//! how many are late), the team's flags waiting for a penilai, objections to ratings waiting for a
//! decision, and short lists: the overdue follow-ups, the open commitments and the objections past
//! their decision deadline.

use crate::format;
use crate::i18n::use_i18n;
use crate::periods;
use crate::route::Route;
use kinerja_types::{DeciderKind, OpenTask, OverdueObjection, OversightFigures};
use yew::prelude::*;
use yew_router::prelude::*;

#[derive(Properties, PartialEq)]
pub struct OversightPanelProps {
    pub figures: OversightFigures,
}

#[component]
pub fn OversightPanel(props: &OversightPanelProps) -> Html {
    let i18n = use_i18n();
    let lang = i18n.lang();
    let o = &props.figures;
    let n = |v: u64| format::count(v, lang);
    let tile = |name: &str, label: &str, value: u64, note: String, warn: bool| {
        html! {
            <li class={classes!("kpi", format!("kpi-{name}"), warn.then_some("kpi-warn"))}>
                <span class="kpi-label">{ i18n.t(label) }</span>
                <strong class="kpi-value">{ n(value) }</strong>
                <span class="kpi-note">
                    if warn {
                        <span class="sr-only">{ i18n.t("dashboard.warn") }{ " " }</span>
                    }
                    { note }
                </span>
            </li>
        }
    };
    html! {
        <section class="panel oversight" id="pengawasan">
            <h2>{ i18n.t("oversight.title") }</h2>
            <ul class="kpis" aria-label={i18n.t("oversight.title").to_owned()}>
                { tile("follow-ups", "oversight.follow_ups", o.follow_ups_open,
                    i18n.tf("oversight.overdue_note", &[("n", &n(o.follow_ups_overdue))]), o.follow_ups_overdue > 0) }
                { tile("commitments", "oversight.commitments", o.commitments_open,
                    i18n.tf("oversight.overdue_note", &[("n", &n(o.commitments_overdue))]), o.commitments_overdue > 0) }
                { tile("flags", "oversight.flags", o.flags_open, i18n.t("oversight.flags_note").to_owned(), o.flags_open > 0) }
                { tile("objections", "oversight.objections", o.objections_waiting,
                    i18n.tf("oversight.objections_note", &[("n", &n(o.objections_overdue))]), o.objections_overdue > 0) }
            </ul>
            if !o.overdue_objections.is_empty() {
                <h3>{ i18n.t("oversight.overdue_objections") }</h3>
                <ObjectionTable items={o.overdue_objections.clone()} />
            }
            <h3>{ i18n.t("oversight.overdue_follow_ups") }</h3>
            <TaskTable tasks={o.overdue_follow_ups.clone()} name="overdue-follow-ups" source={Source::Session}
                empty={i18n.t("oversight.no_overdue_follow_ups").to_owned()} />
            <h3>{ i18n.t("oversight.open_commitments") }</h3>
            <TaskTable tasks={o.open_commitments.clone()} name="open-commitments" source={Source::Forum}
                empty={i18n.t("oversight.no_open_commitments").to_owned()} />
        </section>
    }
}

/// Where the tasks of a table come from, for the link to their source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Source {
    Session,
    Forum,
}

#[derive(Properties, PartialEq)]
struct TaskTableProps {
    tasks: Vec<OpenTask>,
    name: AttrValue,
    source: Source,
    empty: AttrValue,
}

/// The task, where it comes from, who owns it and by when.
#[component]
fn TaskTable(props: &TaskTableProps) -> Html {
    let i18n = use_i18n();
    if props.tasks.is_empty() {
        return html! { <p class="muted">{ props.empty.clone() }</p> };
    }
    let col = |key: &str| i18n.t(key).to_owned();
    html! {
        <div class="table-wrap">
            <table class={classes!("open-tasks", props.name.to_string())}>
                <thead><tr>
                    <th scope="col">{ col("oversight.col_task") }</th>
                    <th scope="col">{ col("oversight.col_source") }</th>
                    <th scope="col">{ col("oversight.col_owner") }</th>
                    <th scope="col">{ col("oversight.col_due") }</th>
                </tr></thead>
                <tbody>
                    { for props.tasks.iter().map(|t| {
                        let source = match props.source {
                            Source::Forum => html! {
                                <Link<Route> to={Route::ForumDetail { id: t.source_id }}>{ &t.source_title }</Link<Route>>
                            },
                            Source::Session => html! { <Link<Route> to={Route::EvaluationSessions}>{ &t.source_title }</Link<Route>> },
                        };
                        html! {
                            <tr key={t.id} class={classes!(t.overdue.then_some("overdue"))}>
                                <td data-label={col("oversight.col_task")}>{ &t.description }</td>
                                <td data-label={col("oversight.col_source")}>{ source }<br /><span class="muted small">{ &t.unit_name }</span></td>
                                <td data-label={col("oversight.col_owner")}>{ &t.owner }</td>
                                <td data-label={col("oversight.col_due")} class="nowrap">
                                    { format::date(&t.due_on) }
                                    if t.overdue {
                                        { " " }<span class="badge badge-overdue">{ i18n.t("task.overdue") }</span>
                                    }
                                </td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct ObjectionTableProps {
    items: Vec<OverdueObjection>,
}

/// Objections past their decision deadline: whose rating, who decides, since when.
#[component]
fn ObjectionTable(props: &ObjectionTableProps) -> Html {
    let i18n = use_i18n();
    let col = |key: &str| i18n.t(key).to_owned();
    html! {
        <div class="table-wrap">
            <table class="open-tasks overdue-objections">
                <thead><tr>
                    <th scope="col">{ col("assessment.employee") }</th>
                    <th scope="col">{ col("assessment.period") }</th>
                    <th scope="col">{ col("objection.decider") }</th>
                    <th scope="col">{ col("objection.decision_deadline") }</th>
                </tr></thead>
                <tbody>
                    { for props.items.iter().map(|o| {
                        let decider = match o.decider {
                            DeciderKind::Atasan => i18n.t("oversight.decider_atasan"),
                            DeciderKind::Ppk => i18n.t("oversight.decider_ppk"),
                            DeciderKind::AtasanOrPpk => i18n.t("oversight.decider_atasan_or_ppk"),
                        };
                        html! {
                            <tr key={o.assessment_id} class="overdue">
                                <td data-label={col("assessment.employee")}>
                                    <Link<Route> to={Route::AssessmentDetail { id: o.assessment_id }}>{ &o.employee_name }</Link<Route>>
                                    <br /><span class="muted small">{ &o.unit_name }</span>
                                </td>
                                <td data-label={col("assessment.period")}>{ periods::words_of(&o.period, &i18n) }</td>
                                <td data-label={col("objection.decider")}>{ decider }</td>
                                <td data-label={col("objection.decision_deadline")} class="nowrap">
                                    { format::date(&o.decision_deadline) }
                                    { " " }<span class="badge badge-overdue">{ i18n.t("task.overdue") }</span>
                                </td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        </div>
    }
}
