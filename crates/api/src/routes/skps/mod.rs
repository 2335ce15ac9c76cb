//! SKP: create, read, list, revisions. The flow and the plan's content live in the submodules.

pub mod flow;
pub mod plan;

use crate::error::{ApiError, ApiResult};
use crate::policy::{Capability, Viewer};
use crate::routes::list::{page, respond, PageQuery};
use crate::services::skp::{self as svc, listing};
use crate::state::AppState;
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use kinerja_domain::SkpStatus;
use kinerja_types::Invalid;
use kinerja_types::{NewSkp, Page, Problem, Skp};
use serde::Deserialize;
use utoipa::IntoParams;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(list_skps)
        .service(create_skp)
        .service(get_skp)
        .service(revisions)
        .configure(flow::configure)
        .configure(plan::configure);
}

/// Filters of the SKP list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SkpFilter {
    pub employee_id: Option<i64>,
    pub unit_id: Option<i64>,
    pub year: Option<i32>,
    pub status: Option<SkpStatus>,
    /// Only SKPs waiting for the caller's approval.
    pub for_review: Option<bool>,
    /// Include revisions that a later approved one replaced.
    pub include_superseded: Option<bool>,
}

/// SKPs the caller may see, newest first; JSON or CSV.
#[utoipa::path(tag = "skp", security(("bearer" = [])), params(SkpFilter, PageQuery),
    responses((status = 200, body = Page<Skp>), (status = 401, body = Problem)))]
#[get("/skps")]
pub async fn list_skps(
    req: HttpRequest,
    state: web::Data<AppState>,
    viewer: Viewer,
    filter: web::Query<SkpFilter>,
    paging: web::Query<PageQuery>,
) -> ApiResult<HttpResponse> {
    let f = listing::Filter {
        employee_id: filter.employee_id,
        unit_id: filter.unit_id,
        year: filter.year,
        status: filter.status,
        for_review: filter.for_review.unwrap_or(false),
        include_superseded: filter.include_superseded.unwrap_or(false),
    };
    let (items, total) = listing::list(&state.db, &viewer, &f, paging.offset(), paging.per_page()).await?;
    if let Some(sheet) = crate::routes::list::sheet(&req, &paging) {
        let flat: Vec<SkpCsvRow> = items.iter().map(SkpCsvRow::from).collect();
        return crate::routes::spreadsheet::download(sheet, &flat, "skp");
    }
    respond(&req, &paging, page(items, total, &paging), "skp")
}

#[derive(serde::Serialize)]
struct SkpCsvRow {
    id: i64,
    employee_id: i64,
    employee_name: String,
    year: i32,
    revision: i32,
    status: &'static str,
    unit_id: i64,
    position_title: String,
    penilai_id: Option<i64>,
    submitted_at: Option<String>,
    approved_at: Option<String>,
}

impl From<&Skp> for SkpCsvRow {
    fn from(s: &Skp) -> Self {
        Self {
            id: s.id,
            employee_id: s.employee_id,
            employee_name: s.employee_name.clone(),
            year: s.year,
            revision: s.revision,
            status: s.status.as_str(),
            unit_id: s.unit_id,
            position_title: s.position_title.clone(),
            penilai_id: s.penilai_id,
            submitted_at: s.submitted_at.map(|t| t.to_rfc3339()),
            approved_at: s.approved_at.map(|t| t.to_rfc3339()),
        }
    }
}

/// Creates an SKP for the caller (an admin may name `employee_id`). The penilai and atasan penilai
/// are taken from the organisation data now. One SKP per employee, year and position: a transfer
/// (another unit or position) starts a new one and keeps the old.
#[utoipa::path(tag = "skp", security(("bearer" = [])), request_body = NewSkp,
    responses((status = 201, body = Skp), (status = 403, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
#[post("/skps")]
pub async fn create_skp(
    state: web::Data<AppState>,
    viewer: Viewer,
    body: web::Json<NewSkp>,
) -> ApiResult<HttpResponse> {
    crate::routes::list::check_year("year", body.year)?;
    let txn = crate::db::begin(&state.db).await?;
    let employee_id = match (body.employee_id, viewer.employee_id) {
        (Some(e), me) if Some(e) != me => {
            let scope = viewer.scope();
            crate::services::people::find_visible(&txn, scope, e).await?;
            viewer.require(Capability::Administer)?;
            e
        }
        (_, Some(me)) => me,
        (None, None) => return Err(ApiError::field("employee_id", Invalid::NoEmployeeRecord)),
        (Some(e), None) => e,
    };
    let wire = svc::flow::create(&txn, &viewer.actor(), employee_id, body.year, body.approach).await?;
    txn.commit().await?;
    Ok(HttpResponse::Created().json(wire))
}

/// One SKP with its RHK, indicators and core values (owner, penilai chain, heads, admin, auditor,
/// and the evaluation team overseeing the owner's unit).
#[utoipa::path(tag = "skp", security(("bearer" = [])), params(("id" = i64, Path)),
    responses((status = 200, body = Skp), (status = 404, body = Problem)))]
#[get("/skps/{id}")]
pub async fn get_skp(state: web::Data<AppState>, viewer: Viewer, id: web::Path<i64>) -> ApiResult<web::Json<Skp>> {
    let skp = svc::find_readable(&state.db, &viewer, id.into_inner()).await?;
    Ok(web::Json(svc::full(&state.db, &skp).await?))
}

/// Every revision of the plan this SKP belongs to, oldest first.
#[utoipa::path(tag = "skp", security(("bearer" = [])), params(("id" = i64, Path), crate::routes::list::PageQuery),
    responses((status = 200, body = Page<Skp>), (status = 404, body = Problem)))]
#[get("/skps/{id}/revisions")]
pub async fn revisions(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<i64>,
    paging: web::Query<crate::routes::list::PageQuery>,
) -> ApiResult<web::Json<Page<Skp>>> {
    let skp = svc::find_visible(&state.db, &viewer, id.into_inner()).await?;
    let (items, total) = listing::revisions(&state.db, &skp, paging.offset(), paging.per_page()).await?;
    Ok(web::Json(crate::routes::list::page(items, total, &paging)))
}
