//! Peta Kinerja (heads, admin, auditor): for a unit and a year, the performance tree from the
//! Perjanjian Kinerja goals down through every RHK that carries them, with what is left hanging
//! flagged; how far the unit's people are with their SKP; and, for heads and admin, new goals.

use super::pk_goal_form::PkGoalForm;
use super::PageProps;
use crate::api;
use crate::components::{use_toast, ErrorBanner, Loading, SelectField, StatusBadge, YearPicker};
use crate::format;
use crate::hooks::use_remote;
use crate::i18n::use_i18n;
use crate::route::Route;
use kinerja_domain::{Role, SkpStatus};
use kinerja_types::{CascadeNode, CascadeTree, PkGoal, SkpMonitoring};
use std::collections::HashSet;
use std::rc::Rc;
use yew::prelude::*;
use yew_router::prelude::*;

#[component]
pub fn PerformanceMap(props: &PageProps) -> Html {
    let i18n = use_i18n();
    let year = use_state(format::current_year);
    let picked_unit = use_state(|| None::<i64>);
    let toast = use_toast();
    let units = use_remote((), |()| api::units::all());
    let home_unit = props.me.unit_id.or(props.me.employee.as_ref().map(|e| e.unit_id));
    let unit_id = (*picked_unit)
        .or(home_unit)
        .or_else(|| units.state.data.as_ref().and_then(|all| all.iter().find(|u| u.parent_id.is_none()).map(|u| u.id)));
    let tree = use_remote((unit_id, *year), |(unit, year)| async move {
        match unit {
            Some(unit) => api::pk::tree(unit, year).await.map(Some),
            None => Ok(None),
        }
    });
    let monitoring = use_remote((unit_id, *year), |(unit, year)| async move {
        match unit {
            Some(unit) => api::pk::monitoring(unit, year).await.map(Some),
            None => Ok(None),
        }
    });
    let may_add_goals = props.me.has(Role::Admin) || props.me.has(Role::KepalaUnit);

    let on_year = {
        let year = year.clone();
        Callback::from(move |y| year.set(y))
    };
    let on_unit = {
        let picked_unit = picked_unit.clone();
        Callback::from(move |v: String| picked_unit.set(v.parse().ok()))
    };
    let on_goal_added = {
        let (toast, i18n) = (toast.clone(), i18n.clone());
        let reload = tree.reload.clone();
        Callback::from(move |goal: PkGoal| {
            toast.say(i18n.tf("pk.added", &[("text", &goal.text)]));
            reload.emit(());
        })
    };
    let unit_options: Vec<(AttrValue, AttrValue)> = {
        let mut all: Vec<_> = units.state.data.iter().flat_map(|u| u.iter()).collect();
        all.sort_by(|a, b| a.name.cmp(&b.name));
        let mut options: Vec<(AttrValue, AttrValue)> =
            all.into_iter().map(|u| (AttrValue::from(u.id.to_string()), AttrValue::from(u.name.clone()))).collect();
        if let Some(id) = unit_id.filter(|id| !options.iter().any(|(v, _)| *v == id.to_string())) {
            options.insert(0, (AttrValue::from(id.to_string()), AttrValue::from(format!("#{id}"))));
        }
        options
    };

    let monitoring_body = match monitoring.state.data.as_deref() {
        Some(Some(m)) => html! { <MonitoringView monitoring={Rc::new(m.clone())} /> },
        Some(None) => html! {},
        None if monitoring.state.loading => html! { <Loading /> },
        None => html! {},
    };
    let tree_body = match tree.state.data.as_deref() {
        Some(Some(t)) => html! { <TreeView tree={Rc::new(t.clone())} /> },
        Some(None) => html! { <p class="muted">{ i18n.t("map.pick_unit") }</p> },
        None if tree.state.loading => html! { <Loading /> },
        None => html! {},
    };

    html! {
        <section class="page">
            <h1>{ i18n.t("map.title") }</h1>
            <div class="toolbar">
                <SelectField id="map-unit" label={i18n.t("employee.unit").to_owned()}
                    value={unit_id.map(|id| id.to_string()).unwrap_or_default()}
                    options={unit_options} on_change={on_unit} />
                <YearPicker id="map-year" value={*year} on_change={on_year} />
            </div>
            <ErrorBanner error={units.state.error.clone()} on_retry={units.reload.clone()} />
            <section class="panel">
                <h2>{ i18n.t("monitor.title") }</h2>
                <ErrorBanner error={monitoring.state.error.clone()} on_retry={monitoring.reload.clone()} />
                { monitoring_body }
            </section>
            <section class="panel">
                <h2>{ i18n.t("map.tree") }</h2>
                <p class="muted">{ i18n.t("map.tree_hint") }</p>
                <ErrorBanner error={tree.state.error.clone()} on_retry={tree.reload.clone()} />
                { tree_body }
            </section>
            if may_add_goals {
                if let Some(unit_id) = unit_id {
                    <PkGoalForm {unit_id} year={*year} on_added={on_goal_added} />
                }
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct MonitoringViewProps {
    monitoring: Rc<SkpMonitoring>,
}

/// Tiles per status, a bar of the same shares, the deadline and who is still missing.
#[component]
fn MonitoringView(props: &MonitoringViewProps) -> Html {
    let i18n = use_i18n();
    let m = &props.monitoring;
    let total = m.headcount.max(1) as f64;
    let share = |n: u64| n as f64 * 100.0 / total;
    let parts: [(Option<SkpStatus>, u64); 5] = [
        (Some(SkpStatus::Approved), m.approved),
        (Some(SkpStatus::Submitted), m.submitted),
        (Some(SkpStatus::Returned), m.returned),
        (Some(SkpStatus::Draft), m.draft),
        (None, m.none),
    ];
    let key = |status: Option<SkpStatus>| status.map(|s| s.as_str()).unwrap_or("none");
    let word = |status: Option<SkpStatus>| match status {
        Some(s) => i18n.word("skp_status", s.as_str()),
        None => i18n.t("skp_status.none"),
    };
    let percent = format!("{:.0}", share(m.approved));
    let summary = i18n.tf(
        "monitor.summary",
        &[("approved", &m.approved.to_string()), ("headcount", &m.headcount.to_string()), ("percent", &percent)],
    );
    let pending = m.headcount.saturating_sub(m.approved);
    html! {
        <div class="monitoring">
            <ul class="tiles">
                { for parts.iter().map(|(status, n)| html! {
                    <li class={classes!("tile", format!("tile-{}", key(*status)))}>
                        <span class="tile-count">{ n }</span>
                        <span class="tile-label">{ word(*status) }</span>
                    </li>
                }) }
            </ul>
            <div class="progress" role="img" aria-label={summary.clone()}>
                { for parts.iter().filter(|(_, n)| *n > 0).map(|(status, n)| html! {
                    <span class={classes!("progress-part", format!("progress-{}", key(*status)))}
                        style={format!("width: {:.2}%", share(*n))}></span>
                }) }
            </div>
            <p>{ summary }</p>
            <p class="muted">{ i18n.tf("monitor.deadline", &[("date", &format::date(&m.deadline))]) }</p>
            if m.past_deadline && pending > 0 {
                <p class="callout callout-warn" role="alert">
                    { i18n.tf("monitor.past_deadline", &[("n", &pending.to_string())]) }
                </p>
            }
            if !m.employees.is_empty() {
                <details class="monitor-people">
                    <summary>{ i18n.tf("monitor.people", &[("n", &m.employees.len().to_string())]) }</summary>
                    <div class="table-wrap">
                        <table>
                            <thead>
                                <tr>
                                    <th scope="col">{ i18n.t("employee.name") }</th>
                                    <th scope="col">{ i18n.t("skp.status") }</th>
                                </tr>
                            </thead>
                            <tbody>
                                { for m.employees.iter().map(|row| html! {
                                    <tr key={row.employee_id}>
                                        <td data-label={i18n.t("employee.name").to_owned()}>{ &row.name }</td>
                                        <td data-label={i18n.t("skp.status").to_owned()}><StatusBadge status={row.status} /></td>
                                    </tr>
                                }) }
                            </tbody>
                        </table>
                    </div>
                </details>
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct TreeViewProps {
    tree: Rc<CascadeTree>,
}

/// Goals, each with the RHK tree under it (folding), then goals nobody carries and RHK whose
/// parent is missing, both flagged.
#[component]
fn TreeView(props: &TreeViewProps) -> Html {
    let i18n = use_i18n();
    let tree = &props.tree;
    let uncarried: HashSet<i64> = tree.uncarried_goals.iter().map(|g| g.id).collect();
    let shown: HashSet<i64> = tree.goals.iter().map(|g| g.goal.id).collect();
    let extra_uncarried: Vec<&PkGoal> = tree.uncarried_goals.iter().filter(|g| !shown.contains(&g.id)).collect();
    if tree.goals.is_empty() && tree.roots.is_empty() && tree.uncarried_goals.is_empty() && tree.orphan_rhk.is_empty() {
        return html! { <p class="muted">{ i18n.t("map.empty") }</p> };
    }
    html! {
        <div class="perf-tree">
            if !tree.uncarried_goals.is_empty() || !tree.orphan_rhk.is_empty() {
                <p class="callout callout-warn">
                    { i18n.tf("map.warnings", &[
                        ("goals", &tree.uncarried_goals.len().to_string()),
                        ("orphans", &tree.orphan_rhk.len().to_string()),
                    ]) }
                </p>
            }
            <ul class="tree">
                { for tree.goals.iter().map(|g| {
                    let lonely = uncarried.contains(&g.goal.id) || g.rhk.is_empty();
                    html! {
                        <li key={g.goal.id} class={classes!("tree-goal", lonely.then_some("tree-warn"))}>
                            <details open=true>
                                <summary><GoalText goal={g.goal.clone()} /></summary>
                                if lonely {
                                    <p class="tree-flag">{ i18n.t("map.uncarried_one") }</p>
                                }
                                if !g.rhk.is_empty() {
                                    <ul class="tree">
                                        { for g.rhk.iter().map(|node| html! { <Node key={node.rhk_id} node={node.clone()} /> }) }
                                    </ul>
                                }
                            </details>
                        </li>
                    }
                }) }
                { for extra_uncarried.iter().map(|goal| html! {
                    <li key={goal.id} class="tree-goal tree-warn">
                        <GoalText goal={(*goal).clone()} />
                        <p class="tree-flag">{ i18n.t("map.uncarried_one") }</p>
                    </li>
                }) }
            </ul>
            if !tree.roots.is_empty() {
                <h3>{ i18n.t("map.roots") }</h3>
                <p class="muted">{ i18n.t("map.roots_hint") }</p>
                <ul class="tree">
                    { for tree.roots.iter().map(|node| html! { <Node key={node.rhk_id} node={node.clone()} /> }) }
                </ul>
            }
            if !tree.orphan_rhk.is_empty() {
                <h3>{ i18n.t("map.orphans") }</h3>
                <p class="muted">{ i18n.t("map.orphans_hint") }</p>
                <ul class="tree tree-orphans">
                    { for tree.orphan_rhk.iter().map(|node| html! { <Node key={node.rhk_id} node={node.clone()} orphan=true /> }) }
                </ul>
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct GoalTextProps {
    goal: PkGoal,
}

#[component]
fn GoalText(props: &GoalTextProps) -> Html {
    let i18n = use_i18n();
    let goal = &props.goal;
    html! {
        <span class="tree-label">
            <span class="tag tag-goal">{ i18n.t("map.goal") }</span>
            <strong>{ &goal.text }</strong>
            { for goal.indicators.iter().map(|ind| html! {
                <span class="chip">{ format!("{}: {} {}", ind.text, format::number(ind.target, i18n.lang()), ind.unit) }</span>
            }) }
        </span>
    }
}

#[derive(Properties, PartialEq)]
struct NodeProps {
    node: CascadeNode,
    #[prop_or_default]
    orphan: bool,
}

/// One RHK, its owner, and (folding) the RHK below it.
#[component]
fn Node(props: &NodeProps) -> Html {
    let i18n = use_i18n();
    let node = &props.node;
    let label = html! {
        <span class="tree-label">
            <span class={classes!("tag", format!("tag-{}", node.kind.as_str()))}>{ i18n.word("rhk_kind", node.kind.as_str()) }</span>
            <span>{ &node.text }</span>
            <span class="tree-owner">
                <Link<Route> to={Route::SkpDetail { id: node.skp_id }}>{ &node.employee_name }</Link<Route>>
                { " · " }{ &node.position_title }
            </span>
        </span>
    };
    let class = classes!("tree-node", props.orphan.then_some("tree-warn"));
    if node.children.is_empty() {
        return html! { <li {class}>{ label }</li> };
    }
    html! {
        <li {class}>
            <details open=true>
                <summary>{ label }</summary>
                <ul class="tree">
                    { for node.children.iter().map(|child| html! { <Node key={child.rhk_id} node={child.clone()} /> }) }
                </ul>
            </details>
        </li>
    }
}
