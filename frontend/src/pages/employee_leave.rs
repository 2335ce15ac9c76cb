//! An employee's leave and absences (cuti of each type, dinas luar, sick leave, izin) on their
//! page: what the BKPSDM recorded, latest first; the admin records one with the letter that grants
//! it and annuls one after a confirmation. Its days are excused everywhere the calendar counts.

use crate::api;
use crate::components::{use_toast, AnnulControl, ErrorBanner, Field, Loading, SelectField};
use crate::format;
use crate::hooks::{use_form, use_remote, use_write, Invalid};
use crate::i18n::{use_i18n, I18n};
use crate::validation;
use kinerja_domain::calendar::LeaveKind;
use kinerja_types::{Leave, NewLeave};
use yew::prelude::*;

/// The fields the form shows its own errors for.
const FIELDS: &[&str] = &["kind", "starts_on", "ends_on", "reference"];

#[derive(Properties, PartialEq)]
pub struct EmployeeLeaveProps {
    pub employee_id: i64,
    /// The BKPSDM may record and annul.
    pub admin: bool,
}

#[component]
pub fn EmployeeLeave(props: &EmployeeLeaveProps) -> Html {
    let i18n = use_i18n();
    let refresh = use_state(|| 0u32);
    let list = use_remote((props.employee_id, *refresh), |(id, _)| api::leave::of_employee(id));
    let toast = use_toast();
    let write = use_write();
    let changed = {
        let refresh = refresh.clone();
        Callback::from(move |()| refresh.set(refresh.wrapping_add(1)))
    };
    let row = |l: &Leave| {
        let annul = {
            let id = l.id;
            let (toast, changed, i18n) = (toast.clone(), changed.clone(), i18n.clone());
            write.action(
                move |()| api::leave::annul(id),
                move |()| {
                    toast.say(i18n.t("leave.annulled_notice").to_owned());
                    changed.emit(());
                },
            )
        };
        let span = i18n.tf("leave.span", &[("from", &format::date(&l.starts_on)), ("to", &format::date(&l.ends_on))]);
        html! {
            <li key={l.id} data-leave={l.id.to_string()} class={classes!("leave", l.annulled_at.is_some().then_some("row-revoked"))}>
                <p><strong>{ kind_words(l.kind, &i18n) }</strong>{ " · " }{ span }</p>
                if let Some(reference) = &l.reference {
                    <p class="small muted">{ i18n.tf("leave.letter", &[("reference", reference)]) }</p>
                }
                <AnnulControl annulled_at={l.annulled_at} admin={props.admin}
                    confirm={i18n.t("leave.annul_confirm").to_owned()} on_annul={annul} busy={write.busy} />
            </li>
        }
    };
    let body = match list.state.data.as_ref() {
        Some(page) if page.items.is_empty() => html! { <p class="muted">{ i18n.t("leave.none") }</p> },
        Some(page) => html! { <ul class="leave-list plain-list">{ for page.items.iter().map(row) }</ul> },
        None if list.state.loading => html! { <Loading /> },
        None => html! {},
    };
    html! {
        <section class="panel employee-leave">
            <h2>{ i18n.t("leave.title") }</h2>
            <p class="muted small">{ i18n.t("leave.lead") }</p>
            <ErrorBanner error={list.state.error.clone()} on_retry={list.reload.clone()} />
            <ErrorBanner error={write.error.clone()} />
            { body }
            if props.admin {
                <LeaveForm employee_id={props.employee_id} on_created={changed} />
            }
        </section>
    }
}

/// The words of a kind.
fn kind_words(kind: LeaveKind, i18n: &I18n) -> String {
    i18n.t(&format!("leave.kind.{}", kind.as_str())).to_owned()
}

/// What the form holds.
#[derive(Clone, PartialEq)]
struct Draft {
    kind: LeaveKind,
    starts_on: String,
    ends_on: String,
    reference: String,
}

impl Default for Draft {
    fn default() -> Self {
        let today = format::today().to_string();
        Self { kind: LeaveKind::CutiTahunan, starts_on: today.clone(), ends_on: today, reference: String::new() }
    }
}

impl Draft {
    /// The request, or what is wrong with it on the device.
    fn request(&self, employee_id: i64, i18n: &I18n) -> Result<NewLeave, Invalid> {
        let mut invalid = Invalid::new();
        let mut date = |field: &str, text: &str| {
            chrono::NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").unwrap_or_else(|_| {
                invalid.insert(field.to_owned(), i18n.t("validation.date").to_owned());
                chrono::NaiveDate::MIN
            })
        };
        let (starts_on, ends_on) = (date("starts_on", &self.starts_on), date("ends_on", &self.ends_on));
        if ends_on < starts_on {
            invalid.insert("ends_on".to_owned(), i18n.t("sanction.ends_before_start").to_owned());
        }
        let reference = Some(self.reference.trim().to_owned()).filter(|r| !r.is_empty());
        let request = NewLeave { employee_id, kind: self.kind, starts_on, ends_on, reference };
        invalid.extend(validation::check(&request, i18n));
        if invalid.is_empty() {
            Ok(request)
        } else {
            Err(invalid)
        }
    }
}

#[derive(Properties, PartialEq)]
struct LeaveFormProps {
    employee_id: i64,
    on_created: Callback<()>,
}

/// A leave from its letter: the kind, the days, the letter's number.
#[component]
fn LeaveForm(props: &LeaveFormProps) -> Html {
    let i18n = use_i18n();
    let form = use_form(Draft::default);
    let toast = use_toast();
    let onsubmit = {
        let (i18n, toast, on_created, id) = (i18n.clone(), toast.clone(), props.on_created.clone(), props.employee_id);
        let check_i18n = i18n.clone();
        form.submit(
            move |d: &Draft| {
                let request = d.request(id, &check_i18n)?;
                Ok(async move { api::leave::create(&request).await })
            },
            move |form, l: Leave| {
                toast.say(i18n.tf("leave.recorded", &[("kind", &kind_words(l.kind, &i18n))]));
                form.reset(Draft::default());
                on_created.emit(());
            },
        )
    };
    let kinds: Vec<(AttrValue, AttrValue)> =
        LeaveKind::ALL.iter().map(|k| (AttrValue::from(k.as_str()), AttrValue::from(kind_words(*k, &i18n)))).collect();
    html! {
        <form onchange={form.touch()} class="form leave-form" {onsubmit} novalidate=true>
            <h3>{ i18n.t("leave.new") }</h3>
            <div class="form-grid">
                <SelectField id="leave-kind" label={i18n.t("leave.kind").to_owned()}
                    value={form.kind.as_str()} options={kinds}
                    on_change={form.set(|d, v: String| d.kind = v.parse().unwrap_or(d.kind))}
                    name="kind" error={form.error("kind")} />
                <Field id="leave-starts" label={i18n.t("leave.starts_on").to_owned()} kind="date"
                    value={form.starts_on.clone()} on_input={form.text(|d| &mut d.starts_on)}
                    name="starts_on" error={form.error("starts_on")} required=true />
                <Field id="leave-ends" label={i18n.t("leave.ends_on").to_owned()} kind="date"
                    value={form.ends_on.clone()} on_input={form.text(|d| &mut d.ends_on)}
                    name="ends_on" error={form.error("ends_on")} required=true />
                <Field id="leave-reference" label={i18n.t("leave.reference").to_owned()}
                    value={form.reference.clone()} on_input={form.text(|d| &mut d.reference)}
                    name="reference" error={form.error("reference")} />
            </div>
            <ErrorBanner error={form.server_error()} shown_fields={FIELDS} />
            <button type="submit" class="button-primary" disabled={form.busy()}>
                { if form.busy() { i18n.t("common.saving") } else { i18n.t("leave.record") } }
            </button>
            <crate::components::SubmitSummary problems={form.problems()} />
        </form>
    }
}
