//! `/survei/{unit_code}/poster`: a page to print and hang at the counter, with the unit's name,
//! the survey's short address and its QR code. The print style drops everything else.

use super::site_url;
use crate::api;
use crate::components::{ErrorBanner, Loading, QrCode};
use crate::hooks::use_remote;
use crate::i18n::use_i18n;
use crate::route::Route;
use yew::prelude::*;
use yew_router::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SurveyPosterProps {
    pub code: String,
}

#[component]
pub fn SurveyPoster(props: &SurveyPosterProps) -> Html {
    let i18n = use_i18n();
    let code = props.code.trim().to_uppercase();
    let unit = use_remote(code.clone(), |code| async move { api::public::unit_by_code(&code).await });
    let print = Callback::from(|_: MouseEvent| {
        if let Some(window) = web_sys::window() {
            // A browser without printing (some kiosks) simply does nothing.
            let _ = window.print();
        }
    });
    let body = match unit.state.data.as_deref() {
        Some(Some(unit)) => {
            let url = site_url(&Route::Survey { code: unit.code.clone() }.to_path());
            let shown = url.split_once("://").map(|(_, rest)| rest.to_owned()).unwrap_or_else(|| url.clone());
            html! {
                <article class="poster">
                    <p class="poster-kicker">{ i18n.t("poster.kicker") }</p>
                    <h1 class="poster-unit">{ &unit.name }</h1>
                    <p class="poster-ask">{ i18n.t("poster.ask") }</p>
                    <QrCode text={url.clone()} label={i18n.tf("poster.qr_label", &[("url", &url)])} />
                    <p class="poster-how">{ i18n.t("poster.how") }</p>
                    <p class="poster-url">{ shown }</p>
                    <p class="poster-note">{ i18n.t("poster.note") }</p>
                </article>
            }
        }
        Some(None) => html! {
            <p class="callout callout-warn">{ i18n.tf("survey.unknown_unit", &[("code", &code)]) }</p>
        },
        None if unit.state.loading => html! { <Loading /> },
        None => html! {},
    };
    html! {
        <section class="page public-page poster-page">
            <div class="no-print poster-tools">
                <p class="muted">{ i18n.t("poster.tools_hint") }</p>
                <button type="button" class="button-primary" onclick={print}>{ i18n.t("poster.print") }</button>
            </div>
            <ErrorBanner error={unit.state.error.clone()} on_retry={unit.reload.clone()} />
            { body }
        </section>
    }
}
