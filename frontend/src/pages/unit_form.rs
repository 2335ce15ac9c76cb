//! "Tambah unit": the admin's form for `POST /api/v1/units`.

use crate::api;
use crate::components::{CheckField, ErrorBanner, Field, SelectField};
use crate::hooks::{checked, use_form, use_remote};
use crate::i18n::use_i18n;
use kinerja_domain::UnitKind;
use kinerja_types::{NewUnit, Unit};
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
}

impl Default for Draft {
    fn default() -> Self {
        Self {
            code: String::new(),
            name: String::new(),
            parent_id: String::new(),
            kind: UnitKind::Bidang,
            is_service_unit: false,
        }
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
}

#[derive(Properties, PartialEq)]
pub struct UnitFormProps {
    pub on_created: Callback<Unit>,
}

#[component]
pub fn UnitForm(props: &UnitFormProps) -> Html {
    let i18n = use_i18n();
    let form = use_form(Draft::default);
    let units = use_remote((), |()| api::units::all());
    let onsubmit = {
        let (i18n, on_created) = (i18n.clone(), props.on_created.clone());
        form.submit(
            move |d: &Draft| {
                checked(d.request(), &i18n).map(|request| async move { api::units::create(&request).await })
            },
            move |form, unit| {
                form.reset(Draft::default());
                on_created.emit(unit);
            },
        )
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
        <form onchange={form.touch()} class="panel form" {onsubmit} novalidate=true>
            <h2>{ i18n.t("units.add") }</h2>
            <ErrorBanner error={form.server_error()} shown_fields={FIELDS} />
            <ErrorBanner error={units.state.error.clone()} on_retry={units.reload.clone()} />
            <div class="form-grid">
                <Field id="unit-code" label={i18n.t("unit.code").to_owned()} value={form.code.clone()}
                    on_input={form.text(|d| &mut d.code)} required=true name="code" error={form.error("code")} />
                <Field id="unit-name" label={i18n.t("unit.name").to_owned()} value={form.name.clone()}
                    on_input={form.text(|d| &mut d.name)} required=true name="name" error={form.error("name")} />
                <SelectField id="unit-parent" label={i18n.t("unit.parent").to_owned()}
                    value={form.parent_id.clone()} options={parents}
                    on_change={form.text(|d| &mut d.parent_id)} name="parent_id" error={form.error("parent_id")} />
                <SelectField id="unit-kind" label={i18n.t("unit.kind").to_owned()}
                    value={form.kind.as_str()} options={kinds}
                    on_change={form.set(|d, v: String| d.kind = v.parse().unwrap_or(d.kind))} name="kind" error={form.error("kind")} />
                <CheckField id="unit-service" label={i18n.t("unit.is_service_unit_long").to_owned()}
                    checked={form.is_service_unit} on_toggle={form.set(|d, v| d.is_service_unit = v)}
                    name="is_service_unit" error={form.error("is_service_unit")} />
            </div>
            <button type="submit" class="button-primary" disabled={form.busy()}>
                { if form.busy() { i18n.t("common.saving") } else { i18n.t("units.add") } }
            </button>
            <crate::components::SubmitSummary problems={form.problems()} />
        </form>
    }
}
