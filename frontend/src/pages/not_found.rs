//! The page for an address the app does not know.

use crate::i18n::use_i18n;
use crate::route::Route;
use yew::prelude::*;
use yew_router::prelude::*;

#[component]
pub fn NotFound() -> Html {
    let i18n = use_i18n();
    html! {
        <section class="page page-narrow">
            <h1>{ i18n.t("not_found.title") }</h1>
            <p>{ i18n.t("not_found.body") }</p>
            <Link<Route> to={Route::Home} classes="button-primary">{ i18n.t("not_found.home") }</Link<Route>>
        </section>
    }
}
