//! Calibration: the organisation predikat a parent unit's head sets, the distribution of predikat in
//! a unit subtree against the expected pattern (warnings, never blocks), and the assessment report.

use crate::error::ApiResult;
use crate::policy::{Capability, Viewer};
use crate::routes::list::PageQuery;
use crate::routes::reports;
use crate::routes::reports::parse_period;
use crate::services::assessments::calibration;
use crate::services::org_tree::unit_subtree;
use crate::services::reports::scope;
use crate::state::AppState;
use actix_web::{get, put, web, HttpRequest, HttpResponse};
use kinerja_types::{AssessmentReportRow, Distribution, OrgPredikatRequest, Page, Problem};
use serde::Deserialize;
use utoipa::IntoParams;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(set_org_predikat).service(distribution).service(report);
}

/// Sets a unit's organisation predikat for a period (the head of the parent unit, or an admin).
#[utoipa::path(tag = "assessments", security(("bearer" = [])), params(("id" = i64, Path)), request_body = OrgPredikatRequest,
    responses((status = 200, body = OrgPredikatRequest), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
#[put("/units/{id}/org-predikat")]
pub async fn set_org_predikat(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<i64>,
    body: web::Json<OrgPredikatRequest>,
) -> ApiResult<web::Json<OrgPredikatRequest>> {
    let period = parse_period(&body.period)?;
    let txn = crate::db::begin(&state.db).await?;
    let unit = crate::services::units::visible(&txn, &viewer, id.into_inner()).await?;
    viewer.require(Capability::SetOrgPredikat(unit.parent_id))?;
    let out =
        calibration::set_org_predikat(&txn, &viewer.actor(), viewer.user_id, unit.id, period, body.predikat).await?;
    txn.commit().await?;
    Ok(web::Json(out))
}

/// The period asked for.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PeriodQuery {
    pub period: String,
}

/// Counts and shares of predikat in the unit's subtree for a period, the organisation predikat and
/// each deviation from its expected distribution in words, and the 3×3 grid of result × behaviour.
#[utoipa::path(tag = "assessments", security(("bearer" = [])), params(("id" = i64, Path), PeriodQuery),
    responses((status = 200, body = Distribution), (status = 403, body = Problem), (status = 404, body = Problem)))]
#[get("/units/{id}/distribution")]
pub async fn distribution(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<i64>,
    q: web::Query<PeriodQuery>,
) -> ApiResult<web::Json<Distribution>> {
    let unit_id = id.into_inner();
    let period = parse_period(&q.period)?;
    crate::services::units::with(&state.db, &viewer, unit_id, Capability::ReadUnit).await?;
    let subtree: Vec<i64> = unit_subtree(&state.db, unit_id).await?.into_iter().collect();
    let patterns = &state.settings().await?.distribution_patterns;
    Ok(web::Json(crate::services::rating::distribution(&state.db, unit_id, &subtree, &period, patterns).await?))
}

/// One row per assessed employee: NIP, name, unit, position, both ratings, predikat, status; JSON or CSV.
#[utoipa::path(tag = "assessments", security(("bearer" = [])), params(reports::ReportQuery, PageQuery),
    responses((status = 200, body = Page<AssessmentReportRow>), (status = 403, body = Problem), (status = 404, body = Problem)))]
#[get("/reports/assessments")]
pub async fn report(
    req: HttpRequest,
    state: web::Data<AppState>,
    viewer: Viewer,
    q: web::Query<reports::ReportQuery>,
    paging: web::Query<PageQuery>,
) -> ApiResult<HttpResponse> {
    let period = parse_period(&q.period)?;
    let units = scope(&state.db, &viewer, q.unit_id).await?;
    let items = calibration::report(&state.db, &period, units).await?;
    reports::answer(&req, &paging, items, &format!("penilaian-{period}"))
}
