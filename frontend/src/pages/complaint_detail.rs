//! One complaint for the staff: what the citizen wrote, the contact (for those who handle it), its
//! class, deadline, postponement or referral, its history, and the next steps the workflow allows.
//! Every step asks first, with what it needs: the class when verifying, a reason to reject, the
//! competent unit or agency to refer it to, a unit to send it to, the response the citizen will
//! read; a follow-up in progress may be postponed to a new date with a reason.

use super::complaint_queue::unit_names;
use crate::api;
use crate::components::{use_toast, ComplaintBadge, ErrorBanner, Field, Loading, SelectField, SlaBadge};
use crate::format;
use crate::hooks::{use_form, use_remote, Invalid};
use crate::i18n::use_i18n;
use crate::route::Route;
use kinerja_domain::{ComplaintClass, ComplaintStatus, Role};
use kinerja_types::{Complaint, ComplaintPostponement, ComplaintTransition, Me};
use std::collections::HashMap;
use std::rc::Rc;
use yew::prelude::*;
use yew_router::prelude::*;

/// The fields the step form shows its own errors for.
const FIELDS: &[&str] = &["note", "unit_id", "public_response", "class", "referred_to"];

/// The fields the postponement form shows its own errors for.
const POSTPONE_FIELDS: &[&str] = &["until", "reason"];

#[derive(Properties, PartialEq)]
pub struct ComplaintDetailProps {
    pub me: Rc<Me>,
    pub id: i64,
}

#[component]
pub fn ComplaintDetail(props: &ComplaintDetailProps) -> Html {
    let i18n = use_i18n();
    let complaint = use_remote(props.id, api::complaints::get);
    let history = use_remote(props.id, api::complaints::history);
    let names = use_remote((), |()| unit_names());
    let step = use_state(|| None::<ComplaintStatus>);
    let postponing = use_state(|| false);
    let toast = use_toast();
    // Auditors read; the server decides for the others (403 outside their units).
    let may_handle = [Role::Admin, Role::OperatorLayanan, Role::KepalaUnit].iter().any(|r| props.me.has(*r));

    let done = {
        let step = step.clone();
        let toast = toast.clone();
        let reload_complaint = complaint.reload.clone();
        let reload_history = history.reload.clone();
        let i18n = i18n.clone();
        let postponing = postponing.clone();
        Callback::from(move |updated: Complaint| {
            step.set(None);
            postponing.set(false);
            toast.say(i18n.tf("complaint.step_done", &[("status", i18n.complaint_status(updated.status))]));
            reload_complaint.emit(());
            reload_history.emit(());
        })
    };
    let cancel = {
        let (step, postponing) = (step.clone(), postponing.clone());
        Callback::from(move |()| {
            step.set(None);
            postponing.set(false);
        })
    };
    let names: Rc<HashMap<i64, String>> = names.state.data.clone().unwrap_or_default();
    let unit_name = |id: i64| names.get(&id).cloned().unwrap_or_else(|| format!("#{id}"));

    let body = match complaint.state.data.as_deref() {
        Some(c) => {
            let next: Vec<ComplaintStatus> =
                ComplaintStatus::ALL.iter().copied().filter(|to| c.status.can_go(*to)).collect();
            html! {
                <>
                    <section class="panel">
                        <div class="panel-head">
                            <h2 class="mono">{ &c.tracking_code }</h2>
                            <span class="badges">
                                <ComplaintBadge status={c.status} />
                                <SlaBadge status={c.status} deadline={c.deadline} overdue={c.overdue} />
                            </span>
                        </div>
                        <dl class="facts">
                            <dt>{ i18n.t("complaints.unit") }</dt>
                            <dd>{ unit_name(c.unit_id) }</dd>
                            <dt>{ i18n.t("complaint.category") }</dt>
                            <dd>{ i18n.word("complaint_category", c.category.as_str()) }</dd>
                            <dt>{ i18n.t("complaints.filed_on") }</dt>
                            <dd>{ format::date(&c.filed_on) }</dd>
                            if let Some(class) = c.class {
                                <dt>{ i18n.t("complaint.class") }</dt>
                                <dd>{ i18n.word("complaint_class", class.as_str()) }</dd>
                            }
                            if let Some(due) = c.deadline {
                                <dt>{ i18n.t("complaints.deadline") }</dt>
                                <dd>{ format::date(&due) }</dd>
                            }
                            if let Some(until) = c.postponed_until {
                                <dt>{ i18n.t("complaint.postponed_until") }</dt>
                                <dd>{ format::date(&until) }<br /><small>{ c.postpone_reason.clone().unwrap_or_default() }</small></dd>
                            }
                            if let Some(to) = &c.referred_to {
                                <dt>{ i18n.t("complaint.referred_to") }</dt>
                                <dd>{ to }</dd>
                            }
                            if let Some(unit) = c.disposition_unit_id {
                                <dt>{ i18n.t("complaint.disposition_unit") }</dt>
                                <dd>{ unit_name(unit) }</dd>
                            }
                            if let Some(officer) = &c.officer {
                                <dt>{ i18n.t("complaint.officer_named") }</dt>
                                <dd>{ officer }</dd>
                            }
                            if let Some(nip) = &c.employee_nip {
                                <dt>{ i18n.t("complaint.employee") }</dt>
                                <dd class="nip">{ nip }</dd>
                            }
                            if let Some(contact) = &c.contact {
                                <dt>{ i18n.t("complaint.contact_staff") }</dt>
                                <dd>{ contact }<br /><small class="muted">{ i18n.t("complaint.contact_private") }</small></dd>
                            }
                        </dl>
                        <h3>{ i18n.t("complaint.text") }</h3>
                        <p class="complaint-text">{ &c.text }</p>
                        if let Some(response) = &c.public_response {
                            <h3>{ i18n.t("track.response") }</h3>
                            <p class="public-response">{ response }</p>
                        }
                    </section>
                    if may_handle && !next.is_empty() {
                        <section class="panel">
                            <h2>{ i18n.t("complaint.next_step") }</h2>
                            if *postponing {
                                <PostponeForm complaint={c.clone()} on_done={done.clone()} on_cancel={cancel.clone()} />
                            } else if let Some(to) = *step {
                                <StepForm complaint={c.clone()} {to} units={names.clone()}
                                    on_done={done.clone()} on_cancel={cancel.clone()} />
                            } else {
                                <div class="actions">
                                    { for next.iter().map(|to| {
                                        let step = step.clone();
                                        let to = *to;
                                        let danger = to == ComplaintStatus::Rejected;
                                        let quiet = danger || to == ComplaintStatus::Referred;
                                        html! {
                                            <button type="button" class={classes!(if danger { "button-quiet button-danger" } else if quiet { "button-quiet" } else { "button-primary" })}
                                                onclick={move |_| step.set(Some(to))}>
                                                { i18n.t(&format!("complaint.step.{}", to.as_str())).to_owned() }
                                            </button>
                                        }
                                    }) }
                                    if c.status == ComplaintStatus::Dispositioned {
                                        <button type="button" class="button-quiet"
                                            onclick={{ let postponing = postponing.clone(); move |_| postponing.set(true) }}>
                                            { i18n.t("complaint.postpone") }
                                        </button>
                                    }
                                </div>
                            }
                        </section>
                    }
                </>
            }
        }
        None if complaint.state.loading => html! { <Loading /> },
        None => html! {},
    };
    let events = match history.state.data.as_deref() {
        Some(events) => html! {
            <ol class="history">
                { for events.iter().map(|e| html! {
                    <li>
                        <span class="muted small">{ format::instant(&e.at, i18n.lang()) }</span>
                        <span class="history-step">
                            if let Some(from) = e.from_status {
                                { i18n.complaint_status(from) }{ " → " }
                            }
                            <strong>{ i18n.complaint_status(e.to_status) }</strong>
                        </span>
                        if let Some(note) = &e.note {
                            <p class="history-note">{ note }</p>
                        }
                    </li>
                }) }
            </ol>
        },
        None if history.state.loading => html! { <Loading /> },
        None => html! {},
    };
    html! {
        <section class="page">
            <p><Link<Route> to={Route::Complaints}>{ i18n.t("complaint.back") }</Link<Route>></p>
            <h1>{ i18n.t("complaint.detail_title") }</h1>
            <ErrorBanner error={complaint.state.error.clone()} on_retry={complaint.reload.clone()} />
            { body }
            <section class="panel">
                <h2>{ i18n.t("complaint.history") }</h2>
                <ErrorBanner error={history.state.error.clone()} on_retry={history.reload.clone()} />
                { events }
            </section>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct StepFormProps {
    complaint: Complaint,
    to: ComplaintStatus,
    units: Rc<HashMap<i64, String>>,
    on_done: Callback<Complaint>,
    on_cancel: Callback<()>,
}

/// What a step may need, as typed.
#[derive(Clone, PartialEq)]
struct StepDraft {
    note: String,
    response: String,
    /// The unit to send the complaint to.
    unit: String,
    /// The class set at verification (its wire spelling, or empty).
    class: String,
    /// The competent unit or agency, for a referral.
    referred_to: String,
}

/// The "are you sure?" of one step, with what the step needs.
#[component]
fn StepForm(props: &StepFormProps) -> Html {
    let i18n = use_i18n();
    let to = props.to;
    let c = &props.complaint;
    let form = use_form(|| StepDraft {
        note: String::new(),
        response: String::new(),
        unit: c.disposition_unit_id.unwrap_or(c.unit_id).to_string(),
        class: String::new(),
        referred_to: String::new(),
    });
    let onsubmit = {
        let on_done = props.on_done.clone();
        let i18n = i18n.clone();
        let id = c.id;
        form.submit(
            move |d: &StepDraft| {
                let text = |s: &str| Some(s.trim().to_owned()).filter(|s| !s.is_empty());
                let mut missing = Invalid::new();
                let step = ComplaintTransition {
                    to,
                    note: text(&d.note),
                    unit_id: (to == ComplaintStatus::Dispositioned).then(|| d.unit.parse().ok()).flatten(),
                    public_response: (to == ComplaintStatus::Responded).then(|| text(&d.response)).flatten(),
                    class: (to == ComplaintStatus::Verified).then(|| d.class.parse::<ComplaintClass>().ok()).flatten(),
                    referred_to: (to == ComplaintStatus::Referred).then(|| text(&d.referred_to)).flatten(),
                };
                if to == ComplaintStatus::Verified && step.class.is_none() {
                    missing.insert("class".to_owned(), i18n.t("complaint.class_missing").to_owned());
                }
                if to == ComplaintStatus::Referred && step.referred_to.as_deref().is_none_or(|r| r.chars().count() < 3)
                {
                    missing.insert("referred_to".to_owned(), i18n.t("complaint.referred_missing").to_owned());
                }
                if to == ComplaintStatus::Rejected && step.note.is_none() {
                    missing.insert("note".to_owned(), i18n.t("complaint.reason_missing").to_owned());
                }
                if to == ComplaintStatus::Dispositioned && step.unit_id.is_none() {
                    missing.insert("unit_id".to_owned(), i18n.t("validation.unit_required").to_owned());
                }
                if to == ComplaintStatus::Responded && step.public_response.is_none() {
                    missing.insert("public_response".to_owned(), i18n.t("complaint.response_missing").to_owned());
                }
                if !missing.is_empty() {
                    return Err(missing);
                }
                Ok(async move { api::complaints::transition(id, &step).await })
            },
            move |_, updated| on_done.emit(updated),
        )
    };
    let busy = form.busy();
    let unit_options: Vec<(AttrValue, AttrValue)> = {
        let mut all: Vec<(&i64, &String)> = props.units.iter().collect();
        all.sort_by(|a, b| a.1.cmp(b.1));
        all.into_iter().map(|(id, name)| (AttrValue::from(id.to_string()), AttrValue::from(name.clone()))).collect()
    };
    let on_cancel = props.on_cancel.clone();
    let key = to.as_str();
    let note_label = if to == ComplaintStatus::Rejected { "complaint.reason" } else { "complaint.note" };
    html! {
        <form onchange={form.touch()} class="confirm step-form" role="alertdialog" aria-label={i18n.t(&format!("complaint.confirm.{key}")).to_owned()}
            {onsubmit} novalidate=true>
            <p>{ i18n.t(&format!("complaint.confirm.{key}")).to_owned() }</p>
            <ErrorBanner error={form.server_error()} shown_fields={FIELDS} />
            if to == ComplaintStatus::Verified {
                <SelectField id="step-class" label={i18n.t("complaint.class").to_owned()} value={form.class.clone()}
                    options={class_options(&i18n)} on_change={form.text(|d| &mut d.class)} required=true
                    name="class" error={form.error("class")} />
                <p class="muted small">{ i18n.t("complaint.class_hint") }</p>
            }
            if to == ComplaintStatus::Referred {
                <Field id="step-referred" label={i18n.t("complaint.referred_to").to_owned()} value={form.referred_to.clone()}
                    on_input={form.text(|d| &mut d.referred_to)} required=true
                    hint={AttrValue::from(i18n.t("complaint.referred_hint").to_owned())} name="referred_to" error={form.error("referred_to")} />
            }
            if to == ComplaintStatus::Dispositioned {
                <SelectField id="step-unit" label={i18n.t("complaint.disposition_to").to_owned()} value={form.unit.clone()}
                    options={unit_options} on_change={form.text(|d| &mut d.unit)} required=true name="unit_id" error={form.error("unit_id")} />
            }
            if to == ComplaintStatus::Responded {
                <Field id="step-response" label={i18n.t("complaint.public_response").to_owned()} rows={4}
                    value={form.response.clone()} on_input={form.text(|d| &mut d.response)} required=true
                    hint={i18n.t("complaint.public_response_hint").to_owned()} name="public_response" error={form.error("public_response")} />
            }
            <Field id="step-note" label={i18n.t(note_label).to_owned()} rows={2} value={form.note.clone()}
                on_input={form.text(|d| &mut d.note)} required={to == ComplaintStatus::Rejected}
                hint={(to == ComplaintStatus::Rejected).then(|| AttrValue::from(i18n.t("complaint.reason_hint").to_owned()))}
                name="note" error={form.error("note")} />
            <div class="actions">
                <button type="submit" class={classes!("button-primary", (to == ComplaintStatus::Rejected).then_some("button-danger-solid"))}
                    disabled={busy}>
                    { if busy { i18n.t("common.working").to_owned() } else { i18n.t(&format!("complaint.yes.{key}")).to_owned() } }
                </button>
                <crate::components::SubmitSummary problems={form.problems()} />
                <button type="button" class="button-quiet" disabled={busy} onclick={move |_| on_cancel.emit(())}>
                    { i18n.t("common.cancel") }
                </button>
            </div>
        </form>
    }
}

/// The classes with their words and follow-up time, after an empty "choose" entry.
fn class_options(i18n: &crate::i18n::I18n) -> Vec<(AttrValue, AttrValue)> {
    let mut out = vec![(AttrValue::Static(""), AttrValue::from(i18n.t("complaint.class_pick").to_owned()))];
    out.extend(
        ComplaintClass::ALL.iter().map(|c| {
            (AttrValue::from(c.as_str()), AttrValue::from(i18n.word("complaint_class", c.as_str()).to_owned()))
        }),
    );
    out
}

#[derive(Properties, PartialEq)]
struct PostponeFormProps {
    complaint: Complaint,
    on_done: Callback<Complaint>,
    on_cancel: Callback<()>,
}

/// What the postponement form holds, as typed.
#[derive(Clone, PartialEq)]
struct PostponeDraft {
    until: String,
    reason: String,
}

/// A documented postponement (tunda): the new date and the reason, both shown to the citizen.
#[component]
fn PostponeForm(props: &PostponeFormProps) -> Html {
    let i18n = use_i18n();
    let form = use_form(|| PostponeDraft { until: String::new(), reason: String::new() });
    let onsubmit = {
        let on_done = props.on_done.clone();
        let i18n = i18n.clone();
        let id = props.complaint.id;
        form.submit(
            move |d: &PostponeDraft| {
                let mut missing = Invalid::new();
                let until = chrono::NaiveDate::parse_from_str(d.until.trim(), "%Y-%m-%d").ok();
                if until.is_none_or(|u| u <= format::today()) {
                    missing.insert("until".to_owned(), i18n.t("complaint.postpone_date_missing").to_owned());
                }
                let reason = d.reason.trim().to_owned();
                if reason.chars().count() < 10 {
                    missing.insert("reason".to_owned(), i18n.t("complaint.postpone_reason_missing").to_owned());
                }
                match until {
                    Some(until) if missing.is_empty() => {
                        let body = ComplaintPostponement { until, reason };
                        Ok(async move { api::complaints::postpone(id, &body).await })
                    }
                    _ => Err(missing),
                }
            },
            move |_, updated| on_done.emit(updated),
        )
    };
    let busy = form.busy();
    let on_cancel = props.on_cancel.clone();
    html! {
        <form onchange={form.touch()} class="confirm step-form" role="alertdialog" aria-label={i18n.t("complaint.postpone").to_owned()} {onsubmit} novalidate=true>
            <p>{ i18n.t("complaint.postpone_lead") }</p>
            <ErrorBanner error={form.server_error()} shown_fields={POSTPONE_FIELDS} />
            <Field id="postpone-until" label={i18n.t("complaint.postponed_until").to_owned()} kind="date"
                value={form.until.clone()} on_input={form.text(|d| &mut d.until)} required=true name="until" error={form.error("until")} />
            <Field id="postpone-reason" label={i18n.t("complaint.postpone_reason").to_owned()} rows={3}
                value={form.reason.clone()} on_input={form.text(|d| &mut d.reason)} required=true
                hint={AttrValue::from(i18n.t("complaint.postpone_reason_hint").to_owned())} name="reason" error={form.error("reason")} />
            <div class="actions">
                <button type="submit" class="button-primary" disabled={busy}>
                    { if busy { i18n.t("common.working").to_owned() } else { i18n.t("complaint.postpone_yes").to_owned() } }
                </button>
                <crate::components::SubmitSummary problems={form.problems()} />
                <button type="button" class="button-quiet" disabled={busy} onclick={move |_| on_cancel.emit(())}>
                    { i18n.t("common.cancel") }
                </button>
            </div>
        </form>
    }
}
