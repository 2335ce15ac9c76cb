//! Realisasi: for a month, a quarter or the year, each RHK of an approved SKP with its approved
//! activities and, per indicator, the target, what was realised (summed from approved output for
//! quantity) and the share of the target. The owner writes a narrative and attaches evidence per
//! indicator. `/realisasi` is my own plan; `/realisasi/{skp_id}` opens anyone's the server lets
//! me read, which is how a penilai follows a subordinate (listed on my own page).

use super::PageProps;
use crate::api::skp::SkpFilter;
use crate::api::{self, ApiError};
use crate::components::evidence::{Attached, EvidenceAttach, EvidenceList};
use crate::components::{ErrorBanner, Field, Loading, Meter, Notice, PeriodPicker};
use crate::format;
use crate::hooks::use_remote;
use crate::i18n::use_i18n;
use crate::periods;
use crate::route::Route;
use chrono::Datelike;
use futures::future::join_all;
use kinerja_domain::{Period, SkpStatus};
use kinerja_types::{IndicatorRealization, Me, RealizationNote, Skp};
use std::rc::Rc;
use yew::platform::spawn_local;
use yew::prelude::*;
use yew_router::prelude::*;

/// The period shown first: this month when the plan is of this year, else its whole year.
fn default_period(year: i32) -> Period {
    let today = format::today();
    if today.year() == year {
        Period::Month(year, today.month())
    } else {
        Period::Year(year)
    }
}

/// The approved plan of `employee_id` for `year`, if any (without RHK).
async fn approved_plan(employee_id: i64, year: i32) -> Result<Option<Skp>, ApiError> {
    let filter = SkpFilter {
        employee_id: Some(employee_id),
        year: Some(year),
        status: Some(SkpStatus::Approved),
        page: 1,
        per_page: 50,
        ..SkpFilter::default()
    };
    Ok(api::skp::list(&filter).await?.items.into_iter().filter(|s| !s.superseded).max_by_key(|s| s.id))
}

/// My own realisation.
#[component]
pub fn MyRealization(props: &PageProps) -> Html {
    let i18n = use_i18n();
    let period = use_state(|| default_period(format::current_year()));
    let employee_id = props.me.employee.as_ref().map(|e| e.id);
    let plan = use_remote((employee_id, period.year()), |(id, year)| async move {
        match id {
            Some(id) => approved_plan(id, year).await,
            None => Ok(None),
        }
    });
    let on_period = {
        let period = period.clone();
        Callback::from(move |p| period.set(p))
    };
    let body = match plan.state.data.as_deref() {
        Some(Some(skp)) => html! { <RealizationView skp_id={skp.id} period={*period} owner=true /> },
        Some(None) => html! {
            <div class="callout callout-warn">
                <p>{ i18n.tf("realization.no_plan", &[("year", &period.year().to_string())]) }</p>
                <Link<Route> to={Route::MySkp}>{ i18n.t("activity.to_skp") }</Link<Route>>
            </div>
        },
        None if plan.state.loading => html! { <Loading /> },
        None => html! {},
    };
    html! {
        <section class="page">
            <h1>{ i18n.t("realization.title") }</h1>
            <p class="lead">{ i18n.t("realization.lead") }</p>
            <div class="toolbar">
                <PeriodPicker id="realization-period" value={*period} on_change={on_period} />
            </div>
            <ErrorBanner error={plan.state.error.clone()} on_retry={plan.reload.clone()} />
            { body }
            if props.me.is_supervisor {
                <TeamRealization me={props.me.clone()} year={period.year()} />
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct RealizationProps {
    pub me: Rc<Me>,
    pub skp_id: i64,
}

/// Someone's realisation by their SKP.
#[component]
pub fn Realization(props: &RealizationProps) -> Html {
    let i18n = use_i18n();
    let skp = use_remote(props.skp_id, api::skp::get);
    let chosen = use_state(|| None::<Period>);
    {
        let chosen = chosen.clone();
        use_effect_with(props.skp_id, move |_| chosen.set(None));
    }
    let on_change = {
        let chosen = chosen.clone();
        Callback::from(move |p| chosen.set(Some(p)))
    };
    let body = match &skp.state.data {
        Some(plan) => {
            let period = chosen.unwrap_or_else(|| default_period(plan.year));
            let owner = props.me.employee.as_ref().map(|e| e.id) == Some(plan.employee_id);
            html! {
                <>
                    <p class="lead">
                        { i18n.tf("realization.of", &[("name", &plan.employee_name), ("position", &plan.position_title), ("year", &plan.year.to_string())]) }
                    </p>
                    if owner {
                        <p><Link<Route> to={Route::MyRealization}>{ i18n.t("realization.to_mine") }</Link<Route>></p>
                    } else {
                        <p><Link<Route> to={Route::Feedback { employee_id: plan.employee_id }}>
                            { i18n.t("realization.to_feedback") }
                        </Link<Route>></p>
                    }
                    <div class="toolbar">
                        <PeriodPicker id="realization-period" value={period} {on_change} fixed_year={Some(plan.year)} />
                    </div>
                    <RealizationView skp_id={plan.id} {period} {owner} />
                </>
            }
        }
        None if skp.state.loading => html! { <Loading /> },
        None => html! {},
    };
    html! {
        <section class="page">
            <h1>{ i18n.t("realization.title") }</h1>
            <ErrorBanner error={skp.state.error.clone()} on_retry={skp.reload.clone()} />
            { body }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct TeamRealizationProps {
    me: Rc<Me>,
    year: i32,
}

/// A penilai's way to the realisation of each direct subordinate.
#[component]
fn TeamRealization(props: &TeamRealizationProps) -> Html {
    let i18n = use_i18n();
    let my_id = props.me.employee.as_ref().map(|e| e.id);
    let team = use_remote((my_id, props.year), |(my_id, year)| async move {
        let Some(my_id) = my_id else {
            return Ok(Vec::new());
        };
        let people = api::employees::subordinates(my_id).await?.items;
        let plans = join_all(people.iter().map(|e| approved_plan(e.id, year))).await;
        people.into_iter().zip(plans).map(|(e, plan)| Ok((e, plan?))).collect::<Result<Vec<_>, ApiError>>()
    });
    let body = match team.state.data.as_deref().map(Vec::as_slice) {
        Some([]) => html! { <p class="muted">{ i18n.t("team.no_members") }</p> },
        Some(people) => html! {
            <ul class="link-list">
                { for people.iter().map(|(e, plan)| html! {
                    <li key={e.id}>
                        <strong>{ &e.name }</strong>{ " " }<span class="muted">{ &e.position_title }</span>{ " · " }
                        { match plan {
                            Some(plan) => html! {
                                <Link<Route> to={Route::Realization { skp_id: plan.id }}>{ i18n.t("realization.open") }</Link<Route>>
                            },
                            None => html! { <span class="muted">{ i18n.t("realization.no_plan_short") }</span> },
                        } }
                    </li>
                }) }
            </ul>
        },
        None if team.state.loading => html! { <Loading /> },
        None => html! {},
    };
    html! {
        <section class="panel">
            <h2>{ i18n.tf("realization.team", &[("year", &props.year.to_string())]) }</h2>
            <ErrorBanner error={team.state.error.clone()} on_retry={team.reload.clone()} />
            { body }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct RealizationViewProps {
    skp_id: i64,
    period: Period,
    /// The owner writes the narratives.
    owner: bool,
}

/// The table per RHK and indicator for one period.
#[component]
fn RealizationView(props: &RealizationViewProps) -> Html {
    let i18n = use_i18n();
    let flash = use_state(|| None::<String>);
    let data = use_remote((props.skp_id, props.period), |(id, period)| api::realization::get(id, period));
    {
        let flash = flash.clone();
        use_effect_with(props.period, move |_| flash.set(None));
    }
    let on_saved = {
        let flash = flash.clone();
        let reload = data.reload.clone();
        let done = i18n.t("realization.saved").to_owned();
        Callback::from(move |()| {
            flash.set(Some(done.clone()));
            reload.emit(());
        })
    };
    let body = match &data.state.data {
        Some(r) if r.rhk.is_empty() => html! { <p class="muted">{ i18n.t("rhk.empty") }</p> },
        Some(r) => html! {
            <ol class="rhk-list">
                { for r.rhk.iter().map(|rhk| html! {
                    <li key={rhk.rhk_id} class="rhk">
                        <p class="rhk-text">{ &rhk.text }</p>
                        <p class="muted">{ i18n.tf("realization.activities", &[("n", &rhk.activities.to_string()), ("duration", &format::minutes(rhk.minutes, i18n.lang()))]) }</p>
                        <div class="table-wrap">
                            <table class="indicators realization">
                                <thead>
                                    <tr>
                                        <th scope="col">{ i18n.t("indicator.aspect") }</th>
                                        <th scope="col">{ i18n.t("indicator.text") }</th>
                                        <th scope="col">{ i18n.t("indicator.target") }</th>
                                        <th scope="col">{ i18n.t("realization.realized") }</th>
                                        <th scope="col">{ i18n.t("realization.percent") }</th>
                                        <th scope="col">{ i18n.t("realization.narrative") }</th>
                                    </tr>
                                </thead>
                                <tbody>
                                    { for rhk.indicators.iter().map(|ind| html! {
                                        <IndicatorRow key={ind.indicator_id} skp_id={props.skp_id} period={props.period}
                                            indicator={ind.clone()} owner={props.owner} on_saved={on_saved.clone()} />
                                    }) }
                                </tbody>
                            </table>
                        </div>
                    </li>
                }) }
            </ol>
        },
        None if data.state.loading => html! { <Loading /> },
        None => html! {},
    };
    html! {
        <section class="panel">
            <h2>{ i18n.tf("realization.period", &[("period", &periods::words(props.period, &i18n))]) }</h2>
            if let Some(text) = &*flash {
                <Notice text={text.clone()} />
            }
            <ErrorBanner error={data.state.error.clone()} on_retry={data.reload.clone()} />
            { body }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct IndicatorRowProps {
    skp_id: i64,
    period: Period,
    indicator: IndicatorRealization,
    owner: bool,
    on_saved: Callback<()>,
}

/// One indicator; its owner opens the narrative (and evidence) for writing in place.
#[component]
fn IndicatorRow(props: &IndicatorRowProps) -> Html {
    let i18n = use_i18n();
    let editing = use_state(|| false);
    let ind = &props.indicator;
    let lang = i18n.lang();
    let amount = |v: f64| format!("{} {}", format::number(v, lang), ind.unit);
    let open = {
        let editing = editing.clone();
        Callback::from(move |_: MouseEvent| editing.set(true))
    };
    let close = {
        let editing = editing.clone();
        Callback::from(move |()| editing.set(false))
    };
    let saved = {
        let editing = editing.clone();
        let on_saved = props.on_saved.clone();
        Callback::from(move |()| {
            editing.set(false);
            on_saved.emit(());
        })
    };
    html! {
        <>
            <tr>
                <td data-label={i18n.t("indicator.aspect").to_owned()}>{ i18n.word("aspect", ind.aspect.as_str()) }</td>
                <td data-label={i18n.t("indicator.text").to_owned()}>{ &ind.text }</td>
                <td data-label={i18n.t("indicator.target").to_owned()} class="nowrap">{ amount(ind.target) }</td>
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
                <td data-label={i18n.t("realization.narrative").to_owned()}>
                    <div>
                        if let Some(text) = ind.narrative.as_ref().filter(|t| !t.trim().is_empty()) {
                            <p class="narrative">{ text.clone() }</p>
                        } else {
                            <p class="muted">{ i18n.t("realization.no_narrative") }</p>
                        }
                        <EvidenceList ids={ind.evidence_ids.clone()} />
                        if props.owner && !*editing {
                            <button type="button" class="button-quiet button-small" onclick={open}>
                                { i18n.t("realization.edit") }
                            </button>
                        }
                    </div>
                </td>
            </tr>
            if *editing {
                <tr class="row-detail">
                    <td colspan="6">
                        <NarrativeForm skp_id={props.skp_id} period={props.period} indicator={ind.clone()}
                            on_saved={saved} on_cancel={close} />
                    </td>
                </tr>
            }
        </>
    }
}

#[derive(Properties, PartialEq)]
struct NarrativeFormProps {
    skp_id: i64,
    period: Period,
    indicator: IndicatorRealization,
    on_saved: Callback<()>,
    on_cancel: Callback<()>,
}

/// The owner's narrative and evidence for one indicator in the period.
#[component]
fn NarrativeForm(props: &NarrativeFormProps) -> Html {
    let i18n = use_i18n();
    let ind = &props.indicator;
    let text = use_state(|| ind.narrative.clone().unwrap_or_default());
    let evidence = {
        let ids = ind.evidence_ids.clone();
        use_state(move || ids.iter().map(|id| Attached { id: *id, label: format!("#{id}") }).collect::<Vec<_>>())
    };
    let uploading = use_state(|| false);
    let busy = use_state(|| false);
    let error = use_state(|| None::<ApiError>);
    let onsubmit = {
        let text = text.clone();
        let evidence = evidence.clone();
        let busy = busy.clone();
        let uploading = uploading.clone();
        let error = error.clone();
        let on_saved = props.on_saved.clone();
        let note = (props.skp_id, props.period.to_string(), ind.indicator_id);
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if *busy || *uploading {
                return;
            }
            let (skp_id, period, indicator_id) = note.clone();
            let request = RealizationNote {
                indicator_id,
                period,
                narrative: Some(text.trim().to_owned()).filter(|t| !t.is_empty()),
                evidence_ids: evidence.iter().map(|a| a.id).collect(),
            };
            busy.set(true);
            error.set(None);
            let busy = busy.clone();
            let error = error.clone();
            let on_saved = on_saved.clone();
            spawn_local(async move {
                match api::realization::save_note(skp_id, &request).await {
                    Ok(_) => on_saved.emit(()),
                    Err(e) => error.set(Some(e)),
                }
                busy.set(false);
            });
        })
    };
    let on_text = {
        let text = text.clone();
        Callback::from(move |v: String| text.set(v))
    };
    let on_add = {
        let evidence = evidence.clone();
        Callback::from(move |a: Attached| {
            let mut next = (*evidence).clone();
            next.push(a);
            evidence.set(next);
        })
    };
    let on_remove = {
        let evidence = evidence.clone();
        Callback::from(move |id: i64| evidence.set(evidence.iter().filter(|a| a.id != id).cloned().collect()))
    };
    let on_busy = {
        let uploading = uploading.clone();
        Callback::from(move |on| uploading.set(on))
    };
    let cancel = {
        let on_cancel = props.on_cancel.clone();
        Callback::from(move |_: MouseEvent| on_cancel.emit(()))
    };
    let id = format!("narrative-{}", ind.indicator_id);
    html! {
        <form class="form narrative-form" {onsubmit} novalidate=true>
            <ErrorBanner error={(*error).clone()} shown_fields={NARRATIVE_FIELDS} />
            <Field id={id.clone()} label={i18n.tf("realization.narrative_for", &[("indicator", &ind.text)])}
                value={(*text).clone()} rows={4} on_input={on_text}
                error={error.as_ref().and_then(|e| e.field("narrative"))} />
            <EvidenceAttach id={format!("{id}-evidence")} attached={(*evidence).clone()} {on_add} {on_remove} {on_busy}
                error={error.as_ref().and_then(|e| e.field("evidence_ids"))} />
            <div class="actions">
                <button type="submit" class="button-primary" disabled={*busy || *uploading}>
                    { if *busy { i18n.t("common.saving") } else { i18n.t("realization.save") } }
                </button>
                <button type="button" class="button-quiet" onclick={cancel} disabled={*busy}>{ i18n.t("common.cancel") }</button>
            </div>
        </form>
    }
}

/// The fields the narrative form shows its own errors for.
const NARRATIVE_FIELDS: &[&str] = &["narrative", "evidence_ids"];
