//! The complaint queue for staff: the unit's operators and heads and admins handle them; auditors
//! read; an employee's penilai sees the complaints naming that employee, without the contact.
//! Overdue ones (working-day deadlines) come first.

use crate::error::ApiResult;
use crate::policy::Viewer;
use crate::routes::list::{page, PageQuery};
use crate::services::complaints::{self, QueueFilter};
use crate::state::AppState;
use actix_web::{get, post, web};
use kinerja_domain::ComplaintStatus;
use kinerja_types::{Complaint, ComplaintEvent, ComplaintPostponement, ComplaintTransition, Page, Problem};
use serde::Deserialize;
use utoipa::IntoParams;
use validator::Validate;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(list_complaints).service(get_complaint).service(history).service(transition).service(postpone);
}

/// Filters of the complaint queue.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ComplaintFilter {
    pub unit_id: Option<i64>,
    pub status: Option<ComplaintStatus>,
    /// Complaints naming this employee (for their penilai).
    pub employee_id: Option<i64>,
    /// Only overdue ones.
    pub overdue: Option<bool>,
}

/// Complaints the caller may see, overdue first, then by deadline, then newest.
#[utoipa::path(tag = "complaints", security(("bearer" = [])), params(ComplaintFilter, PageQuery),
    responses((status = 200, body = Page<Complaint>), (status = 401, body = Problem)))]
#[get("/complaints")]
pub async fn list_complaints(
    state: web::Data<AppState>,
    viewer: Viewer,
    filter: web::Query<ComplaintFilter>,
    paging: web::Query<PageQuery>,
) -> ApiResult<web::Json<Page<Complaint>>> {
    let acc = complaints::access(&state.db, &viewer).await?;
    let settings = state.settings().await?;
    let filter = QueueFilter {
        unit_id: filter.unit_id,
        status: filter.status,
        employee_id: filter.employee_id,
        overdue_only: filter.overdue.unwrap_or(false),
    };
    let (items, total) =
        complaints::queue(&state.db, &viewer, &acc, &settings, &filter, paging.offset(), paging.per_page()).await?;
    Ok(web::Json(page(items, total, &paging)))
}

/// One complaint.
#[utoipa::path(tag = "complaints", security(("bearer" = [])), params(("id" = i64, Path)),
    responses((status = 200, body = Complaint), (status = 404, body = Problem)))]
#[get("/complaints/{id}")]
pub async fn get_complaint(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<i64>,
) -> ApiResult<web::Json<Complaint>> {
    let (c, acc) = complaints::find_readable(&state.db, &viewer, id.into_inner()).await?;
    let s = state.settings().await?;
    let days = complaints::unit_days(&state.db, &s, &c).await?;
    Ok(web::Json(complaints::to_wire(&c, acc.handles(&c, &viewer), &s, &days)))
}

/// Moves a complaint along its workflow (the unit's operators and heads, admins): `verified` needs
/// its `class` (which sets the follow-up deadline), `rejected` a reason in `note`, `referred` the
/// unit or agency in `referred_to`, `dispositioned` a `unit_id`, `responded` a `public_response`.
#[utoipa::path(tag = "complaints", security(("bearer" = [])), params(("id" = i64, Path)), request_body = ComplaintTransition,
    responses((status = 200, body = Complaint), (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
#[post("/complaints/{id}/transition")]
pub async fn transition(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<i64>,
    body: web::Json<ComplaintTransition>,
) -> ApiResult<web::Json<Complaint>> {
    body.validate()?;
    let txn = crate::db::begin(&state.db).await?;
    let c = complaints::find_handled(&txn, &viewer, id.into_inner()).await?;
    let s = state.settings().await?;
    let out = complaints::transition(&txn, &viewer, c, &body, &s).await?;
    txn.commit().await?;
    Ok(web::Json(out))
}

/// Postpones the follow-up of a dispositioned complaint (tunda) to a new date with a reason; the
/// citizen sees both on the tracking page.
#[utoipa::path(tag = "complaints", security(("bearer" = [])), params(("id" = i64, Path)), request_body = ComplaintPostponement,
    responses((status = 200, body = Complaint), (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
#[post("/complaints/{id}/postpone")]
pub async fn postpone(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<i64>,
    body: web::Json<ComplaintPostponement>,
) -> ApiResult<web::Json<Complaint>> {
    body.validate()?;
    let txn = crate::db::begin(&state.db).await?;
    let c = complaints::find_handled(&txn, &viewer, id.into_inner()).await?;
    let s = state.settings().await?;
    let out = complaints::postpone(&txn, &viewer, c, &body, &s).await?;
    txn.commit().await?;
    Ok(web::Json(out))
}

/// Every step of a complaint, oldest first.
#[utoipa::path(tag = "complaints", security(("bearer" = [])), params(("id" = i64, Path), PageQuery),
    responses((status = 200, body = Page<ComplaintEvent>), (status = 404, body = Problem)))]
#[get("/complaints/{id}/history")]
pub async fn history(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<i64>,
    paging: web::Query<PageQuery>,
) -> ApiResult<web::Json<Page<ComplaintEvent>>> {
    let (c, _) = complaints::find_readable(&state.db, &viewer, id.into_inner()).await?;
    let (items, total) = complaints::history(&state.db, c.id, paging.offset(), paging.per_page()).await?;
    Ok(web::Json(page(items, total, &paging)))
}
