//! Assessments (penilaian): the penilai rates, the server computes the predikat; the flow is in
//! `flow`, calibration and reports in `calibration`.

pub mod calibration;
pub mod evidence;
pub mod flow;

use crate::error::{ApiError, ApiResult};
use crate::policy::Viewer;
use crate::routes::list::{page, respond, PageQuery};
use crate::services::assessments::{self as svc, ListQuery};
use crate::state::AppState;
use actix_web::{get, post, put, web, HttpRequest, HttpResponse};
use kinerja_domain::{AssessmentAction, AssessmentStatus};
use kinerja_types::{Assessment, NewAssessment, Page, Problem};
use serde::Deserialize;
use utoipa::IntoParams;
use validator::Validate;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.configure(flow::configure)
        .configure(calibration::configure)
        .configure(evidence::configure)
        .service(list_assessments)
        .service(create_assessment)
        .service(get_assessment)
        .service(update_assessment);
}

/// Filters of the assessment list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AssessmentFilter {
    pub employee_id: Option<i64>,
    /// Only those rated by this penilai.
    pub penilai_id: Option<i64>,
    pub unit_id: Option<i64>,
    pub period: Option<String>,
    pub status: Option<AssessmentStatus>,
    /// Only objections waiting for the caller's decision.
    pub to_decide: Option<bool>,
}

/// Assessments the caller may see; JSON or CSV.
#[utoipa::path(tag = "assessments", security(("bearer" = [])), params(AssessmentFilter, PageQuery),
    responses((status = 200, body = Page<Assessment>), (status = 401, body = Problem)))]
#[get("/assessments")]
pub async fn list_assessments(
    req: HttpRequest,
    state: web::Data<AppState>,
    viewer: Viewer,
    filter: web::Query<AssessmentFilter>,
    paging: web::Query<PageQuery>,
) -> ApiResult<HttpResponse> {
    let query = ListQuery {
        employee_id: filter.employee_id,
        penilai_id: filter.penilai_id,
        unit_id: filter.unit_id,
        period: filter.period.as_deref(),
        status: filter.status,
        to_decide: filter.to_decide.unwrap_or(false),
    };
    let settings = state.settings().await?;
    let (items, total) = svc::list(&state.db, &viewer, &query, &settings, paging.offset(), paging.per_page()).await?;
    respond(&req, &paging, page(items, total, &paging), "penilaian")
}

/// Rates a direct subordinate for a period (the penilai). The predikat follows from the matrix and
/// cannot be set directly. One assessment per employee and period.
#[utoipa::path(tag = "assessments", security(("bearer" = [])), request_body = NewAssessment,
    responses((status = 201, body = Assessment), (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
#[post("/assessments")]
pub async fn create_assessment(
    state: web::Data<AppState>,
    viewer: Viewer,
    body: web::Json<NewAssessment>,
) -> ApiResult<HttpResponse> {
    body.validate()?;
    let txn = crate::db::begin(&state.db).await?;
    let scope = viewer.scope();
    let e = crate::services::people::find_visible(&txn, scope, body.employee_id).await?;
    let Some(me) = viewer.employee_id.filter(|me| e.supervisor_id == Some(*me)) else {
        return Err(ApiError::Forbidden("penilaian diberikan oleh pejabat penilai (atasan langsung)".into()));
    };
    let settings = state.settings().await?;
    let period = svc::check_period(&body.period, &settings)?;
    let out = svc::create(&txn, &viewer.actor(), me, &e, period, &body, &settings).await?;
    txn.commit().await?;
    Ok(HttpResponse::Created().json(out))
}

/// One assessment (the employee, the penilai chain, heads, admin, auditor).
#[utoipa::path(tag = "assessments", security(("bearer" = [])), params(("id" = i64, Path)),
    responses((status = 200, body = Assessment), (status = 404, body = Problem)))]
#[get("/assessments/{id}")]
pub async fn get_assessment(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<i64>,
) -> ApiResult<web::Json<Assessment>> {
    let settings = state.settings().await?;
    Ok(web::Json(svc::one(&state.db, &viewer, id.into_inner(), &settings).await?))
}

/// Changes the ratings and notes (the penilai, while draft).
#[utoipa::path(tag = "assessments", security(("bearer" = [])), params(("id" = i64, Path)), request_body = NewAssessment,
    responses((status = 200, body = Assessment), (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem)))]
#[put("/assessments/{id}")]
pub async fn update_assessment(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<i64>,
    body: web::Json<NewAssessment>,
) -> ApiResult<web::Json<Assessment>> {
    body.validate()?;
    let txn = crate::db::begin(&state.db).await?;
    let (a, e) = svc::find_visible(&txn, &viewer, id.into_inner()).await?;
    if viewer.employee_id != Some(a.penilai_id) {
        return Err(ApiError::Forbidden("hanya pejabat penilai yang mengubah penilaian".into()));
    }
    svc::status(&a).apply(AssessmentAction::Edit).map_err(ApiError::Conflict)?;
    let settings = state.settings().await?;
    let out = svc::update(&txn, &viewer.actor(), a, &e.name, &body, &settings).await?;
    txn.commit().await?;
    Ok(web::Json(out))
}
