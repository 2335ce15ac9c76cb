//! "Pasang Kinerja di ponsel": offered once the browser says the app can be installed (its
//! manifest, icons and service worker are in place), until installed, or put off ("Nanti saja")
//! for two weeks on this device.

use crate::i18n::use_i18n;
use crate::offline::{self, InstallWatch};
use gloo_storage::{LocalStorage, Storage};
use yew::platform::spawn_local;
use yew::prelude::*;

/// When "Nanti saja" was last chosen (ms since the epoch).
const LATER_KEY: &str = "kinerja.install.later";
const LATER_MS: f64 = 14.0 * 24.0 * 3600.0 * 1000.0;

fn put_off() -> bool {
    LocalStorage::get::<f64>(LATER_KEY).is_ok_and(|at| js_sys::Date::now() - at < LATER_MS)
}

#[component]
pub fn InstallBanner() -> Html {
    let i18n = use_i18n();
    let installable = use_state(|| false);
    let dismissed = use_state(put_off);
    {
        let installable = installable.clone();
        use_effect_with((), move |_| {
            let setter = installable.setter();
            let (watch, now) = InstallWatch::new(move |can| setter.set(can));
            installable.set(now);
            move || drop(watch)
        });
    }
    if !*installable || *dismissed {
        return html! {};
    }
    let install = {
        let installable = installable.clone();
        Callback::from(move |_: MouseEvent| {
            let installable = installable.clone();
            spawn_local(async move {
                offline::install().await;
                installable.set(false);
            });
        })
    };
    let later = {
        let dismissed = dismissed.clone();
        Callback::from(move |_: MouseEvent| {
            // Not remembering (private mode) only means the offer comes back next visit.
            let _ = LocalStorage::set(LATER_KEY, js_sys::Date::now());
            dismissed.set(true);
        })
    };
    html! {
        <aside class="install-banner" role="region" aria-label={i18n.t("install.title").to_owned()}>
            <img src="/icon-192.png" alt="" width="40" height="40" />
            <div class="install-text">
                <strong>{ i18n.t("install.title") }</strong>
                <span>{ i18n.t("install.text") }</span>
            </div>
            <div class="actions">
                <button type="button" class="button-primary" onclick={install}>{ i18n.t("install.button") }</button>
                <button type="button" class="button-quiet" onclick={later}>{ i18n.t("install.later") }</button>
            </div>
        </aside>
    }
}
