//! Shown instead of a page the user's roles do not open.

use crate::i18n::use_i18n;
use crate::route::Route;
use yew::prelude::*;
use yew_router::prelude::*;

#[component]
pub fn Forbidden() -> Html {
    let i18n = use_i18n();
    html! {
        <section class="page page-narrow">
            <h1>{ i18n.t("forbidden.title") }</h1>
            <p>{ i18n.t("forbidden.body") }</p>
            <Link<Route> to={Route::Home} classes="button-primary">{ i18n.t("not_found.home") }</Link<Route>>
        </section>
    }
}
