//! "Tambah unit": the admin's form for `POST /api/v1/units`.

use crate::api::{self, ApiError};
use crate::components::{CheckField, ErrorBanner, Field, SelectField};
use crate::hooks::use_remote;
use crate::i18n::use_i18n;
use crate::validation;
use kinerja_domain::UnitKind;
use kinerja_types::{NewUnit, Unit};
use std::collections::HashMap;
use std::rc::Rc;
use yew::platform::spawn_local;
use yew::prelude::*;

/// The fields this form shows its own errors for.
const FIELDS: &[&str] = &["code", "name", "parent_id", "kind", "is_service_unit"];

#[derive(Clone, PartialEq)]
struct Draft {
    code: String,
    name: String,
    /// Empty for a root unit.
    parent_id: String,
    kind: UnitKind,
    is_service_unit: bool,
    sending: bool,
    error: Option<ApiError>,
    /// Errors found before sending, by field.
    invalid: HashMap<String, String>,
}

enum Edit {
    Code(String),
    Name(String),
    Parent(String),
    Kind(String),
    Service(bool),
    Invalid(HashMap<String, String>),
    Sending,
    Failed(ApiError),
    Done,
}

impl Default for Draft {
    fn default() -> Self {
        Self {
            code: String::new(),
            name: String::new(),
            parent_id: String::new(),
            kind: UnitKind::Bidang,
            is_service_unit: false,
            sending: false,
            error: None,
            invalid: HashMap::new(),
        }
    }
}

impl Reducible for Draft {
    type Action = Edit;

    fn reduce(self: Rc<Self>, edit: Edit) -> Rc<Self> {
        let mut next = (*self).clone();
        match edit {
            Edit::Code(v) => next.code = v,
            Edit::Name(v) => next.name = v,
            Edit::Parent(v) => next.parent_id = v,
            Edit::Kind(v) => next.kind = v.parse().unwrap_or(next.kind),
            Edit::Service(v) => next.is_service_unit = v,
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
    fn request(&self) -> NewUnit {
        NewUnit {
            code: self.code.trim().to_owned(),
            name: self.name.trim().to_owned(),
            parent_id: self.parent_id.parse().ok(),
            kind: self.kind,
            is_service_unit: self.is_service_unit,
        }
    }

    fn error(&self, field: &str) -> Option<String> {
        self.invalid.get(field).cloned().or_else(|| self.error.as_ref().and_then(|e| e.field(field)))
    }
}

#[derive(Properties, PartialEq)]
pub struct UnitFormProps {
    pub on_created: Callback<Unit>,
}

#[component]
pub fn UnitForm(props: &UnitFormProps) -> Html {
    let i18n = use_i18n();
    let draft = use_reducer(Draft::default);
    let units = use_remote((), |()| api::units::all());

    let onsubmit = {
        let draft = draft.clone();
        let i18n = i18n.clone();
        let on_created = props.on_created.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if draft.sending {
                return;
            }
            let request = draft.request();
            let invalid = validation::check(&request, &i18n);
            if !invalid.is_empty() {
                draft.dispatch(Edit::Invalid(invalid));
                return;
            }
            draft.dispatch(Edit::Sending);
            let draft = draft.clone();
            let on_created = on_created.clone();
            spawn_local(async move {
                match api::units::create(&request).await {
                    Ok(unit) => {
                        draft.dispatch(Edit::Done);
                        on_created.emit(unit);
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
    let on_service = {
        let draft = draft.clone();
        Callback::from(move |v| draft.dispatch(Edit::Service(v)))
    };
    let parents: Vec<(AttrValue, AttrValue)> =
        std::iter::once((AttrValue::from(""), AttrValue::from(i18n.t("unit.no_parent").to_owned())))
            .chain(
                units
                    .state
                    .data
                    .iter()
                    .flat_map(|all| all.iter())
                    .map(|u| (AttrValue::from(u.id.to_string()), AttrValue::from(format!("{} — {}", u.code, u.name)))),
            )
            .collect();
    let kinds: Vec<(AttrValue, AttrValue)> = UnitKind::ALL
        .iter()
        .map(|k| (AttrValue::from(k.as_str()), AttrValue::from(i18n.word("unit_kind", k.as_str()))))
        .collect();

    html! {
        <form class="panel form" {onsubmit} novalidate=true>
            <h2>{ i18n.t("units.add") }</h2>
            <ErrorBanner error={draft.error.clone()} shown_fields={FIELDS} />
            <ErrorBanner error={units.state.error.clone()} on_retry={units.reload.clone()} />
            <div class="form-grid">
                <Field id="unit-code" label={i18n.t("unit.code").to_owned()} value={draft.code.clone()}
                    on_input={edit(Edit::Code)} required=true error={draft.error("code")} />
                <Field id="unit-name" label={i18n.t("unit.name").to_owned()} value={draft.name.clone()}
                    on_input={edit(Edit::Name)} required=true error={draft.error("name")} />
                <SelectField id="unit-parent" label={i18n.t("unit.parent").to_owned()}
                    value={draft.parent_id.clone()} options={parents}
                    on_change={edit(Edit::Parent)} error={draft.error("parent_id")} />
                <SelectField id="unit-kind" label={i18n.t("unit.kind").to_owned()}
                    value={draft.kind.as_str()} options={kinds}
                    on_change={edit(Edit::Kind)} error={draft.error("kind")} />
                <CheckField id="unit-service" label={i18n.t("unit.is_service_unit_long").to_owned()}
                    checked={draft.is_service_unit} on_toggle={on_service}
                    error={draft.error("is_service_unit")} />
            </div>
            <button type="submit" class="button-primary" disabled={draft.sending}>
                { if draft.sending { i18n.t("common.saving") } else { i18n.t("units.add") } }
            </button>
        </form>
    }
}
