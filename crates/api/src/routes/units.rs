//! Units of the Pemda tree: everyone signed in reads the units they can see; admins write.

use crate::error::ApiResult;
use crate::policy::{Capability, Viewer};
use crate::routes::list::{page, respond, PageQuery};
use crate::services::units::{self, UnitQuery};
use crate::state::AppState;
use actix_web::{get, patch, post, web, HttpRequest, HttpResponse};
use kinerja_domain::UnitKind;
use kinerja_types::{NewUnit, Problem, Unit, UnitPatch};
use serde::Deserialize;
use utoipa::IntoParams;
use validator::Validate;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(list_units).service(create_unit).service(get_unit).service(update_unit);
}

/// Filters of the unit list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct UnitFilter {
    /// Only the direct children of this unit.
    pub parent_id: Option<i64>,
    /// Only units of this kind.
    pub kind: Option<UnitKind>,
    /// Only service units (true) or non-service units (false).
    pub is_service_unit: Option<bool>,
    /// Text in the code or name.
    pub q: Option<String>,
}

/// Units the caller may see, filtered and paged; JSON or CSV.
#[utoipa::path(tag = "units", security(("bearer" = [])), params(UnitFilter, PageQuery),
    responses((status = 200, body = kinerja_types::Page<Unit>), (status = 401, body = Problem)))]
#[get("/units")]
pub async fn list_units(
    req: HttpRequest,
    state: web::Data<AppState>,
    viewer: Viewer,
    filter: web::Query<UnitFilter>,
    paging: web::Query<PageQuery>,
) -> ApiResult<HttpResponse> {
    let query = UnitQuery {
        parent_id: filter.parent_id,
        kind: filter.kind,
        is_service_unit: filter.is_service_unit,
        text: filter.q.as_deref().map(str::trim).filter(|q| !q.is_empty()),
    };
    let (rows, total) = units::list(&state, &viewer, &query, paging.offset(), paging.per_page()).await?;
    let items = rows.iter().map(units::to_wire).collect();
    respond(&req, &paging, page(items, total, &paging), "unit")
}

/// One unit.
#[utoipa::path(tag = "units", security(("bearer" = [])), params(("id" = i64, Path)),
    responses((status = 200, body = Unit), (status = 404, body = Problem)))]
#[get("/units/{id}")]
pub async fn get_unit(state: web::Data<AppState>, viewer: Viewer, id: web::Path<i64>) -> ApiResult<web::Json<Unit>> {
    let unit = units::visible(&state.db, &viewer, id.into_inner()).await?;
    Ok(web::Json(units::to_wire(&unit)))
}

/// Creates a unit (admin).
#[utoipa::path(tag = "units", security(("bearer" = [])), request_body = NewUnit,
    responses((status = 201, body = Unit), (status = 403, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
#[post("/units")]
pub async fn create_unit(
    state: web::Data<AppState>,
    viewer: Viewer,
    body: web::Json<NewUnit>,
) -> ApiResult<HttpResponse> {
    viewer.require(Capability::Administer)?;
    body.validate()?;
    let txn = crate::db::begin(&state.db).await?;
    let wire = units::create(&txn, &viewer.actor(), &body).await?;
    txn.commit().await?;
    state.org_changed();
    Ok(HttpResponse::Created().json(wire))
}

/// Changes a unit (admin). Moving a unit under itself or its own descendant is 409.
#[utoipa::path(tag = "units", security(("bearer" = [])), params(("id" = i64, Path)), request_body = UnitPatch,
    responses((status = 200, body = Unit), (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
#[patch("/units/{id}")]
pub async fn update_unit(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<i64>,
    body: web::Json<UnitPatch>,
) -> ApiResult<web::Json<Unit>> {
    let id = id.into_inner();
    let txn = crate::db::begin(&state.db).await?;
    let unit = units::visible(&txn, &viewer, id).await?;
    viewer.require(Capability::Administer)?;
    body.validate()?;
    let after = units::update(&txn, &viewer.actor(), unit, &body).await?;
    txn.commit().await?;
    state.org_changed();
    Ok(web::Json(after))
}
