//! Messages outside the app, for the admin: the delivery log and a test message.

use crate::error::ApiResult;
use crate::policy::{Capability, Viewer};
use crate::routes::list::{page, respond, PageQuery};
use crate::services::deliveries;
use crate::state::AppState;
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use kinerja_types::{Delivery, Problem, TestDelivery};
use validator::Validate;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(list_deliveries).service(test_delivery);
}

/// The delivery log, newest first (admin): each message's event, channel, masked recipient,
/// status, attempts and last error; JSON, CSV or XLSX.
#[utoipa::path(tag = "deliveries", security(("bearer" = [])), params(PageQuery),
    responses((status = 200, body = kinerja_types::Page<Delivery>), (status = 403, body = Problem)))]
#[get("/deliveries")]
pub async fn list_deliveries(
    req: HttpRequest,
    state: web::Data<AppState>,
    viewer: Viewer,
    paging: web::Query<PageQuery>,
) -> ApiResult<HttpResponse> {
    viewer.require(Capability::Administer)?;
    let (rows, total) = deliveries::list(&state.db, paging.offset(), paging.per_page()).await?;
    respond(&req, &paging, page(rows, total, &paging), "pengiriman")
}

/// Queues a test message to an e-mail address or a WhatsApp number (admin); 422 when the address
/// is neither or its channel is not configured. The log row shows how it went.
#[utoipa::path(tag = "deliveries", security(("bearer" = [])), request_body = TestDelivery,
    responses((status = 202, body = Delivery), (status = 403, body = Problem), (status = 422, body = Problem)))]
#[post("/deliveries/test")]
pub async fn test_delivery(
    state: web::Data<AppState>,
    viewer: Viewer,
    body: web::Json<TestDelivery>,
) -> ApiResult<HttpResponse> {
    viewer.require(Capability::Administer)?;
    body.validate()?;
    let queued = deliveries::test(&state.db, &body.to, &state.channels.names()).await?;
    Ok(HttpResponse::Accepted().json(queued))
}
