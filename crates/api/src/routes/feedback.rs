//! Continuous feedback (umpan balik berkelanjutan) and performance dialogues (dialog kinerja):
//! the penilai writes to an employee at any time; the employee replies; both are notified.

use crate::error::{ApiError, ApiResult};
use crate::policy::Viewer;
use crate::routes::list::{page, PageQuery};
use crate::services::feedback::{self as svc, subject};
use crate::state::AppState;
use actix_web::{get, post, web, HttpResponse};
use kinerja_types::{Dialog, Feedback, NewDialog, NewFeedback, Page, Problem};
use serde::Deserialize;
use utoipa::IntoParams;
use validator::Validate;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(list_feedback).service(create_feedback).service(list_dialogs).service(create_dialog);
}

/// Whose thread.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct EmployeeQuery {
    /// The employee (default: the caller).
    pub employee_id: Option<i64>,
}

/// The feedback thread of an employee, oldest first (the employee, the penilai chain, heads,
/// admin, auditor).
#[utoipa::path(tag = "feedback", security(("bearer" = [])), params(EmployeeQuery, PageQuery),
    responses((status = 200, body = Page<Feedback>), (status = 404, body = Problem)))]
#[get("/feedback")]
pub async fn list_feedback(
    state: web::Data<AppState>,
    viewer: Viewer,
    q: web::Query<EmployeeQuery>,
    paging: web::Query<PageQuery>,
) -> ApiResult<web::Json<Page<Feedback>>> {
    let e = subject(&state.db, &viewer, q.employee_id).await?;
    let (items, total) = svc::list(&state.db, e.id, paging.offset(), paging.per_page()).await?;
    Ok(web::Json(page(items, total, &paging)))
}

/// Writes feedback: the direct supervisor to an employee, or a reply (`parent_id`) by the employee
/// or that supervisor. The other party is notified.
#[utoipa::path(tag = "feedback", security(("bearer" = [])), request_body = NewFeedback,
    responses((status = 201, body = Feedback), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
#[post("/feedback")]
pub async fn create_feedback(
    state: web::Data<AppState>,
    viewer: Viewer,
    body: web::Json<NewFeedback>,
) -> ApiResult<HttpResponse> {
    body.validate()?;
    let txn = crate::db::begin(&state.db).await?;
    let e = subject(&txn, &viewer, Some(body.employee_id)).await?;
    let is_supervisor = viewer.supervises(&e);
    let is_self = viewer.employee_id == Some(e.id);
    if let Some(parent) = body.parent_id {
        svc::check_parent(&txn, parent, e.id).await?;
        if !(is_self || is_supervisor) {
            return Err(ApiError::Forbidden("hanya pegawai dan pejabat penilainya yang dapat membalas".into()));
        }
    } else if !is_supervisor {
        return Err(ApiError::Forbidden("umpan balik ditulis oleh pejabat penilai (atasan langsung)".into()));
    }
    let out = svc::create(&txn, &viewer, &e, is_self, &body).await?;
    txn.commit().await?;
    Ok(HttpResponse::Created().json(out))
}

/// Performance dialogues with an employee, newest first (visible to both and to those above).
#[utoipa::path(tag = "feedback", security(("bearer" = [])), params(EmployeeQuery, PageQuery),
    responses((status = 200, body = Page<Dialog>), (status = 404, body = Problem)))]
#[get("/dialogs")]
pub async fn list_dialogs(
    state: web::Data<AppState>,
    viewer: Viewer,
    q: web::Query<EmployeeQuery>,
    paging: web::Query<PageQuery>,
) -> ApiResult<web::Json<Page<Dialog>>> {
    let e = subject(&state.db, &viewer, q.employee_id).await?;
    let (items, total) = svc::dialogs(&state.db, e.id, paging.offset(), paging.per_page()).await?;
    Ok(web::Json(page(items, total, &paging)))
}

/// Records a performance dialogue (the direct supervisor): dated notes and agreed follow-ups.
#[utoipa::path(tag = "feedback", security(("bearer" = [])), request_body = NewDialog,
    responses((status = 201, body = Dialog), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
#[post("/dialogs")]
pub async fn create_dialog(
    state: web::Data<AppState>,
    viewer: Viewer,
    body: web::Json<NewDialog>,
) -> ApiResult<HttpResponse> {
    body.validate()?;
    let txn = crate::db::begin(&state.db).await?;
    let e = subject(&txn, &viewer, Some(body.employee_id)).await?;
    let Some(me) = viewer.employee_id.filter(|me| e.supervisor_id == Some(*me)) else {
        return Err(ApiError::Forbidden("dialog kinerja dicatat oleh pejabat penilai (atasan langsung)".into()));
    };
    let out = svc::add_dialog(&txn, &viewer, e.id, me, &body).await?;
    txn.commit().await?;
    Ok(HttpResponse::Created().json(out))
}
