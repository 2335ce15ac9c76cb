//! The citizen pages: no account, a cheap phone, perhaps a slow connection. Each asks only for
//! what it needs and says plainly what happened.

mod file_complaint;
mod forum_detail;
mod forums;
mod poster;
mod pulse;
mod service_units;
mod track;

pub use file_complaint::FileComplaint;
pub use forum_detail::PublicForumDetail;
pub use forums::PublicForums;
pub use poster::SurveyPoster;
pub use pulse::PublicPulseForm;
pub use service_units::ServiceUnits;
pub use track::Track;

use yew::prelude::*;

/// The field no person sees or fills (off screen, hidden from screen readers, skipped by the Tab
/// key); a bot that fills it is answered as usual and nothing is kept.
#[derive(Properties, PartialEq)]
pub struct HoneypotProps {
    pub value: AttrValue,
    pub on_input: Callback<String>,
}

#[component]
pub fn Honeypot(props: &HoneypotProps) -> Html {
    let i18n = crate::i18n::use_i18n();
    let on_input = props.on_input.clone();
    let oninput = Callback::from(move |e: InputEvent| {
        on_input.emit(e.target_unchecked_into::<web_sys::HtmlInputElement>().value())
    });
    html! {
        <div class="hp" aria-hidden="true">
            <label for="website">{ i18n.t("public.honeypot") }</label>
            <input id="website" name="website" type="text" tabindex="-1" autocomplete="off"
                value={props.value.clone()} {oninput} />
        </div>
    }
}

/// A page the server renders itself (the survey: light enough for a phone at the counter). The
/// router lands here only when something other than the server answered its address (an old
/// service worker's shell, offline or on a slow network): it hands over to the server once, with
/// the address's query, and otherwise offers a link, so that it never reloads in a loop.
#[derive(Properties, PartialEq)]
pub struct ServerPageProps {
    pub path: AttrValue,
}

/// Where the page notes, for this tab, that it already handed an address over.
const HANDED_OVER: &str = "kinerja.server-page";

#[component]
pub fn ServerPage(props: &ServerPageProps) -> Html {
    let i18n = crate::i18n::use_i18n();
    let search = web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default();
    let address = format!("{}{search}", props.path);
    let handed_over = use_state(|| {
        use gloo_storage::{SessionStorage, Storage};
        let before = SessionStorage::raw().get_item(HANDED_OVER).ok().flatten();
        let _ = SessionStorage::raw().set_item(HANDED_OVER, &address);
        before.as_deref() == Some(address.as_str())
    });
    {
        let address = address.clone();
        use_effect_with(*handed_over, move |again| {
            if !again {
                if let Some(window) = web_sys::window() {
                    let _ = window.location().replace(&address);
                }
            }
        });
    }
    if *handed_over {
        html! {
            <section class="page public-page">
                <p class="callout callout-warn">{ i18n.t("error.network") }</p>
                <a class="button-primary" href={address}>{ i18n.t("survey.reload") }</a>
            </section>
        }
    } else {
        html! { <crate::components::Loading /> }
    }
}

/// The web address of a path on this site, e.g. `https://kinerja.example.go.id/survei/DUKCAPIL`.
pub fn site_url(path: &str) -> String {
    let origin = web_sys::window().and_then(|w| w.location().origin().ok()).unwrap_or_default();
    format!("{origin}{path}")
}
