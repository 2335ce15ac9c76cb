//! `/survei/{unit_code}`: the satisfaction survey of one service unit at a short address (the one
//! on the counter's poster). Opened as `?kiosk=TOKEN` it becomes a counter kiosk: the token is
//! kept on the device, sent with every survey, and the form starts again for the next citizen.
//! Elsewhere the unit's published satisfaction index follows the form.

use super::published_ikm::PublishedIkm;
use super::survey_form::SurveyForm;
use crate::api;
use crate::components::{Confirm, ErrorBanner, Loading};
use crate::hooks::use_remote;
use crate::i18n::use_i18n;
use crate::route::Route;
use gloo_storage::{LocalStorage, Storage};
use serde::Deserialize;
use yew::prelude::*;
use yew_router::prelude::*;

/// Where a kiosk's token is kept, per unit code.
const KIOSK_KEY: &str = "kinerja.kiosk.";

#[derive(Properties, PartialEq)]
pub struct SurveyProps {
    pub code: String,
}

#[component]
pub fn Survey(props: &SurveyProps) -> Html {
    let i18n = use_i18n();
    let code = props.code.trim().to_uppercase();
    let unit = use_remote(code.clone(), |code| async move { api::public::unit_by_code(&code).await });
    let kiosk = use_kiosk_token(&code);
    let asking_end = use_state(|| false);

    let body = match unit.state.data.as_deref() {
        Some(Some(unit)) => html! {
            <>
                <h1>{ i18n.t("survey.title") }</h1>
                <p class="survey-unit">{ &unit.name }</p>
                <SurveyForm unit={unit.clone()} kiosk_token={(*kiosk).clone().map(AttrValue::from)} />
                // A kiosk at the counter stays on the survey; on a phone the citizen also sees the result.
                if kiosk.is_none() {
                    <PublishedIkm unit_id={unit.id} />
                }
            </>
        },
        Some(None) => html! {
            <>
                <h1>{ i18n.t("survey.title") }</h1>
                <p class="callout callout-warn">{ i18n.tf("survey.unknown_unit", &[("code", &code)]) }</p>
                <Link<Route> to={Route::ServiceUnits} classes="button-primary">{ i18n.t("public.choose_unit") }</Link<Route>>
            </>
        },
        None if unit.state.loading => html! { <Loading /> },
        None => html! {},
    };
    let end_kiosk = {
        let kiosk = kiosk.clone();
        let asking_end = asking_end.clone();
        let code = code.clone();
        Callback::from(move |()| {
            LocalStorage::delete(format!("{KIOSK_KEY}{code}"));
            kiosk.set(None);
            asking_end.set(false);
        })
    };
    html! {
        <section class="page public-page survey-page">
            if kiosk.is_some() {
                <p class="kiosk-mark">{ i18n.t("survey.kiosk_mode") }</p>
            }
            <ErrorBanner error={unit.state.error.clone()} on_retry={unit.reload.clone()} />
            { body }
            if kiosk.is_some() {
                <div class="kiosk-end">
                    if *asking_end {
                        <Confirm text={i18n.t("survey.kiosk_end_confirm").to_owned()}
                            confirm_label={i18n.t("survey.kiosk_end_yes").to_owned()} on_confirm={end_kiosk}
                            on_cancel={{ let asking_end = asking_end.clone(); Callback::from(move |()| asking_end.set(false)) }} />
                    } else {
                        <button type="button" class="button-quiet button-small"
                            onclick={{ let asking_end = asking_end.clone(); move |_| asking_end.set(true) }}>
                            { i18n.t("survey.kiosk_end") }
                        </button>
                    }
                </div>
            }
        </section>
    }
}

/// `?kiosk=TOKEN` of a kiosk link.
#[derive(Debug, Deserialize)]
struct KioskQuery {
    kiosk: Option<String>,
}

/// The kiosk token of the unit on this device. A token in the address is kept and then taken out
/// of the address, so that it is neither bookmarked nor shown over a citizen's shoulder.
#[hook]
fn use_kiosk_token(code: &str) -> UseStateHandle<Option<String>> {
    let key = format!("{KIOSK_KEY}{code}");
    let stored = {
        let key = key.clone();
        use_state(move || LocalStorage::raw().get_item(&key).ok().flatten().filter(|t| !t.is_empty()))
    };
    let from_address = use_location()
        .and_then(|l| l.query::<KioskQuery>().ok())
        .and_then(|q| q.kiosk)
        .map(|t| t.trim().to_owned())
        .filter(|t| !t.is_empty());
    let navigator = use_navigator();
    {
        let stored = stored.clone();
        let code = code.to_owned();
        use_effect_with(from_address, move |token| {
            if let Some(token) = token {
                // Storage refused (private mode): the token still works until the page reloads.
                let _ = LocalStorage::raw().set_item(&key, token);
                stored.set(Some(token.clone()));
                if let Some(navigator) = navigator {
                    navigator.replace(&Route::Survey { code });
                }
            }
        });
    }
    stored
}
