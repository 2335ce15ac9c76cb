//! Pages the server renders itself, for a citizen's phone on a slow network: HTML that shows at
//! once, the shared stylesheet, and a few kilobytes of plain JavaScript for what must happen on
//! the device (today only the satisfaction survey at `/survei/{code}`; the other citizen pages
//! are the citizen bundle's, see `spa.rs`). Every text comes from `kinerja_types::words`, the
//! citizen words the SPA's dictionary shares, and every value is escaped by `maud`.

mod frame;
mod stop;
mod survey;

use actix_web::cookie::{Cookie, SameSite};
use actix_web::{web, HttpRequest};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::RwLock;
use std::time::SystemTime;

pub use frame::Lang;

/// Mounts the pages (before the SPA's catch-all).
pub fn configure(static_dir: &Path) -> impl FnOnce(&mut web::ServiceConfig) {
    let assets = Assets::load(static_dir);
    move |cfg| {
        cfg.app_data(web::Data::new(assets))
            .service(
                web::resource(["/survei/{code}", "/survei/{code}/"])
                    // Made per request, so compressed per request (brotli or gzip, as accepted).
                    .wrap(actix_web::middleware::Compress::default())
                    .route(web::get().to(survey::page))
                    .route(web::head().to(survey::page)),
            )
            .service(
                web::resource("/berhenti/{token}")
                    .route(web::get().to(stop::ask))
                    .route(web::head().to(stop::ask))
                    .route(web::post().to(stop::confirm)),
            );
    }
}

/// The build's names of the files a page loads: `style.css` → `style.0123456789ab.css`, as
/// `cargo xtask frontend` wrote them into `assets.json`; the plain names before any build. Read
/// again whenever the file changes, so that a build under a running server is seen at once (as
/// `spa.rs` serves the new files at once).
#[derive(Debug)]
pub struct Assets {
    path: PathBuf,
    /// The manifest as last read, with the modification time it had then.
    read: RwLock<(Option<SystemTime>, HashMap<String, String>)>,
}

impl Assets {
    /// The manifest of `static_dir`, or none (each file then keeps its plain name).
    pub fn load(static_dir: &Path) -> Assets {
        let path = static_dir.join("assets.json");
        if static_dir.join("index.html").exists() && !path.exists() {
            tracing::warn!(path = %path.display(), "the SPA is built but names no assets; rebuild with `cargo xtask frontend`");
        }
        let assets = Assets { path, read: RwLock::new((None, HashMap::new())) };
        assets.refresh();
        assets
    }

    /// The address of the built file `name`.
    pub fn url(&self, name: &str) -> String {
        self.refresh();
        let read = self.read.read().unwrap_or_else(std::sync::PoisonError::into_inner);
        format!("/{}", read.1.get(name).map_or(name, String::as_str))
    }

    /// Reads the manifest again if it changed (or went) since it was last read.
    fn refresh(&self) {
        let modified = std::fs::metadata(&self.path).and_then(|m| m.modified()).ok();
        if self.read.read().unwrap_or_else(std::sync::PoisonError::into_inner).0 == modified && modified.is_some() {
            return;
        }
        let names = std::fs::read(&self.path)
            .ok()
            .and_then(|bytes| match serde_json::from_slice(&bytes) {
                Ok(names) => Some(names),
                Err(e) => {
                    tracing::warn!(path = %self.path.display(), error = %e, "unreadable asset manifest");
                    None
                }
            })
            .unwrap_or_default();
        *self.read.write().unwrap_or_else(std::sync::PoisonError::into_inner) = (modified, names);
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
            .http_only(true)
            .secure(req.connection_info().scheme() == "https")
            .max_age(actix_web::cookie::time::Duration::days(365))
            .finish();
        return (lang, Some(cookie));
    }
    let stored = req.cookie(LANG_COOKIE).and_then(|c| Lang::from_code(c.value()));
    (stored.unwrap_or(Lang::Id), None)
}
