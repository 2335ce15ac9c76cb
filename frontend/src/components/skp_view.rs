//! Reading an SKP: its summary (status, penilai, the reason it came back), its RHK with their
//! indicators, the BerAKHLAK expectations and the list of its revisions.

use super::{Confirm, ErrorBanner, Loading, StatusBadge};
use crate::api::{self, ApiError};
use crate::format;
use crate::hooks::use_remote;
use crate::i18n::use_i18n;
use crate::route::Route;
use kinerja_domain::{CoreValue, RhkKind, SkpStatus};
use kinerja_types::{Behavior, Rhk, Skp};
use std::collections::HashMap;
use std::rc::Rc;
use yew::prelude::*;
use yew_router::prelude::*;

/// Texts of what RHK point up to: the supervisor's RHK and the unit's Perjanjian Kinerja goals.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct References {
    pub parent_rhk: HashMap<i64, String>,
    pub pk_goals: HashMap<i64, String>,
}

/// Looks up the texts the RHK of `skp` refer to. They only make the page easier to read, so
/// whoever may not see them gets the bare numbers.
#[hook]
pub fn use_references(skp: Option<Rc<Skp>>) -> Rc<References> {
    let wanted = skp.map(|s| {
        let parents = s.rhk.iter().any(|r| r.parent_rhk_id.is_some());
        let goals = s.rhk.iter().any(|r| r.pk_goal_id.is_some());
        (s.penilai_id.filter(|_| parents), goals.then_some(s.unit_id), s.year)
    });
    let loaded = use_remote(wanted, |wanted| async move {
        let mut references = References::default();
        let Some((penilai, unit, year)) = wanted else {
            return Ok(references);
        };
        if let Some(penilai) = penilai {
            if let Ok(Some(plan)) = api::skp::current(penilai, year).await {
                references.parent_rhk = plan.rhk.into_iter().map(|r| (r.id, r.text)).collect();
            }
        }
        if let Some(unit) = unit {
            if let Ok(page) = api::pk::goals(unit, year).await {
                references.pk_goals = page.items.into_iter().map(|g| (g.id, g.text)).collect();
            }
        }
        Ok::<_, ApiError>(references)
    });
    loaded.state.data.clone().unwrap_or_default()
}

#[derive(Properties, PartialEq)]
pub struct SkpSummaryProps {
    pub skp: Rc<Skp>,
}

/// Year, revision, status, people and dates; the return reason stands out when sent back.
#[component]
pub fn SkpSummary(props: &SkpSummaryProps) -> Html {
    let i18n = use_i18n();
    let skp = &props.skp;
    let penilai = use_remote(skp.penilai_id, |id| async move {
        match id {
            Some(id) => api::employees::get(id).await.map(|e| Some(format!("{} ({})", e.name, e.position_title))),
            None => Ok(None),
        }
    });
    let penilai_name = match (penilai.state.data.as_deref(), &penilai.state.error) {
        (Some(Some(name)), _) => html! { { name.clone() } },
        (Some(None), _) => html! { <span class="muted">{ i18n.t("skp.no_penilai") }</span> },
        // Not every reader may open the penilai's record (a pegawai sees only themselves and below).
        (None, Some(_)) => html! {
            <span class="muted">{ i18n.tf("skp.penilai_unreadable", &[("id", &skp.penilai_id.unwrap_or_default().to_string())]) }</span>
        },
        (None, None) => html! { <span class="muted">{ i18n.t("common.loading") }</span> },
    };
    let when = |at: &Option<chrono::DateTime<chrono::Utc>>| {
        at.as_ref().map(|at| format::instant(at, i18n.lang())).unwrap_or_else(|| i18n.t("common.none").to_owned())
    };
    html! {
        <div class="panel skp-summary">
            <div class="skp-head">
                <h2>{ i18n.tf("skp.heading", &[("year", &skp.year.to_string()), ("revision", &skp.revision.to_string())]) }</h2>
                <StatusBadge status={Some(skp.status)} />
            </div>
            if skp.status == SkpStatus::Returned {
                <div class="callout callout-warn" role="alert">
                    <strong>{ i18n.t("skp.returned_title") }</strong>
                    <p>{ skp.return_reason.clone().unwrap_or_else(|| i18n.t("common.none").to_owned()) }</p>
                </div>
            }
            if skp.superseded {
                <p class="callout callout-info">{ i18n.t("skp.superseded") }</p>
            }
            <dl class="facts">
                <dt>{ i18n.t("skp.employee") }</dt>
                <dd>{ &skp.employee_name }</dd>
                <dt>{ i18n.t("employee.position_title") }</dt>
                <dd>{ &skp.position_title }</dd>
                <dt>{ i18n.t("skp.penilai") }</dt>
                <dd>{ penilai_name }</dd>
                <dt>{ i18n.t("skp.approach") }</dt>
                <dd>{ i18n.word("approach", skp.approach.as_str()) }</dd>
                <dt>{ i18n.t("skp.submitted_at") }</dt>
                <dd>{ when(&skp.submitted_at) }</dd>
                <dt>{ i18n.t("skp.approved_at") }</dt>
                <dd>{ when(&skp.approved_at) }</dd>
            </dl>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct RhkListProps {
    pub rhk: Vec<Rhk>,
    pub references: Rc<References>,
    /// Shows a delete button on each RHK (the owner, while the SKP is editable).
    #[prop_or_default]
    pub on_delete: Option<Callback<i64>>,
    /// The RHK being deleted.
    #[prop_or_default]
    pub deleting: Option<i64>,
}

/// The RHK, main ones first, each with what it supports and its indicators.
#[component]
pub fn RhkList(props: &RhkListProps) -> Html {
    let i18n = use_i18n();
    let asking = use_state(|| None::<i64>);
    if props.rhk.is_empty() {
        return html! { <p class="muted">{ i18n.t("rhk.empty") }</p> };
    }
    let mut ordered: Vec<&Rhk> = props.rhk.iter().collect();
    ordered.sort_by_key(|r| (r.kind != RhkKind::Utama, r.id));
    let items = ordered.into_iter().enumerate().map(|(index, rhk)| {
        let supports = match (rhk.parent_rhk_id, rhk.pk_goal_id) {
            (Some(id), _) => Some((
                i18n.t("rhk.parent"),
                props.references.parent_rhk.get(&id).cloned().unwrap_or_else(|| format!("RHK #{id}")),
            )),
            (None, Some(id)) => Some((
                i18n.t("rhk.pk_goal"),
                props.references.pk_goals.get(&id).cloned().unwrap_or_else(|| format!("#{id}")),
            )),
            (None, None) => None,
        };
        let delete = props.on_delete.as_ref().map(|on_delete| {
            let id = rhk.id;
            if *asking == Some(id) {
                let on_delete = on_delete.clone();
                let asking_done = asking.clone();
                let asking_cancel = asking.clone();
                html! {
                    <Confirm text={i18n.t("rhk.delete_confirm").to_owned()} confirm_label={i18n.t("rhk.delete").to_owned()}
                        busy={props.deleting == Some(id)}
                        on_confirm={Callback::from(move |()| { on_delete.emit(id); asking_done.set(None); })}
                        on_cancel={Callback::from(move |()| asking_cancel.set(None))} />
                }
            } else {
                let asking = asking.clone();
                html! {
                    <button type="button" class="button-quiet button-danger" disabled={props.deleting == Some(id)}
                        onclick={move |_| asking.set(Some(id))}>
                        { i18n.t("rhk.delete") }
                    </button>
                }
            }
        });
        html! {
            <li key={rhk.id} class="rhk">
                <div class="rhk-head">
                    <span class={classes!("tag", format!("tag-{}", rhk.kind.as_str()))}>
                        { i18n.tf("rhk.kind_label", &[("kind", i18n.word("rhk_kind", rhk.kind.as_str()))]) }
                    </span>
                    <span class="muted">{ i18n.tf("rhk.number", &[("n", &(index + 1).to_string())]) }</span>
                </div>
                <p class="rhk-text">{ &rhk.text }</p>
                if let Some((label, text)) = supports {
                    <p class="rhk-parent"><span class="muted">{ label }{ ": " }</span>{ text }</p>
                }
                <IndicatorTable rhk={rhk.clone()} />
                { delete }
            </li>
        }
    });
    html! { <ol class="rhk-list">{ for items }</ol> }
}

#[derive(Properties, PartialEq)]
struct IndicatorTableProps {
    rhk: Rhk,
}

#[component]
fn IndicatorTable(props: &IndicatorTableProps) -> Html {
    let i18n = use_i18n();
    if props.rhk.indicators.is_empty() {
        return html! { <p class="muted">{ i18n.t("indicator.none") }</p> };
    }
    html! {
        <div class="table-wrap">
            <table class="indicators">
                <thead>
                    <tr>
                        <th scope="col">{ i18n.t("indicator.aspect") }</th>
                        <th scope="col">{ i18n.t("indicator.text") }</th>
                        <th scope="col">{ i18n.t("indicator.target") }</th>
                    </tr>
                </thead>
                <tbody>
                    { for props.rhk.indicators.iter().map(|ind| html! {
                        <tr key={ind.id}>
                            <td data-label={i18n.t("indicator.aspect").to_owned()}>{ i18n.word("aspect", ind.aspect.as_str()) }</td>
                            <td data-label={i18n.t("indicator.text").to_owned()}>{ &ind.text }</td>
                            <td class="nowrap" data-label={i18n.t("indicator.target").to_owned()}>
                                { format!("{} {}", format::number(ind.target, i18n.lang()), ind.unit) }
                            </td>
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct BehaviorListProps {
    pub behaviors: Vec<Behavior>,
}

/// The seven core values with the leader's specific expectation, if any.
#[component]
pub fn BehaviorList(props: &BehaviorListProps) -> Html {
    let i18n = use_i18n();
    let expectation = |value: CoreValue| {
        props
            .behaviors
            .iter()
            .find(|b| b.core_value == value)
            .and_then(|b| b.expectation.clone())
            .filter(|e| !e.trim().is_empty())
    };
    html! {
        <dl class="facts behaviors">
            { for CoreValue::ALL.iter().map(|value| html! {
                <>
                    <dt>{ i18n.word("core_value", value.as_str()) }</dt>
                    <dd>
                        { match expectation(*value) {
                            Some(text) => html! { { text } },
                            None => html! { <span class="muted">{ i18n.t("behavior.no_expectation") }</span> },
                        } }
                    </dd>
                </>
            }) }
        </dl>
    }
}

#[derive(Properties, PartialEq)]
pub struct RevisionHistoryProps {
    /// Any revision of the plan.
    pub skp_id: i64,
    /// The revision on screen, marked in the list.
    pub shown_id: i64,
    /// Bumped by the page when the plan changed, to read the list again.
    #[prop_or_default]
    pub version: u32,
}

/// Every revision of the plan, oldest first, each readable on its own page.
#[component]
pub fn RevisionHistory(props: &RevisionHistoryProps) -> Html {
    let i18n = use_i18n();
    let list = use_remote((props.skp_id, props.version), |(id, _)| api::skp::revisions(id));
    let body = match &list.state.data {
        Some(page) if page.items.is_empty() => html! { <p class="muted">{ i18n.t("skp.history_empty") }</p> },
        Some(page) => html! {
            <div class="table-wrap">
                <table>
                    <thead>
                        <tr>
                            <th scope="col">{ i18n.t("skp.revision") }</th>
                            <th scope="col">{ i18n.t("skp.status") }</th>
                            <th scope="col">{ i18n.t("skp.created_at") }</th>
                            <th scope="col">{ i18n.t("skp.approved_at") }</th>
                            <th scope="col"><span class="sr-only">{ i18n.t("common.open") }</span></th>
                        </tr>
                    </thead>
                    <tbody>
                        { for page.items.iter().map(|s| html! {
                            <tr key={s.id} class={classes!((s.id == props.shown_id).then_some("row-current"))}>
                                <td data-label={i18n.t("skp.revision").to_owned()}>{ s.revision }</td>
                                <td data-label={i18n.t("skp.status").to_owned()}>
                                    <StatusBadge status={Some(s.status)} />
                                    if s.superseded { { " " }<span class="muted">{ i18n.t("skp.superseded_short") }</span> }
                                </td>
                                <td data-label={i18n.t("skp.created_at").to_owned()}>{ format::instant(&s.created_at, i18n.lang()) }</td>
                                <td data-label={i18n.t("skp.approved_at").to_owned()}>
                                    { s.approved_at.as_ref().map(|at| format::instant(at, i18n.lang())).unwrap_or_else(|| i18n.t("common.none").to_owned()) }
                                </td>
                                <td data-label="">
                                    if s.id == props.shown_id {
                                        <span class="muted">{ i18n.t("skp.shown") }</span>
                                    } else {
                                        <Link<Route> to={Route::SkpDetail { id: s.id }}>
                                            { i18n.tf("skp.open_revision", &[("revision", &s.revision.to_string())]) }
                                        </Link<Route>>
                                    }
                                </td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
        },
        None if list.state.loading => html! { <Loading /> },
        None => html! {},
    };
    html! {
        <section class="panel">
            <h2>{ i18n.t("skp.history") }</h2>
            <ErrorBanner error={list.state.error.clone()} on_retry={list.reload.clone()} />
            { body }
        </section>
    }
}
