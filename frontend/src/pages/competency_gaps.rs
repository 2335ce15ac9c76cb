//! The competency gap heat map of a unit (heads, admin, auditor): for each competency and each child
//! unit, how many assessed employees fall short and by how much on average, shaded by the share;
//! and every employee's JP of training in the year against their target (PNS; PPPK where set).

use super::PageProps;
use crate::api;
use crate::components::{ErrorBanner, Loading, SelectField, YearPicker};
use crate::format;
use crate::hooks::use_remote;
use crate::i18n::use_i18n;
use kinerja_domain::Role;
use kinerja_types::{GapHeatMap, Unit};
use std::rc::Rc;
use yew::prelude::*;

#[component]
pub fn CompetencyGaps(props: &PageProps) -> Html {
    let i18n = use_i18n();
    let city_wide = props.me.has(Role::Admin) || props.me.has(Role::Auditor);
    let units = use_remote((), |()| api::units::all());
    let all_units: Rc<Vec<Unit>> = units.state.data.clone().unwrap_or_default();
    let root = all_units.iter().find(|u| u.parent_id.is_none()).map(|u| u.id);
    let chosen = use_state(|| None::<i64>);
    let unit = (*chosen).or(if city_wide { root } else { props.me.unit_id });
    let year = use_state(format::current_year);
    let map = use_remote((unit, *year), |(unit, year)| async move {
        match unit {
            Some(u) => api::competencies::gaps(u, year).await.map(Some),
            None => Ok(None),
        }
    });
    let on_year = {
        let year = year.clone();
        Callback::from(move |y: i32| year.set(y))
    };
    let on_unit = {
        let chosen = chosen.clone();
        Callback::from(move |v: String| chosen.set(v.parse().ok()))
    };
    let picker = if city_wide {
        let mut sorted: Vec<&Unit> = all_units.iter().collect();
        sorted.sort_by(|a, b| a.name.cmp(&b.name));
        let options: Vec<(AttrValue, AttrValue)> =
            sorted.into_iter().map(|u| (AttrValue::from(u.id.to_string()), AttrValue::from(u.name.clone()))).collect();
        html! {
            <SelectField id="gaps-unit" label={i18n.t("employee.unit").to_owned()}
                value={unit.map(|id| id.to_string()).unwrap_or_default()} {options} on_change={on_unit} />
        }
    } else {
        html! {}
    };
    let body = match map.state.data.as_ref() {
        Some(m) => match m.as_ref() {
            Some(m) => html! { <HeatMap map={Rc::new(m.clone())} /> },
            None => html! {},
        },
        None if map.state.loading => html! { <Loading /> },
        None => html! {},
    };
    html! {
        <section class="page competency-gaps">
            <h1>{ i18n.t("gaps.title") }</h1>
            <p class="lead">{ i18n.t("gaps.lead") }</p>
            <div class="toolbar">
                <YearPicker id="gaps-year" value={*year} on_change={on_year} />
                { picker }
            </div>
            <ErrorBanner error={units.state.error.clone()} on_retry={units.reload.clone()} />
            <ErrorBanner error={map.state.error.clone()} on_retry={map.reload.clone()} />
            { body }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct HeatMapProps {
    map: Rc<GapHeatMap>,
}

/// The heat map and the JP of training.
#[component]
fn HeatMap(props: &HeatMapProps) -> Html {
    let i18n = use_i18n();
    let m = &props.map;
    let lang = i18n.lang();
    let cell = |unit: i64, competency: i64| {
        let Some(c) = m.cells.iter().find(|c| c.unit_id == unit && c.competency_id == competency) else {
            return html! { <td class="heat heat-none">{ "—" }</td> };
        };
        let share = if c.assessed == 0 { 0.0 } else { f64::from(c.with_gap) / f64::from(c.assessed) };
        let shade = match share {
            s if s >= 0.5 => "heat-high",
            s if s >= 0.2 => "heat-mid",
            s if s > 0.0 => "heat-low",
            _ => "heat-zero",
        };
        html! {
            <td class={classes!("heat", shade)} data-unit={unit.to_string()} data-competency={competency.to_string()}
                title={i18n.tf("gaps.cell", &[("gap", &c.with_gap.to_string()), ("n", &c.assessed.to_string())])}>
                <strong>{ format!("{}/{}", c.with_gap, c.assessed) }</strong><br />
                <span class="small">{ format!("Δ {}", format::fixed(c.mean_gap, 1, lang)) }</span>
            </td>
        }
    };
    let below = m.training.iter().filter(|r| r.meets_target == Some(false)).count();
    let with_target = m.training.iter().filter(|r| r.meets_target.is_some()).count();
    html! {
        <>
            <section class="panel">
                <h2>{ i18n.t("gaps.heatmap") }</h2>
                if m.competencies.is_empty() {
                    <p class="muted">{ i18n.t("gaps.empty") }</p>
                } else {
                    <div class="table-wrap">
                        <table class="heatmap">
                            <thead><tr>
                                <th scope="col">{ i18n.t("comp.competency") }</th>
                                { for m.columns.iter().map(|c| html! { <th scope="col">{ &c.unit_name }</th> }) }
                            </tr></thead>
                            <tbody>
                                { for m.competencies.iter().map(|k| html! {
                                    <tr key={k.id}>
                                        <th scope="row"><strong>{ &k.code }</strong>{ " " }{ &k.name }</th>
                                        { for m.columns.iter().map(|c| cell(c.unit_id, k.id)) }
                                    </tr>
                                }) }
                            </tbody>
                        </table>
                    </div>
                    <p class="muted small">{ i18n.t("gaps.legend") }</p>
                }
            </section>
            <section class="panel">
                <h2>{ i18n.tf("gaps.training", &[("below", &below.to_string()), ("n", &with_target.to_string()), ("expected", &m.training_jp_target.to_string())]) }</h2>
                <div class="table-wrap">
                    <table class="training-hours">
                        <thead><tr>
                            <th scope="col">{ i18n.t("comp.employee") }</th>
                            <th scope="col" class="numeric">{ i18n.t("comp.hours") }</th>
                        </tr></thead>
                        <tbody>
                            { for m.training.iter().map(|r| html! {
                                <tr key={r.employee_id} class={classes!((r.meets_target == Some(false)).then_some("below"))}>
                                    <td>{ &r.name }{ " · " }<span class="muted small">{ r.employment_type.as_str().to_uppercase() }</span></td>
                                    <td class="numeric">{ match r.jp_target {
                                        Some(t) => format!("{} / {} JP", r.jp, t),
                                        None => format!("{} JP · {}", r.jp, i18n.t("comp.no_target")),
                                    } }</td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </div>
            </section>
        </>
    }
}
