//! "Menunggu dikirim": the activities logged on this device without a connection. Each shows
//! where it stands (waiting for a signal, being sent, refused by the server with its words); they
//! are sent in order when the connection returns, when the page opens, or on "Kirim sekarang". A
//! refused one can be fixed (date, minutes, description) and sent again, or deleted.

use crate::components::Confirm;
use crate::format;
use crate::i18n::use_i18n;
use crate::offline::{self, QueueStatus, Queued};
use crate::window_event::WindowEvent;
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
    /// The days an entry may be moved to when fixed.
    pub earliest: NaiveDate,
    pub today: NaiveDate,
}

/// A refused entry being fixed.
#[derive(Clone, PartialEq)]
struct Fixing {
    seq: u32,
    date: String,
    minutes: String,
    start: String,
    end: String,
    description: String,
    /// What is wrong with the fixes, before anything is sent.
    problem: Option<String>,
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
                    // Each entry's new status shows as soon as it is known.
                    let step = {
                        let items = items.clone();
                        move || {
                            let items = items.clone();
                            spawn_local(async move {
                                if let Ok(now) = offline::queue(employee_id).await {
                                    items.set(Rc::new(now));
                                }
                            });
                        }
                    };
                    if let Ok(outcome) = offline::send_all(employee_id, &i18n, &step).await {
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
    // The connection coming back sends the queue; going away changes what the hint says.
    let online = use_state(offline::online);
    {
        let refresh = refresh.clone();
        let online = online.clone();
        use_effect_with(employee_id, move |_| {
            let back = {
                let online = online.clone();
                WindowEvent::new("online", move || {
                    online.set(true);
                    refresh.emit(true);
                })
            };
            let gone = WindowEvent::new("offline", move || online.set(false));
            move || drop((back, gone))
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
        // An entry left `sending` by a round that was cut off (the tab closed) only waits.
        let (badge, class) = match q.status {
            QueueStatus::Sending if offline::sending_now() => (i18n.t("offline.sending"), "badge badge-submitted"),
            QueueStatus::Waiting | QueueStatus::Sending => (i18n.t("offline.waiting"), "badge badge-draft"),
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
                    start: q.request.start.clone().unwrap_or_default(),
                    end: q.request.end.clone().unwrap_or_default(),
                    description: q.request.description.clone(),
                    problem: None,
                }))
            })
        };
        let ask_delete = {
            let deleting = deleting.clone();
            Callback::from(move |_: MouseEvent| deleting.set(Some(seq)))
        };
        let editor = match &*fixing {
            Some(f) if f.seq == seq => fix_form(f, q, (props.earliest, props.today), &fixing, &refresh, &i18n),
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
                { if *online { i18n.t("offline.hint_online") } else { i18n.t("offline.hint_offline") } }
            </p>
            <ul class="queue-list">{ for rows }</ul>
        </section>
    }
}

/// The fields of a refused entry being fixed (its day within `days`, its minutes or its times, its
/// description), checked on the device with the server's rules before "Kirim ulang".
fn fix_form(
    f: &Fixing,
    q: &Queued,
    days: (NaiveDate, NaiveDate),
    fixing: &UseStateHandle<Option<Fixing>>,
    refresh: &Callback<bool>,
    i18n: &crate::i18n::I18n,
) -> Html {
    let seq = f.seq;
    let timed = q.request.minutes.is_none();
    let set = |apply: fn(&mut Fixing, String)| {
        let fixing = fixing.clone();
        Callback::from(move |value: String| {
            if let Some(mut f) = (*fixing).clone() {
                apply(&mut f, value);
                f.problem = None;
                fixing.set(Some(f));
            }
        })
    };
    let on_date = set(|f, v| f.date = v);
    let on_minutes = set(|f, v| f.minutes = v);
    let on_start = set(|f, v| f.start = v);
    let on_end = set(|f, v| f.end = v);
    let on_description = set(|f, v| f.description = v);
    let resend = {
        let fixing = fixing.clone();
        let refresh = refresh.clone();
        let request = q.request.clone();
        let f = f.clone();
        let i18n = i18n.clone();
        Callback::from(move |_: MouseEvent| {
            let mut request = request.clone();
            if let Ok(date) = NaiveDate::parse_from_str(&f.date, "%Y-%m-%d") {
                request.date = date.clamp(days.0, days.1);
            }
            if timed {
                request.start = Some(f.start.trim().to_owned());
                request.end = Some(f.end.trim().to_owned());
            } else {
                match f.minutes.trim().parse::<u32>() {
                    Ok(m) if m > 0 => request.minutes = Some(m),
                    _ => {
                        fixing.set(Some(Fixing {
                            problem: Some(i18n.t("offline.minutes_invalid").to_owned()),
                            ..f.clone()
                        }));
                        return;
                    }
                }
            }
            request.description = f.description.trim().to_owned();
            if let Some((_, message)) = crate::validation::check(&request, &i18n).into_iter().next() {
                fixing.set(Some(Fixing { problem: Some(message), ..f.clone() }));
                return;
            }
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
    let text = |callback: Callback<String>| {
        move |e: InputEvent| callback.emit(e.target_unchecked_into::<HtmlInputElement>().value())
    };
    html! {
        <div class="queue-fix form">
            <div class="field">
                <label for={id("date")}>{ i18n.t("activity.date") }</label>
                <input id={id("date")} type="date" value={f.date.clone()} min={days.0.to_string()} max={days.1.to_string()}
                    onchange={move |e: Event| on_date.emit(e.target_unchecked_into::<HtmlInputElement>().value())} />
            </div>
            if timed {
                <div class="field">
                    <label for={id("start")}>{ i18n.t("offline.start_label") }</label>
                    <input id={id("start")} type="time" value={f.start.clone()} oninput={text(on_start)} />
                </div>
                <div class="field">
                    <label for={id("end")}>{ i18n.t("offline.end_label") }</label>
                    <input id={id("end")} type="time" value={f.end.clone()} oninput={text(on_end)} />
                </div>
            } else {
                <div class="field">
                    <label for={id("minutes")}>{ i18n.t("offline.minutes_label") }</label>
                    <input id={id("minutes")} type="number" inputmode="numeric" min="1" value={f.minutes.clone()}
                        oninput={text(on_minutes)} />
                </div>
            }
            <div class="field">
                <label for={id("description")}>{ i18n.t("offline.description_label") }</label>
                <textarea id={id("description")} rows="3" value={f.description.clone()}
                    oninput={move |e: InputEvent| on_description.emit(e.target_unchecked_into::<HtmlTextAreaElement>().value())} />
            </div>
            if let Some(problem) = &f.problem {
                <p class="field-error" role="alert">{ problem }</p>
            }
            <div class="actions">
                <button type="button" class="button-primary" onclick={resend}>{ i18n.t("offline.resend") }</button>
                <button type="button" class="button-quiet" onclick={cancel}>{ i18n.t("common.cancel") }</button>
            </div>
        </div>
    }
}
