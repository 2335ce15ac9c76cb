//! TPP (heads, admin, auditor): for a month (the previous one first, the one payroll needs) and a
//! unit subtree (a head's own; the whole city or any unit for admins and auditors), each
//! employee's allowance percentage from performance and discipline, cut by a disciplinary sanction
//! in force, with its CSV; the sanctions of the month; admins also record and annul sanctions and
//! import the attendance it is computed from.

use super::csv_import::{CsvImport, CsvKind};
use super::sanctions::Sanctions;
use super::PageProps;
use crate::api;
use crate::components::{ErrorBanner, Export, ExportButtons, Loading, PeriodPicker, SelectField};
use crate::format;
use crate::hooks::use_remote;
use crate::i18n::{use_i18n, I18n};
use crate::periods;
use kinerja_domain::{Period, Role};
use kinerja_types::{TppRow, Unit};
use std::rc::Rc;
use yew::prelude::*;

/// The only kind of period the report has.
const MONTH_ONLY: &[&str] = &["month"];

#[component]
pub fn Tpp(props: &PageProps) -> Html {
    let i18n = use_i18n();
    let city_wide = props.me.has(Role::Admin) || props.me.has(Role::Auditor);
    let month = use_state(|| Period::month_of(format::today()).previous());
    // A head reads their own unit; the city-wide roles start with the whole city.
    let unit = use_state(|| if city_wide { None } else { props.me.unit_id });
    let units = use_remote((), |()| api::units::all());
    let report = use_remote((*unit, *month), |(unit, month)| api::tpp::report(unit, month));
    let on_month = {
        let month = month.clone();
        Callback::from(move |p: Period| month.set(p))
    };
    let on_unit = {
        let unit = unit.clone();
        Callback::from(move |v: String| unit.set(v.parse().ok()))
    };
    let all_units: Rc<Vec<Unit>> = units.state.data.clone().unwrap_or_default();
    let unit_name = |id: i64| all_units.iter().find(|u| u.id == id).map(|u| u.name.clone());
    let unit_picker = if city_wide {
        let mut sorted: Vec<&Unit> = all_units.iter().collect();
        sorted.sort_by(|a, b| a.name.cmp(&b.name));
        let options: Vec<(AttrValue, AttrValue)> =
            std::iter::once((AttrValue::from(""), AttrValue::from(i18n.t("tpp.whole_city"))))
                .chain(sorted.into_iter().map(|u| (AttrValue::from(u.id.to_string()), AttrValue::from(u.name.clone()))))
                .collect();
        html! {
            <SelectField id="tpp-unit" label={i18n.t("employee.unit").to_owned()}
                value={unit.map(|id| id.to_string()).unwrap_or_default()} {options} on_change={on_unit} />
        }
    } else {
        let name = unit.and_then(unit_name).unwrap_or_default();
        html! {
            <div class="field">
                <span class="label">{ i18n.t("employee.unit") }</span>
                <span class="fixed-value">{ name }</span>
            </div>
        }
    };
    let (chosen_unit, chosen_month) = (*unit, *month);
    let export = Export::new(move |format| api::tpp::report_file(chosen_unit, chosen_month, format));
    let body = match report.state.data.as_ref() {
        Some(page) if page.items.is_empty() => html! { <p class="muted">{ i18n.t("tpp.empty") }</p> },
        Some(page) => html! { <TppTable rows={Rc::new(page.items.clone())} /> },
        None if report.state.loading => html! { <Loading /> },
        None => html! {},
    };
    let heading = match report.state.data.as_ref() {
        Some(page) => i18n.tf("tpp.rows_n", &[("n", &page.items.len().to_string())]),
        None => i18n.t("tpp.rows").to_owned(),
    };
    html! {
        <section class="page tpp">
            <h1>{ i18n.t("tpp.title") }</h1>
            <p class="lead">{ i18n.t("tpp.lead") }</p>
            <div class="toolbar">
                <PeriodPicker id="tpp-month" value={*month} on_change={on_month} kinds={Some(MONTH_ONLY)} />
                { unit_picker }
            </div>
            <ErrorBanner error={units.state.error.clone()} on_retry={units.reload.clone()} />
            <section class="panel">
                <div class="panel-head">
                    <h2>{ heading }{ " · " }{ periods::words(*month, &i18n) }</h2>
                    <div class="actions">
                        <ExportButtons {export} name={format!("tpp-{}", *month)} />
                    </div>
                </div>
                <ErrorBanner error={report.state.error.clone()} on_retry={report.reload.clone()} />
                { body }
            </section>
            <Sanctions month={*month} unit_id={*unit} admin={props.me.has(Role::Admin)}
                on_changed={report.reload.clone()} />
            if props.me.has(Role::Admin) {
                <CsvImport kind={CsvKind::Attendance} on_imported={report.reload.clone()} />
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct TppTableProps {
    rows: Rc<Vec<TppRow>>,
}

/// A row per employee (with their unit): performance from approved minutes against the target, discipline less
/// lateness, leaving early and missed apel, and absence, the cut of a sanction, and the result.
#[component]
fn TppTable(props: &TppTableProps) -> Html {
    let i18n = use_i18n();
    let heads = [
        "tpp.employee",
        "tpp.minutes",
        "tpp.performance",
        "tpp.late",
        "tpp.early_apel",
        "tpp.absent",
        "tpp.discipline",
        "tpp.sanction",
        "tpp.percent",
    ];
    let label = |i: usize| i18n.t(heads[i]).to_owned();
    html! {
        <div class="table-wrap">
            <table class="tpp-report">
                <thead>
                    <tr>
                        { for heads.iter().enumerate().map(|(i, key)| html! {
                            <th scope="col" class={classes!((i >= 1).then_some("numeric"))}>{ i18n.t(key) }</th>
                        }) }
                    </tr>
                </thead>
                <tbody>
                    { for props.rows.iter().map(|r| html! {
                        <tr key={r.nip.clone()}>
                            <td data-label={label(0)} class="tpp-person">
                                <span>
                                    <strong>{ &r.name }</strong><br />
                                    <span class="nip muted small">{ &r.nip }</span><br />
                                    <span class="muted small">{ &r.unit }</span>
                                </span>
                            </td>
                            <td class="numeric" data-label={label(1)}>{ minutes(r, &i18n) }</td>
                            <td class="numeric" data-label={label(2)}>{ share(r.performance, &i18n) }</td>
                            <td class="numeric" data-label={label(3)}>{ days_less(r.late_days, r.lateness_deduction, &i18n) }</td>
                            <td class="numeric" data-label={label(4)}>
                                { days_less(r.early_leave_days, r.early_leave_deduction, &i18n) }
                                if r.missed_apel > 0 {
                                    <br /><span class="small">{ i18n.tf("tpp.apel_missed", &[("n", &r.missed_apel.to_string())]) }{ " · −" }{ format::percent(r.apel_deduction, i18n.lang()) }</span>
                                }
                            </td>
                            <td class="numeric" data-label={label(5)}>
                                { days_less(r.absent_days, r.absence_deduction, &i18n) }
                                if r.absence_forfeited {
                                    <br /><span class="small tpp-forfeited">{ i18n.t("tpp.forfeited") }</span>
                                }
                            </td>
                            <td class="numeric" data-label={label(6)}>{ share(r.discipline, &i18n) }</td>
                            <td class="numeric tpp-sanction" data-label={label(7)}>
                                { match r.sanction {
                                    Some(level) => format!(
                                        "{} · −{}",
                                        i18n.t(&format!("sanction.level.{}", level.as_str())),
                                        format::percent(r.sanction_deduction, i18n.lang())
                                    ),
                                    None => "—".to_owned(),
                                } }
                            </td>
                            <td class="numeric tpp-total" data-label={label(8)}><strong>{ share(r.tpp_percent, &i18n) }</strong></td>
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
    }
}

/// A percentage of the full allowance, e.g. `60 %` (a negative zero shows as zero).
fn share(value: f64, i18n: &I18n) -> String {
    format::percent(value + 0.0, i18n.lang())
}

/// Approved minutes against the target, in hours: `121 jam / 112,5 jam`.
fn minutes(r: &TppRow, i18n: &I18n) -> String {
    let lang = i18n.lang();
    let text = format!(
        "{} / {}",
        format::hours(r.approved_minutes as f64 / 60.0, lang),
        format::hours(f64::from(r.target_minutes) / 60.0, lang)
    );
    if r.excused_days == 0 {
        return text;
    }
    format!("{text} · {}", i18n.tf("tpp.excused", &[("n", &r.excused_days.to_string())]))
}

/// Days and what they cost: `2 hari · −3 %`, or just `0 hari`.
fn days_less(days: u32, deduction: f64, i18n: &I18n) -> String {
    let days_text = i18n.tf("tpp.days", &[("n", &days.to_string())]);
    if deduction.abs() < 0.005 {
        days_text
    } else {
        format!("{days_text} · −{}", format::percent(deduction.abs(), i18n.lang()))
    }
}
