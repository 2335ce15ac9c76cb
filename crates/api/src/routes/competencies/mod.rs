//! Competencies and development (PermenPANRB 38/2017): the catalogue and the position standards
//! here; an employee's profile and assessed levels in `profile`, development plans and trainings
//! in `plans`, the unit's gap heat map in `gaps`.

mod gaps;
mod plans;
mod profile;

use crate::error::ApiResult;
use crate::policy::{Capability, Viewer};
use crate::routes::imports::ImportProblem;
use crate::routes::list::{page, page_of, PageQuery};
use crate::services::competency::{catalog, import_standards};
use crate::state::AppState;
use actix_web::{get, post, put, web, HttpRequest, HttpResponse};
use kinerja_types::{Competency, CompetencyInput, ImportReport, Page, PositionStandard, Problem};
use serde::Deserialize;
use utoipa::IntoParams;
use validator::Validate;

pub use gaps::*;
pub use plans::*;
pub use profile::*;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(list_competencies)
        .service(create_competency)
        .service(update_competency)
        .service(list_standards)
        .service(put_standard)
        .service(import_position_standards)
        .service(profile::employee_competencies)
        .service(profile::assess_competency)
        .service(plans::list_plans)
        .service(plans::create_plan)
        .service(plans::update_plan)
        .service(plans::add_training)
        .service(plans::update_training)
        .service(gaps::unit_gaps);
}

/// The competency catalogue (anyone signed in), by kind and code.
#[utoipa::path(tag = "competencies", security(("bearer" = [])), params(PageQuery),
    responses((status = 200, body = Page<Competency>)))]
#[get("/competencies")]
pub async fn list_competencies(
    state: web::Data<AppState>,
    _viewer: Viewer,
    paging: web::Query<PageQuery>,
) -> ApiResult<web::Json<Page<Competency>>> {
    let (items, total) = catalog::list(&state.db, paging.offset(), paging.per_page()).await?;
    Ok(web::Json(page(items, total, &paging)))
}

/// Adds a competency, usually a technical one of the Pemda (admin).
#[utoipa::path(tag = "competencies", security(("bearer" = [])), request_body = CompetencyInput,
    responses((status = 201, body = Competency), (status = 403, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
#[post("/competencies")]
pub async fn create_competency(
    state: web::Data<AppState>,
    viewer: Viewer,
    body: web::Json<CompetencyInput>,
) -> ApiResult<HttpResponse> {
    viewer.require(Capability::Administer)?;
    catalog::check(&body)?;
    let txn = crate::db::begin(&state.db).await?;
    let out = catalog::create(&txn, &viewer.actor(), &body).await?;
    txn.commit().await?;
    Ok(HttpResponse::Created().json(out))
}

/// Edits a competency's texts, kind or whether it is in use (admin). The official descriptions
/// are data: a Pemda may adapt them.
#[utoipa::path(tag = "competencies", security(("bearer" = [])), params(("id" = i64, Path)), request_body = CompetencyInput,
    responses((status = 200, body = Competency), (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
#[put("/competencies/{id}")]
pub async fn update_competency(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<i64>,
    body: web::Json<CompetencyInput>,
) -> ApiResult<web::Json<Competency>> {
    viewer.require(Capability::Administer)?;
    catalog::check(&body)?;
    let txn = crate::db::begin(&state.db).await?;
    let out = catalog::update(&txn, &viewer.actor(), id.into_inner(), &body).await?;
    txn.commit().await?;
    Ok(web::Json(out))
}

/// Which position.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct StandardQuery {
    /// Only this position title (default: every position with requirements).
    pub position_title: Option<String>,
}

/// The required levels per position (anyone signed in).
#[utoipa::path(tag = "competencies", security(("bearer" = [])), params(StandardQuery, PageQuery),
    responses((status = 200, body = Page<PositionStandard>)))]
#[get("/position-standards")]
pub async fn list_standards(
    state: web::Data<AppState>,
    _viewer: Viewer,
    q: web::Query<StandardQuery>,
    paging: web::Query<PageQuery>,
) -> ApiResult<web::Json<Page<PositionStandard>>> {
    let out = catalog::standards(&state.db, q.position_title.as_deref()).await?;
    // Paged by position (a page never splits one position's requirements).
    Ok(web::Json(page_of(out, &paging)))
}

/// Sets every required level of one position at once (admin); an empty list clears it.
#[utoipa::path(tag = "competencies", security(("bearer" = [])), request_body = PositionStandard,
    responses((status = 200, body = PositionStandard), (status = 403, body = Problem), (status = 422, body = Problem)))]
#[put("/position-standards")]
pub async fn put_standard(
    state: web::Data<AppState>,
    viewer: Viewer,
    body: web::Json<PositionStandard>,
) -> ApiResult<web::Json<PositionStandard>> {
    viewer.require(Capability::Administer)?;
    body.validate()?;
    let txn = crate::db::begin(&state.db).await?;
    let out = catalog::put_standard(&txn, &viewer.actor(), &body).await?;
    txn.commit().await?;
    Ok(web::Json(out))
}

/// Imports required levels from CSV (admin): columns `position_title,code,level`; level 0 removes
/// a requirement. All or nothing: a bad line refuses the whole file, listing every bad line.
#[utoipa::path(tag = "competencies", security(("bearer" = [])),
    request_body(content = String, content_type = "text/csv"),
    responses((status = 200, body = ImportReport), (status = 403, body = Problem), (status = 415, body = Problem), (status = 422, body = ImportProblem)))]
#[post("/imports/position-standards")]
pub async fn import_position_standards(
    req: HttpRequest,
    state: web::Data<AppState>,
    viewer: Viewer,
    body: web::Bytes,
) -> ApiResult<HttpResponse> {
    viewer.require(Capability::Administer)?;
    crate::routes::imports::require_csv(&req)?;
    let txn = crate::db::begin(&state.db).await?;
    let result = import_standards(&txn, &body).await;
    if let Ok(report) = &result {
        catalog::record_import(&txn, &viewer.actor(), report).await?;
        txn.commit().await?;
    }
    crate::routes::imports::answer(result)
}
