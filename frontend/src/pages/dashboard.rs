//! Dasbor Unit (heads, admin, auditor): everything about a unit subtree for a month, quarter or
//! year — the summary tiles, the charts, the same figures per child unit (each leading to its own
//! dashboard, with the way back up), the people needing attention, and the oversight tasks
//! (evaluation follow-ups, forum commitments, the team's open flags). `/dasbor` is the head's
//! own unit (the city's root for admins and auditors); `/dasbor/{id}` any unit the viewer heads.
//! The period travels in the address (`?period=2026-Q3`); the page prints without the menus.

use crate::api;
use crate::api::dashboard::Scope;
use crate::components::dashboard::{
    AttentionList, DashboardCharts, DashboardQuery, FigureTiles, FiguresTable, Highlights, OversightPanel,
    UnitBreadcrumb,
};
use crate::components::{ErrorBanner, Export, ExportButtons, Loading, PeriodPicker, PrintButton, SelectField};
use crate::format;
use crate::hooks::use_remote;
use crate::i18n::use_i18n;
use crate::periods;
use crate::route::Route;
use kinerja_domain::{Period, Role};
use kinerja_types::{Dashboard, Me, Unit};
use std::collections::HashMap;
use std::rc::Rc;
use yew::prelude::*;
use yew_router::prelude::*;

#[derive(Properties, PartialEq)]
pub struct UnitDashboardProps {
    pub me: Rc<Me>,
    /// The unit asked for in the address; `None` for `/dasbor`.
    pub unit_id: Option<i64>,
}

#[component]
pub fn UnitDashboard(props: &UnitDashboardProps) -> Html {
    let i18n = use_i18n();
    let navigator = use_navigator();
    let query = use_location().and_then(|l| l.query::<DashboardQuery>().ok()).unwrap_or_default();
    // The last complete month: the running one is only days old.
    let period = query.period().unwrap_or_else(|| Period::month_of(format::today()).previous());
    let city_wide = props.me.has(Role::Admin) || props.me.has(Role::Auditor);
    let units = use_remote((), |()| api::units::all());
    let all_units: Rc<Vec<Unit>> = units.state.data.clone().unwrap_or_default();
    let unit_id =
        props.unit_id.or(props.me.unit_id).or_else(|| all_units.iter().find(|u| u.parent_id.is_none()).map(|u| u.id));
    let dashboard = use_remote(unit_id.map(|u| (u, period)), |wanted| async move {
        match wanted {
            Some((unit, period)) => api::dashboard::get(Scope::Unit(unit), period).await.map(Some),
            None => Ok(None),
        }
    });

    // A drill-down opens at the top of the unit's dashboard, not where the table was.
    use_effect_with(unit_id, |_| {
        if let Some(window) = web_sys::window() {
            window.scroll_to_with_x_and_y(0.0, 0.0);
        }
    });
    let here = props.unit_id.map_or(Route::Dashboard, |unit_id| Route::UnitDashboard { unit_id });
    let on_period = {
        let navigator = navigator.clone();
        Callback::from(move |p: Period| {
            if let Some(navigator) = &navigator {
                let _ = navigator.replace_with_query(&here, &DashboardQuery { period: Some(p.to_string()) });
            }
        })
    };
    let on_unit = {
        let (navigator, query) = (navigator.clone(), query.clone());
        Callback::from(move |v: String| {
            if let (Some(navigator), Ok(unit_id)) = (&navigator, v.parse::<i64>()) {
                let _ = navigator.push_with_query(&Route::UnitDashboard { unit_id }, &query);
            }
        })
    };
    let unit_options: Vec<(AttrValue, AttrValue)> = {
        let mut sorted: Vec<&Unit> = all_units.iter().collect();
        sorted.sort_by(|a, b| a.name.cmp(&b.name));
        sorted.into_iter().map(|u| (AttrValue::from(u.id.to_string()), AttrValue::from(u.name.clone()))).collect()
    };
    let unit_names: Rc<HashMap<i64, String>> = Rc::new(all_units.iter().map(|u| (u.id, u.name.clone())).collect());
    let link_query = DashboardQuery { period: Some(period.to_string()) };

    // The answer for another unit stays on screen only while the new one loads.
    let shown = dashboard.state.data.as_deref().and_then(Option::as_ref).filter(|d| Some(d.figures.unit_id) == unit_id);
    let body = match shown {
        Some(d) => {
            // Files are named by the unit's code, which people recognise.
            let code = all_units.iter().find(|u| u.id == d.figures.unit_id).map(|u| u.code.clone());
            let unit_code = code.unwrap_or_else(|| d.figures.unit_id.to_string());
            html! { <DashboardBody dashboard={Rc::new(d.clone())} {period} {unit_names} {unit_code} /> }
        }
        None if dashboard.state.loading || units.state.loading => html! { <Loading /> },
        None => html! {},
    };
    let subject = shown.map(|d| d.figures.unit_name.clone()).unwrap_or_default();
    html! {
        <section class="page dashboard">
            <div class="page-head">
                <div>
                    <h1>{ i18n.t("dashboard.title") }</h1>
                    <p class="lead dashboard-subject">
                        <strong>{ subject }</strong>{ " · " }{ periods::words(period, &i18n) }
                    </p>
                </div>
                <div class="actions no-print"><PrintButton /></div>
            </div>
            if let Some(unit) = unit_id {
                <UnitBreadcrumb units={all_units.clone()} unit_id={unit}
                    top={if city_wide { None } else { props.me.unit_id }} query={link_query} />
            }
            <div class="toolbar no-print">
                if city_wide && !unit_options.is_empty() {
                    <SelectField id="dashboard-unit" label={i18n.t("employee.unit").to_owned()}
                        value={unit_id.map(|id| id.to_string()).unwrap_or_default()}
                        options={unit_options} on_change={on_unit} />
                }
                <PeriodPicker id="dashboard-period" value={period} on_change={on_period} />
            </div>
            <ErrorBanner error={units.state.error.clone()} on_retry={units.reload.clone()} />
            <ErrorBanner error={dashboard.state.error.clone()} on_retry={dashboard.reload.clone()} />
            if shown.is_some() && dashboard.state.loading {
                <Loading />
            }
            { body }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct DashboardBodyProps {
    dashboard: Rc<Dashboard>,
    period: Period,
    unit_names: Rc<HashMap<i64, String>>,
    unit_code: AttrValue,
}

/// Tiles, charts, the child units and the attention list of one answer.
#[component]
fn DashboardBody(props: &DashboardBodyProps) -> Html {
    let i18n = use_i18n();
    let d = &props.dashboard;
    let (unit, period) = (d.figures.unit_id, props.period);
    let children_export = Export::new(move |format| api::dashboard::children_file(Scope::Unit(unit), period, format));
    html! {
        <>
            <Highlights children={Rc::new(d.children.clone())} />
            <FigureTiles figures={d.figures.clone()} training={Some(d.training.clone())} />
            <section class="panel">
                <h2>{ i18n.t("dashboard.charts") }</h2>
                <DashboardCharts dashboard={d.clone()} />
            </section>
            if !d.children.is_empty() {
                <section class="panel children">
                    <div class="panel-head">
                        <h2>{ i18n.tf("dashboard.children_n", &[("n", &d.children.len().to_string())]) }</h2>
                        <div class="actions">
                            <ExportButtons export={children_export} name={format!("dasbor-{period}")} />
                        </div>
                    </div>
                    <p class="muted no-print">{ i18n.t("dashboard.children_hint") }</p>
                    <FiguresTable rows={Rc::new(d.children.clone())} {period} name="children" />
                </section>
            }
            <AttentionList items={Rc::new(d.attention.clone())} total={d.figures.attention_count}
                unit_names={props.unit_names.clone()}
                file_name={format!("perlu-perhatian-{}-{period}.csv", props.unit_code)} />
            <OversightPanel figures={d.oversight.clone()} />
        </>
    }
}
