//! Development plans: made by the direct supervisor (or an admin) for an employee, mandatory after a
//! predikat of Butuh Perbaikan or worse and suggested from the largest gaps; trainings planned in
//! them and completed with evidence by the employee or the supervisor.

use crate::error::{ApiError, ApiResult};
use crate::policy::{Capability, Viewer};
use crate::routes::list::{page, PageQuery};
use crate::services::competency::plans;
use crate::services::people::find_visible;
use crate::state::AppState;
use actix_web::{get, patch, post, web, HttpResponse};
use kinerja_types::{
    DevelopmentPlan, DevelopmentPlanPatch, NewDevelopmentPlan, NewTraining, Page, Problem, Training, TrainingPatch,
};
use validator::Validate;

/// Whether the viewer may shape the plans of an employee with this direct supervisor: the
/// supervisor or an admin (never a system token).
fn may_plan(viewer: &Viewer, supervisor_id: Option<i64>) -> bool {
    viewer.may(Capability::PlanDevelopment { supervisor_id })
}

/// The development plans of an employee, newest first (whoever sees the employee).
#[utoipa::path(tag = "competencies", security(("bearer" = [])), params(("id" = i64, Path), PageQuery),
    responses((status = 200, body = Page<DevelopmentPlan>), (status = 404, body = Problem)))]
#[get("/employees/{id}/development-plans")]
pub async fn list_plans(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<i64>,
    paging: web::Query<PageQuery>,
) -> ApiResult<web::Json<Page<DevelopmentPlan>>> {
    let e = find_visible(&state.db, viewer.scope(), id.into_inner()).await?;
    let (items, total) = plans::list(&state.db, e.id, paging.offset(), paging.per_page()).await?;
    Ok(web::Json(page(items, total, &paging)))
}

/// Makes a development plan (the direct supervisor or an admin). It is mandatory when the latest
/// predikat is Butuh Perbaikan or worse; without a focus it addresses the largest gaps. One open
/// plan (draft or active) per employee and year. The employee is notified.
#[utoipa::path(tag = "competencies", security(("bearer" = [])), params(("id" = i64, Path)), request_body = NewDevelopmentPlan,
    responses((status = 201, body = DevelopmentPlan), (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
#[post("/employees/{id}/development-plans")]
pub async fn create_plan(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<i64>,
    body: web::Json<NewDevelopmentPlan>,
) -> ApiResult<HttpResponse> {
    body.validate()?;
    let txn = crate::db::begin(&state.db).await?;
    let e = find_visible(&txn, viewer.scope(), id.into_inner()).await?;
    if !may_plan(&viewer, e.supervisor_id) {
        return Err(ApiError::Forbidden("rencana pengembangan dibuat oleh atasan langsung atau admin".into()));
    }
    crate::routes::list::check_year("year", body.year)?;
    let out = plans::create(&txn, &viewer.actor(), viewer.user_id, &e, &body).await?;
    txn.commit().await?;
    Ok(HttpResponse::Created().json(out))
}

/// Changes a plan's goals or status (the direct supervisor or an admin): draft → active →
/// completed (with at least one completed training) or cancelled. A closed plan is final.
#[utoipa::path(tag = "competencies", security(("bearer" = [])), params(("id" = i64, Path)), request_body = DevelopmentPlanPatch,
    responses((status = 200, body = DevelopmentPlan), (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
#[patch("/development-plans/{id}")]
pub async fn update_plan(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<i64>,
    body: web::Json<DevelopmentPlanPatch>,
) -> ApiResult<web::Json<DevelopmentPlan>> {
    body.validate()?;
    let txn = crate::db::begin(&state.db).await?;
    let (plan, e) = plans::find_visible(&txn, &viewer, id.into_inner()).await?;
    if !may_plan(&viewer, e.supervisor_id) {
        return Err(ApiError::Forbidden("rencana pengembangan diubah oleh atasan langsung atau admin".into()));
    }
    let after = plans::update(&txn, &viewer.actor(), plan, &body).await?;
    txn.commit().await?;
    Ok(web::Json(after))
}

/// Adds a training to an open plan (the direct supervisor or an admin).
#[utoipa::path(tag = "competencies", security(("bearer" = [])), params(("id" = i64, Path)), request_body = NewTraining,
    responses((status = 201, body = Training), (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
#[post("/development-plans/{id}/trainings")]
pub async fn add_training(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<i64>,
    body: web::Json<NewTraining>,
) -> ApiResult<HttpResponse> {
    body.validate()?;
    let txn = crate::db::begin(&state.db).await?;
    let (plan, e) = plans::find_visible(&txn, &viewer, id.into_inner()).await?;
    if !may_plan(&viewer, e.supervisor_id) {
        return Err(ApiError::Forbidden("pelatihan direncanakan oleh atasan langsung atau admin".into()));
    }
    let out = plans::add_training(&txn, &viewer.actor(), &plan, e.id, &body).await?;
    txn.commit().await?;
    Ok(HttpResponse::Created().json(out))
}

/// Completes a planned training with its evidence (certificate number or note), or cancels it: the
/// employee, the direct supervisor or an admin. Completion counts towards the year's JP.
#[utoipa::path(tag = "competencies", security(("bearer" = [])), params(("id" = i64, Path)), request_body = TrainingPatch,
    responses((status = 200, body = Training), (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
#[patch("/trainings/{id}")]
pub async fn update_training(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<i64>,
    body: web::Json<TrainingPatch>,
) -> ApiResult<web::Json<Training>> {
    body.validate()?;
    let txn = crate::db::begin(&state.db).await?;
    let t = plans::training(&txn, id.into_inner()).await?;
    let e = find_visible(&txn, viewer.scope(), t.employee_id).await?;
    if !(may_plan(&viewer, e.supervisor_id) || (viewer.token_id.is_none() && viewer.employee_id == Some(e.id))) {
        return Err(ApiError::Forbidden("pelatihan diperbarui oleh pegawai, atasan langsung atau admin".into()));
    }
    let after = plans::finish_training(&txn, &viewer.actor(), t, &body).await?;
    txn.commit().await?;
    Ok(web::Json(after))
}
