//! Kalibrasi (heads, admin, auditor): for a unit subtree and a period, the organisation predikat
//! (set by the head of the parent unit or an admin), the distribution of predikat against the
//! pattern expected for it with every deviation as a warning (never a block), the 3×3 grid of
//! ratings, and the assessments themselves with their CSV.

use super::calibration_aids::{CalibrationSessionPanel, RaterBiasPanel};
use super::PageProps;
use crate::api;
use crate::components::distribution_chart::{DistributionBars, RatingGrid};
use crate::components::{
    last_ended_period, use_pemda_settings, use_toast, AssessmentBadge, AssessmentPeriodPicker, ErrorBanner, Export,
    ExportButtons, Loading, OrgPredikatBadge, PredikatBadge, SelectField,
};
use crate::hooks::{use_remote, use_write};
use crate::i18n::use_i18n;
use crate::periods;
use crate::route::Route;
use kinerja_domain::{OrgPredikat, Period, Role};
use kinerja_types::{AssessmentReportRow, Distribution, OrgPredikatRequest};
use std::rc::Rc;
use yew::prelude::*;
use yew_router::prelude::*;

#[component]
pub fn Calibration(props: &PageProps) -> Html {
    let i18n = use_i18n();
    let settings = use_pemda_settings();
    let units = use_remote((), |()| api::units::all());
    let picked_unit = use_state(|| None::<i64>);
    let picked_period = use_state(|| None::<Period>);
    let toast = use_toast();
    // Bumped by a calibration change: the report and the radar read the ratings again.
    let refresh = use_state(|| 0u32);
    let home_unit = props.me.unit_id.or(props.me.employee.as_ref().map(|e| e.unit_id));
    let unit_id = (*picked_unit)
        .or(home_unit)
        .or_else(|| units.state.data.as_ref().and_then(|all| all.iter().find(|u| u.parent_id.is_none()).map(|u| u.id)));
    let period = (*picked_period).or_else(|| settings.as_deref().map(last_ended_period));
    let wanted = unit_id.zip(period);
    let distribution = use_remote(wanted, |wanted| async move {
        match wanted {
            Some((unit, period)) => api::assessments::distribution(unit, period).await.map(Some),
            None => Ok(None),
        }
    });

    let on_unit = {
        let picked_unit = picked_unit.clone();
        Callback::from(move |v: String| picked_unit.set(v.parse().ok()))
    };
    let on_period = {
        let picked_period = picked_period.clone();
        Callback::from(move |p| picked_period.set(Some(p)))
    };
    let on_saved = {
        let (toast, reload) = (toast.clone(), distribution.reload.clone());
        let i18n = i18n.clone();
        Callback::from(move |saved: OrgPredikatRequest| {
            let words = i18n.word("org_predikat", saved.predikat.as_str());
            toast.say(i18n.tf("calibration.org_saved", &[("predikat", words)]));
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
    let unit_name = units
        .state
        .data
        .as_ref()
        .and_then(|all| all.iter().find(|u| Some(u.id) == unit_id).map(|u| u.name.clone()))
        .unwrap_or_default();
    let may_set = props.me.has(Role::KepalaUnit) || props.me.has(Role::Admin);

    let result = match distribution.state.data.as_deref() {
        Some(Some(d)) => html! {
            <DistributionView distribution={Rc::new(d.clone())} {may_set} {on_saved} />
        },
        Some(None) => html! {},
        None if distribution.state.loading => html! { <Loading /> },
        None => html! {},
    };
    html! {
        <section class="page">
            <h1>{ i18n.t("calibration.title") }</h1>
            <p class="lead">{ i18n.t("calibration.lead") }</p>
            <div class="toolbar">
                <SelectField id="calibration-unit" label={i18n.t("employee.unit").to_owned()}
                    value={unit_id.map(|id| id.to_string()).unwrap_or_default()}
                    options={unit_options} on_change={on_unit} />
                if let (Some(settings), Some(period)) = (settings.clone(), period) {
                    <AssessmentPeriodPicker id="calibration-period" {settings} value={period} on_change={on_period} />
                }
            </div>
            <ErrorBanner error={units.state.error.clone()} on_retry={units.reload.clone()} />
            <section class="panel calibration">
                <h2>
                    { i18n.tf("calibration.distribution_of", &[
                        ("unit", &unit_name),
                        ("period", &period.map(|p| periods::words(p, &i18n)).unwrap_or_default()),
                    ]) }
                </h2>
                <ErrorBanner error={distribution.state.error.clone()} on_retry={distribution.reload.clone()} />
                { result }
            </section>
            if let Some((unit, period)) = wanted {
                <ReportPanel {unit} {period} refresh={*refresh} />
                <RaterBiasPanel {unit} {period} may_write={may_set} refresh={*refresh} />
                <CalibrationSessionPanel {unit} {period} may_write={may_set} refresh={*refresh}
                    on_changed={let r = refresh.clone(); Callback::from(move |()| r.set(*r + 1))} />
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct DistributionViewProps {
    distribution: Rc<Distribution>,
    may_set: bool,
    on_saved: Callback<OrgPredikatRequest>,
}

/// The organisation predikat, the warnings, the bars and the grid.
#[component]
fn DistributionView(props: &DistributionViewProps) -> Html {
    let i18n = use_i18n();
    let d = &props.distribution;
    html! {
        <>
            <div class="org-predikat">
                <p>
                    <span class="predikat-preview-label">{ i18n.t("calibration.org_predikat") }{ ": " }</span>
                    { match d.org_predikat {
                        Some(p) => html! { <OrgPredikatBadge predikat={p} /> },
                        None => html! { <span class="muted">{ i18n.t("calibration.org_none") }</span> },
                    } }
                </p>
                if props.may_set {
                    <OrgPredikatForm key={format!("{}-{}", d.unit_id, d.period)} unit_id={d.unit_id} period={d.period.clone()}
                        current={d.org_predikat} on_saved={props.on_saved.clone()} />
                }
            </div>
            <p class="calibration-total">{ i18n.tf("calibration.total", &[("n", &d.total.to_string())]) }</p>
            if !d.deviations.is_empty() {
                <div class="callout callout-warn deviations" role="status">
                    <strong>{ i18n.t("calibration.warning") }</strong>{ " " }
                    <span>{ i18n.t("calibration.warning_hint") }</span>
                    <ul>{ for d.deviations.iter().map(|text| html! { <li>{ text.clone() }</li> }) }</ul>
                </div>
            } else if d.org_predikat.is_some() && d.total > 0 {
                <p class="notice notice-success">{ i18n.t("calibration.within") }</p>
            }
            if d.org_predikat.is_none() {
                <p class="muted">{ i18n.t("calibration.no_pattern") }</p>
            }
            <h3>{ i18n.t("calibration.bars") }</h3>
            <DistributionBars distribution={d.clone()} />
            <h3>{ i18n.t("calibration.grid") }</h3>
            <RatingGrid distribution={d.clone()} />
        </>
    }
}

#[derive(Properties, PartialEq)]
struct OrgPredikatFormProps {
    unit_id: i64,
    period: AttrValue,
    current: Option<OrgPredikat>,
    on_saved: Callback<OrgPredikatRequest>,
}

/// Choose and save the organisation predikat; the server says whether the caller may.
#[component]
fn OrgPredikatForm(props: &OrgPredikatFormProps) -> Html {
    let i18n = use_i18n();
    let chosen = use_state(|| props.current);
    let write = use_write();
    let options: Vec<(AttrValue, AttrValue)> =
        std::iter::once((AttrValue::from(""), AttrValue::from(i18n.t("validation.choose").to_owned())))
            .chain(
                OrgPredikat::ALL
                    .iter()
                    .map(|p| (AttrValue::from(p.as_str()), AttrValue::from(i18n.word("org_predikat", p.as_str())))),
            )
            .collect();
    let on_change = {
        let chosen = chosen.clone();
        Callback::from(move |v: String| chosen.set(v.parse().ok()))
    };
    let onsubmit = {
        let (chosen, write) = (chosen.clone(), write.clone());
        let on_saved = props.on_saved.clone();
        let (unit_id, period) = (props.unit_id, props.period.to_string());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(predikat) = *chosen else {
                return;
            };
            let request = OrgPredikatRequest { period: period.clone(), predikat };
            let on_saved = on_saved.clone();
            write.run(async move { api::assessments::set_org_predikat(unit_id, &request).await }, move |saved| {
                on_saved.emit(saved)
            });
        })
    };
    html! {
        <form class="toolbar org-predikat-form" {onsubmit} novalidate=true>
            <SelectField id="org-predikat" label={i18n.t("calibration.org_set").to_owned()}
                value={chosen.map(|p| p.as_str()).unwrap_or_default()} {options} {on_change} />
            <button type="submit" class="button-quiet" disabled={write.busy || chosen.is_none() || *chosen == props.current}>
                { if write.busy { i18n.t("common.saving") } else { i18n.t("calibration.org_save") } }
            </button>
            <ErrorBanner error={write.error.clone()} />
        </form>
    }
}

#[derive(Properties, PartialEq)]
struct ReportPanelProps {
    unit: i64,
    period: Period,
    /// Changed after a calibration change: read again.
    refresh: u32,
}

/// The assessments of the subtree, each name leading to its assessment, and the CSV.
#[component]
fn ReportPanel(props: &ReportPanelProps) -> Html {
    let i18n = use_i18n();
    let report = use_remote((props.unit, props.period, props.refresh), |(unit, period, _)| {
        api::assessments::report(unit, period)
    });
    let (unit, period) = (props.unit, props.period);
    let export = Export::new(move |format| api::assessments::report_file(unit, period, format));
    let body = match &report.state.data {
        Some(page) if page.items.is_empty() => html! { <p class="muted">{ i18n.t("calibration.no_assessments") }</p> },
        Some(page) => html! { <ReportTable rows={page.items.clone()} /> },
        None if report.state.loading => html! { <Loading /> },
        None => html! {},
    };
    let heading = match &report.state.data {
        Some(page) => i18n.tf("calibration.report_n", &[("n", &page.items.len().to_string())]),
        None => i18n.t("calibration.report").to_owned(),
    };
    html! {
        <section class="panel">
            <div class="panel-head">
                <h2>{ heading }</h2>
                <div class="actions">
                    <ExportButtons {export} name={format!("penilaian-{period}")} />
                </div>
            </div>
            <ErrorBanner error={report.state.error.clone()} on_retry={report.reload.clone()} />
            { body }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct ReportTableProps {
    rows: Vec<AssessmentReportRow>,
}

#[component]
fn ReportTable(props: &ReportTableProps) -> Html {
    let i18n = use_i18n();
    let heads = [
        "assessment.employee",
        "assessment.position_unit",
        "assessment.result_short",
        "assessment.behavior_short",
        "assessment.predikat",
        "assessment.status",
    ];
    let label = |i: usize| i18n.t(heads[i]).to_owned();
    html! {
        <div class="table-wrap">
            <table class="assessments report">
                <thead>
                    <tr>{ for heads.iter().map(|key| html! { <th scope="col">{ i18n.t(key) }</th> }) }</tr>
                </thead>
                <tbody>
                    { for props.rows.iter().map(|r| html! {
                        <tr key={r.nip.clone()}>
                            <td data-label={label(0)}>
                                <span>
                                    <Link<Route> to={Route::AssessmentDetail { id: r.assessment_id }}>{ &r.name }</Link<Route>>
                                    <br /><span class="nip muted small">{ &r.nip }</span>
                                </span>
                            </td>
                            <td data-label={label(1)}>
                                <span>{ &r.position }<br /><span class="muted small">{ &r.unit }</span></span>
                            </td>
                            <td data-label={label(2)}>{ i18n.word("rating", r.result_rating.as_str()) }</td>
                            <td data-label={label(3)}>{ i18n.word("rating", r.behavior_rating.as_str()) }</td>
                            <td data-label={label(4)}><PredikatBadge predikat={r.predikat} /></td>
                            <td data-label={label(5)}><AssessmentBadge status={Some(r.status)} /></td>
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
    }
}
