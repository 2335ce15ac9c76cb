//! Webhook subscriptions (admin, on the delivery page): the addresses of the Pemda's other
//! systems that receive signed events, a form for a new one, turning one off and on, and removing
//! one after a confirmation. Their deliveries show in the delivery log below, with "Kirim ulang".

use crate::api;
use crate::components::{use_toast, CheckField, Confirm, ErrorBanner, Field, Loader, PagedTable};
use crate::hooks::{checked, use_form, use_write};
use crate::i18n::use_i18n;
use kinerja_types::{NewWebhook, Webhook, WebhookChange, WEBHOOK_EVENTS};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct WebhooksProps {
    /// Bumped by the page after a change elsewhere; bumped here after each change.
    pub refresh: u32,
    pub on_changed: Callback<()>,
}

#[component]
pub fn Webhooks(props: &WebhooksProps) -> Html {
    let i18n = use_i18n();
    let toast = use_toast();
    let write = use_write();
    let asking = use_state(|| None::<i64>);
    let head = html! {
        <>
            <th scope="col">{ i18n.t("webhook.url") }</th>
            <th scope="col">{ i18n.t("webhook.events") }</th>
            <th scope="col">{ i18n.t("webhook.state") }</th>
            <th scope="col"><span class="sr-only">{ i18n.t("webhook.actions") }</span></th>
        </>
    };
    let row = {
        let (i18n, write, asking, toast, changed) =
            (i18n.clone(), write.clone(), asking.clone(), toast.clone(), props.on_changed.clone());
        Callback::from(move |w: Webhook| {
            let toggle = {
                let (id, on) = (w.id, !w.active);
                let (changed, toast, i18n) = (changed.clone(), toast.clone(), i18n.clone());
                write.action(
                    move |()| {
                        api::deliveries::change_webhook(id, WebhookChange { active: Some(on), ..Default::default() })
                    },
                    move |saved: Webhook| {
                        let key = if saved.active { "webhook.turned_on" } else { "webhook.turned_off" };
                        toast.say(i18n.tf(key, &[("url", &saved.url)]));
                        changed.emit(());
                    },
                )
            };
            let remove = {
                let (id, url) = (w.id, w.url.clone());
                let (changed, toast, i18n, asking) = (changed.clone(), toast.clone(), i18n.clone(), asking.clone());
                write.action(
                    move |()| api::deliveries::remove_webhook(id),
                    move |()| {
                        asking.set(None);
                        toast.say(i18n.tf("webhook.removed", &[("url", &url)]));
                        changed.emit(());
                    },
                )
            };
            let ask = {
                let (asking, id) = (asking.clone(), w.id);
                Callback::from(move |_: MouseEvent| asking.set(Some(id)))
            };
            let cancel = {
                let asking = asking.clone();
                Callback::from(move |()| asking.set(None))
            };
            let flip = toggle.reform(|_: MouseEvent| ());
            html! {
                <tr key={w.id} data-webhook={w.id.to_string()}>
                    <td data-label={i18n.t("webhook.url").to_owned()}>
                        <code>{ &w.url }</code>
                        if let Some(d) = &w.description { <br /><span class="muted">{ d }</span> }
                    </td>
                    <td data-label={i18n.t("webhook.events").to_owned()}>
                        <ul class="routes">{ for w.events.iter().map(|e| html! { <li>{ i18n.t(&format!("webhook.event.{e}")) }</li> }) }</ul>
                    </td>
                    <td data-label={i18n.t("webhook.state").to_owned()}>
                        if w.active {
                            <span class="badge badge-approved">{ i18n.t("webhook.active") }</span>
                        } else {
                            <span class="badge badge-revoked">{ i18n.t("webhook.inactive") }</span>
                        }
                    </td>
                    <td data-label="">
                        if *asking == Some(w.id) {
                            <Confirm text={i18n.tf("webhook.remove_confirm", &[("url", &w.url)])}
                                confirm_label={i18n.t("webhook.remove_yes").to_owned()}
                                on_confirm={remove} on_cancel={cancel} busy={write.busy} />
                        } else {
                            <div class="actions">
                                <button type="button" class="button-quiet button-small" onclick={flip} disabled={write.busy}>
                                    { i18n.t(if w.active { "webhook.turn_off" } else { "webhook.turn_on" }) }
                                </button>
                                <button type="button" class="button-quiet button-danger button-small" onclick={ask}>
                                    { i18n.t("webhook.remove") }
                                </button>
                            </div>
                        }
                    </td>
                </tr>
            }
        })
    };
    html! {
        <section class="panel webhooks">
            <h2>{ i18n.t("webhook.title") }</h2>
            <p class="muted">{ i18n.t("webhook.lead") }</p>
            <WebhookForm on_created={props.on_changed.clone()} />
            <ErrorBanner error={write.error.clone()} />
            <PagedTable<Webhook> load={Loader::new(api::deliveries::webhooks)} per_page={100} {head} {row}
                class="webhook-list" refresh={props.refresh} empty={i18n.t("webhook.empty").to_owned()} />
        </section>
    }
}

#[derive(Clone, PartialEq, Default)]
struct Draft {
    url: String,
    description: String,
    secret: String,
    events: Vec<String>,
}

#[derive(Properties, PartialEq)]
struct WebhookFormProps {
    on_created: Callback<()>,
}

/// "Langganan baru": the address, what it is, the secret and the events.
#[component]
fn WebhookForm(props: &WebhookFormProps) -> Html {
    let i18n = use_i18n();
    let toast = use_toast();
    let form = use_form(Draft::default);
    let onsubmit = {
        let (i18n, on_created) = (i18n.clone(), props.on_created.clone());
        let check_i18n = i18n.clone();
        form.submit(
            move |d: &Draft| {
                let body = NewWebhook {
                    url: d.url.trim().to_owned(),
                    events: d.events.clone(),
                    secret: d.secret.clone(),
                    description: Some(d.description.trim().to_owned()).filter(|s| !s.is_empty()),
                };
                let mut invalid = crate::validation::check(&body, &check_i18n);
                if body.events.is_empty() {
                    invalid.insert("events".to_owned(), check_i18n.t("webhook.pick_event").to_owned());
                }
                let body = if invalid.is_empty() { checked(body, &check_i18n)? } else { return Err(invalid) };
                Ok(api::deliveries::subscribe(body))
            },
            move |form, saved: Webhook| {
                toast.say(i18n.tf("webhook.created", &[("url", &saved.url)]));
                form.reset(Draft::default());
                on_created.emit(());
            },
        )
    };
    let pick = form.set(|d: &mut Draft, (event, on): (String, bool)| {
        d.events.retain(|e| *e != event);
        if on {
            d.events.push(event);
        }
    });
    html! {
        <form onchange={form.touch()} class="form webhook-form" {onsubmit} novalidate=true>
            <div class="form-grid">
                <Field id="webhook-url" name="url" kind="url" label={i18n.t("webhook.url").to_owned()} value={form.url.clone()}
                    on_input={form.text(|d| &mut d.url)} required=true error={form.error("url")}
                    hint={AttrValue::from(i18n.t("webhook.url_hint"))} />
                <Field id="webhook-description" name="description" label={i18n.t("webhook.description").to_owned()}
                    value={form.description.clone()} on_input={form.text(|d| &mut d.description)}
                    error={form.error("description")} />
                <Field id="webhook-secret" name="secret" label={i18n.t("webhook.secret").to_owned()} value={form.secret.clone()}
                    on_input={form.text(|d| &mut d.secret)} required=true error={form.error("secret")}
                    autocomplete={AttrValue::from("off")} hint={AttrValue::from(i18n.t("webhook.secret_hint"))} />
            </div>
            <fieldset id="webhook-events" class={classes!("choices", form.error("events").is_some().then_some("field-invalid"))}>
                <legend>{ i18n.t("webhook.events") }</legend>
                { for WEBHOOK_EVENTS.iter().map(|e| {
                    let on = form.events.iter().any(|x| x == e);
                    let (pick, event) = (pick.clone(), (*e).to_owned());
                    html! {
                        <CheckField id={format!("webhook-event-{}", e.replace('.', "-"))} name="events"
                            label={i18n.t(&format!("webhook.event.{e}")).to_owned()} checked={on}
                            on_toggle={Callback::from(move |v: bool| pick.emit((event.clone(), v)))} />
                    }
                }) }
                if let Some(error) = form.error("events") {
                    <small class="field-error" id="webhook-events-error">{ error }</small>
                }
            </fieldset>
            <ErrorBanner error={form.server_error()} shown_fields={&["url", "description", "secret", "events"][..]} />
            <button type="submit" class="button-primary" disabled={form.busy()}>
                { if form.busy() { i18n.t("common.working") } else { i18n.t("webhook.create") } }
            </button>
            <crate::components::SubmitSummary problems={form.problems()} />
        </form>
    }
}
