//! Refuses control characters at the door, for every route at once: in the path (404: nothing is
//! named so), in the query string and in any JSON body (422 naming the field). Text reaches the
//! handlers, and so the database, only without NUL and its kin (see
//! [`kinerja_types::text::is_forbidden_control`]); PostgreSQL cannot store NUL at all. CSV imports
//! check their cells themselves, to report them by row and column.

use crate::error::ApiError;
use actix_web::body::{EitherBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header;
use actix_web::middleware::Next;
use actix_web::web::{Bytes, BytesMut};
use actix_web::HttpMessage;
use futures_util::StreamExt;
use kinerja_types::text::has_forbidden_control;
use kinerja_types::Invalid;

/// The middleware: `from_fn(control_chars::refuse)`. The JSON body is read up to the configured
/// limit (`json_limit`), checked, and handed on unchanged.
pub async fn refuse(
    mut req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<EitherBody<impl MessageBody>>, actix_web::Error> {
    if let Err(refusal) = check_url(&req) {
        return Ok(req.error_response(refusal).map_into_right_body());
    }
    if is_json(&req) {
        let json_limit = req
            .app_data::<actix_web::web::Data<crate::state::AppState>>()
            .map_or(crate::config::DEFAULT_JSON_LIMIT, |s| s.config.json_limit);
        let mut payload = req.take_payload();
        let mut body = BytesMut::new();
        while let Some(chunk) = payload.next().await {
            let chunk = chunk?;
            if body.len() + chunk.len() > json_limit {
                return Ok(req.error_response(ApiError::body_too_large(json_limit)).map_into_right_body());
            }
            body.extend_from_slice(&chunk);
        }
        let body: Bytes = body.freeze();
        // A body that is not JSON is left to the JSON extractor to refuse in its own words.
        if let Ok(value) = serde_json::from_slice::<serde_json::Value>(&body) {
            if let Some(field) = controlled(&value, "") {
                let refusal = ApiError::field(&field, Invalid::ControlCharacter);
                return Ok(req.error_response(refusal).map_into_right_body());
            }
        }
        req.set_payload(body.into());
    }
    next.call(req).await.map(ServiceResponse::map_into_left_body)
}

/// The decoded path and query of the request, checked.
fn check_url(req: &ServiceRequest) -> Result<(), ApiError> {
    let path = percent_encoding::percent_decode_str(req.path()).decode_utf8_lossy();
    if has_forbidden_control(&path) {
        return Err(ApiError::NotFound);
    }
    for (name, value) in form_urlencoded::parse(req.query_string().as_bytes()) {
        if has_forbidden_control(&name) || has_forbidden_control(&value) {
            return Err(ApiError::field(&name, Invalid::ControlCharacter));
        }
    }
    Ok(())
}

fn is_json(req: &ServiceRequest) -> bool {
    req.headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(|v| {
            let essence = v.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
            essence == "application/json" || essence.ends_with("+json")
        })
        .unwrap_or(false)
}

/// The path of the first string (or key) in `value` that holds a forbidden control character:
/// `description`, `indicators[2].target`; the whole body is `body`.
fn controlled(value: &serde_json::Value, at: &str) -> Option<String> {
    use serde_json::Value;
    let here = || if at.is_empty() { "body".to_owned() } else { at.to_owned() };
    match value {
        Value::String(s) => has_forbidden_control(s).then(here),
        Value::Array(items) => items.iter().enumerate().find_map(|(i, v)| controlled(v, &format!("{}[{i}]", here()))),
        Value::Object(map) => map.iter().find_map(|(k, v)| {
            let path = if at.is_empty() { k.clone() } else { format!("{at}.{k}") };
            if has_forbidden_control(k) {
                Some(path)
            } else {
                controlled(v, &path)
            }
        }),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::controlled;
    use serde_json::json;

    #[test]
    fn names_the_field_that_holds_a_control_character() {
        assert_eq!(controlled(&json!({"name": "ok", "code": "A\u{0}"}), ""), Some("code".into()));
        assert_eq!(controlled(&json!({"items": [{"t": "x"}, {"t": "\u{1b}"}]}), ""), Some("items[1].t".into()));
        assert_eq!(controlled(&json!("\u{7}"), ""), Some("body".into()));
        assert_eq!(controlled(&json!({"note": "baris\nkedua\ttab"}), ""), None);
    }
}
