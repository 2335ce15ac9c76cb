//! Outgoing webhooks (admin BKPSDM): subscribe an address to events, change or remove it, read
//! its delivery log, and replay a delivery the receiver missed.

use crate::error::ApiResult;
use crate::policy::{Capability, Viewer};
use crate::routes::list::{page, PageQuery};
use crate::services::webhooks;
use crate::state::AppState;
use actix_web::{delete, get, patch, post, web, HttpResponse};
use kinerja_types::{Delivery, NewWebhook, Page, Problem, Webhook, WebhookChange};
use validator::Validate;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(list_webhooks)
        .service(create_webhook)
        .service(update_webhook)
        .service(delete_webhook)
        .service(webhook_deliveries)
        .service(replay_delivery);
}

/// The subscriptions, newest first (admin); secrets are never shown.
#[utoipa::path(tag = "webhooks", security(("bearer" = [])), params(PageQuery),
    responses((status = 200, body = Page<Webhook>), (status = 403, body = Problem)))]
#[get("/webhooks")]
pub async fn list_webhooks(
    state: web::Data<AppState>,
    viewer: Viewer,
    paging: web::Query<PageQuery>,
) -> ApiResult<web::Json<Page<Webhook>>> {
    viewer.require(Capability::Administer)?;
    let (rows, total) = webhooks::list(&state.db, paging.offset(), paging.per_page()).await?;
    Ok(web::Json(page(rows, total, &paging)))
}

/// Subscribes an address to events (admin). Each delivery is a JSON event posted with
/// `X-Kinerja-Signature: sha256=<hex HMAC-SHA256 of the body with the secret>`, `X-Kinerja-Event`,
/// `X-Kinerja-Event-Id` (the same on every retry: drop repeats by it) and `X-Kinerja-Delivery`;
/// any 2xx answer counts as received, anything else is retried with back-off.
#[utoipa::path(tag = "webhooks", security(("bearer" = [])), request_body = NewWebhook,
    responses((status = 201, body = Webhook), (status = 403, body = Problem), (status = 422, body = Problem)))]
#[post("/webhooks")]
pub async fn create_webhook(
    state: web::Data<AppState>,
    viewer: Viewer,
    body: web::Json<NewWebhook>,
) -> ApiResult<HttpResponse> {
    viewer.require(Capability::Administer)?;
    body.validate()?;
    let allow_http = state.config.delivery.webhooks_allow_http;
    let txn = crate::db::begin(&state.db).await?;
    let out = webhooks::create(&txn, &viewer.actor(), viewer.user_id, &body, allow_http).await?;
    txn.commit().await?;
    Ok(HttpResponse::Created().json(out))
}

/// Changes a subscription: its address, events, secret, or turns it off and on (admin).
#[utoipa::path(tag = "webhooks", security(("bearer" = [])), params(("id" = i64, Path)), request_body = WebhookChange,
    responses((status = 200, body = Webhook), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
#[patch("/webhooks/{id}")]
pub async fn update_webhook(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<i64>,
    body: web::Json<WebhookChange>,
) -> ApiResult<web::Json<Webhook>> {
    viewer.require(Capability::Administer)?;
    body.validate()?;
    let allow_http = state.config.delivery.webhooks_allow_http;
    let txn = crate::db::begin(&state.db).await?;
    let out = webhooks::update(&txn, &viewer.actor(), id.into_inner(), &body, allow_http).await?;
    txn.commit().await?;
    Ok(web::Json(out))
}

/// Removes a subscription (admin): nothing more is sent to it, deliveries still waiting for it are
/// given up, and its delivery log stays readable. Removing again changes nothing.
#[utoipa::path(tag = "webhooks", security(("bearer" = [])), params(("id" = i64, Path)),
    responses((status = 204), (status = 403, body = Problem), (status = 404, body = Problem)))]
#[delete("/webhooks/{id}")]
pub async fn delete_webhook(state: web::Data<AppState>, viewer: Viewer, id: web::Path<i64>) -> ApiResult<HttpResponse> {
    viewer.require(Capability::Administer)?;
    let txn = crate::db::begin(&state.db).await?;
    webhooks::delete(&txn, &viewer.actor(), id.into_inner()).await?;
    txn.commit().await?;
    Ok(HttpResponse::NoContent().finish())
}

/// The deliveries to one subscription, newest first (admin): event, status, attempts, last error.
#[utoipa::path(tag = "webhooks", security(("bearer" = [])), params(("id" = i64, Path), PageQuery),
    responses((status = 200, body = Page<Delivery>), (status = 403, body = Problem), (status = 404, body = Problem)))]
#[get("/webhooks/{id}/deliveries")]
pub async fn webhook_deliveries(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<i64>,
    paging: web::Query<PageQuery>,
) -> ApiResult<web::Json<Page<Delivery>>> {
    viewer.require(Capability::Administer)?;
    let (rows, total) = webhooks::deliveries(&state.db, id.into_inner(), paging.offset(), paging.per_page()).await?;
    Ok(web::Json(page(rows, total, &paging)))
}

/// Sends a delivery again now, its attempts counted afresh (admin): an event a receiver missed
/// while it was down, or a message given up. 422 `not_replayable` when its content is no longer
/// kept (a sent e-mail or WhatsApp message keeps none; events and given-up messages keep theirs
/// for 30 days) or a worker is sending it this moment.
#[utoipa::path(tag = "deliveries", security(("bearer" = [])), params(("id" = i64, Path)),
    responses((status = 202, body = Delivery), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
#[post("/deliveries/{id}/replay")]
pub async fn replay_delivery(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<i64>,
) -> ApiResult<HttpResponse> {
    viewer.require(Capability::Administer)?;
    let id = id.into_inner();
    let out = crate::services::deliveries::replay(&state.db, &viewer.actor(), id).await?;
    Ok(HttpResponse::Accepted().json(out))
}
