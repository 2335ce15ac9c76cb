//! "Tambah pegawai": the admin's form for `POST /api/v1/employees`. The NIP is checked on the
//! device with the domain's own rule (spaces and dots dropped); the server's 422 field errors
//! appear next to the fields. While the name is typed, employees with a similar name are shown, so
//! that nobody is added twice.

use crate::api;
use crate::api::employees::EmployeeFilter;
use crate::components::employee_picker::EmployeePicker;
use crate::components::{unit_choices, ErrorBanner, Field, SelectField};
use crate::hooks::{use_form, Invalid};
use crate::i18n::{use_i18n, I18n};
use crate::route::Route;
use crate::validation;
use gloo_timers::callback::Timeout;
use kinerja_domain::{EmploymentType, Nip, PositionKind};
use kinerja_types::{Employee, NewEmployee, Unit};
use std::rc::Rc;
use yew::prelude::*;
use yew_router::prelude::*;

/// How long the name must rest before similar names are looked up, in milliseconds.
const SIMILAR_DEBOUNCE_MS: u32 = 400;
/// How many similar names are shown at most.
const SIMILAR_SHOWN: u64 = 5;

/// The part of a name that is compared: without academic titles (after a comma or with a dot:
/// "dr.", "S.Kom") and at most its first two words, so "Budi Santoso, S.Kom." finds
/// "BUDI SANTOSO" and "Budi Santoso Wibowo".
fn name_core(name: &str) -> String {
    let before_titles = name.split(',').next().unwrap_or_default();
    before_titles.split_whitespace().filter(|w| !w.contains('.')).take(2).collect::<Vec<_>>().join(" ")
}

/// The fields this form shows its own errors for.
const FIELDS: &[&str] =
    &["nip", "name", "unit_id", "position_title", "position_kind", "supervisor_id", "employment_type"];

#[derive(Clone, PartialEq)]
struct Draft {
    nip: String,
    name: String,
    unit_id: String,
    position_title: String,
    position_kind: PositionKind,
    employment_type: EmploymentType,
    supervisor: Option<Employee>,
}

impl Default for Draft {
    fn default() -> Self {
        Self {
            nip: String::new(),
            name: String::new(),
            unit_id: String::new(),
            position_title: String::new(),
            position_kind: PositionKind::Pelaksana,
            employment_type: EmploymentType::Pns,
            supervisor: None,
        }
    }
}

impl Draft {
    /// The request, or what is wrong with it on the device: the NIP by the domain's own rule.
    fn request(&self, i18n: &I18n) -> Result<NewEmployee, Invalid> {
        let mut invalid = Invalid::new();
        let nip = match Nip::parse_for(&self.nip, self.employment_type) {
            Ok(nip) => nip.as_str().to_owned(),
            Err(why) => {
                invalid.insert("nip".to_owned(), why.to_string());
                self.nip.trim().to_owned()
            }
        };
        let unit_id = self.unit_id.parse::<i64>().ok();
        if unit_id.is_none() {
            invalid.insert("unit_id".to_owned(), i18n.t("validation.unit_required").to_owned());
        }
        let request = NewEmployee {
            nip,
            name: self.name.trim().to_owned(),
            unit_id: unit_id.unwrap_or_default(),
            position_title: self.position_title.trim().to_owned(),
            position_kind: self.position_kind,
            supervisor_id: self.supervisor.as_ref().map(|s| s.id),
            employment_type: self.employment_type,
        };
        invalid.extend(validation::check(&request, i18n));
        if invalid.is_empty() {
            Ok(request)
        } else {
            Err(invalid)
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct EmployeeFormProps {
    /// Every unit, for the unit drop-down (`None` while loading).
    pub units: Option<Rc<Vec<Unit>>>,
    pub on_created: Callback<Employee>,
    /// Closes the form without adding anyone.
    #[prop_or_default]
    pub on_cancel: Option<Callback<()>>,
}

#[component]
pub fn EmployeeForm(props: &EmployeeFormProps) -> Html {
    let i18n = use_i18n();
    let form = use_form(Draft::default);
    let similar = use_state(Vec::<Employee>::new);
    {
        let similar = similar.clone();
        use_effect_with(name_core(&form.name), move |core| {
            let core = core.clone();
            let later = similar.clone();
            let timer = (core.chars().count() >= 4).then(|| {
                let similar = later;
                Timeout::new(SIMILAR_DEBOUNCE_MS, move || {
                    yew::platform::spawn_local(async move {
                        let filter = EmployeeFilter { q: core, page: 1, per_page: SIMILAR_SHOWN, ..Default::default() };
                        let found = api::employees::list(&filter).await.map(|p| p.items).unwrap_or_default();
                        similar.set(found);
                    })
                })
            });
            if timer.is_none() {
                similar.set(Vec::new());
            }
            move || drop(timer)
        });
    }
    let onsubmit = {
        let (i18n, on_created) = (i18n.clone(), props.on_created.clone());
        form.submit(
            move |d: &Draft| d.request(&i18n).map(|request| async move { api::employees::create(&request).await }),
            move |form, employee| {
                form.reset(Draft::default());
                on_created.emit(employee);
            },
        )
    };
    let units: Vec<(AttrValue, AttrValue)> =
        std::iter::once((AttrValue::from(""), AttrValue::from(i18n.t("validation.choose").to_owned())))
            .chain(unit_choices(props.units.as_deref()))
            .collect();
    let kinds: Vec<(AttrValue, AttrValue)> = PositionKind::ALL
        .iter()
        .map(|k| (AttrValue::from(k.as_str()), AttrValue::from(i18n.word("position_kind", k.as_str()))))
        .collect();
    let employment: Vec<(AttrValue, AttrValue)> = EmploymentType::ALL
        .iter()
        .map(|k| (AttrValue::from(k.as_str()), AttrValue::from(i18n.word("employment_type", k.as_str()))))
        .collect();

    html! {
        <form onchange={form.touch()} class="panel form" {onsubmit} novalidate=true id="employee-add">
            <h2>{ i18n.t("employees.add") }</h2>
            <div class="form-grid">
                <SelectField id="employee-employment" label={i18n.t("employee.employment_type").to_owned()}
                    value={form.employment_type.as_str()} options={employment}
                    on_change={form.set(|d, v: String| d.employment_type = v.parse().unwrap_or(d.employment_type))} name="employment_type" error={form.error("employment_type")} />
                <Field id="employee-nip" label="NIP" value={form.nip.clone()} on_input={form.text(|d| &mut d.nip)}
                    inputmode="numeric" required=true name="nip" error={form.error("nip")}
                    hint={AttrValue::from(i18n.t("employee.nip_hint").to_owned())} />
                <div>
                    <Field id="employee-name" label={i18n.t("employee.name").to_owned()} value={form.name.clone()}
                        on_input={form.text(|d| &mut d.name)} required=true name="name" error={form.error("name")} />
                    if !similar.is_empty() {
                        <div class="similar-names" role="status" data-testid="similar-names">
                            { i18n.t("employees.similar") }
                            <ul>
                                { for similar.iter().map(|e| html! {
                                    <li key={e.id}>
                                        <Link<Route> to={Route::EmployeeDetail { id: e.id }}>{ &e.name }</Link<Route>>
                                        { format!(" · NIP {} · {}", e.nip, e.position_title) }
                                    </li>
                                }) }
                            </ul>
                        </div>
                    }
                </div>
                <SelectField id="employee-unit" label={i18n.t("employee.unit").to_owned()}
                    value={form.unit_id.clone()} options={units} required=true
                    on_change={form.text(|d| &mut d.unit_id)} name="unit_id" error={form.error("unit_id")} />
                <Field id="employee-title" label={i18n.t("employee.position_title").to_owned()}
                    value={form.position_title.clone()} on_input={form.text(|d| &mut d.position_title)} required=true
                    name="position_title" error={form.error("position_title")} />
                <SelectField id="employee-kind" label={i18n.t("employee.position_kind").to_owned()}
                    value={form.position_kind.as_str()} options={kinds}
                    on_change={form.set(|d, v: String| d.position_kind = v.parse().unwrap_or(d.position_kind))} name="position_kind" error={form.error("position_kind")} />
                <EmployeePicker id="employee-supervisor" label={i18n.t("employee.supervisor").to_owned()}
                    selected={form.supervisor.clone()} on_select={form.set(|d, s| d.supervisor = s)}
                    error={form.error("supervisor_id")} />
            </div>
            <ErrorBanner error={form.server_error()} shown_fields={FIELDS} />
            <div class="actions">
                <button type="submit" class="button-primary" disabled={form.busy()}>
                    { if form.busy() { i18n.t("common.saving") } else { i18n.t("employees.save_new") } }
                </button>
                <crate::components::SubmitSummary problems={form.problems()} />
                if let Some(cancel) = props.on_cancel.clone() {
                    <button type="button" class="button-quiet" onclick={move |_| cancel.emit(())}>{ i18n.t("common.cancel") }</button>
                }
            </div>
        </form>
    }
}
