//! One employee's page: who they are, where they sit and under whom; for the admin, an edit form
//! (`PATCH /employees/{id}`) and their sign-in account (see `employee_account`).

use super::employee_account::EmployeeAccount;
use crate::api;
use crate::components::employee_picker::EmployeePicker;
use crate::components::{unit_choices, use_toast, ErrorBanner, Field, Loading, SelectField};
use crate::hooks::{use_form, use_remote, Invalid};
use crate::i18n::{use_i18n, I18n};
use crate::route::Route;
use crate::validation;
use kinerja_domain::{PositionKind, Role, Sex};
use kinerja_types::{Employee, EmployeePatch, Me, Unit};
use std::rc::Rc;
use yew::prelude::*;
use yew_router::prelude::*;

/// The fields the edit form shows its own errors for.
const FIELDS: &[&str] = &[
    "name",
    "unit_id",
    "position_title",
    "position_kind",
    "supervisor_id",
    "work_pattern",
    "birth_date",
    "sex",
    "supervisor_reason",
];

#[derive(Properties, PartialEq)]
pub struct EmployeeDetailProps {
    pub me: Rc<Me>,
    pub id: i64,
}

#[component]
pub fn EmployeeDetail(props: &EmployeeDetailProps) -> Html {
    let i18n = use_i18n();
    let employee = use_remote(props.id, api::employees::get);
    let supervisor_id = employee.state.data.as_ref().and_then(|e| e.supervisor_id);
    let supervisor = use_remote(supervisor_id, |id| async move {
        match id {
            Some(id) => api::employees::get(id).await.map(Some),
            None => Ok(None),
        }
    });
    let units = use_remote((), |()| api::units::all());
    let editing = use_state(|| false);
    let admin = props.me.has(Role::Admin);

    let Some(found) = employee.state.data.clone() else {
        return html! {
            <section class="page">
                <p class="breadcrumb"><Link<Route> to={Route::Employees}>{ i18n.t("employee.back") }</Link<Route>></p>
                if let Some(error) = &employee.state.error {
                    <ErrorBanner error={Some(error.clone())} on_retry={employee.reload.clone()} />
                } else {
                    <Loading />
                }
            </section>
        };
    };
    let unit_name = units
        .state
        .data
        .as_ref()
        .and_then(|all| all.iter().find(|u| u.id == found.unit_id).map(|u| u.name.clone()))
        .unwrap_or_else(|| format!("#{}", found.unit_id));
    let supervisor_found = supervisor.state.data.as_ref().and_then(|s| (**s).clone());
    let supervisor_name = supervisor_found.as_ref().map(|s| s.name.clone()).unwrap_or_else(|| "—".to_owned());
    let on_saved = {
        let (editing, reload) = (editing.clone(), employee.reload.clone());
        Callback::from(move |()| {
            editing.set(false);
            reload.emit(());
        })
    };
    let start_edit = {
        let editing = editing.clone();
        Callback::from(move |_: MouseEvent| editing.set(true))
    };
    let cancel_edit = {
        let editing = editing.clone();
        Callback::from(move |()| editing.set(false))
    };

    html! {
        <section class="page employee-page">
            <p class="breadcrumb"><Link<Route> to={Route::Employees}>{ i18n.t("employee.back") }</Link<Route>></p>
            <h1>{ &found.name }</h1>
            if *editing {
                <EmployeeEdit key={found.id} employee={(*found).clone()} supervisor={supervisor_found.clone()}
                    units={units.state.data.clone()} {on_saved} on_cancel={cancel_edit} />
            } else {
                <section class="panel">
                    <dl class="facts">
                        <dt>{ "NIP" }</dt><dd class="mono" data-testid="employee-nip">{ &found.nip }</dd>
                        <dt>{ i18n.t("employee.position_title") }</dt><dd>{ &found.position_title }</dd>
                        <dt>{ i18n.t("employee.position_kind") }</dt>
                        <dd>{ i18n.word("position_kind", found.position_kind.as_str()) }</dd>
                        <dt>{ i18n.t("employee.employment_type") }</dt>
                        <dd>{ i18n.word("employment_type", found.employment_type.as_str()) }</dd>
                        <dt>{ i18n.t("employee.unit") }</dt><dd>{ unit_name }</dd>
                        <dt>{ i18n.t("employee.supervisor") }</dt><dd>{ supervisor_name }</dd>
                        <dt>{ i18n.t("employee.work_pattern") }</dt>
                        <dd data-testid="employee-pattern">{ found.work_pattern.clone().unwrap_or_else(|| i18n.t("employee.work_pattern.unit").to_owned()) }</dd>
                        <dt>{ i18n.t("employee.birth_date") }</dt>
                        <dd data-testid="employee-birth-date">{ found.birth_date.map(|d| crate::format::date(&d)).unwrap_or_else(|| "—".into()) }</dd>
                        <dt>{ i18n.t("employee.sex") }</dt>
                        <dd>{ found.sex.map(|s| i18n.t(&format!("employee.sex.{}", s.as_str())).to_owned()).unwrap_or_else(|| "—".into()) }</dd>
                        if let Some(reason) = &found.supervisor_reason {
                            <dt>{ i18n.t("employee.supervisor_reason") }</dt><dd>{ reason }</dd>
                        }
                    </dl>
                    if admin {
                        <div class="actions">
                            // The form starts from the supervisor on record: it waits until that is read.
                            <button type="button" class="button-primary" onclick={start_edit}
                                disabled={found.supervisor_id.is_some() && supervisor_found.is_none()}>
                                { i18n.t("employee.edit") }
                            </button>
                        </div>
                    }
                </section>
            }
            <super::employee_leave::EmployeeLeave key={found.id} employee_id={found.id} {admin} />
            if admin {
                <EmployeeAccount key={found.id} employee={(*found).clone()} />
            }
        </section>
    }
}

#[derive(Clone, PartialEq)]
struct Draft {
    name: String,
    unit_id: String,
    position_title: String,
    position_kind: PositionKind,
    supervisor: Option<Employee>,
    /// The supervisor on record: the patch names one only when it changed.
    had_supervisor: Option<i64>,
    /// Their own work pattern's code ("" for the unit's), and the one on record.
    work_pattern: String,
    had_pattern: Option<String>,
    /// `YYYY-MM-DD` or "", `L`, `P` or "", the reason or "", and what is on record of each.
    birth_date: String,
    sex: String,
    supervisor_reason: String,
    had: (Option<chrono::NaiveDate>, Option<Sex>, Option<String>),
}

impl Draft {
    fn of(e: &Employee, supervisor: Option<Employee>) -> Self {
        Self {
            name: e.name.clone(),
            unit_id: e.unit_id.to_string(),
            position_title: e.position_title.clone(),
            position_kind: e.position_kind,
            supervisor,
            had_supervisor: e.supervisor_id,
            work_pattern: e.work_pattern.clone().unwrap_or_default(),
            had_pattern: e.work_pattern.clone(),
            birth_date: e.birth_date.map(|d| d.to_string()).unwrap_or_default(),
            sex: e.sex.map(|s| s.as_str().to_owned()).unwrap_or_default(),
            supervisor_reason: e.supervisor_reason.clone().unwrap_or_default(),
            had: (e.birth_date, e.sex, e.supervisor_reason.clone()),
        }
    }

    /// The change, or what is wrong with it on the device.
    fn patch(&self, employee_id: i64, i18n: &I18n) -> Result<EmployeePatch, Invalid> {
        let mut invalid = Invalid::new();
        let unit_id = self.unit_id.parse::<i64>().ok();
        if unit_id.is_none() {
            invalid.insert("unit_id".to_owned(), i18n.t("validation.unit_required").to_owned());
        }
        if self.supervisor.as_ref().is_some_and(|s| s.id == employee_id) {
            invalid.insert("supervisor_id".to_owned(), i18n.t("employee.own_supervisor").to_owned());
        }
        let patch = EmployeePatch {
            name: Some(self.name.trim().to_owned()),
            unit_id,
            position_title: Some(self.position_title.trim().to_owned()),
            position_kind: Some(self.position_kind),
            supervisor_id: Some(self.supervisor.as_ref().map(|s| s.id)).filter(|now| *now != self.had_supervisor),
            work_pattern: Some(Some(self.work_pattern.clone()).filter(|p| !p.is_empty()))
                .filter(|now| *now != self.had_pattern),
            birth_date: None,
            sex: Some(self.sex.parse::<Sex>().ok()).filter(|now| *now != self.had.1),
            supervisor_reason: Some(Some(self.supervisor_reason.trim().to_owned()).filter(|r| !r.is_empty()))
                .filter(|now| *now != self.had.2),
        };
        let mut patch = patch;
        match self.birth_date.trim() {
            "" => patch.birth_date = Some(None).filter(|now| *now != self.had.0),
            typed => match typed.parse::<chrono::NaiveDate>() {
                Ok(d) => patch.birth_date = Some(Some(d)).filter(|now| *now != self.had.0),
                Err(_) => {
                    invalid.insert("birth_date".to_owned(), i18n.t("validation.date").to_owned());
                }
            },
        }
        invalid.extend(validation::check(&patch, i18n));
        if invalid.is_empty() {
            Ok(patch)
        } else {
            Err(invalid)
        }
    }
}

#[derive(Properties, PartialEq)]
struct EmployeeEditProps {
    employee: Employee,
    supervisor: Option<Employee>,
    units: Option<Rc<Vec<Unit>>>,
    on_saved: Callback<()>,
    on_cancel: Callback<()>,
}

/// The admin's edit form: name, unit, position, supervisor.
#[component]
fn EmployeeEdit(props: &EmployeeEditProps) -> Html {
    let i18n = use_i18n();
    let toast = use_toast();
    let form = use_form(|| Draft::of(&props.employee, props.supervisor.clone()));
    let onsubmit = {
        let (i18n, check_i18n, on_saved, id) = (i18n.clone(), i18n.clone(), props.on_saved.clone(), props.employee.id);
        form.submit(
            move |d: &Draft| {
                d.patch(id, &check_i18n).map(|patch| async move { api::employees::update(id, &patch).await })
            },
            move |_, saved: Employee| {
                toast.say(i18n.tf("employee.saved", &[("name", &saved.name)]));
                on_saved.emit(());
            },
        )
    };
    let units: Vec<(AttrValue, AttrValue)> = unit_choices(props.units.as_deref()).collect();
    let kinds: Vec<(AttrValue, AttrValue)> = PositionKind::ALL
        .iter()
        .map(|k| (AttrValue::from(k.as_str()), AttrValue::from(i18n.word("position_kind", k.as_str()))))
        .collect();
    // The Pemda's patterns; the unit's by default.
    let settings = use_remote((), |()| api::settings::get());
    let patterns: Vec<(AttrValue, AttrValue)> =
        std::iter::once((AttrValue::from(""), AttrValue::from(i18n.t("employee.work_pattern.unit").to_owned())))
            .chain(settings.state.data.iter().flat_map(|s| {
                s.work_patterns.iter().map(|p| (AttrValue::from(p.code.clone()), AttrValue::from(p.name.clone())))
            }))
            .collect();
    let sexes: Vec<(AttrValue, AttrValue)> =
        [("", "employee.sex.none"), ("l", "employee.sex.l"), ("p", "employee.sex.p")]
            .iter()
            .map(|(v, key)| (AttrValue::from(*v), AttrValue::from(i18n.t(key).to_owned())))
            .collect();
    let cancel = props.on_cancel.clone();
    html! {
        <form onchange={form.touch()} class="panel form" {onsubmit} novalidate=true>
            <h2>{ i18n.t("employee.edit") }</h2>
            <div class="form-grid">
                <Field id="edit-name" label={i18n.t("employee.name").to_owned()} value={form.name.clone()}
                    on_input={form.text(|d| &mut d.name)} required=true name="name" error={form.error("name")} />
                <SelectField id="edit-unit" label={i18n.t("employee.unit").to_owned()}
                    value={form.unit_id.clone()} options={units} required=true
                    on_change={form.text(|d| &mut d.unit_id)} name="unit_id" error={form.error("unit_id")} />
                <Field id="edit-title" label={i18n.t("employee.position_title").to_owned()}
                    value={form.position_title.clone()} on_input={form.text(|d| &mut d.position_title)} required=true
                    name="position_title" error={form.error("position_title")} />
                <SelectField id="edit-kind" label={i18n.t("employee.position_kind").to_owned()}
                    value={form.position_kind.as_str()} options={kinds}
                    on_change={form.set(|d, v: String| d.position_kind = v.parse().unwrap_or(d.position_kind))}
                    name="position_kind" error={form.error("position_kind")} />
                <EmployeePicker id="edit-supervisor" label={i18n.t("employee.supervisor").to_owned()}
                    selected={form.supervisor.clone()} on_select={form.set(|d, s| d.supervisor = s)}
                    error={form.error("supervisor_id")} />
                <SelectField id="edit-pattern" label={i18n.t("employee.work_pattern").to_owned()}
                    value={form.work_pattern.clone()} options={patterns}
                    on_change={form.text(|d| &mut d.work_pattern)} name="work_pattern" error={form.error("work_pattern")} />
                <Field id="edit-birth-date" kind="date" label={i18n.t("employee.birth_date").to_owned()}
                    value={form.birth_date.clone()} on_input={form.text(|d| &mut d.birth_date)}
                    name="birth_date" error={form.error("birth_date")}
                    hint={AttrValue::from(i18n.t("employee.birth_date_hint"))} />
                <SelectField id="edit-sex" label={i18n.t("employee.sex").to_owned()}
                    value={form.sex.clone()} options={sexes}
                    on_change={form.text(|d| &mut d.sex)} name="sex" error={form.error("sex")} />
                <Field id="edit-supervisor-reason" label={i18n.t("employee.supervisor_reason").to_owned()}
                    value={form.supervisor_reason.clone()} on_input={form.text(|d| &mut d.supervisor_reason)}
                    name="supervisor_reason" error={form.error("supervisor_reason")}
                    hint={AttrValue::from(i18n.t("employee.supervisor_reason_hint"))} />
            </div>
            <ErrorBanner error={form.server_error()} shown_fields={FIELDS} />
            <div class="actions">
                <button type="submit" class="button-primary" disabled={form.busy()}>
                    { if form.busy() { i18n.t("common.saving") } else { i18n.t("common.save") } }
                </button>
                <crate::components::SubmitSummary problems={form.problems()} />
                <button type="button" class="button-quiet" onclick={move |_| cancel.emit(())}>{ i18n.t("common.cancel") }</button>
            </div>
        </form>
    }
}
