//! `IdempotencyKey` as a handler parameter: the optional `Idempotency-Key` header, checked for
//! form (422 otherwise), with the two steps a handler takes around its change: answer again what
//! was kept, or keep the new answer.

use crate::error::{ApiError, ApiResult};
use crate::services::idempotency::{self as svc, Kept};
use actix_web::http::StatusCode;
use actix_web::{dev::Payload, FromRequest, HttpRequest, HttpResponse};
use kinerja_types::{Invalid, Issue};
use sea_orm::DatabaseTransaction;
use serde::Serialize;
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
    /// The answer kept for this key on `scope`, as a response marked `Idempotent-Replayed: true`;
    /// `None` without a key or on its first use.
    pub async fn replay(
        &self,
        txn: &DatabaseTransaction,
        user_id: i64,
        scope: &str,
        request_hash: &str,
    ) -> ApiResult<Option<HttpResponse>> {
        let Some(key) = &self.0 else { return Ok(None) };
        let Some(kept) = svc::kept(txn, user_id, scope, key, request_hash).await? else {
            return Ok(None);
        };
        let status = StatusCode::from_u16(kept.status).unwrap_or(StatusCode::OK);
        Ok(Some(
            HttpResponse::build(status)
                .content_type("application/json")
                .insert_header((REPLAYED, "true"))
                .body(kept.body),
        ))
    }

    /// Keeps `body` as the answer to this key on `scope` (nothing without a key), and gives the
    /// response.
    pub async fn keep<T: Serialize>(
        &self,
        txn: &DatabaseTransaction,
        user_id: i64,
        scope: &str,
        request_hash: &str,
        status: StatusCode,
        body: &T,
    ) -> ApiResult<HttpResponse> {
        let json = serde_json::to_string(body).map_err(|e| ApiError::Internal(e.into()))?;
        if let Some(key) = &self.0 {
            let kept = Kept { status: status.as_u16(), body: json.clone() };
            svc::keep(txn, user_id, scope, key, request_hash, kept).await?;
        }
        Ok(HttpResponse::build(status).content_type("application/json").body(json))
    }
}
