//! The Kinerja single-page app. `cargo xtask frontend` builds it for wasm32 and wasm-bindgen
//! turns it into `kinerja.js` + `kinerja_bg.wasm`, which `static/index.html` loads; built again
//! with the `citizen` feature it is `kinerja_public.js` + `kinerja_public_bg.wasm`, the citizen
//! pages alone, which `static/citizen.html` loads.
//!
//! Layout: `app` (or `citizen_app`) wires the providers and the router, `route` names every
//! screen, `auth` keeps the session, `i18n` the language, `api` talks to the server, `components`
//! and `pages` draw.

mod api;
mod app;
mod auth;
mod calendar;
mod citizen_app;
mod components;
mod csv;
mod files;
mod format;
mod guard;
mod hooks;
mod i18n;
mod offline;
mod pages;
mod periods;
mod route;
mod validation;
mod window_event;

use wasm_bindgen::prelude::wasm_bindgen;

/// Entry point called by `init()` in `index.html`: mounts the app on `<body>`. Built with the
/// `citizen` feature it mounts the citizen pages only (`citizen.html`); the staff app is then
/// never reached and the linker drops it.
#[wasm_bindgen(start)]
pub fn start() {
    if cfg!(feature = "citizen") {
        yew::Renderer::<citizen_app::CitizenApp>::new().render();
    } else {
        yew::Renderer::<app::App>::new().render();
    }
}
