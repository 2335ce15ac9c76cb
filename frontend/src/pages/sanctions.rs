//! Disciplinary sanctions in the TPP page: those in force in the month, each with the cut it makes;
//! the BKPSDM (admin) records one from its decree and annuls one after a confirmation.

use crate::api;
use crate::components::employee_picker::EmployeePicker;
use crate::components::{use_toast, AnnulControl, ErrorBanner, Field, Loading, SelectField};
use crate::format;
use crate::hooks::{use_form, use_remote, use_write, Invalid};
use crate::i18n::{use_i18n, I18n};
use crate::validation;
use kinerja_domain::tpp::SanctionLevel;
use kinerja_domain::Period;
use kinerja_types::{Employee, NewSanction, Sanction};
use yew::prelude::*;

/// The fields the form shows its own errors for.
const FIELDS: &[&str] = &["employee_id", "level", "decree_number", "starts_on", "ends_on", "reason"];

#[derive(Properties, PartialEq)]
pub struct SanctionsProps {
    pub month: Period,
    /// The unit whose staff to show (none: everyone the reader sees).
    pub unit_id: Option<i64>,
    /// The BKPSDM may record and annul.
    pub admin: bool,
    /// Told when a sanction was recorded or annulled (the report changes).
    pub on_changed: Callback<()>,
}

#[component]
pub fn Sanctions(props: &SanctionsProps) -> Html {
    let i18n = use_i18n();
    let refresh = use_state(|| 0u32);
    let list =
        use_remote((props.month, props.unit_id, *refresh), |(month, unit, _)| api::sanctions::in_month(month, unit));
    let toast = use_toast();
    let write = use_write();
    let changed = {
        let (refresh, on_changed) = (refresh.clone(), props.on_changed.clone());
        Callback::from(move |()| {
            refresh.set(refresh.wrapping_add(1));
            on_changed.emit(());
        })
    };
    let row = |s: &Sanction| {
        let annul = {
            let (id, name) = (s.id, s.employee_name.clone());
            let (toast, changed, i18n) = (toast.clone(), changed.clone(), i18n.clone());
            write.action(
                move |()| api::sanctions::annul(id),
                move |()| {
                    toast.say(i18n.tf("sanction.annulled_notice", &[("name", &name)]));
                    changed.emit(());
                },
            )
        };
        html! {
            <li key={s.id} data-sanction={s.id.to_string()} class={classes!("sanction", s.annulled_at.is_some().then_some("row-revoked"))}>
                <p>
                    <strong>{ &s.employee_name }</strong>{ " · " }<span class="nip muted small">{ &s.nip }</span>
                    { " · " }<span class={classes!("badge", format!("badge-sanction-{}", s.level.as_str()))}>{ level_words(s.level, &i18n) }</span>
                </p>
                <p class="small">
                    { i18n.tf("sanction.decree", &[("number", &s.decree_number), ("from", &format::date(&s.starts_on)), ("to", &format::date(&s.ends_on))]) }
                </p>
                <p class="small muted">{ &s.reason }</p>
                <AnnulControl annulled_at={s.annulled_at} admin={props.admin}
                    confirm={i18n.tf("sanction.annul_confirm", &[("name", &s.employee_name)])}
                    whose={s.employee_name.clone()} on_annul={annul} busy={write.busy} />
            </li>
        }
    };
    let body = match list.state.data.as_ref() {
        Some(page) if page.items.is_empty() => html! { <p class="muted">{ i18n.t("sanction.none") }</p> },
        Some(page) => html! { <ul class="sanction-list plain-list">{ for page.items.iter().map(row) }</ul> },
        None if list.state.loading => html! { <Loading /> },
        None => html! {},
    };
    html! {
        <section class="panel sanctions">
            <h2>{ i18n.t("sanction.title") }</h2>
            <p class="muted small">{ i18n.t("sanction.lead") }</p>
            <ErrorBanner error={list.state.error.clone()} on_retry={list.reload.clone()} />
            <ErrorBanner error={write.error.clone()} />
            { body }
            if props.admin {
                <SanctionForm on_created={changed} />
            }
        </section>
    }
}

/// The words of a level.
fn level_words(level: SanctionLevel, i18n: &I18n) -> String {
    i18n.t(&format!("sanction.level.{}", level.as_str())).to_owned()
}

/// What the form holds.
#[derive(Clone, PartialEq)]
struct Draft {
    employee: Option<Employee>,
    level: SanctionLevel,
    decree_number: String,
    starts_on: String,
    ends_on: String,
    reason: String,
}

impl Default for Draft {
    fn default() -> Self {
        let today = format::today().to_string();
        Self {
            employee: None,
            level: SanctionLevel::Sedang,
            decree_number: String::new(),
            starts_on: today.clone(),
            ends_on: today,
            reason: String::new(),
        }
    }
}

impl Draft {
    /// The request, or what is wrong with it on the device.
    fn request(&self, i18n: &I18n) -> Result<NewSanction, Invalid> {
        let mut invalid = Invalid::new();
        let mut date = |field: &str, text: &str| {
            chrono::NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").unwrap_or_else(|_| {
                invalid.insert(field.to_owned(), i18n.t("validation.date").to_owned());
                chrono::NaiveDate::MIN
            })
        };
        let (starts_on, ends_on) = (date("starts_on", &self.starts_on), date("ends_on", &self.ends_on));
        if self.employee.is_none() {
            invalid.insert("employee_id".to_owned(), i18n.t("validation.employee_required").to_owned());
        }
        if ends_on < starts_on {
            invalid.insert("ends_on".to_owned(), i18n.t("sanction.ends_before_start").to_owned());
        }
        let request = NewSanction {
            employee_id: self.employee.as_ref().map(|e| e.id).unwrap_or_default(),
            level: self.level,
            decree_number: self.decree_number.trim().to_owned(),
            starts_on,
            ends_on,
            reason: self.reason.trim().to_owned(),
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
struct SanctionFormProps {
    on_created: Callback<()>,
}

/// A sanction from its decree: the employee, the level, the decree number, the days in force, why.
#[component]
fn SanctionForm(props: &SanctionFormProps) -> Html {
    let i18n = use_i18n();
    let form = use_form(Draft::default);
    let toast = use_toast();
    let onsubmit = {
        let (i18n, toast, on_created) = (i18n.clone(), toast.clone(), props.on_created.clone());
        let check_i18n = i18n.clone();
        form.submit(
            move |d: &Draft| {
                let request = d.request(&check_i18n)?;
                Ok(async move { api::sanctions::create(&request).await })
            },
            move |form, s: Sanction| {
                toast.say(i18n.tf("sanction.recorded", &[("name", &s.employee_name)]));
                form.reset(Draft::default());
                on_created.emit(());
            },
        )
    };
    let levels: Vec<(AttrValue, AttrValue)> = [SanctionLevel::Ringan, SanctionLevel::Sedang, SanctionLevel::Berat]
        .iter()
        .map(|l| (AttrValue::from(l.as_str()), AttrValue::from(level_words(*l, &i18n))))
        .collect();
    html! {
        <form onchange={form.touch()} class="form sanction-form" {onsubmit} novalidate=true>
            <h3>{ i18n.t("sanction.new") }</h3>
            <div class="form-grid">
                <EmployeePicker id="sanction-employee" label={i18n.t("sanction.employee").to_owned()}
                    selected={form.employee.clone()} on_select={form.set(|d, e| d.employee = e)}
                    error={form.error("employee_id")} />
                <SelectField id="sanction-level" label={i18n.t("sanction.level").to_owned()}
                    value={form.level.as_str()} options={levels}
                    on_change={form.set(|d, v: String| d.level = v.parse().unwrap_or(d.level))}
                    name="level" error={form.error("level")} />
                <Field id="sanction-decree" label={i18n.t("sanction.decree_number").to_owned()}
                    value={form.decree_number.clone()} on_input={form.text(|d| &mut d.decree_number)}
                    name="decree_number" error={form.error("decree_number")} required=true />
                <Field id="sanction-starts" label={i18n.t("sanction.starts_on").to_owned()} kind="date"
                    value={form.starts_on.clone()} on_input={form.text(|d| &mut d.starts_on)}
                    name="starts_on" error={form.error("starts_on")} required=true />
                <Field id="sanction-ends" label={i18n.t("sanction.ends_on").to_owned()} kind="date"
                    value={form.ends_on.clone()} on_input={form.text(|d| &mut d.ends_on)}
                    name="ends_on" error={form.error("ends_on")} required=true />
                <Field id="sanction-reason" label={i18n.t("sanction.reason").to_owned()} rows={Some(2)}
                    value={form.reason.clone()} on_input={form.text(|d| &mut d.reason)}
                    name="reason" error={form.error("reason")} required=true />
            </div>
            <ErrorBanner error={form.server_error()} shown_fields={FIELDS} />
            <button type="submit" class="button-primary" disabled={form.busy()}>
                { if form.busy() { i18n.t("common.saving") } else { i18n.t("sanction.record") } }
            </button>
            <crate::components::SubmitSummary problems={form.problems()} />
        </form>
    }
}
