//! Serves the built SPA: files from the static directory, and `index.html` for every other
//! path outside `/api`, so that client-side routes survive a reload. Unknown `/api` paths get a
//! problem+json 404, or 405 with `Allow` when the path exists
//! with other methods.

use actix_files::{Files, NamedFile};
use actix_web::dev::{fn_service, ServiceRequest, ServiceResponse};
use actix_web::{web, HttpResponse};
use std::path::PathBuf;

/// Mounts the SPA at `/` (must be registered last).
pub fn configure(static_dir: PathBuf) -> impl FnOnce(&mut web::ServiceConfig) {
    move |cfg| {
        let index = static_dir.join("index.html");
        if !index.exists() {
            tracing::warn!(dir = %static_dir.display(), "SPA not built; run `cargo xtask frontend`");
            cfg.default_service(web::to(not_built));
            return;
        }
        cfg.service(Files::new("/", static_dir).index_file("index.html").default_handler(fn_service(
            move |req: ServiceRequest| {
                let index = index.clone();
                async move {
                    let (req, _) = req.into_parts();
                    if req.path().starts_with("/api") {
                        let res = actix_web::ResponseError::error_response(&crate::methods::unrouted(
                            req.method(),
                            req.path(),
                        ));
                        return Ok(ServiceResponse::new(req, res));
                    }
                    let file = NamedFile::open_async(&index).await?;
                    let res = file.into_response(&req);
                    Ok(ServiceResponse::new(req, res))
                }
            },
        )));
    }
}

async fn not_built(req: actix_web::HttpRequest) -> HttpResponse {
    if req.path().starts_with("/api") {
        return actix_web::ResponseError::error_response(&crate::methods::unrouted(req.method(), req.path()));
    }
    HttpResponse::NotFound()
        .content_type("text/html; charset=utf-8")
        .body("<!doctype html><meta charset=utf-8><title>Kinerja</title><p>Aplikasi web belum dibangun. Jalankan <code>cargo xtask frontend</code>. API: <a href=\"/api/docs/\">/api/docs</a>.</p>")
}
