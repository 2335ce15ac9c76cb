//! Verification: the owner submits, the penilai approves or rejects with a note, one by one or
//! many at once (all or nothing).

use crate::error::ApiResult;
use crate::policy::Viewer;
use crate::services::activity::{self, verify};
use crate::state::AppState;
use actix_web::{post, web};
use kinerja_domain::ActivityAction;
use kinerja_types::{Activity, BulkApprove, BulkApproveResult, Problem, RejectRequest, UndoApprovalResult};
use validator::Validate;

pub fn configure(cfg: &mut web::ServiceConfig) {
    // Before `/activities/{id}` routes of the parent module.
    cfg.service(bulk_approve).service(undo_approval).service(submit).service(approve).service(reject);
}

/// Submits an activity for verification (owner, draft or rejected).
#[utoipa::path(tag = "activities", security(("bearer" = [])), params(("id" = i64, Path)),
    responses((status = 200, body = Activity), (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem)))]
#[post("/activities/{id}/submit")]
pub async fn submit(state: web::Data<AppState>, viewer: Viewer, id: web::Path<i64>) -> ApiResult<web::Json<Activity>> {
    let txn = crate::db::begin(&state.db).await?;
    let a = activity::find_visible(&txn, &viewer, id.into_inner()).await?;
    activity::require_owner(&viewer, &a)?;
    let next = activity::next(&a, ActivityAction::Submit)?;
    let out = verify::submit(&txn, &viewer, a, next).await?;
    txn.commit().await?;
    Ok(web::Json(out))
}

/// Approves a submitted activity (its penilai).
#[utoipa::path(tag = "activities", security(("bearer" = [])), params(("id" = i64, Path)),
    responses((status = 200, body = Activity), (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem)))]
#[post("/activities/{id}/approve")]
pub async fn approve(state: web::Data<AppState>, viewer: Viewer, id: web::Path<i64>) -> ApiResult<web::Json<Activity>> {
    let txn = crate::db::begin(&state.db).await?;
    let a = activity::find_visible(&txn, &viewer, id.into_inner()).await?;
    activity::require_penilai(&viewer, &a)?;
    let next = activity::next(&a, ActivityAction::Approve)?;
    let out = verify::approve(&txn, &viewer, a, next).await?;
    txn.commit().await?;
    Ok(web::Json(out))
}

/// Rejects a submitted activity with a note (its penilai); the owner can correct and resubmit it.
#[utoipa::path(tag = "activities", security(("bearer" = [])), params(("id" = i64, Path)), request_body = RejectRequest,
    responses((status = 200, body = Activity), (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
#[post("/activities/{id}/reject")]
pub async fn reject(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<i64>,
    body: web::Json<RejectRequest>,
) -> ApiResult<web::Json<Activity>> {
    let txn = crate::db::begin(&state.db).await?;
    let a = activity::find_visible(&txn, &viewer, id.into_inner()).await?;
    activity::require_penilai(&viewer, &a)?;
    let next = activity::next(&a, ActivityAction::Reject)?;
    body.validate()?;
    let out = verify::reject(&txn, &viewer, a, next, &body.note).await?;
    txn.commit().await?;
    Ok(web::Json(out))
}

/// Approves many submitted activities at once (their penilai). All or nothing: if any id may not
/// be approved by the caller, nothing is, and the answer lists those ids with the reason.
#[utoipa::path(tag = "activities", security(("bearer" = [])), request_body = BulkApprove,
    responses((status = 200, body = BulkApproveResult), (status = 403, body = Problem), (status = 422, body = Problem)))]
#[post("/activities/bulk-approve")]
pub async fn bulk_approve(
    state: web::Data<AppState>,
    viewer: Viewer,
    body: web::Json<BulkApprove>,
) -> ApiResult<web::Json<BulkApproveResult>> {
    body.validate()?;
    let txn = crate::db::begin(&state.db).await?;
    let result = verify::bulk_approve(&txn, &viewer, &body.ids).await?;
    txn.commit().await?;
    Ok(web::Json(result))
}

/// Takes back the caller's own approvals of the last two minutes (the "Batalkan" after an
/// approval): the activities wait in the queue again. All or nothing, like the bulk approval; the
/// refused ids are listed with the reason (422).
#[utoipa::path(tag = "activities", security(("bearer" = [])), request_body = BulkApprove,
    responses((status = 200, body = UndoApprovalResult), (status = 403, body = Problem), (status = 422, body = Problem)))]
#[post("/activities/undo-approval")]
pub async fn undo_approval(
    state: web::Data<AppState>,
    viewer: Viewer,
    body: web::Json<BulkApprove>,
) -> ApiResult<web::Json<UndoApprovalResult>> {
    body.validate()?;
    let txn = crate::db::begin(&state.db).await?;
    let result = verify::undo_approval(&txn, &viewer, &body.ids).await?;
    txn.commit().await?;
    Ok(web::Json(result))
}
