//! Pages the server renders itself, for a citizen's phone on a slow network: HTML that shows at
//! once, the shared stylesheet, and a few kilobytes of plain JavaScript for what must happen on
//! the device (today only the satisfaction survey at `/survei/{code}`; the other citizen pages
//! are the citizen bundle's, see `spa.rs`). Every text comes from `kinerja_types::words`, the
//! citizen words the SPA's dictionary shares, and every value is escaped by `maud`.

mod frame;
mod survey;

use actix_web::cookie::{Cookie, SameSite};
use actix_web::{web, HttpRequest};
use std::collections::HashMap;
use std::path::Path;

pub use frame::Lang;

/// Mounts the pages (before the SPA's catch-all).
pub fn configure(static_dir: &Path) -> impl FnOnce(&mut web::ServiceConfig) {
    let assets = Assets::load(static_dir);
    move |cfg| {
        cfg.app_data(web::Data::new(assets)).service(
            web::resource(["/survei/{code}", "/survei/{code}/"])
                // Made per request, so compressed per request (brotli or gzip, as accepted).
                .wrap(actix_web::middleware::Compress::default())
                .route(web::get().to(survey::page))
                .route(web::head().to(survey::page)),
        );
    }
}

/// The build's names of the files a page loads: `style.css` → `style.0123456789ab.css`, as
/// `cargo xtask frontend` wrote them into `assets.json`; the plain names before any build.
#[derive(Debug, Clone, Default)]
pub struct Assets(HashMap<String, String>);

impl Assets {
    /// The manifest of `static_dir`, or none (each file then keeps its plain name).
    pub fn load(static_dir: &Path) -> Assets {
        let path = static_dir.join("assets.json");
        let names = std::fs::read(&path)
            .ok()
            .and_then(|bytes| match serde_json::from_slice(&bytes) {
                Ok(names) => Some(names),
                Err(e) => {
                    tracing::warn!(path = %path.display(), error = %e, "unreadable asset manifest");
                    None
                }
            })
            .unwrap_or_default();
        Assets(names)
    }

    /// The address of the built file `name`.
    pub fn url(&self, name: &str) -> String {
        format!("/{}", self.0.get(name).map_or(name, String::as_str))
    }
}

/// The cookie that carries the reader's language choice to the server.
const LANG_COOKIE: &str = "kinerja_lang";

/// The language of a page: `?lang=` when the reader just chose (kept in a cookie), else the
/// cookie, else Bahasa Indonesia.
fn lang_of(req: &HttpRequest) -> (Lang, Option<Cookie<'static>>) {
    let asked = web::Query::<HashMap<String, String>>::from_query(req.query_string())
        .ok()
        .and_then(|q| q.get("lang").and_then(|l| Lang::from_code(l)));
    if let Some(lang) = asked {
        let cookie = Cookie::build(LANG_COOKIE, lang.code())
            .path("/")
            .same_site(SameSite::Lax)
            .max_age(actix_web::cookie::time::Duration::days(365))
            .finish();
        return (lang, Some(cookie));
    }
    let stored = req.cookie(LANG_COOKIE).and_then(|c| Lang::from_code(c.value()));
    (stored.unwrap_or(Lang::Id), None)
}
