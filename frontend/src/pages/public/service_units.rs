//! `/layanan`: the service units a citizen can survey or complain about, with a filter for a city
//! that has many.

use crate::api;
use crate::components::{ErrorBanner, Loading};
use crate::hooks::use_remote;
use crate::i18n::use_i18n;
use crate::route::Route;
use web_sys::HtmlInputElement;
use yew::prelude::*;
use yew_router::prelude::*;

#[component]
pub fn ServiceUnits() -> Html {
    let i18n = use_i18n();
    let units = use_remote((), |()| api::public::units());
    let filter = use_state(String::new);
    let oninput = {
        let filter = filter.clone();
        Callback::from(move |e: InputEvent| filter.set(e.target_unchecked_into::<HtmlInputElement>().value()))
    };
    let wanted = filter.trim().to_lowercase();
    let body = match units.state.data.as_deref().map(Vec::as_slice) {
        Some([]) => html! { <p class="muted">{ i18n.t("public.units_empty") }</p> },
        Some(all) => {
            let mut shown: Vec<_> = all
                .iter()
                .filter(|u| {
                    wanted.is_empty()
                        || u.name.to_lowercase().contains(&wanted)
                        || u.code.to_lowercase().contains(&wanted)
                })
                .collect();
            shown.sort_by(|a, b| a.name.cmp(&b.name));
            if shown.is_empty() {
                html! { <p class="muted">{ i18n.t("public.units_none_match") }</p> }
            } else {
                html! {
                    <ul class="service-units">
                        { for shown.into_iter().map(|unit| html! {
                            <li key={unit.id} class="service-unit">
                                <h2>{ &unit.name }</h2>
                                <div class="actions">
                                    // The survey is a page of the server's own: a full load.
                                    <a href={Route::Survey { code: unit.code.clone() }.to_path()} class="button-primary">
                                        { i18n.t("public.fill_survey") }
                                    </a>
                                    <Link<Route, ComplaintQuery> to={Route::FileComplaint}
                                        query={Some(ComplaintQuery { unit: unit.code.clone() })} classes="button-quiet">
                                        { i18n.t("public.link.complaint") }
                                    </Link<Route, ComplaintQuery>>
                                </div>
                            </li>
                        }) }
                    </ul>
                }
            }
        }
        None if units.state.loading => html! { <Loading /> },
        None => html! {},
    };
    html! {
        <section class="page public-page">
            <h1>{ i18n.t("public.units_title") }</h1>
            <p class="lead">{ i18n.t("public.units_lead") }</p>
            <div class="field">
                <label for="unit-filter">{ i18n.t("public.units_filter") }</label>
                <input id="unit-filter" type="search" value={(*filter).clone()} {oninput}
                    placeholder={i18n.t("public.units_filter_hint").to_owned()} />
            </div>
            <ErrorBanner error={units.state.error.clone()} on_retry={units.reload.clone()} />
            { body }
        </section>
    }
}

/// `?unit=CODE`: the unit a complaint form starts with.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ComplaintQuery {
    pub unit: String,
}
