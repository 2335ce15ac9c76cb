//! Messages outside the app (admin): a test message to check a channel, the webhook
//! subscriptions, and the delivery log — each message's event, channel, masked recipient, status,
//! attempts and last error, with "Kirim ulang" for an event or a message given up.

use crate::api;
use crate::components::{use_toast, ErrorBanner, Field, Loader, PagedTable};
use crate::format;
use crate::hooks::{checked, use_form, use_write};
use crate::i18n::use_i18n;
use kinerja_types::{Delivery, TestDelivery};
use yew::prelude::*;

const PER_PAGE: u64 = 50;

#[component]
pub fn Deliveries() -> Html {
    let i18n = use_i18n();
    // Bumped after a test message: the log is read again.
    let refresh = use_state(|| 0u32);
    let head = html! {
        <>
            <th scope="col">{ i18n.t("delivery.created") }</th>
            <th scope="col">{ i18n.t("delivery.event") }</th>
            <th scope="col">{ i18n.t("delivery.channel") }</th>
            <th scope="col">{ i18n.t("delivery.recipient") }</th>
            <th scope="col">{ i18n.t("delivery.status") }</th>
            <th scope="col">{ i18n.t("delivery.attempts") }</th>
            <th scope="col">{ i18n.t("delivery.error") }</th>
            <th scope="col"><span class="sr-only">{ i18n.t("delivery.actions") }</span></th>
        </>
    };
    let on_sent = {
        let refresh = refresh.clone();
        Callback::from(move |()| refresh.set(*refresh + 1))
    };
    html! {
        <section class="page">
            <h1>{ i18n.t("delivery.title") }</h1>
            <p class="muted">{ i18n.t("delivery.lead") }</p>
            <TestForm on_sent={on_sent.clone()} />
            <super::webhooks::Webhooks refresh={*refresh} on_changed={on_sent.clone()} />
            <h2>{ i18n.t("delivery.log") }</h2>
            <PagedTable<Delivery> load={Loader::new(api::deliveries::list)} per_page={PER_PAGE} head={head}
                refresh={*refresh}
                row={Callback::from(move |d: Delivery| html! { <Row key={d.id} delivery={d.clone()} on_replayed={on_sent.clone()} /> })}
                empty={i18n.t("delivery.empty").to_owned()} />
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct RowProps {
    delivery: Delivery,
    on_replayed: Callback<()>,
}

#[component]
fn Row(props: &RowProps) -> Html {
    let i18n = use_i18n();
    let d = &props.delivery;
    let status = i18n.t(&format!("delivery.status.{}", d.status)).to_owned();
    let write = use_write();
    let toast = use_toast();
    // An event keeps its content for replays; a message only when it was given up.
    let replayable = d.channel == "webhook" || d.status == "dead";
    let replay = {
        let (id, event, on_replayed, i18n) = (d.id, d.event_kind.clone(), props.on_replayed.clone(), i18n.clone());
        write
            .action(
                move |()| api::deliveries::replay(id),
                move |_: Delivery| {
                    let words = if kinerja_types::WEBHOOK_EVENTS.contains(&event.as_str()) {
                        i18n.t(&format!("webhook.event.{event}")).to_owned()
                    } else {
                        event.clone()
                    };
                    toast.say(i18n.tf("delivery.replayed", &[("event", &words)]));
                    on_replayed.emit(());
                },
            )
            .reform(|_: MouseEvent| ())
    };
    html! {
        <tr data-status={d.status.clone()}>
            <td class="nowrap" data-label={i18n.t("delivery.created").to_owned()}>{ format::instant(&d.created_at, i18n.lang()) }</td>
            <td class="mono" data-label={i18n.t("delivery.event").to_owned()}>{ &d.event_kind }</td>
            <td data-label={i18n.t("delivery.channel").to_owned()}>{ i18n.t(&format!("delivery.channel.{}", d.channel)) }</td>
            <td class="mono" data-label={i18n.t("delivery.recipient").to_owned()}>{ &d.recipient }</td>
            <td data-label={i18n.t("delivery.status").to_owned()}>{ status }</td>
            <td class="num" data-label={i18n.t("delivery.attempts").to_owned()}>{ d.attempts }</td>
            <td data-label={i18n.t("delivery.error").to_owned()}>
                { d.last_error.clone().unwrap_or_else(|| "—".into()) }
                if let Some(e) = &write.error { <p class="field-error" role="alert">{ e.message(&i18n) }</p> }
            </td>
            <td data-label="">
                if replayable && (d.status != "pending" || d.last_error.is_some()) {
                    <button type="button" class="button-quiet button-small" onclick={replay} disabled={write.busy}>
                        { i18n.t("delivery.replay") }
                    </button>
                }
            </td>
        </tr>
    }
}

#[derive(Properties, PartialEq)]
struct TestFormProps {
    on_sent: Callback<()>,
}

/// "Kirim pesan uji": an address, then the message is queued and the log shows how it went.
#[component]
fn TestForm(props: &TestFormProps) -> Html {
    let i18n = use_i18n();
    let toast = use_toast();
    let form = use_form(String::new);
    let onsubmit = {
        let (i18n, on_sent) = (i18n.clone(), props.on_sent.clone());
        let check_i18n = i18n.clone();
        form.submit(
            move |to: &String| {
                let request = checked(TestDelivery { to: to.trim().to_owned() }, &check_i18n)?;
                Ok(api::deliveries::test(request))
            },
            move |form, queued: Delivery| {
                toast.say(i18n.tf("delivery.queued", &[("to", &queued.recipient)]));
                form.reset(String::new());
                on_sent.emit(());
            },
        )
    };
    html! {
        <form onchange={form.touch()} class="panel form form-inline" {onsubmit} novalidate=true>
            <Field id="delivery-to" name="to" label={i18n.t("delivery.test_to").to_owned()} value={(*form).clone()}
                on_input={form.set(|d: &mut String, v: String| *d = v)} required=true error={form.error("to")}
                hint={AttrValue::from(i18n.t("delivery.test_hint"))} />
            <ErrorBanner error={form.server_error()} shown_fields={&["to"][..]} />
            <button type="submit" class="button-primary" disabled={form.busy()}>
                { if form.busy() { i18n.t("common.working") } else { i18n.t("delivery.test_send") } }
            </button>
            <crate::components::SubmitSummary problems={form.problems()} />
        </form>
    }
}
