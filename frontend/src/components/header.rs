//! The top bar: the menu button (narrow screens), the app and Pemda name, the language toggle,
//! the notification bell and the user menu.

use super::notification_bell::NotificationBell;
use crate::api::notifications::Inbox;
use crate::auth::use_auth;
use crate::i18n::use_i18n;
use crate::route::Route;
use kinerja_types::Me;
use std::rc::Rc;
use yew::prelude::*;
use yew_router::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    pub me: Rc<Me>,
    /// The Pemda's name, when the settings could be read.
    pub pemda: Option<AttrValue>,
    pub nav_open: bool,
    pub on_toggle_nav: Callback<()>,
    /// The latest notifications, for the bell.
    pub inbox: Option<Rc<Inbox>>,
    /// A notification was read from the bell.
    pub on_inbox_changed: Callback<()>,
}

#[component]
pub fn Header(props: &HeaderProps) -> Html {
    let i18n = use_i18n();
    let auth = use_auth();
    let toggle_nav = {
        let on_toggle = props.on_toggle_nav.clone();
        Callback::from(move |_: MouseEvent| on_toggle.emit(()))
    };
    let navigator = use_navigator();
    // The user menu folds again once one of its links was followed.
    let user_menu = use_node_ref();
    let path = use_location().map(|l| l.path().to_owned());
    {
        let user_menu = user_menu.clone();
        use_effect_with(path, move |_| {
            if let Some(details) = user_menu.cast::<web_sys::Element>() {
                let _ = details.remove_attribute("open");
            }
        });
    }
    let sign_out = Callback::from(move |_: MouseEvent| {
        if let Some(auth) = &auth {
            auth.sign_out();
        }
        if let Some(navigator) = &navigator {
            navigator.push(&Route::Login);
        }
    });
    html! {
        <header class="topbar">
            <button type="button" class="menu-button" aria-controls="main-nav"
                aria-expanded={props.nav_open.to_string()} onclick={toggle_nav}>
                <span class="menu-icon" aria-hidden="true"></span>
                <span class="menu-label">{ i18n.t("header.menu") }</span>
            </button>
            <Link<Route> to={Route::Home} classes="brand">
                <span class="brand-name">{ "Kinerja" }</span>
                if let Some(pemda) = &props.pemda {
                    <span class="brand-pemda">{ pemda.clone() }</span>
                }
            </Link<Route>>
            <div class="topbar-actions">
                <LanguageToggle />
                <NotificationBell inbox={props.inbox.clone()} on_changed={props.on_inbox_changed.clone()} />
                <details class="user-menu" ref={user_menu}>
                    <summary>
                        <span class="user-name">{ props.me.display_name.clone() }</span>
                    </summary>
                    <div class="user-menu-panel">
                        <p class="user-menu-username">{ format!("@{}", props.me.username) }</p>
                        <Link<Route> to={Route::Profile}>{ i18n.t("nav.profile") }</Link<Route>>
                        <button type="button" class="button-quiet" onclick={sign_out}>
                            { i18n.t("header.sign_out") }
                        </button>
                    </div>
                </details>
            </div>
        </header>
    }
}

/// Switches between Bahasa Indonesia and English; shows the language it switches to.
#[component]
pub fn LanguageToggle() -> Html {
    let i18n = use_i18n();
    let other = i18n.lang().other();
    let onclick = {
        let i18n = i18n.clone();
        Callback::from(move |_: MouseEvent| i18n.set(other))
    };
    html! {
        <button type="button" class="lang-toggle" {onclick} lang={other.code()}
            title={i18n.t("header.switch_language").to_owned()}
            aria-label={i18n.t("header.switch_language").to_owned()}>
            { other.code().to_uppercase() }
        </button>
    }
}
