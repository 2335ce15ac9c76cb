//! "Menunggu dikirim": the activities logged on this device without a connection. Each shows
//! where it stands (waiting for a signal, being sent, refused by the server with its words); they
//! are sent in order when the connection returns, when the page opens, or on "Kirim sekarang". A
//! refused one can be fixed (date, minutes, description) and sent again, or deleted.

use crate::components::Confirm;
use crate::format;
use crate::i18n::use_i18n;
use crate::offline::{self, OnOnline, QueueStatus, Queued};
use chrono::NaiveDate;
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::platform::spawn_local;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct OfflineQueueProps {
    pub employee_id: i64,
    /// Bumped when the form queued entries: read the queue again and try to send.
    pub round: u32,
    /// Told what to say when entries reached the server.
    pub on_sent: Callback<String>,
}

/// A refused entry being fixed.
#[derive(Clone, PartialEq)]
struct Fixing {
    seq: u32,
    date: String,
    minutes: String,
    description: String,
}

#[component]
pub fn OfflineQueue(props: &OfflineQueueProps) -> Html {
    let i18n = use_i18n();
    let items = use_state(|| Rc::new(Vec::<Queued>::new()));
    let sending = use_state(|| false);
    // One round at a time: the page opening and the connection returning may ask together.
    let busy = use_mut_ref(|| false);
    let fixing = use_state(|| None::<Fixing>);
    let deleting = use_state(|| None::<u32>);
    let store_failed = use_state(|| false);
    let employee_id = props.employee_id;

    // Reads the queue, and sends what waits when there is a connection.
    let refresh = {
        let items = items.clone();
        let sending = sending.clone();
        let busy = busy.clone();
        let store_failed = store_failed.clone();
        let on_sent = props.on_sent.clone();
        let i18n = i18n.clone();
        Callback::from(move |send: bool| {
            if *busy.borrow() {
                return;
            }
            *busy.borrow_mut() = true;
            let items = items.clone();
            let sending = sending.clone();
            let busy = busy.clone();
            let store_failed = store_failed.clone();
            let on_sent = on_sent.clone();
            let i18n = i18n.clone();
            spawn_local(async move {
                let waiting = offline::queue(employee_id).await;
                store_failed.set(waiting.is_err());
                let waiting = waiting.unwrap_or_default();
                let any = waiting.iter().any(|q| q.status != QueueStatus::Refused);
                items.set(Rc::new(waiting));
                if send && any && offline::online() {
                    sending.set(true);
                    if let Ok(outcome) = offline::send_all(employee_id, &i18n).await {
                        if outcome.sent > 0 {
                            on_sent.emit(i18n.tf("offline.sent", &[("n", &outcome.sent.to_string())]));
                        }
                    }
                    sending.set(false);
                    items.set(Rc::new(offline::queue(employee_id).await.unwrap_or_default()));
                }
                *busy.borrow_mut() = false;
            });
        })
    };
    {
        let refresh = refresh.clone();
        use_effect_with((employee_id, props.round), move |_| refresh.emit(true));
    }
    {
        let refresh = refresh.clone();
        use_effect_with(employee_id, move |_| {
            let listening = OnOnline::new(move || refresh.emit(true));
            move || drop(listening)
        });
    }

    if items.is_empty() {
        return if *store_failed {
            html! { <p class="notice notice-error" role="alert">{ i18n.t("offline.store_failed") }</p> }
        } else {
            html! {}
        };
    }

    let send_now = {
        let refresh = refresh.clone();
        Callback::from(move |_: MouseEvent| refresh.emit(true))
    };
    let rows = items.iter().map(|q| {
        let request = &q.request;
        let minutes = request
            .minutes
            .map(|m| i18n.tf("offline.minutes", &[("n", &m.to_string())]))
            .or_else(|| request.start.as_ref().zip(request.end.as_ref()).map(|(s, e)| format!("{s}–{e}")))
            .unwrap_or_default();
        let files = q.files.len() + q.evidence_ids.len();
        let (badge, class) = match q.status {
            QueueStatus::Waiting => (i18n.t("offline.waiting"), "badge badge-draft"),
            QueueStatus::Sending => (i18n.t("offline.sending"), "badge badge-submitted"),
            QueueStatus::Refused => (i18n.t("offline.refused"), "badge badge-rejected"),
        };
        let seq = q.seq;
        let fix = {
            let fixing = fixing.clone();
            let q = q.clone();
            Callback::from(move |_: MouseEvent| {
                fixing.set(Some(Fixing {
                    seq,
                    date: q.date.to_string(),
                    minutes: q.request.minutes.map(|m| m.to_string()).unwrap_or_default(),
                    description: q.request.description.clone(),
                }))
            })
        };
        let ask_delete = {
            let deleting = deleting.clone();
            Callback::from(move |_: MouseEvent| deleting.set(Some(seq)))
        };
        let editor = match &*fixing {
            Some(f) if f.seq == seq => fix_form(f, q, &fixing, &refresh, &i18n),
            _ => html! {},
        };
        let confirm = if *deleting == Some(seq) {
            let on_confirm = {
                let deleting = deleting.clone();
                let refresh = refresh.clone();
                Callback::from(move |()| {
                    let deleting = deleting.clone();
                    let refresh = refresh.clone();
                    spawn_local(async move {
                        let _ = offline::remove(seq).await;
                        deleting.set(None);
                        refresh.emit(false);
                    });
                })
            };
            let on_cancel = {
                let deleting = deleting.clone();
                Callback::from(move |()| deleting.set(None))
            };
            html! {
                <Confirm text={i18n.t("offline.delete_confirm").to_owned()} confirm_label={i18n.t("offline.delete").to_owned()}
                    {on_confirm} {on_cancel} />
            }
        } else {
            html! {}
        };
        html! {
            <li key={seq} class="queue-item" data-status={format!("{:?}", q.status).to_lowercase()}>
                <div class="queue-head">
                    <span class={class}>{ badge }</span>
                    <span class="muted">{ format::date(&q.date) }{ " · " }{ minutes }</span>
                    if files > 0 {
                        <span class="muted">{ " · " }{ i18n.tf("offline.files", &[("n", &files.to_string())]) }</span>
                    }
                </div>
                <p class="queue-text">{ &request.description }</p>
                if let Some(error) = &q.error {
                    <p class="field-error" role="alert">{ error }</p>
                }
                if q.status == QueueStatus::Refused && fixing.as_ref().is_none_or(|f| f.seq != seq) {
                    <div class="actions">
                        <button type="button" class="button-quiet button-small" onclick={fix}>{ i18n.t("offline.fix") }</button>
                        <button type="button" class="button-quiet button-small button-danger" onclick={ask_delete}>
                            { i18n.t("offline.delete") }
                        </button>
                    </div>
                }
                { editor }
                { confirm }
            </li>
        }
    });
    let waiting = items.iter().filter(|q| q.status != QueueStatus::Refused).count();
    html! {
        <section class="panel offline-queue" aria-labelledby="offline-queue-title">
            <div class="panel-head">
                <h2 id="offline-queue-title">{ i18n.tf("offline.title", &[("n", &items.len().to_string())]) }</h2>
                if waiting > 0 {
                    <button type="button" class="button-quiet" onclick={send_now} disabled={*sending}>
                        { if *sending { i18n.t("offline.sending") } else { i18n.t("offline.send_now") } }
                    </button>
                }
            </div>
            <p class="field-hint" role="status" aria-live="polite">
                { if offline::online() { i18n.t("offline.hint_online") } else { i18n.t("offline.hint_offline") } }
            </p>
            <ul class="queue-list">{ for rows }</ul>
        </section>
    }
}

/// The fields of a refused entry being fixed, with "Kirim ulang" and "Batal".
fn fix_form(
    f: &Fixing,
    q: &Queued,
    fixing: &UseStateHandle<Option<Fixing>>,
    refresh: &Callback<bool>,
    i18n: &crate::i18n::I18n,
) -> Html {
    let seq = f.seq;
    let set = |apply: fn(&mut Fixing, String)| {
        let fixing = fixing.clone();
        Callback::from(move |value: String| {
            if let Some(mut f) = (*fixing).clone() {
                apply(&mut f, value);
                fixing.set(Some(f));
            }
        })
    };
    let on_date = set(|f, v| f.date = v);
    let on_minutes = set(|f, v| f.minutes = v);
    let on_description = set(|f, v| f.description = v);
    let resend = {
        let fixing = fixing.clone();
        let refresh = refresh.clone();
        let request = q.request.clone();
        let f = f.clone();
        Callback::from(move |_: MouseEvent| {
            let mut request = request.clone();
            if let Ok(date) = NaiveDate::parse_from_str(&f.date, "%Y-%m-%d") {
                request.date = date;
            }
            if request.minutes.is_some() {
                request.minutes = f.minutes.trim().parse().ok().or(request.minutes);
            }
            request.description = f.description.trim().to_owned();
            let fixing = fixing.clone();
            let refresh = refresh.clone();
            spawn_local(async move {
                let _ = offline::resend(seq, &request).await;
                fixing.set(None);
                refresh.emit(true);
            });
        })
    };
    let cancel = {
        let fixing = fixing.clone();
        Callback::from(move |_: MouseEvent| fixing.set(None))
    };
    let id = |name: &str| format!("queue-{seq}-{name}");
    html! {
        <div class="queue-fix form">
            <div class="field">
                <label for={id("date")}>{ i18n.t("activity.date") }</label>
                <input id={id("date")} type="date" value={f.date.clone()}
                    onchange={move |e: Event| on_date.emit(e.target_unchecked_into::<HtmlInputElement>().value())} />
            </div>
            if q.request.minutes.is_some() {
                <div class="field">
                    <label for={id("minutes")}>{ i18n.t("offline.minutes_label") }</label>
                    <input id={id("minutes")} type="number" inputmode="numeric" min="1" value={f.minutes.clone()}
                        oninput={move |e: InputEvent| on_minutes.emit(e.target_unchecked_into::<HtmlInputElement>().value())} />
                </div>
            }
            <div class="field">
                <label for={id("description")}>{ i18n.t("offline.description_label") }</label>
                <textarea id={id("description")} rows="3" value={f.description.clone()}
                    oninput={move |e: InputEvent| on_description.emit(e.target_unchecked_into::<HtmlTextAreaElement>().value())} />
            </div>
            <div class="actions">
                <button type="button" class="button-primary" onclick={resend}>{ i18n.t("offline.resend") }</button>
                <button type="button" class="button-quiet" onclick={cancel}>{ i18n.t("common.cancel") }</button>
            </div>
        </div>
    }
}
