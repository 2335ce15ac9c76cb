//! The Tim Penilai Kinerja: formed by an admin with members and the units it oversees; its members
//! list the assessments in their scope.

use crate::error::{ApiError, ApiResult};
use crate::policy::{Capability, Viewer};
use crate::routes::list::{page, PageQuery};
use crate::routes::reports::parse_period;
use crate::services::evaluation::teams;
use crate::state::AppState;
use actix_web::{get, post, put, web, HttpResponse};
use kinerja_types::{EvaluationTeam, NewEvaluationTeam, Page, Problem, TeamAssessment};
use serde::Deserialize;
use utoipa::IntoParams;
use validator::Validate;

/// Evaluation teams: every team for admins and auditors, one's own teams for anyone else.
#[utoipa::path(tag = "oversight", security(("bearer" = [])),
    params(PageQuery), responses((status = 200, body = Page<EvaluationTeam>), (status = 401, body = Problem)))]
#[get("/evaluation-teams")]
pub async fn list_teams(
    state: web::Data<AppState>,
    viewer: Viewer,
    paging: web::Query<PageQuery>,
) -> ApiResult<web::Json<Page<EvaluationTeam>>> {
    let db = &state.db;
    let (items, total) = teams::list(db, &viewer, paging.offset(), paging.per_page()).await?;
    Ok(web::Json(page(items, total, &paging)))
}

/// Forms an evaluation team (admin).
#[utoipa::path(tag = "oversight", security(("bearer" = [])), request_body = NewEvaluationTeam,
    responses((status = 201, body = EvaluationTeam), (status = 403, body = Problem), (status = 422, body = Problem)))]
#[post("/evaluation-teams")]
pub async fn create_team(
    state: web::Data<AppState>,
    viewer: Viewer,
    body: web::Json<NewEvaluationTeam>,
) -> ApiResult<HttpResponse> {
    viewer.require(Capability::Administer)?;
    body.validate()?;
    let txn = crate::db::begin(&state.db).await?;
    let out = teams::create(&txn, &viewer.actor(), &body).await?;
    txn.commit().await?;
    state.org_changed();
    Ok(HttpResponse::Created().json(out))
}

/// Changes a team's name, decree, members, units, or retires it (admin).
#[utoipa::path(tag = "oversight", security(("bearer" = [])), params(("id" = i64, Path)), request_body = NewEvaluationTeam,
    responses((status = 200, body = EvaluationTeam), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
#[put("/evaluation-teams/{id}")]
pub async fn update_team(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<i64>,
    body: web::Json<NewEvaluationTeam>,
) -> ApiResult<web::Json<EvaluationTeam>> {
    viewer.require(Capability::Administer)?;
    let txn = crate::db::begin(&state.db).await?;
    let current = teams::find(&txn, id.into_inner()).await?;
    body.validate()?;
    let out = teams::update(&txn, &viewer.actor(), current, &body).await?;
    txn.commit().await?;
    state.org_changed();
    Ok(web::Json(out))
}

/// Which assessments of a team's scope.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct TeamAssessmentQuery {
    /// Only this rating period (`2026`, `2026-Q3`, `2026-07`).
    pub period: Option<String>,
}

/// The finalized assessments in a team's scope, newest period first (its members, admin, auditor).
/// Drafts stay with the penilai until finalized.
#[utoipa::path(tag = "oversight", security(("bearer" = [])), params(("id" = i64, Path), TeamAssessmentQuery, PageQuery),
    responses((status = 200, body = Page<TeamAssessment>), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
#[get("/evaluation-teams/{id}/assessments")]
pub async fn team_assessments(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<i64>,
    q: web::Query<TeamAssessmentQuery>,
    paging: web::Query<PageQuery>,
) -> ApiResult<web::Json<Page<TeamAssessment>>> {
    let db = &state.db;
    let team = teams::find(db, id.into_inner()).await?;
    let members = teams::members(db, &team).await?;
    let member = viewer.token_id.is_none() && viewer.employee_id.is_some_and(|me| members.contains(&me));
    if !member && !viewer.reads_city() {
        return Err(ApiError::NotFound);
    }
    if !team.active && !viewer.reads_city() {
        return Err(ApiError::Forbidden("tim ini sudah tidak aktif".into()));
    }
    let period = q.period.as_deref().map(str::trim).filter(|p| !p.is_empty()).map(parse_period).transpose()?;
    let (items, total) = teams::assessments(db, &team, period, paging.offset(), paging.per_page()).await?;
    Ok(web::Json(page(items, total, &paging)))
}
