//! Serves the built SPA: its files from the static directory, and `index.html` for every other
//! path outside `/api`, so that client-side routes survive a reload. Unknown `/api` paths get a
//! problem+json 404, or 405 with `Allow` when the path exists with other methods. A citizen's
//! address (the complaint form, tracking, the public forums, the service units) gets
//! `citizen.html` instead: the citizen pages' own bundle, a fraction of the staff app's weight.
//! (The survey, lighter still, is a page the server renders: see `pages`.)
//!
//! The build names every file but `index.html` by a hash of its content and writes a brotli and a
//! gzip copy beside each (see `crates/xtask/src/assets.rs`): a hashed file is cached for good
//! (`immutable`), `index.html` is asked again every time (`no-cache`), and whoever accepts brotli
//! or gzip gets the smaller copy.

use actix_files::NamedFile;
use actix_web::http::header::{self, ContentEncoding, HeaderValue};
use actix_web::http::Method;
use actix_web::{web, HttpRequest, HttpResponse};
use std::path::{Path, PathBuf};

/// The directory the SPA was built into.
struct StaticDir(PathBuf);

/// Mounts the SPA at `/` (must be registered last).
pub fn configure(static_dir: PathBuf) -> impl FnOnce(&mut web::ServiceConfig) {
    move |cfg| {
        if !static_dir.join("index.html").exists() {
            tracing::warn!(dir = %static_dir.display(), "SPA not built; run `cargo xtask frontend`");
            cfg.default_service(web::to(not_built));
            return;
        }
        cfg.app_data(web::Data::new(StaticDir(static_dir))).default_service(web::to(serve));
    }
}

/// A file of the SPA, or the page of a client-side route (a path whose last part has no dot; a
/// missing file is a 404, never a page in its place).
async fn serve(req: HttpRequest, dir: web::Data<StaticDir>) -> actix_web::Result<HttpResponse> {
    if req.path().starts_with("/api") {
        return Ok(actix_web::ResponseError::error_response(&crate::methods::unrouted(req.method(), req.path())));
    }
    if !matches!(*req.method(), Method::GET | Method::HEAD) {
        // As a problem body already, so the error fallback keeps the `Allow` header.
        return Ok(HttpResponse::MethodNotAllowed()
            .insert_header((header::ALLOW, "GET, HEAD"))
            .content_type("application/problem+json")
            .body(r#"{"type":"/problems/method_not_allowed","title":"Metode tidak diizinkan","status":405,"detail":"Halaman aplikasi hanya dibaca (GET, HEAD)","code":"method_not_allowed"}"#));
    }
    let file = file_name(req.path())
        .filter(|n| !n.ends_with(".br") && !n.ends_with(".gz"))
        .filter(|n| dir.0.join(n).is_file());
    let looks_like_a_file = req.path().rsplit('/').next().is_some_and(|last| last.contains('.'));
    let name = match file {
        Some(name) => name,
        None if looks_like_a_file => {
            return Ok(HttpResponse::NotFound()
                .insert_header((header::CACHE_CONTROL, "no-cache"))
                .content_type("text/plain; charset=utf-8")
                .body("Berkas tidak ditemukan."));
        }
        // A build from before the citizen bundle has only the staff app, which shows every page.
        None => Some(page_for(req.path())).filter(|p| dir.0.join(p).is_file()).unwrap_or(STAFF_PAGE),
    };
    let path = dir.0.join(name);
    let accepted = req.headers().get(header::ACCEPT_ENCODING).and_then(|v| v.to_str().ok()).unwrap_or("");
    // A range is of the file itself: actix-files would label a slice of the copy as identity.
    let ranged = req.headers().contains_key(header::RANGE);
    let copy = [("br", ContentEncoding::Brotli, "br"), ("gzip", ContentEncoding::Gzip, "gz")]
        .into_iter()
        .filter(|(token, ..)| !ranged && accepts(accepted, token))
        .map(|(_, encoding, ext)| (with_extension(&path, ext), encoding))
        .find(|(p, _)| p.is_file());
    let extension = Path::new(name).extension().and_then(|e| e.to_str()).unwrap_or("bin");
    let file = match copy {
        Some((p, encoding)) => NamedFile::open_async(p).await?.set_content_encoding(encoding),
        None => NamedFile::open_async(&path).await?,
    };
    let mut res = file
        .set_content_type(actix_files::file_extension_to_mime(extension))
        .disable_content_disposition()
        .into_response(&req);
    let cache = if is_hashed(name) { "public, max-age=31536000, immutable" } else { "no-cache" };
    res.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    res.headers_mut().insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    Ok(res)
}

/// The staff app's page, for every client-side route but the citizens'.
const STAFF_PAGE: &str = "index.html";
/// The citizen pages' bundle (`--features citizen`, see `frontend/src/citizen_app.rs`).
const CITIZEN_PAGE: &str = "citizen.html";

/// The page of a client-side route: the citizen bundle for the addresses a citizen opens, the
/// staff app for the rest (the survey poster among them: staff print it).
fn page_for(path: &str) -> &'static str {
    let first = path.split('/').find(|s| !s.is_empty());
    let citizen = first
        .is_some_and(|first| matches!(first, "pengaduan" | "lacak" | "forum-publik" | "layanan" | "nilai-petugas"));
    if citizen {
        CITIZEN_PAGE
    } else {
        STAFF_PAGE
    }
}

/// The one plain file name a path names in the flat build directory (`/style.abc.css`), if any:
/// no directories, no hidden files, nothing to climb out with.
fn file_name(path: &str) -> Option<&str> {
    let name = path.strip_prefix('/')?;
    let plain = !name.is_empty()
        && !name.starts_with('.')
        && name.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'));
    plain.then_some(name)
}

/// `name.ext` → `name.ext.{extra}`.
fn with_extension(path: &Path, extra: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".");
    name.push(extra);
    PathBuf::from(name)
}

/// Whether an `Accept-Encoding` value accepts `token` (not with `q=0`).
fn accepts(header: &str, token: &str) -> bool {
    header.split(',').any(|part| {
        let mut bits = part.split(';').map(str::trim);
        let named = bits.next().is_some_and(|t| t.eq_ignore_ascii_case(token));
        let refused =
            bits.any(|b| b.replace(' ', "").starts_with("q=0") && !b.contains(|c: char| ('1'..='9').contains(&c)));
        named && !refused
    })
}

/// A build name with a content hash: `stem.0123456789ab.ext` (the extension may have dots).
fn is_hashed(name: &str) -> bool {
    let parts: Vec<&str> = name.split('.').collect();
    parts.len() >= 3 && parts[1].len() == 12 && parts[1].chars().all(|c| c.is_ascii_hexdigit())
}

async fn not_built(req: HttpRequest) -> HttpResponse {
    if req.path().starts_with("/api") {
        return actix_web::ResponseError::error_response(&crate::methods::unrouted(req.method(), req.path()));
    }
    HttpResponse::NotFound()
        .content_type("text/html; charset=utf-8")
        .body("<!doctype html><meta charset=utf-8><title>Kinerja</title><p>Aplikasi web belum dibangun. Jalankan <code>cargo xtask frontend</code>. API: <a href=\"/api/docs/\">/api/docs</a>.</p>")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_names_in_the_build_directory() {
        assert_eq!(file_name("/kinerja.0123456789ab.js"), Some("kinerja.0123456789ab.js"));
        for bad in ["/", "/../etc/passwd", "/a/b.js", "/.env", "/%2e%2e", "/a b"] {
            assert_eq!(file_name(bad), None, "{bad}");
        }
    }

    #[test]
    fn accept_encoding_with_weights() {
        assert!(accepts("gzip, deflate, br", "br"));
        assert!(accepts("br;q=1.0, gzip;q=0.5", "gzip"));
        assert!(!accepts("br;q=0, gzip", "br"));
        assert!(!accepts("br;q=0.0", "br"));
        assert!(accepts("br;q=0.5", "br"));
        assert!(!accepts("identity", "gzip"));
    }

    #[test]
    fn citizen_addresses_get_the_citizen_bundle() {
        for path in [
            "/pengaduan",
            "/lacak",
            "/lacak/ADU-2026-0001",
            "/forum-publik",
            "/forum-publik/3",
            "/layanan",
            "/nilai-petugas/PLS-ABCDEFGH",
        ] {
            assert_eq!(page_for(path), CITIZEN_PAGE, "{path}");
        }
        // Staff screens, the poster staff print, and look-alikes of citizen addresses.
        for path in ["/", "/masuk", "/survei/DUKCAPIL/poster", "/pengaduan-masuk", "/pengaduan-masuk/4", "/forum/2"] {
            assert_eq!(page_for(path), STAFF_PAGE, "{path}");
        }
    }

    #[test]
    fn the_manifest_has_its_own_media_type() {
        let of = |ext| actix_files::file_extension_to_mime(ext).essence_str().to_owned();
        assert_eq!(of("webmanifest"), "application/manifest+json");
        assert_eq!(of("js"), "text/javascript");
        assert_eq!(of("wasm"), "application/wasm");
        // The service worker keeps its name, so it is asked again every time.
        assert!(!is_hashed("sw.js"));
    }

    #[test]
    fn hashed_names() {
        assert!(is_hashed("kinerja_bg.0123456789ab.wasm"));
        assert!(is_hashed("chart.0123456789ab.umd.js"));
        assert!(!is_hashed("index.html"));
        assert!(!is_hashed("kinerja.js"));
    }
}
