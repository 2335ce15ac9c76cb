//! The content of an SKP while it is editable: RHK with indicators (checked against the cascade
//! rule), the core values' expectations, the choices of parent RHK, and the bulk cascade.

use crate::error::{ApiError, ApiResult};
use crate::policy::Viewer;
use crate::routes::pk::YearQuery;
use crate::services::skp::{self as svc, content};
use crate::state::AppState;
use actix_web::{delete, get, post, put, web, HttpResponse};
use kinerja_domain::SkpStatus;
use kinerja_types::Invalid;
use kinerja_types::{BehaviorsUpdate, CascadeRequest, CascadeResult, NewRhk, Page, Problem, Rhk, Skp};
use validator::Validate;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(add_rhk).service(delete_rhk).service(put_behaviors).service(parent_options).service(cascade_down);
}

/// Adds an RHK (owner, while draft or returned). A JPT names a Perjanjian Kinerja goal of its unit;
/// everyone else names an RHK of their direct supervisor's SKP of the same year.
#[utoipa::path(tag = "skp", security(("bearer" = [])), params(("id" = i64, Path)), request_body = NewRhk,
    responses((status = 201, body = Rhk), (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
#[post("/skps/{id}/rhk")]
pub async fn add_rhk(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<i64>,
    body: web::Json<NewRhk>,
) -> ApiResult<HttpResponse> {
    let txn = crate::db::begin(&state.db).await?;
    let skp = svc::find_visible(&txn, &viewer, id.into_inner()).await?;
    svc::require_owner(&viewer, &skp)?;
    svc::editable(&skp)?;
    body.validate()?;
    let created = content::add_rhk(&txn, &viewer.actor(), &skp, &body).await?;
    txn.commit().await?;
    Ok(HttpResponse::Created().json(created))
}

/// Removes an RHK (owner, while editable). One that was already handed down is kept: 409.
#[utoipa::path(tag = "skp", security(("bearer" = [])), params(("id" = i64, Path)),
    responses((status = 204), (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem)))]
#[delete("/rhk/{id}")]
pub async fn delete_rhk(state: web::Data<AppState>, viewer: Viewer, id: web::Path<i64>) -> ApiResult<HttpResponse> {
    let txn = crate::db::begin(&state.db).await?;
    let row = content::find_rhk(&txn, id.into_inner()).await?;
    let skp = svc::find_visible(&txn, &viewer, row.skp_id).await?;
    svc::require_owner(&viewer, &skp)?;
    svc::editable(&skp)?;
    content::delete_rhk(&txn, &viewer.actor(), &skp, row).await?;
    txn.commit().await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Sets the expectation (ekspektasi khusus pimpinan) of each core value: the owner while the SKP
/// is editable, or its penilai until it is approved.
#[utoipa::path(tag = "skp", security(("bearer" = [])), params(("id" = i64, Path)), request_body = BehaviorsUpdate,
    responses((status = 200, body = Skp), (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem)))]
#[put("/skps/{id}/behaviors")]
pub async fn put_behaviors(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<i64>,
    body: web::Json<BehaviorsUpdate>,
) -> ApiResult<web::Json<Skp>> {
    body.validate()?;
    let txn = crate::db::begin(&state.db).await?;
    let skp = svc::find_visible(&txn, &viewer, id.into_inner()).await?;
    let is_penilai = svc::penilai_role(&viewer, &skp).is_ok();
    if is_penilai {
        if svc::status(&skp) == SkpStatus::Approved {
            return Err(ApiError::Conflict("SKP yang sudah disetujui tidak dapat diubah; buat revisi".into()));
        }
    } else {
        svc::require_owner(&viewer, &skp)?;
        svc::editable(&skp)?;
    }
    if let Some(long) = body.behaviors.iter().find(|b| b.expectation.as_deref().unwrap_or("").chars().count() > 2000) {
        return Err(ApiError::field(long.core_value.as_str(), Invalid::ExpectationMax));
    }
    let after = content::set_behaviors(&txn, &viewer.actor(), &skp, &body).await?;
    txn.commit().await?;
    Ok(web::Json(after))
}

/// The RHK the caller can pick as `parent_rhk_id`: those of their direct supervisor's current SKP
/// for the year.
#[utoipa::path(tag = "skp", security(("bearer" = [])), params(YearQuery, crate::routes::list::PageQuery),
    responses((status = 200, body = Page<Rhk>), (status = 401, body = Problem), (status = 422, body = Problem)))]
#[get("/me/parent-rhk")]
pub async fn parent_options(
    state: web::Data<AppState>,
    viewer: Viewer,
    q: web::Query<YearQuery>,
    paging: web::Query<crate::routes::list::PageQuery>,
) -> ApiResult<web::Json<Page<Rhk>>> {
    let year = q.year()?;
    let items = match viewer.employee_id {
        Some(me) => content::parent_options(&state.db, me, year).await?,
        None => Vec::new(),
    };
    Ok(web::Json(crate::routes::list::page_of(items, &paging)))
}

/// Hands one of the caller's RHK down to several direct subordinates at once: each gets a draft RHK
/// pointing to it (with the same indicators to adjust), in their editable SKP of the year, created
/// if they have none. Subordinates whose SKP is submitted or approved are skipped, with the reason.
/// Anyone who is not a direct subordinate makes the whole request 422.
#[utoipa::path(tag = "skp", security(("bearer" = [])), params(("id" = i64, Path)), request_body = CascadeRequest,
    responses((status = 200, body = CascadeResult), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
#[post("/rhk/{id}/cascade")]
pub async fn cascade_down(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<i64>,
    body: web::Json<CascadeRequest>,
) -> ApiResult<web::Json<CascadeResult>> {
    body.validate()?;
    let txn = crate::db::begin(&state.db).await?;
    let parent = content::find_rhk(&txn, id.into_inner()).await?;
    let skp = svc::find_visible(&txn, &viewer, parent.skp_id).await?;
    svc::require_owner(&viewer, &skp)?;
    let result = content::cascade(&txn, &viewer.actor(), &skp, parent, &body).await?;
    txn.commit().await?;
    Ok(web::Json(result))
}
