//! SKP: create, read, list, revisions. The flow and the plan's content live in the submodules.

pub mod flow;
pub mod plan;

use crate::audit::{self, Change};
use crate::entities::{employees, skps};
use crate::error::{ApiError, ApiResult};
use crate::policy::{Capability, Viewer};
use crate::routes::list::{fetch_page, page, respond, PageQuery};
use crate::services::skp as svc;
use crate::state::AppState;
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use kinerja_domain::SkpStatus;
use kinerja_types::{NewSkp, Page, Problem, Skp};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
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
    let scope = viewer.scope();
    let mut select = skps::Entity::find().order_by_desc(skps::Column::Id);
    // Visibility follows the people as they are placed now, not where an old SKP was made.
    if let Some(cond) = scope.employee_column_filter(skps::Column::EmployeeId) {
        select = select.filter(cond);
    }
    if filter.for_review.unwrap_or(false) {
        let me = viewer.employee_id.unwrap_or(-1);
        select = select
            .filter(skps::Column::PenilaiId.eq(me))
            .filter(skps::Column::Status.eq(SkpStatus::Submitted.as_str()));
    }
    if let Some(e) = filter.employee_id {
        select = select.filter(skps::Column::EmployeeId.eq(e));
    }
    if let Some(u) = filter.unit_id {
        select = select.filter(skps::Column::UnitId.eq(u));
    }
    if let Some(y) = filter.year {
        select = select.filter(skps::Column::Year.eq(y));
    }
    if let Some(s) = filter.status {
        select = select.filter(skps::Column::Status.eq(s.as_str()));
    }
    if !filter.include_superseded.unwrap_or(false) {
        select = select.filter(skps::Column::Superseded.eq(false));
    }
    let (rows, total) = fetch_page(&state.db, select, &paging).await?;
    let names = svc::names(&state.db, rows.iter().map(|s| s.employee_id)).await?;
    let items: Vec<Skp> =
        rows.iter().map(|s| svc::summary(s, names.get(&s.employee_id).map(String::as_str).unwrap_or(""))).collect();
    if crate::routes::list::wants_csv(&req, paging.format.as_deref()) {
        let flat: Vec<SkpCsvRow> = items.iter().map(SkpCsvRow::from).collect();
        return crate::routes::list::csv_response(&flat, "skp");
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
        (None, None) => return Err(ApiError::field("employee_id", "akun ini tidak terhubung dengan data pegawai")),
        (Some(e), None) => e,
    };
    let employee = employees::Entity::find_by_id(employee_id).one(&txn).await?.ok_or(ApiError::NotFound)?;
    if let Some(existing) = svc::current(&txn, employee.id, body.year).await? {
        if existing.unit_id == employee.unit_id && existing.position_title == employee.position_title {
            return Err(ApiError::Conflict(format!(
                "SKP tahun {} untuk jabatan ini sudah ada (SKP #{}); ubah yang ada atau buat revisi",
                body.year, existing.id
            )));
        }
    }
    let skp = crate::services::skp::insert_skp(&txn, &employee, body.year, body.approach, 1, None).await?;
    let wire = svc::full(&txn, &skp).await?;
    audit::record(
        &txn,
        &viewer.actor(),
        Change::new("skp.create", "skp", skp.id).after(&svc::summary(&skp, &employee.name)),
    )
    .await?;
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
    let rows = skps::Entity::find()
        .filter(skps::Column::EmployeeId.eq(skp.employee_id))
        .filter(skps::Column::Year.eq(skp.year))
        .filter(skps::Column::UnitId.eq(skp.unit_id))
        .filter(skps::Column::PositionTitle.eq(skp.position_title.clone()))
        .order_by_asc(skps::Column::Revision);
    let (rows, total) = crate::routes::list::fetch_page(&state.db, rows, &paging).await?;
    let names = svc::names(&state.db, [skp.employee_id]).await?;
    let name = names.get(&skp.employee_id).map(String::as_str).unwrap_or("");
    let items: Vec<Skp> = rows.iter().map(|s| svc::summary(s, name)).collect();
    Ok(web::Json(crate::routes::list::page(items, total, &paging)))
}
