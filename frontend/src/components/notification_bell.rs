//! The bell in the header: how many notifications are unread, and the latest ones in a drop-down.

use crate::api;
use crate::api::notifications::Inbox;
use crate::format;
use crate::i18n::use_i18n;
use crate::route::Route;
use kinerja_types::Notification;
use std::rc::Rc;
use yew::platform::spawn_local;
use yew::prelude::*;
use yew_router::prelude::*;

/// Above this the bell says "99+".
const MOST_COUNTED: u64 = 99;

/// Handed to the pages: asks the layout to read the notifications again (one was read).
#[derive(Clone, PartialEq)]
pub struct RefreshInbox(pub Callback<()>);

/// Marks `note` read (when it is not yet), tells `refresh`, then follows its link if it has one.
pub fn open_notification(note: &Notification, refresh: Callback<()>, navigator: Option<Navigator>) {
    let id = note.id;
    let unread = note.read_at.is_none();
    let target = note.link.as_deref().and_then(Route::recognize).filter(|r| *r != Route::NotFound);
    spawn_local(async move {
        if unread {
            // A failure only leaves the notification unread; following the link matters more.
            let _ = api::notifications::mark_read(id).await;
        }
        refresh.emit(());
        if let (Some(route), Some(navigator)) = (target, navigator) {
            navigator.push(&route);
        }
    });
}

#[derive(Properties, PartialEq)]
pub struct NotificationBellProps {
    /// The latest notifications and the unread count (`None` until loaded or when unreadable).
    pub inbox: Option<Rc<Inbox>>,
    pub on_changed: Callback<()>,
}

#[component]
pub fn NotificationBell(props: &NotificationBellProps) -> Html {
    let i18n = use_i18n();
    let navigator = use_navigator();
    let menu = use_node_ref();
    let path = use_location().map(|l| l.path().to_owned());
    {
        let menu = menu.clone();
        use_effect_with(path, move |_| {
            if let Some(details) = menu.cast::<web_sys::Element>() {
                let _ = details.remove_attribute("open");
            }
        });
    }
    // Unread notifications and the work waiting for a decision, together: both ask for the person.
    let waiting = props.inbox.as_ref().map(|inbox| inbox.waiting).unwrap_or_default();
    let unread = props.inbox.as_ref().map(|inbox| inbox.unread).unwrap_or_default();
    let count = Some(unread + waiting.total()).filter(|n| *n > 0).map(|n| match n {
        n if n > MOST_COUNTED => format!("{MOST_COUNTED}+"),
        n => n.to_string(),
    });
    let mut label = if unread > 0 {
        i18n.tf("notifications.bell_unread", &[("n", &unread.to_string())])
    } else {
        i18n.t("notifications.bell").to_owned()
    };
    if waiting.total() > 0 {
        label = format!("{label}; {}", i18n.tf("waiting.count", &[("n", &waiting.total().to_string())]));
    }
    let queues = [
        (Route::Verification, waiting.activities, "waiting.activities"),
        (Route::TeamSkp, waiting.skps, "waiting.skps"),
        (Route::Objections, waiting.objections, "waiting.objections"),
    ];
    let queues = html! {
        if waiting.total() > 0 {
            <ul class="bell-waiting">
                { for queues.into_iter().filter(|(_, n, _)| *n > 0).map(|(route, n, key)| html! {
                    <li><Link<Route> to={route}>{ i18n.tf(key, &[("n", &n.to_string())]) }</Link<Route>></li>
                }) }
            </ul>
        }
    };
    let items = props.inbox.as_deref().map(|inbox| {
        if inbox.latest.is_empty() {
            return html! { <p class="muted">{ i18n.t("notifications.empty") }</p> };
        }
        html! {
            <ul class="bell-list">
                { for inbox.latest.iter().map(|note| {
                    let onclick = {
                        let note = note.clone();
                        let refresh = props.on_changed.clone();
                        let navigator = navigator.clone();
                        Callback::from(move |_: MouseEvent| open_notification(&note, refresh.clone(), navigator.clone()))
                    };
                    html! {
                        <li key={note.id}>
                            <button type="button" {onclick}
                                class={classes!("bell-item", note.read_at.is_none().then_some("unread"))}>
                                <strong>{ format::notification(note, i18n.lang()).0 }</strong>
                                <span>{ format::notification(note, i18n.lang()).1 }</span>
                            </button>
                        </li>
                    }
                }) }
            </ul>
        }
    });
    html! {
        <details class="bell-menu" ref={menu}>
            <summary aria-label={label.clone()} title={label}>
                <svg class="bell-icon" viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
                    <path fill="currentColor" d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2z" />
                </svg>
                if let Some(n) = &count {
                    <span class="bell-count" aria-hidden="true">{ n.clone() }</span>
                }
            </summary>
            <div class="bell-panel">
                { queues }
                <p class="bell-title">{ i18n.t("nav.notifications") }</p>
                { items.unwrap_or_else(|| html! { <p class="muted">{ i18n.t("common.loading") }</p> }) }
                <Link<Route> to={Route::Notifications}>{ i18n.t("notifications.see_all") }</Link<Route>>
            </div>
        </details>
    }
}
