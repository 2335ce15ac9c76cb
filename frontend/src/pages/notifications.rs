//! Notifikasi: everything the app told the user, newest first. Opening one marks it read and
//! follows its link.

use crate::api;
use crate::components::notification_bell::{open_notification, RefreshInbox};
use crate::components::{ErrorBanner, Loading, Pager};
use crate::format;
use crate::hooks::use_remote;
use crate::i18n::use_i18n;
use yew::prelude::*;
use yew_router::prelude::*;

const PER_PAGE: u64 = 20;

#[component]
pub fn Notifications() -> Html {
    let i18n = use_i18n();
    let page = use_state(|| 1u64);
    let list = use_remote(*page, |page| api::notifications::list(page, PER_PAGE));
    let inbox = use_context::<RefreshInbox>();
    let navigator = use_navigator();
    let on_page = {
        let page = page.clone();
        Callback::from(move |p| page.set(p))
    };
    // After a read: this list and the bell both show it.
    let refresh = {
        let reload = list.reload.clone();
        let inbox = inbox.clone();
        Callback::from(move |()| {
            reload.emit(());
            if let Some(RefreshInbox(refresh)) = &inbox {
                refresh.emit(());
            }
        })
    };
    let body = match &list.state.data {
        Some(data) if data.items.is_empty() => html! { <p class="muted">{ i18n.t("notifications.empty") }</p> },
        Some(data) => html! {
            <>
                <ul class="notification-list">
                    { for data.items.iter().map(|note| {
                        let onclick = {
                            let note = note.clone();
                            let refresh = refresh.clone();
                            let navigator = navigator.clone();
                            Callback::from(move |_: MouseEvent| open_notification(&note, refresh.clone(), navigator.clone()))
                        };
                        let unread = note.read_at.is_none();
                        html! {
                            <li key={note.id}>
                                <button type="button" {onclick} class={classes!("notification", unread.then_some("unread"))}>
                                    <span class="notification-head">
                                        <strong>{ format::notification(note, i18n.lang()).0 }</strong>
                                        if unread {
                                            <span class="badge badge-unread">{ i18n.t("notifications.unread") }</span>
                                        }
                                    </span>
                                    <span>{ format::notification(note, i18n.lang()).1 }</span>
                                    <span class="muted notification-time">{ format::instant(&note.created_at, i18n.lang()) }</span>
                                </button>
                            </li>
                        }
                    }) }
                </ul>
                <Pager page={data.page} per_page={data.per_page} total={data.total} {on_page} />
            </>
        },
        None if list.state.loading => html! { <Loading /> },
        None => html! {},
    };
    html! {
        <section class="page">
            <h1>{ i18n.t("notifications.title") }</h1>
            <ErrorBanner error={list.state.error.clone()} on_retry={list.reload.clone()} />
            { body }
        </section>
    }
}
