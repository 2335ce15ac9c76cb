//! `IdempotencyKey` as a handler parameter: the optional `Idempotency-Key` header, checked for
//! form (422 otherwise); and the two answers of a keyed write: the one kept for a retry, marked
//! `Idempotent-Replayed: true`, and the first one. What is kept, and when, is
//! `services::idempotency`'s.

use crate::error::{ApiError, ApiResult};
use crate::services::idempotency::{self as svc, Kept};
use actix_web::http::StatusCode;
use actix_web::{dev::Payload, FromRequest, HttpRequest, HttpResponse};
use kinerja_types::{Invalid, Issue};
use std::future::{ready, Ready};

/// The request header.
pub const HEADER: &str = "Idempotency-Key";

/// The response header marking an answer given again for a retried key.
pub const REPLAYED: &str = "Idempotent-Replayed";

/// The client's key for this request, if it sent one.
pub struct IdempotencyKey(Option<String>);

impl FromRequest for IdempotencyKey {
    type Error = ApiError;
    type Future = Ready<Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let Some(value) = req.headers().get(HEADER) else {
            return ready(Ok(Self(None)));
        };
        let key = value.to_str().ok().map(str::trim).filter(|k| svc::well_formed(k));
        ready(match key {
            Some(k) => Ok(Self(Some(k.to_owned()))),
            None => {
                Err(ApiError::field(HEADER, Issue::new(Invalid::IdempotencyKeyFormat).with("max", svc::MAX_KEY_LEN)))
            }
        })
    }
}

impl IdempotencyKey {
    /// The key, if the client sent one.
    pub fn get(&self) -> Option<&str> {
        self.0.as_deref()
    }
}

/// The answer kept for a retried key, given again.
pub fn replayed(kept: Kept) -> ApiResult<HttpResponse> {
    let status = StatusCode::from_u16(kept.status).map_err(|e| ApiError::Internal(e.into()))?;
    Ok(HttpResponse::build(status).content_type("application/json").insert_header((REPLAYED, "true")).body(kept.body))
}

/// The first answer of a keyed write: `201 Created` with the JSON `services::idempotency::keep`
/// gave.
pub fn created(json: String) -> HttpResponse {
    HttpResponse::Created().content_type("application/json").body(json)
}
