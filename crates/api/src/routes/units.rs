//! Units of the Pemda tree: everyone signed in reads the units they can see; admins write.

use crate::audit::{self, Change};
use crate::entities::units;
use crate::error::{ApiError, ApiResult, ConflictExt};
use crate::policy::{Capability, Viewer};
use crate::routes::list::{page, respond, PageQuery};
use crate::services::units::UnitQuery;
use crate::state::AppState;
use actix_web::{get, patch, post, web, HttpRequest, HttpResponse};
use chrono::Utc;
use kinerja_domain::UnitKind;
use kinerja_types::{NewUnit, Problem, Unit, UnitPatch};
use sea_orm::{ActiveModelTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QuerySelect, Set};
use serde::Deserialize;
use std::collections::HashMap;
use utoipa::IntoParams;
use validator::Validate;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(list_units).service(create_unit).service(get_unit).service(update_unit);
}

pub fn to_wire(u: &units::Model) -> Unit {
    Unit {
        id: u.id,
        code: u.code.clone(),
        name: u.name.clone(),
        parent_id: u.parent_id,
        kind: u.kind,
        is_service_unit: u.is_service_unit,
    }
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
    let (rows, total) =
        crate::services::units::list(&state, &viewer, &query, paging.offset(), paging.per_page()).await?;
    let items = rows.iter().map(to_wire).collect();
    respond(&req, &paging, page(items, total, &paging), "unit")
}

/// One unit.
#[utoipa::path(tag = "units", security(("bearer" = [])), params(("id" = i64, Path)),
    responses((status = 200, body = Unit), (status = 404, body = Problem)))]
#[get("/units/{id}")]
pub async fn get_unit(state: web::Data<AppState>, viewer: Viewer, id: web::Path<i64>) -> ApiResult<web::Json<Unit>> {
    let unit = crate::services::units::visible(&state.db, &viewer, id.into_inner()).await?;
    Ok(web::Json(to_wire(&unit)))
}

async fn parent_map(db: &impl ConnectionTrait) -> ApiResult<HashMap<i64, i64>> {
    let rows: Vec<(i64, Option<i64>)> = units::Entity::find()
        .select_only()
        .column(units::Column::Id)
        .column(units::Column::ParentId)
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows.into_iter().filter_map(|(id, p)| p.map(|p| (id, p))).collect())
}

async fn require_parent(db: &impl ConnectionTrait, parent: Option<i64>) -> ApiResult<()> {
    if let Some(p) = parent {
        if units::Entity::find_by_id(p).one(db).await?.is_none() {
            return Err(ApiError::field("parent_id", format!("unit induk {p} tidak ada")));
        }
    }
    Ok(())
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
    require_parent(&txn, body.parent_id).await?;
    let now = Utc::now();
    let unit = units::ActiveModel {
        code: Set(body.code.trim().to_owned()),
        name: Set(body.name.trim().to_owned()),
        parent_id: Set(body.parent_id),
        kind: Set(body.kind),
        is_service_unit: Set(body.is_service_unit),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await
    .on_conflict("kode unit sudah dipakai")?;
    let wire = to_wire(&unit);
    audit::record(&txn, &viewer.actor(), Change::new("unit.create", "unit", unit.id).after(&wire)).await?;
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
    let unit = crate::services::units::visible(&txn, &viewer, id).await?;
    viewer.require(Capability::Administer)?;
    body.validate()?;
    let before = to_wire(&unit);
    let mut active = unit.into_active_model();
    if let Some(code) = &body.code {
        active.code = Set(code.trim().to_owned());
    }
    if let Some(name) = &body.name {
        active.name = Set(name.trim().to_owned());
    }
    if let Some(kind) = body.kind {
        active.kind = Set(kind);
    }
    if let Some(s) = body.is_service_unit {
        active.is_service_unit = Set(s);
    }
    if let Some(parent) = body.parent_id {
        require_parent(&txn, parent).await?;
        if let Some(p) = parent {
            if kinerja_domain::tree::would_cycle(id, p, &parent_map(&txn).await?) {
                return Err(ApiError::Conflict(
                    "unit tidak dapat dipindahkan ke bawah dirinya sendiri atau unit turunannya".into(),
                ));
            }
        }
        active.parent_id = Set(parent);
    }
    active.updated_at = Set(Utc::now());
    let unit = active.update(&txn).await.on_conflict("kode unit sudah dipakai")?;
    let after = to_wire(&unit);
    audit::record(&txn, &viewer.actor(), Change::new("unit.update", "unit", id).before(&before).after(&after)).await?;
    txn.commit().await?;
    state.org_changed();
    Ok(web::Json(after))
}
