//! Liveness and readiness.

use crate::error::ApiError;
use crate::state::AppState;
use actix_web::{get, web, HttpResponse};
use serde::Serialize;
use utoipa::ToSchema;

/// Process status.
#[derive(Serialize, ToSchema)]
pub struct Health {
    /// `ok`, or `unavailable` on /ready when the database does not answer.
    pub status: String,
    /// On /ready: messages in the outbox not yet sent (nor given up).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outbox_pending: Option<u64>,
    /// On /ready, when a read replica is configured: `up` while heavy reads go to it, `down` while
    /// they go to the primary.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub read_replica: Option<String>,
}

/// The process runs.
#[utoipa::path(tag = "health", responses((status = 200, body = Health)))]
#[get("/health")]
pub async fn health() -> HttpResponse {
    HttpResponse::Ok().json(Health { status: "ok".into(), outbox_pending: None, read_replica: None })
}

/// The database answers; with the outbox's depth and the read replica's state.
#[utoipa::path(tag = "health", responses((status = 200, body = Health), (status = 503, body = kinerja_types::Problem)))]
#[get("/ready")]
pub async fn ready(state: web::Data<AppState>) -> Result<HttpResponse, ApiError> {
    if crate::db::ping(&state.db).await {
        let pending = crate::delivery::outbox::depth(&state.db).await?;
        let read_replica = state.reads.replica_up().map(|up| if up { "up" } else { "down" }.to_owned());
        Ok(HttpResponse::Ok().json(Health { status: "ok".into(), outbox_pending: Some(pending), read_replica }))
    } else {
        Err(ApiError::Unavailable)
    }
}
