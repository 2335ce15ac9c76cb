//! The Kinerja single-page app. `cargo xtask frontend` builds it for wasm32 and wasm-bindgen
//! turns it into `kinerja.js` + `kinerja_bg.wasm`, which `static/index.html` loads.
//!
//! Layout: `app` wires the providers and the router, `route` names every screen, `auth` keeps
//! the session, `i18n` the language, `api` talks to the server, `components` and `pages` draw.

mod api;
mod app;
mod auth;
mod calendar;
mod components;
mod csv;
mod files;
mod format;
mod guard;
mod hooks;
mod i18n;
mod pages;
mod periods;
mod route;
mod validation;

use wasm_bindgen::prelude::wasm_bindgen;

/// Entry point called by `init()` in `index.html`: mounts the app on `<body>`.
#[wasm_bindgen(start)]
pub fn start() {
    yew::Renderer::<app::App>::new().render();
}
