//! Notifikasi: everything the app told the user, newest first. Opening one marks it read and
//! follows its link.

use crate::api;
use crate::components::notification_bell::{open_notification, RefreshInbox};
use crate::components::{Loader, PagedTable};
use crate::format;
use crate::i18n::use_i18n;
use kinerja_types::Notification;
use yew::prelude::*;
use yew_router::prelude::*;

const PER_PAGE: u64 = 20;

#[component]
pub fn Notifications() -> Html {
    let i18n = use_i18n();
    let refresh_list = use_state(|| 0u32);
    let inbox = use_context::<RefreshInbox>();
    let navigator = use_navigator();
    // After a read: this list and the bell both show it.
    let refresh = {
        let refresh_list = refresh_list.clone();
        Callback::from(move |()| {
            refresh_list.set(refresh_list.wrapping_add(1));
            if let Some(RefreshInbox(refresh)) = &inbox {
                refresh.emit(());
            }
        })
    };
    let row = {
        let i18n = i18n.clone();
        Callback::from(move |note: Notification| {
            let unread = note.read_at.is_none();
            let onclick = {
                let note = note.clone();
                let refresh = refresh.clone();
                let navigator = navigator.clone();
                Callback::from(move |_: MouseEvent| open_notification(&note, refresh.clone(), navigator.clone()))
            };
            html! {
                <li key={note.id}>
                    <button type="button" {onclick} class={classes!("notification", unread.then_some("unread"))}>
                        <span class="notification-head">
                            <strong>{ format::notification(&note, i18n.lang()).0 }</strong>
                            if unread {
                                <span class="badge badge-unread">{ i18n.t("notifications.unread") }</span>
                            }
                        </span>
                        <span>{ format::notification(&note, i18n.lang()).1 }</span>
                        <span class="muted notification-time">{ format::instant(&note.created_at, i18n.lang()) }</span>
                    </button>
                </li>
            }
        })
    };
    html! {
        <section class="page">
            <h1>{ i18n.t("notifications.title") }</h1>
            <PagedTable<Notification> load={Loader::new(api::notifications::list)} per_page={PER_PAGE} {row}
                class="notification-list" refresh={*refresh_list} empty={i18n.t("notifications.empty").to_owned()} />
        </section>
    }
}
