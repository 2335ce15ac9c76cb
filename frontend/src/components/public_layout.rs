//! The plain frame of the citizen pages: the Pemda's name, the language toggle and the things
//! a citizen comes for. No staff navigation, no session needed.

use super::LanguageToggle;
use crate::api::{self, ApiError};
use crate::hooks::use_remote;
use crate::i18n::{use_i18n, ChildrenProps};
use crate::route::Route;
use gloo_storage::{LocalStorage, Storage};
use yew::prelude::*;
use yew_router::prelude::*;

/// Where the Pemda's name is kept once read, so that the title shows at once next time.
const PEMDA_KEY: &str = "kinerja.pemda";

/// Keeps the Pemda's name for the citizen pages of this device.
pub fn remember_pemda(name: &str) {
    // Losing it (private mode, full storage) only means the generic title.
    let _ = LocalStorage::raw().set_item(PEMDA_KEY, name);
}

fn remembered_pemda() -> Option<String> {
    LocalStorage::raw().get_item(PEMDA_KEY).ok().flatten().map(|n| n.trim().to_owned()).filter(|n| !n.is_empty())
}

/// The Pemda's name from the public endpoint, else as last seen on this device.
async fn pemda_name() -> Result<Option<String>, ApiError> {
    if let Ok(info) = api::public::info().await {
        let name = info.pemda_name.trim().to_owned();
        if !name.is_empty() {
            remember_pemda(&name);
            return Ok(Some(name));
        }
    }
    Ok(remembered_pemda())
}

#[component]
pub fn PublicLayout(props: &ChildrenProps) -> Html {
    let i18n = use_i18n();
    let pemda = use_remote((), |()| pemda_name());
    let name = pemda.state.data.as_deref().cloned().flatten();
    let current = use_route::<Route>();
    let link = |route: Route, key: &str| {
        let active = current.as_ref() == Some(&route)
            || matches!((&current, &route), (Some(Route::TrackCode { .. }), Route::Track))
            || matches!((&current, &route), (Some(Route::PublicForum { .. }), Route::PublicForums));
        html! {
            <li>
                <Link<Route> to={route} classes={classes!(active.then_some("active"))}>{ i18n.t(key) }</Link<Route>>
            </li>
        }
    };
    html! {
        <div class="public-shell">
            <header class="public-top">
                <Link<Route> to={Route::ServiceUnits} classes="brand">
                    <span class="brand-name">{ name.unwrap_or_else(|| i18n.t("public.brand").to_owned()) }</span>
                    <span class="brand-pemda">{ i18n.t("public.tagline") }</span>
                </Link<Route>>
                <LanguageToggle />
            </header>
            <nav class="public-nav" aria-label={i18n.t("public.nav").to_owned()}>
                <ul>
                    { link(Route::ServiceUnits, "public.link.survey") }
                    { link(Route::FileComplaint, "public.link.complaint") }
                    { link(Route::Track, "public.link.track") }
                    { link(Route::PublicForums, "public.link.forums") }
                </ul>
            </nav>
            <main class="public-content" id="content"><super::toast::ToastHost>{ props.children.clone() }</super::toast::ToastHost></main>
            <footer class="public-footer">
                <span>{ i18n.t("public.staff") }</span>{ " " }
                // A full page load: the citizen bundle has no sign-in, the staff app serves it.
                <a href={Route::Login.to_path()}>{ i18n.t("public.staff_login") }</a>
            </footer>
        </div>
    }
}
