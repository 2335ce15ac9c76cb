//! Every list answers a download, for every route at once: a `GET` that asks for CSV or XLSX
//! (`?format=`, `Accept`) and whose handler answered a JSON page (`{"items": [...], "total"}`)
//! gets those items as the download instead, named after the path. Handlers that write their own
//! download (flattened rows, whole reports) answer it themselves and pass through untouched. A
//! middleware beside `control_chars`: it changes the form of an answer already authorised, never
//! what it holds.

use crate::routes::spreadsheet::{download_values, requested};
use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::{header, Method, StatusCode};
use actix_web::middleware::Next;
use serde::Deserialize;

/// The query parameters that ask for a download.
#[derive(Deserialize)]
struct Asked {
    format: Option<String>,
    lang: Option<String>,
}

/// The middleware: `from_fn(downloads::lists)`.
pub async fn lists(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let asked = (req.method() == Method::GET && req.path().starts_with("/api/v1/"))
        .then(|| actix_web::web::Query::<Asked>::from_query(req.query_string()).ok())
        .flatten()
        .and_then(|q| requested(req.request(), q.format.as_deref(), q.lang.as_deref()));
    // (A query that cannot be read is the handler's to refuse.)
    let res = next.call(req).await?;
    let Some(sheet) = asked else {
        return Ok(res.map_into_boxed_body());
    };
    let json = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"));
    if res.status() != StatusCode::OK || !json {
        return Ok(res.map_into_boxed_body());
    }
    let (req, res) = res.into_parts();
    let head = res.head().clone();
    let bytes = actix_web::body::to_bytes(res.into_body())
        .await
        .map_err(|_| actix_web::error::ErrorInternalServerError("body"))?;
    let page: Option<serde_json::Value> = serde_json::from_slice(&bytes).ok();
    let items = page.as_ref().and_then(|p| p.get("items")).and_then(|i| i.as_array());
    let Some(items) = items else {
        // Not a list: the JSON as it was.
        let mut again = actix_web::HttpResponse::with_body(head.status, bytes);
        *again.headers_mut() = head.headers.clone();
        return Ok(ServiceResponse::new(req, again.map_into_boxed_body()));
    };
    let name = req.path().trim_end_matches('/').rsplit('/').next().unwrap_or("daftar").to_owned();
    let mut answer = match download_values(sheet, items, &name) {
        Ok(answer) => answer,
        Err(e) => return Ok(ServiceResponse::new(req, actix_web::HttpResponse::from_error(e))),
    };
    if let Some(total) = page.as_ref().and_then(|p| p.get("total")).and_then(|t| t.as_u64()) {
        if let Ok(v) = header::HeaderValue::from_str(&total.to_string()) {
            answer.headers_mut().insert(header::HeaderName::from_static("x-total-count"), v);
        }
    }
    Ok(ServiceResponse::new(req, answer.map_into_boxed_body()))
}
