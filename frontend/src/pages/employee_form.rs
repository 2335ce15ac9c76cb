//! "Tambah pegawai": the admin's form for `POST /api/v1/employees`. The NIP is checked on the
//! device with the domain's own rule; the server's 422 field errors appear next to the fields.

use super::employees::unit_choices;
use crate::api::{self, ApiError};
use crate::components::employee_picker::EmployeePicker;
use crate::components::{ErrorBanner, Field, SelectField};
use crate::i18n::use_i18n;
use crate::validation;
use kinerja_domain::{EmploymentType, Nip, PositionKind};
use kinerja_types::{Employee, NewEmployee, Unit};
use std::collections::HashMap;
use std::rc::Rc;
use yew::platform::spawn_local;
use yew::prelude::*;

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
    sending: bool,
    error: Option<ApiError>,
    invalid: HashMap<String, String>,
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
            sending: false,
            error: None,
            invalid: HashMap::new(),
        }
    }
}

enum Edit {
    Nip(String),
    Name(String),
    Unit(String),
    Title(String),
    Kind(String),
    Employment(String),
    Supervisor(Option<Employee>),
    Invalid(HashMap<String, String>),
    Sending,
    Failed(ApiError),
    Done,
}

impl Reducible for Draft {
    type Action = Edit;

    fn reduce(self: Rc<Self>, edit: Edit) -> Rc<Self> {
        let mut next = (*self).clone();
        match edit {
            Edit::Nip(v) => next.nip = v,
            Edit::Name(v) => next.name = v,
            Edit::Unit(v) => next.unit_id = v,
            Edit::Title(v) => next.position_title = v,
            Edit::Kind(v) => next.position_kind = v.parse().unwrap_or(next.position_kind),
            Edit::Employment(v) => next.employment_type = v.parse().unwrap_or(next.employment_type),
            Edit::Supervisor(v) => next.supervisor = v,
            Edit::Invalid(found) => next.invalid = found,
            Edit::Sending => {
                next.sending = true;
                next.error = None;
                next.invalid.clear();
            }
            Edit::Failed(error) => {
                next.sending = false;
                next.error = Some(error);
            }
            Edit::Done => return Rc::new(Draft::default()),
        }
        Rc::new(next)
    }
}

impl Draft {
    fn error(&self, field: &str) -> Option<String> {
        self.invalid.get(field).cloned().or_else(|| self.error.as_ref().and_then(|e| e.field(field)))
    }
}

#[derive(Properties, PartialEq)]
pub struct EmployeeFormProps {
    /// Every unit, for the unit drop-down (`None` while loading).
    pub units: Option<Rc<Vec<Unit>>>,
    pub on_created: Callback<Employee>,
}

#[component]
pub fn EmployeeForm(props: &EmployeeFormProps) -> Html {
    let i18n = use_i18n();
    let draft = use_reducer(Draft::default);

    let onsubmit = {
        let draft = draft.clone();
        let i18n = i18n.clone();
        let on_created = props.on_created.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if draft.sending {
                return;
            }
            let mut invalid = HashMap::new();
            let nip = match Nip::parse_for(&draft.nip, draft.employment_type) {
                Ok(nip) => nip.as_str().to_owned(),
                Err(why) => {
                    invalid.insert("nip".to_owned(), why.to_string());
                    draft.nip.trim().to_owned()
                }
            };
            let unit_id = draft.unit_id.parse::<i64>().ok();
            if unit_id.is_none() {
                invalid.insert("unit_id".to_owned(), i18n.t("validation.unit_required").to_owned());
            }
            let request = NewEmployee {
                nip,
                name: draft.name.trim().to_owned(),
                unit_id: unit_id.unwrap_or_default(),
                position_title: draft.position_title.trim().to_owned(),
                position_kind: draft.position_kind,
                supervisor_id: draft.supervisor.as_ref().map(|s| s.id),
                employment_type: draft.employment_type,
            };
            invalid.extend(validation::check(&request, &i18n));
            if !invalid.is_empty() {
                draft.dispatch(Edit::Invalid(invalid));
                return;
            }
            draft.dispatch(Edit::Sending);
            let draft = draft.clone();
            let on_created = on_created.clone();
            spawn_local(async move {
                match api::employees::create(&request).await {
                    Ok(employee) => {
                        draft.dispatch(Edit::Done);
                        on_created.emit(employee);
                    }
                    Err(error) => draft.dispatch(Edit::Failed(error)),
                }
            });
        })
    };
    let edit = |make: fn(String) -> Edit| {
        let draft = draft.clone();
        Callback::from(move |v: String| draft.dispatch(make(v)))
    };
    let on_supervisor = {
        let draft = draft.clone();
        Callback::from(move |s| draft.dispatch(Edit::Supervisor(s)))
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
        <form class="panel form" {onsubmit} novalidate=true>
            <h2>{ i18n.t("employees.add") }</h2>
            <ErrorBanner error={draft.error.clone()} shown_fields={FIELDS} />
            <div class="form-grid">
                <SelectField id="employee-employment" label={i18n.t("employee.employment_type").to_owned()}
                    value={draft.employment_type.as_str()} options={employment}
                    on_change={edit(Edit::Employment)} error={draft.error("employment_type")} />
                <Field id="employee-nip" label="NIP" value={draft.nip.clone()} on_input={edit(Edit::Nip)}
                    inputmode="numeric" required=true error={draft.error("nip")}
                    hint={AttrValue::from(i18n.t("employee.nip_hint").to_owned())} />
                <Field id="employee-name" label={i18n.t("employee.name").to_owned()} value={draft.name.clone()}
                    on_input={edit(Edit::Name)} required=true error={draft.error("name")} />
                <SelectField id="employee-unit" label={i18n.t("employee.unit").to_owned()}
                    value={draft.unit_id.clone()} options={units} required=true
                    on_change={edit(Edit::Unit)} error={draft.error("unit_id")} />
                <Field id="employee-title" label={i18n.t("employee.position_title").to_owned()}
                    value={draft.position_title.clone()} on_input={edit(Edit::Title)} required=true
                    error={draft.error("position_title")} />
                <SelectField id="employee-kind" label={i18n.t("employee.position_kind").to_owned()}
                    value={draft.position_kind.as_str()} options={kinds}
                    on_change={edit(Edit::Kind)} error={draft.error("position_kind")} />
                <EmployeePicker id="employee-supervisor" label={i18n.t("employee.supervisor").to_owned()}
                    selected={draft.supervisor.clone()} on_select={on_supervisor}
                    error={draft.error("supervisor_id")} />
            </div>
            <button type="submit" class="button-primary" disabled={draft.sending}>
                { if draft.sending { i18n.t("common.saving") } else { i18n.t("employees.add") } }
            </button>
        </form>
    }
}
