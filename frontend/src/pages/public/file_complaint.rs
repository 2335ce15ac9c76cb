//! `/pengaduan`: a citizen files a complaint, an aspiration or a request for information about a
//! service unit, without an account, and leaves with a tracking code (SP4N-LAPOR! style).

use super::service_units::ComplaintQuery;
use super::Honeypot;
use crate::api;
use crate::components::{CopyButton, ErrorBanner, Field, Loading, SelectField};
use crate::hooks::{use_form, use_remote, Invalid};
use crate::i18n::{use_i18n, I18n};
use crate::route::Route;
use kinerja_domain::ComplaintCategory;
use kinerja_types::{NewComplaint, PublicOfficer};
use web_sys::HtmlInputElement;
use yew::prelude::*;
use yew_router::prelude::*;

/// What the server takes: the text's length, the contact's, the officer's.
const TEXT_MIN: usize = 10;
const TEXT_MAX: usize = 4000;
const CONTACT_MAX: usize = 200;
const OFFICER_MAX: usize = 200;

/// The fields the form shows its own errors for.
const FIELDS: &[&str] = &["unit_id", "category", "text", "officer", "employee_id", "contact"];

#[derive(Clone, PartialEq)]
struct Draft {
    unit_id: String,
    category: ComplaintCategory,
    text: String,
    /// The officer as typed, or a suggestion picked from the unit's list.
    officer: String,
    contact: String,
    website: String,
}

impl Default for Draft {
    fn default() -> Self {
        Self {
            unit_id: String::new(),
            category: ComplaintCategory::Pengaduan,
            text: String::new(),
            officer: String::new(),
            contact: String::new(),
            website: String::new(),
        }
    }
}

impl Draft {
    /// The complaint to send, or what is wrong with it, found on the device. A suggestion taken as
    /// it was offered names that officer of the unit.
    fn request(&self, i18n: &I18n, officers: &[PublicOfficer]) -> Result<NewComplaint, Invalid> {
        let mut invalid = Invalid::new();
        let unit_id = self.unit_id.parse::<i64>().ok();
        if unit_id.is_none() {
            invalid.insert("unit_id".to_owned(), i18n.t("validation.unit_required").to_owned());
        }
        let text = self.text.trim().to_owned();
        let length = text.chars().count();
        if !(TEXT_MIN..=TEXT_MAX).contains(&length) {
            let (min, max) = (TEXT_MIN.to_string(), TEXT_MAX.to_string());
            invalid.insert("text".to_owned(), i18n.tf("complaint.text_length", &[("min", &min), ("max", &max)]));
        }
        let officer = self.officer.trim().to_owned();
        if officer.chars().count() > OFFICER_MAX {
            let max = OFFICER_MAX.to_string();
            invalid.insert("officer".to_owned(), i18n.tf("complaint.officer_long", &[("max", &max)]));
        }
        let picked = officers.iter().find(|o| suggestion(o) == officer).map(|o| o.id);
        let contact = self.contact.trim().to_owned();
        if contact.chars().count() > CONTACT_MAX {
            let max = CONTACT_MAX.to_string();
            invalid.insert("contact".to_owned(), i18n.tf("complaint.contact_long", &[("max", &max)]));
        }
        let Some(unit_id) = unit_id.filter(|_| invalid.is_empty()) else {
            return Err(invalid);
        };
        Ok(NewComplaint {
            unit_id,
            category: self.category,
            text,
            officer: Some(officer).filter(|o| !o.is_empty()),
            employee_id: picked,
            employee_nip: None,
            contact: Some(contact).filter(|c| !c.is_empty()),
            website: Some(self.website.clone()),
        })
    }
}

/// How an officer is offered: the name and the position, which tell two of a name apart.
fn suggestion(officer: &PublicOfficer) -> String {
    format!("{} — {}", officer.name, officer.position)
}

#[component]
pub fn FileComplaint() -> Html {
    let i18n = use_i18n();
    let form = use_form(Draft::default);
    // The tracking code once filed.
    let receipt = use_state(|| None::<String>);
    let units = use_remote((), |()| api::public::units());
    // The officers of the chosen unit, offered as the citizen types (none until a unit is chosen).
    let officers = use_remote(form.unit_id.parse::<i64>().ok(), |unit| async move {
        match unit {
            Some(unit) => api::public::officers(unit).await,
            None => Ok(Vec::new()),
        }
    });
    let wanted_code = use_location().and_then(|l| l.query::<ComplaintQuery>().ok()).map(|q| q.unit);
    {
        // `?unit=CODE` (from the list of service units) chooses the unit once the list is here.
        let form = form.clone();
        let found = wanted_code.and_then(|code| {
            units.state.data.as_ref()?.iter().find(|u| u.code.eq_ignore_ascii_case(&code)).map(|u| u.id)
        });
        use_effect_with(found, move |found| {
            if let Some(id) = found {
                let id = id.to_string();
                // Unless one was already chosen.
                form.update(move |d| {
                    if d.unit_id.is_empty() {
                        d.unit_id = id;
                    }
                });
            }
        });
    }
    use_effect_with(receipt.is_some(), |_| {
        if let Some(window) = web_sys::window() {
            window.scroll_to_with_x_and_y(0.0, 0.0);
        }
    });

    if let Some(code) = &*receipt {
        let again = {
            let receipt = receipt.clone();
            Callback::from(move |_: MouseEvent| receipt.set(None))
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
        let (i18n, receipt) = (i18n.clone(), receipt.clone());
        let officers = officers.state.data.as_deref().cloned().unwrap_or_default();
        form.submit(
            move |d: &Draft| {
                d.request(&i18n, &officers).map(|request| async move { api::public::file_complaint(&request).await })
            },
            move |form, filed| {
                form.reset(Draft::default());
                receipt.set(Some(filed.tracking_code));
            },
        )
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
        let c = *c;
        html! {
            <label class={classes!("category", checked.then_some("category-on"))}>
                <input type="radio" name="category" value={c.as_str()} {checked}
                    onchange={form.set(move |d, _: Event| d.category = c)} />
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
            <form onchange={form.touch()} class="complaint-form" {onsubmit} novalidate=true>
                <ErrorBanner error={form.server_error()} shown_fields={FIELDS} />
                if units.state.loading && units.state.data.is_none() {
                    <Loading />
                }
                <ErrorBanner error={units.state.error.clone()} on_retry={units.reload.clone()} />
                <SelectField id="complaint-unit" label={i18n.t("complaint.unit").to_owned()} value={form.unit_id.clone()}
                    options={unit_options} on_change={form.text(|d| &mut d.unit_id)} required=true name="unit_id" error={form.error("unit_id")} />
                <fieldset class="choices categories">
                    <legend>{ i18n.t("complaint.category") }</legend>
                    { for categories }
                </fieldset>
                <Field id="complaint-text" label={i18n.t("complaint.text").to_owned()} rows={6}
                    value={form.text.clone()} on_input={form.text(|d| &mut d.text)} required=true
                    hint={i18n.tf("complaint.text_count", &[("n", &count.to_string()), ("min", &TEXT_MIN.to_string()), ("max", &TEXT_MAX.to_string())])}
                    name="text" error={form.error("text")} />
                <OfficerField value={form.officer.clone()} on_input={form.text(|d| &mut d.officer)}
                    officers={officers.state.data.as_deref().cloned().unwrap_or_default()}
                    error={form.error("officer").or_else(|| form.error("employee_id"))} />
                <Field id="complaint-contact" label={i18n.t("complaint.contact").to_owned()} value={form.contact.clone()}
                    on_input={form.text(|d| &mut d.contact)} autocomplete="tel"
                    hint={i18n.t("complaint.contact_hint").to_owned()} name="contact" error={form.error("contact")} />
                <p class="callout callout-info consent">{ i18n.t("complaint.consent") }</p>
                <Honeypot value={form.website.clone()} on_input={form.text(|d| &mut d.website)} />
                <button type="submit" class="button-primary button-block button-big" disabled={form.busy()}
                    aria-busy={form.busy().then_some("true")}>
                    { if form.busy() { i18n.t("complaint.sending") } else { i18n.t("complaint.send") } }
                </button>
                <crate::components::SubmitSummary problems={form.problems()} />
            </form>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct OfficerFieldProps {
    value: String,
    on_input: Callback<String>,
    officers: Vec<PublicOfficer>,
    error: Option<String>,
}

/// The officer concerned, by name or as the citizen saw them, with the unit's officers offered as
/// suggestions while typing (a citizen knows a face or a counter, not a NIP).
#[component]
fn OfficerField(props: &OfficerFieldProps) -> Html {
    let i18n = use_i18n();
    let on_input = props.on_input.clone();
    let oninput =
        Callback::from(move |e: InputEvent| on_input.emit(e.target_unchecked_into::<HtmlInputElement>().value()));
    let invalid = props.error.is_some();
    html! {
        <div class={classes!("field", invalid.then_some("field-invalid"))}>
            <label for="complaint-officer">{ i18n.t("complaint.officer") }</label>
            <input id="complaint-officer" type="text" list="complaint-officers" autocomplete="off"
                value={props.value.clone()} {oninput} aria-invalid={invalid.then_some("true")}
                aria-describedby="complaint-officer-hint" />
            <datalist id="complaint-officers">
                { for props.officers.iter().map(|o| html! { <option value={suggestion(o)} /> }) }
            </datalist>
            <small id="complaint-officer-hint" class="field-hint">{ i18n.t("complaint.officer_hint") }</small>
            if let Some(error) = &props.error {
                <small class="field-error">{ error.clone() }</small>
            }
        </div>
    }
}
