//! `/pengaduan`: a citizen files a complaint, an aspiration or a request for information about a
//! service unit, without an account, and leaves with a tracking code (SP4N-LAPOR! style).

use super::service_units::ComplaintQuery;
use super::Honeypot;
use crate::api::{self, ApiError};
use crate::components::{CopyButton, ErrorBanner, Field, Loading, SelectField};
use crate::hooks::use_remote;
use crate::i18n::use_i18n;
use crate::route::Route;
use kinerja_domain::ComplaintCategory;
use kinerja_types::NewComplaint;
use std::collections::HashMap;
use std::rc::Rc;
use yew::platform::spawn_local;
use yew::prelude::*;
use yew_router::prelude::*;

/// What the server takes: the text's length, the contact's, the NIP's digits.
const TEXT_MIN: usize = 10;
const TEXT_MAX: usize = 4000;
const CONTACT_MAX: usize = 200;
const NIP_DIGITS: usize = 18;

/// The fields the form shows its own errors for.
const FIELDS: &[&str] = &["unit_id", "category", "text", "employee_nip", "contact"];

#[derive(Clone, PartialEq)]
struct Form {
    unit_id: String,
    category: ComplaintCategory,
    text: String,
    nip: String,
    contact: String,
    website: String,
    /// Field → what is wrong, found on the device.
    invalid: HashMap<&'static str, String>,
    sending: bool,
    error: Option<ApiError>,
    /// The tracking code once filed.
    receipt: Option<String>,
}

impl Default for Form {
    fn default() -> Self {
        Self {
            unit_id: String::new(),
            category: ComplaintCategory::Pengaduan,
            text: String::new(),
            nip: String::new(),
            contact: String::new(),
            website: String::new(),
            invalid: HashMap::new(),
            sending: false,
            error: None,
            receipt: None,
        }
    }
}

enum Action {
    Unit(String),
    /// The unit named in the address, unless one was already chosen.
    DefaultUnit(String),
    Category(ComplaintCategory),
    Text(String),
    Nip(String),
    Contact(String),
    Website(String),
    Invalid(HashMap<&'static str, String>),
    Sending,
    Failed(ApiError),
    Filed(String),
    Again,
}

impl Reducible for Form {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Unit(v) => next.unit_id = v,
            Action::DefaultUnit(v) if next.unit_id.is_empty() => next.unit_id = v,
            Action::DefaultUnit(_) => return self,
            Action::Category(c) => next.category = c,
            Action::Text(v) => next.text = v,
            Action::Nip(v) => next.nip = v,
            Action::Contact(v) => next.contact = v,
            Action::Website(v) => next.website = v,
            Action::Invalid(fields) => next.invalid = fields,
            Action::Sending => {
                next.sending = true;
                next.error = None;
                next.invalid.clear();
            }
            Action::Failed(error) => {
                next.sending = false;
                next.error = Some(error);
            }
            Action::Filed(code) => {
                next = Form { receipt: Some(code), ..Form::default() };
            }
            Action::Again => next = Form::default(),
        }
        Rc::new(next)
    }
}

#[component]
pub fn FileComplaint() -> Html {
    let i18n = use_i18n();
    let form = use_reducer(Form::default);
    let units = use_remote((), |()| api::public::units());
    let wanted_code = use_location().and_then(|l| l.query::<ComplaintQuery>().ok()).map(|q| q.unit);
    {
        // `?unit=CODE` (from the list of service units) chooses the unit once the list is here.
        let dispatcher = form.dispatcher();
        let found = wanted_code.and_then(|code| {
            units.state.data.as_ref()?.iter().find(|u| u.code.eq_ignore_ascii_case(&code)).map(|u| u.id)
        });
        use_effect_with(found, move |found| {
            if let Some(id) = found {
                dispatcher.dispatch(Action::DefaultUnit(id.to_string()));
            }
        });
    }
    use_effect_with(form.receipt.is_some(), |_| {
        if let Some(window) = web_sys::window() {
            window.scroll_to_with_x_and_y(0.0, 0.0);
        }
    });

    if let Some(code) = &form.receipt {
        let again = {
            let form = form.clone();
            Callback::from(move |_: MouseEvent| form.dispatch(Action::Again))
        };
        return html! {
            <section class="page public-page receipt" role="status">
                <h1>{ i18n.t("complaint.filed_title") }</h1>
                <p>{ i18n.t("complaint.filed_body") }</p>
                <p class="tracking-label">{ i18n.t("complaint.tracking_code") }</p>
                <p class="tracking-code" id="tracking-code">{ code }</p>
                <div class="actions">
                    <CopyButton text={code.clone()} label={i18n.t("complaint.copy_code").to_owned()} />
                    <Link<Route> to={Route::TrackCode { code: code.clone() }} classes="button-primary">
                        { i18n.t("complaint.track_now") }
                    </Link<Route>>
                </div>
                <p class="muted">{ i18n.t("complaint.keep_code") }</p>
                <button type="button" class="button-quiet" onclick={again}>{ i18n.t("complaint.another") }</button>
            </section>
        };
    }

    let onsubmit = {
        let form = form.clone();
        let i18n = i18n.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if form.sending {
                return;
            }
            let mut invalid = HashMap::new();
            let unit_id = form.unit_id.parse::<i64>().ok();
            if unit_id.is_none() {
                invalid.insert("unit_id", i18n.t("validation.unit_required").to_owned());
            }
            let text = form.text.trim().to_owned();
            let length = text.chars().count();
            if !(TEXT_MIN..=TEXT_MAX).contains(&length) {
                let (min, max) = (TEXT_MIN.to_string(), TEXT_MAX.to_string());
                invalid.insert("text", i18n.tf("complaint.text_length", &[("min", &min), ("max", &max)]));
            }
            let nip = form.nip.trim().to_owned();
            if !nip.is_empty() && (nip.len() != NIP_DIGITS || !nip.chars().all(|c| c.is_ascii_digit())) {
                invalid.insert("employee_nip", i18n.t("complaint.nip_invalid").to_owned());
            }
            let contact = form.contact.trim().to_owned();
            if contact.chars().count() > CONTACT_MAX {
                invalid.insert("contact", i18n.tf("complaint.contact_long", &[("max", &CONTACT_MAX.to_string())]));
            }
            let Some(unit_id) = unit_id.filter(|_| invalid.is_empty()) else {
                form.dispatch(Action::Invalid(invalid));
                return;
            };
            let request = NewComplaint {
                unit_id,
                category: form.category,
                text,
                employee_nip: Some(nip).filter(|n| !n.is_empty()),
                contact: Some(contact).filter(|c| !c.is_empty()),
                website: Some(form.website.clone()),
            };
            form.dispatch(Action::Sending);
            let form = form.clone();
            spawn_local(async move {
                match api::public::file_complaint(&request).await {
                    Ok(receipt) => form.dispatch(Action::Filed(receipt.tracking_code)),
                    Err(error) => form.dispatch(Action::Failed(error)),
                }
            });
        })
    };
    let error_for =
        |field: &str| form.invalid.get(field).cloned().or_else(|| form.error.as_ref().and_then(|e| e.field(field)));
    let set = |make: fn(String) -> Action| {
        let form = form.clone();
        Callback::from(move |v: String| form.dispatch(make(v)))
    };
    let unit_options: Vec<(AttrValue, AttrValue)> = {
        let mut all: Vec<_> = units.state.data.iter().flat_map(|u| u.iter()).collect();
        all.sort_by(|a, b| a.name.cmp(&b.name));
        std::iter::once((AttrValue::from(""), AttrValue::from(i18n.t("validation.choose").to_owned())))
            .chain(all.into_iter().map(|u| (AttrValue::from(u.id.to_string()), AttrValue::from(u.name.clone()))))
            .collect()
    };
    let categories = ComplaintCategory::ALL.iter().map(|c| {
        let checked = form.category == *c;
        let form = form.clone();
        let c = *c;
        html! {
            <label class={classes!("category", checked.then_some("category-on"))}>
                <input type="radio" name="category" value={c.as_str()} {checked}
                    onchange={move |_| form.dispatch(Action::Category(c))} />
                <span>
                    <strong>{ i18n.word("complaint_category", c.as_str()) }</strong>
                    <small>{ i18n.t(&format!("complaint_category.{}.hint", c.as_str())).to_owned() }</small>
                </span>
            </label>
        }
    });
    let count = form.text.trim().chars().count();
    html! {
        <section class="page public-page">
            <h1>{ i18n.t("complaint.title") }</h1>
            <p class="lead">{ i18n.t("complaint.lead") }</p>
            <form class="complaint-form" {onsubmit} novalidate=true>
                <ErrorBanner error={form.error.clone()} shown_fields={FIELDS} />
                if units.state.loading && units.state.data.is_none() {
                    <Loading />
                }
                <ErrorBanner error={units.state.error.clone()} on_retry={units.reload.clone()} />
                <SelectField id="complaint-unit" label={i18n.t("complaint.unit").to_owned()} value={form.unit_id.clone()}
                    options={unit_options} on_change={set(Action::Unit)} required=true error={error_for("unit_id")} />
                <fieldset class="choices categories">
                    <legend>{ i18n.t("complaint.category") }</legend>
                    { for categories }
                </fieldset>
                <Field id="complaint-text" label={i18n.t("complaint.text").to_owned()} rows={6}
                    value={form.text.clone()} on_input={set(Action::Text)} required=true
                    hint={i18n.tf("complaint.text_count", &[("n", &count.to_string()), ("min", &TEXT_MIN.to_string()), ("max", &TEXT_MAX.to_string())])}
                    error={error_for("text")} />
                <Field id="complaint-nip" label={i18n.t("complaint.nip").to_owned()} value={form.nip.clone()}
                    on_input={set(Action::Nip)} inputmode="numeric" autocomplete="off"
                    hint={i18n.t("complaint.nip_hint").to_owned()} error={error_for("employee_nip")} />
                <Field id="complaint-contact" label={i18n.t("complaint.contact").to_owned()} value={form.contact.clone()}
                    on_input={set(Action::Contact)} autocomplete="tel"
                    hint={i18n.t("complaint.contact_hint").to_owned()} error={error_for("contact")} />
                <p class="callout callout-info consent">{ i18n.t("complaint.consent") }</p>
                <Honeypot value={form.website.clone()} on_input={set(Action::Website)} />
                <button type="submit" class="button-primary button-block button-big" disabled={form.sending}
                    aria-busy={form.sending.then_some("true")}>
                    { if form.sending { i18n.t("complaint.sending") } else { i18n.t("complaint.send") } }
                </button>
            </form>
        </section>
    }
}
