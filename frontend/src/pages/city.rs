//! Tampilan Kota (admin, auditor): the whole Pemda for a period — the data-quality index with a
//! link to its fix list, the city's tiles, every OPD compared in a chart, and every OPD side by side
//! in a sortable table (with its CSV), each OPD leading to its own dashboard.

use crate::api;
use crate::api::dashboard::Scope;
use crate::components::dashboard::{DashboardQuery, FigureTiles, FiguresTable, UnitComparison};
use crate::components::{ErrorBanner, Export, ExportButtons, Loading, PeriodPicker, PrintButton};
use crate::format;
use crate::hooks::use_remote;
use crate::i18n::use_i18n;
use crate::periods;
use crate::route::Route;
use kinerja_domain::Period;
use kinerja_types::Dashboard;
use std::rc::Rc;
use yew::prelude::*;
use yew_router::prelude::*;

/// The data-quality index of the Pemda, as it stands now, with the way to its fix list.
#[component]
fn QualityNote() -> Html {
    let i18n = use_i18n();
    let quality = use_remote((), |()| api::data_quality::summary(None));
    let Some(q) = quality.state.data.as_ref() else { return html! {} };
    let tone = if q.blocking > 0 { "callout callout-warn" } else { "callout" };
    html! {
        <div class={tone} data-testid="city-data-quality">
            <p>
                { i18n.tf("city.data_quality", &[("score", &format::number(q.score, i18n.lang())), ("blocking", &q.blocking.to_string())]) }
                { " " }
                <Link<Route> to={Route::DataQuality}>{ i18n.t("city.data_quality_link") }</Link<Route>>
            </p>
        </div>
    }
}

#[component]
pub fn City() -> Html {
    let i18n = use_i18n();
    let navigator = use_navigator();
    let query = use_location().and_then(|l| l.query::<DashboardQuery>().ok()).unwrap_or_default();
    // The last complete month: the running one is only days old.
    let period = query.period().unwrap_or_else(|| Period::month_of(format::today()).previous());
    let city = use_remote(period, |period| api::dashboard::get(Scope::City, period));
    let on_period = Callback::from(move |p: Period| {
        if let Some(navigator) = &navigator {
            let _ = navigator.replace_with_query(&Route::City, &DashboardQuery { period: Some(p.to_string()) });
        }
    });
    let body = match city.state.data.as_ref() {
        Some(d) => html! { <CityBody dashboard={d.clone()} {period} /> },
        None if city.state.loading => html! { <Loading /> },
        None => html! {},
    };
    html! {
        <section class="page dashboard city">
            <div class="page-head">
                <div>
                    <h1>{ i18n.t("city.title") }</h1>
                    <p class="lead dashboard-subject">
                        if let Some(d) = city.state.data.as_ref() {
                            <strong>{ &d.figures.unit_name }</strong>{ " · " }
                        }
                        { periods::words(period, &i18n) }
                    </p>
                </div>
                <div class="actions no-print"><PrintButton /></div>
            </div>
            <div class="toolbar no-print">
                <PeriodPicker id="city-period" value={period} on_change={on_period} />
            </div>
            <QualityNote />
            <ErrorBanner error={city.state.error.clone()} on_retry={city.reload.clone()} />
            if city.state.data.is_some() && city.state.loading {
                <Loading />
            }
            { body }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct CityBodyProps {
    dashboard: Rc<Dashboard>,
    period: Period,
}

#[component]
fn CityBody(props: &CityBodyProps) -> Html {
    let i18n = use_i18n();
    let d = &props.dashboard;
    let period = props.period;
    let units = Rc::new(d.children.clone());
    let export = Export::new(move |format| api::dashboard::children_file(Scope::City, period, format));
    let query = DashboardQuery { period: Some(period.to_string()) };
    html! {
        <>
            <FigureTiles figures={d.figures.clone()} training={Some(d.training.clone())} />
            <p class="no-print">
                <Link<Route, DashboardQuery> to={Route::UnitDashboard { unit_id: d.figures.unit_id }} query={Some(query)}>
                    { i18n.t("city.full_dashboard") }
                </Link<Route, DashboardQuery>>
            </p>
            if !units.is_empty() {
                <section class="panel">
                    <h2>{ i18n.t("city.compare") }</h2>
                    <div class="chart-grid">
                        <UnitComparison units={units.clone()} />
                    </div>
                </section>
            }
            <section class="panel opd">
                <div class="panel-head">
                    <h2>{ i18n.tf("city.units_n", &[("n", &units.len().to_string())]) }</h2>
                    <div class="actions">
                        <ExportButtons {export} name={format!("dasbor-{period}")} />
                    </div>
                </div>
                <p class="muted no-print">{ i18n.t("city.units_hint") }</p>
                <FiguresTable rows={units} {period} name="units" />
            </section>
        </>
    }
}
