//! The SKP flow: submit (owner), approve or return (penilai), revise (owner, after approval).
//! Every step is audited and notifies the other party.

use crate::error::ApiResult;
use crate::policy::Viewer;
use crate::services::skp::{self as svc, flow};
use crate::state::AppState;
use actix_web::{post, web, HttpResponse};
use kinerja_domain::SkpAction;
use kinerja_types::{Problem, ReturnRequest, Skp};
use validator::Validate;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(submit).service(approve).service(return_skp).service(revise);
}

/// Submits the SKP to the penilai (owner; draft or returned; at least one RHK).
#[utoipa::path(tag = "skp", security(("bearer" = [])), params(("id" = i64, Path)),
    responses((status = 200, body = Skp), (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
#[post("/skps/{id}/submit")]
pub async fn submit(state: web::Data<AppState>, viewer: Viewer, id: web::Path<i64>) -> ApiResult<web::Json<Skp>> {
    let txn = crate::db::begin(&state.db).await?;
    let skp = svc::find_visible(&txn, &viewer, id.into_inner()).await?;
    svc::require_owner(&viewer, &skp)?;
    let status = svc::next(&skp, SkpAction::Submit)?;
    let wire = flow::submit(&txn, &viewer.actor(), skp, status).await?;
    txn.commit().await?;
    Ok(web::Json(wire))
}

/// Approves (ditetapkan) a submitted SKP: its penilai, or an admin when it has none (recorded).
/// An approved SKP is locked; an earlier revision it replaces is marked superseded.
#[utoipa::path(tag = "skp", security(("bearer" = [])), params(("id" = i64, Path)),
    responses((status = 200, body = Skp), (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem)))]
#[post("/skps/{id}/approve")]
pub async fn approve(state: web::Data<AppState>, viewer: Viewer, id: web::Path<i64>) -> ApiResult<web::Json<Skp>> {
    let txn = crate::db::begin(&state.db).await?;
    let skp = svc::find_visible(&txn, &viewer, id.into_inner()).await?;
    let acting_admin = svc::penilai_role(&viewer, &skp)?;
    let status = svc::next(&skp, SkpAction::Approve)?;
    let wire = flow::approve(&txn, &viewer, skp, status, acting_admin).await?;
    txn.commit().await?;
    Ok(web::Json(wire))
}

/// Returns a submitted SKP to its owner with a reason (penilai).
#[utoipa::path(tag = "skp", security(("bearer" = [])), params(("id" = i64, Path)), request_body = ReturnRequest,
    responses((status = 200, body = Skp), (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
#[post("/skps/{id}/return")]
pub async fn return_skp(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<i64>,
    body: web::Json<ReturnRequest>,
) -> ApiResult<web::Json<Skp>> {
    let txn = crate::db::begin(&state.db).await?;
    let skp = svc::find_visible(&txn, &viewer, id.into_inner()).await?;
    svc::penilai_role(&viewer, &skp)?;
    let status = svc::next(&skp, SkpAction::Return)?;
    body.validate()?;
    let wire = flow::return_to_owner(&txn, &viewer.actor(), skp, status, &body.reason).await?;
    txn.commit().await?;
    Ok(web::Json(wire))
}

/// Starts a new revision of an approved SKP (owner): a draft copy of its RHK, indicators and core
/// values that goes through the same flow. The approved one stays in force and readable until the
/// revision is approved.
#[utoipa::path(tag = "skp", security(("bearer" = [])), params(("id" = i64, Path)),
    responses((status = 201, body = Skp), (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem)))]
#[post("/skps/{id}/revise")]
pub async fn revise(state: web::Data<AppState>, viewer: Viewer, id: web::Path<i64>) -> ApiResult<HttpResponse> {
    let txn = crate::db::begin(&state.db).await?;
    let skp = svc::find_visible(&txn, &viewer, id.into_inner()).await?;
    svc::require_owner(&viewer, &skp)?;
    let wire = flow::revise(&txn, &viewer.actor(), skp).await?;
    txn.commit().await?;
    Ok(HttpResponse::Created().json(wire))
}
