//! Realisasi: for a month, a quarter or the year, each RHK of an approved SKP with its approved
//! activities and, per indicator, the target, what was realised (summed from approved output for
//! quantity) and the share of the target. The owner writes a narrative and attaches evidence per
//! indicator. `/realisasi` is my own plan; `/realisasi/{skp_id}` opens anyone's the server lets
//! me read, which is how a penilai follows a subordinate (listed on my own page).

use super::PageProps;
use crate::api::skp::SkpFilter;
use crate::api::{self, ApiError};
use crate::components::evidence::{Attached, EvidenceAttach, EvidenceList};
use crate::components::{use_toast, ErrorBanner, Field, Loading, Meter, PeriodPicker};
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
use yew::prelude::*;
use yew_router::prelude::*;

mod feeds;
mod narrative;
mod view;

use feeds::*;
use narrative::*;
use view::*;

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
            let me = props.me.employee.as_ref().map(|e| e.id);
            let owner = me == Some(plan.employee_id);
            let penilai = me.is_some() && me == plan.penilai_id;
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
                    <RealizationView skp_id={plan.id} {period} {owner} {penilai} />
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
