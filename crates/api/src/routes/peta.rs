//! The unit's performance tree (Peta Kinerja) and SKP monitoring, for heads, admins and auditors.

use crate::error::ApiResult;
use crate::policy::{Capability, Viewer};
use crate::routes::pk::YearQuery;
use crate::services::peta;
use crate::state::AppState;
use actix_web::{get, web};
use kinerja_types::{CascadeTree, Problem, SkpMonitoring};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(cascade_tree).service(skp_monitoring);
}

/// The tree from the unit's Perjanjian Kinerja down through every approved RHK, with the goals no
/// one carries and the RHK whose parent is missing.
#[utoipa::path(tag = "skp", security(("bearer" = [])), params(("id" = i64, Path), YearQuery),
    responses((status = 200, body = CascadeTree), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
#[get("/units/{id}/cascade")]
pub async fn cascade_tree(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<i64>,
    q: web::Query<YearQuery>,
) -> ApiResult<web::Json<CascadeTree>> {
    let unit_id = id.into_inner();
    let db = &state.db;
    crate::services::units::with(db, &viewer, unit_id, Capability::ReadUnit).await?;
    let year = q.year()?;
    Ok(web::Json(peta::cascade(db, unit_id, year).await?))
}

/// How many employees of the unit's subtree have no SKP, a draft, a submitted, a returned or an
/// approved one for the year, against the deadline in the settings (on the unit's working days).
#[utoipa::path(tag = "skp", security(("bearer" = [])), params(("id" = i64, Path), YearQuery),
    responses((status = 200, body = SkpMonitoring), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
#[get("/units/{id}/skp-monitoring")]
pub async fn skp_monitoring(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<i64>,
    q: web::Query<YearQuery>,
) -> ApiResult<web::Json<SkpMonitoring>> {
    let unit_id = id.into_inner();
    let db = &state.db;
    crate::services::units::with(db, &viewer, unit_id, Capability::ReadUnit).await?;
    let year = q.year()?;
    Ok(web::Json(peta::monitoring(db, unit_id, year).await?))
}
