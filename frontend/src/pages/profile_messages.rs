//! "Pesan di luar aplikasi" on the profile: the person's e-mail address and WhatsApp number, each
//! verified by a code sent to it before anything else goes there; the kinds of news they want on
//! each channel; a daily digest instead of single messages; and quiet hours, during which
//! messages wait.

use crate::api;
use crate::components::{use_toast, CheckField, ErrorBanner, Field, Loading};
use crate::hooks::{checked, use_form, use_remote};
use crate::i18n::use_i18n;
use kinerja_types::{
    ContactChange, ContactCode, MessagePreferences, MessageSettings, MESSAGE_CHANNELS, MESSAGE_GROUPS,
};
use std::rc::Rc;
use yew::prelude::*;

#[component]
pub fn ProfileMessages() -> Html {
    let i18n = use_i18n();
    let settings = use_remote((), |()| api::messages::get());
    // The answer of the last change, shown instead of the first read.
    let latest = use_state(|| None::<Rc<MessageSettings>>);
    let on_change = {
        let latest = latest.clone();
        Callback::from(move |s: MessageSettings| latest.set(Some(Rc::new(s))))
    };
    let body = match ((*latest).clone().or_else(|| settings.state.data.clone()), &settings.state.error) {
        (Some(s), _) => html! {
            <>
                <Addresses settings={s.clone()} on_change={on_change.clone()} />
                <Preferences settings={s} {on_change} />
            </>
        },
        (None, Some(error)) => html! { <ErrorBanner error={Some(error.clone())} on_retry={settings.reload.clone()} /> },
        (None, None) => html! { <Loading /> },
    };
    html! {
        <div class="panel" data-testid="profile-messages">
            <h2>{ i18n.t("messages.title") }</h2>
            <p class="muted">{ i18n.t("messages.lead") }</p>
            { body }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct PartProps {
    settings: Rc<MessageSettings>,
    on_change: Callback<MessageSettings>,
}

/// The addresses with their state, a form for a new one, and the code once one was sent.
#[component]
fn Addresses(props: &PartProps) -> Html {
    let i18n = use_i18n();
    let toast = use_toast();
    let s = &props.settings;
    // The channel a code was just sent on.
    let awaiting = use_state(|| None::<String>);
    let address = use_form(String::new);
    let send = {
        let (i18n, awaiting, on_change, toast) =
            (i18n.clone(), awaiting.clone(), props.on_change.clone(), toast.clone());
        let check_i18n = i18n.clone();
        address.submit(
            move |a: &String| {
                let request = checked(ContactChange { address: a.trim().to_owned() }, &check_i18n)?;
                Ok(api::messages::change_contact(request))
            },
            move |form, s: MessageSettings| {
                let channel = kinerja_domain::Contact::parse(form.values()).map_or("email", |c| c.channel());
                awaiting.set(Some(channel.to_owned()));
                toast.say(i18n.t("messages.code_sent"));
                form.reset(String::new());
                on_change.emit(s);
            },
        )
    };
    let code = use_form(String::new);
    let verify = {
        let (i18n, awaiting, on_change) = (i18n.clone(), awaiting.clone(), props.on_change.clone());
        let (check_i18n, sent_on) = (i18n.clone(), (*awaiting).clone());
        code.submit(
            move |c: &String| {
                let channel = sent_on.clone().unwrap_or_else(|| "email".into());
                let request = checked(ContactCode { channel, code: c.trim().to_owned() }, &check_i18n)?;
                Ok(api::messages::verify(request))
            },
            move |form, s: MessageSettings| {
                awaiting.set(None);
                toast.say(i18n.t("messages.verified"));
                form.reset(String::new());
                on_change.emit(s);
            },
        )
    };
    let line = |label: &str, value: &Option<String>, verified: bool| {
        let state = match (value, verified) {
            (None, _) => i18n.t("messages.none"),
            (Some(_), true) => i18n.t("messages.state_verified"),
            (Some(_), false) => i18n.t("messages.state_waiting"),
        };
        html! {
            <>
                <dt>{ label.to_owned() }</dt>
                <dd>{ value.clone().unwrap_or_default() }{ " " }<span class="muted">{ format!("({state})") }</span></dd>
            </>
        }
    };
    if s.channels.is_empty() {
        return html! { <p class="callout">{ i18n.t("messages.no_channels") }</p> };
    }
    html! {
        <>
            <dl class="facts">
                { line(i18n.t("messages.email"), &s.email, s.email_verified) }
                { line("WhatsApp", &s.whatsapp, s.whatsapp_verified) }
            </dl>
            <form onchange={address.touch()} class="form form-inline" onsubmit={send} novalidate=true>
                <Field id="messages-address" name="address" label={i18n.t("messages.address").to_owned()}
                    value={(*address).clone()} on_input={address.set(|d: &mut String, v: String| *d = v)}
                    error={address.error("address")} hint={AttrValue::from(i18n.t("messages.address_hint"))} />
                <ErrorBanner error={address.server_error()} shown_fields={&["address"][..]} />
                <button type="submit" class="button-primary" disabled={address.busy()}>{ i18n.t("messages.send_code") }</button>
                <crate::components::SubmitSummary problems={address.problems()} />
            </form>
            if awaiting.is_some() {
                <form onchange={code.touch()} class="form form-inline" onsubmit={verify} novalidate=true>
                    <Field id="messages-code" name="code" label={i18n.t("messages.code").to_owned()} inputmode="numeric"
                        autocomplete="one-time-code" value={(*code).clone()} on_input={code.set(|d: &mut String, v: String| *d = v)}
                        error={code.error("code")} />
                    <ErrorBanner error={code.server_error()} shown_fields={&["code"][..]} />
                    <button type="submit" class="button-primary" disabled={code.busy()}>{ i18n.t("messages.verify") }</button>
                    <crate::components::SubmitSummary problems={code.problems()} />
                </form>
            }
        </>
    }
}

#[derive(Clone, PartialEq)]
struct Choices {
    /// What is sent outside the app, as `channel:group`.
    wanted: Vec<String>,
    quiet_from: String,
    quiet_to: String,
    digest: bool,
}

/// Whether `muted` keeps `group` off `channel`.
fn kept_off(muted: &[String], channel: &str, group: &str) -> bool {
    muted.iter().any(|m| m == group || m.split_once(':') == Some((channel, group)))
}

/// Which kinds of news go outside the app on which channel, a daily digest, and the quiet hours.
#[component]
fn Preferences(props: &PartProps) -> Html {
    let i18n = use_i18n();
    let toast = use_toast();
    let s = props.settings.clone();
    let form = use_form(move || Choices {
        wanted: MESSAGE_CHANNELS
            .iter()
            .flat_map(|c| MESSAGE_GROUPS.iter().map(move |g| (*c, *g)))
            .filter(|(c, g)| !kept_off(&s.muted, c, g))
            .map(|(c, g)| format!("{c}:{g}"))
            .collect(),
        quiet_from: s.quiet_from.clone().unwrap_or_default(),
        quiet_to: s.quiet_to.clone().unwrap_or_default(),
        digest: s.digest,
    });
    // Only the channels this server sends on are offered; the choices for the others are kept.
    let channels: Vec<&'static str> =
        MESSAGE_CHANNELS.iter().copied().filter(|c| props.settings.channels.iter().any(|s| s == c)).collect();
    let onsubmit = {
        let (i18n, on_change) = (i18n.clone(), props.on_change.clone());
        form.submit(
            |c: &Choices| {
                let some = |t: &str| (!t.trim().is_empty()).then(|| t.trim().to_owned());
                let request = MessagePreferences {
                    muted: MESSAGE_CHANNELS
                        .iter()
                        .flat_map(|ch| MESSAGE_GROUPS.iter().map(move |g| format!("{ch}:{g}")))
                        .filter(|pair| !c.wanted.contains(pair))
                        .collect(),
                    digest: c.digest,
                    quiet_from: some(&c.quiet_from),
                    quiet_to: some(&c.quiet_to),
                };
                Ok(api::messages::set_preferences(request))
            },
            move |_, s: MessageSettings| {
                toast.say(i18n.t("messages.saved"));
                on_change.emit(s);
            },
        )
    };
    let choice = |group: &'static str, channel: &'static str| {
        let pair = format!("{channel}:{group}");
        let checked = form.wanted.contains(&pair);
        html! {
            <CheckField id={format!("messages-group-{group}-{channel}")} label={i18n.t(&format!("messages.channel.{channel}")).to_owned()}
                {checked}
                on_toggle={form.set(move |c: &mut Choices, on: bool| {
                    c.wanted.retain(|w| *w != pair);
                    if on { c.wanted.push(pair.clone()) }
                })} />
        }
    };
    html! {
        <form onchange={form.touch()} class="form" {onsubmit} novalidate=true>
            <p class="muted">{ i18n.t("messages.groups") }</p>
            { for MESSAGE_GROUPS.iter().map(|g| {
                let group: &'static str = g;
                html! {
                    <fieldset class="choices choice-row" data-group={group}>
                        <legend>{ i18n.t(&format!("messages.group.{group}")) }</legend>
                        { for channels.iter().map(|c| choice(group, c)) }
                    </fieldset>
                }
            }) }
            <CheckField id="messages-digest" name="digest" label={i18n.t("messages.digest").to_owned()}
                checked={form.digest} on_toggle={form.set(|c: &mut Choices, on: bool| c.digest = on)} />
            <div class="form-grid">
                <Field id="messages-quiet-from" kind="time" name="quiet_from" label={i18n.t("messages.quiet_from").to_owned()}
                    value={form.quiet_from.clone()} on_input={form.text(|c| &mut c.quiet_from)} error={form.error("quiet_from")} />
                <Field id="messages-quiet-to" kind="time" name="quiet_to" label={i18n.t("messages.quiet_to").to_owned()}
                    value={form.quiet_to.clone()} on_input={form.text(|c| &mut c.quiet_to)} error={form.error("quiet_to")} />
            </div>
            <ErrorBanner error={form.server_error()} shown_fields={&["quiet_from", "quiet_to", "muted", "digest"][..]} />
            <button type="submit" class="button-primary" disabled={form.busy()}>
                { if form.busy() { i18n.t("common.saving") } else { i18n.t("messages.save") } }
            </button>
            <crate::components::SubmitSummary problems={form.problems()} />
        </form>
    }
}
