//! The unit's competency gap heat map for heads: for each competency and each child unit, how many
//! assessed employees fall short of their position's requirement and by how much; and the jam
//! pelajaran (JP) of everyone in the subtree against their yearly target.

use crate::error::ApiResult;
use crate::policy::{Capability, Viewer};
use crate::routes::pk::YearQuery;
use crate::services::competency::gaps;
use crate::state::AppState;
use actix_web::{get, web};
use kinerja_types::{GapHeatMap, Problem};

/// The gap heat map of a unit subtree and its JP of training (its head, admin, auditor).
#[utoipa::path(tag = "competencies", security(("bearer" = [])), params(("id" = i64, Path), YearQuery),
    responses((status = 200, body = GapHeatMap), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
#[get("/units/{id}/competency-gaps")]
pub async fn unit_gaps(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<i64>,
    q: web::Query<YearQuery>,
) -> ApiResult<web::Json<GapHeatMap>> {
    let root = id.into_inner();
    crate::services::units::with(&state.db, &viewer, root, Capability::ReadUnit).await?;
    let year = q.year()?;
    let settings = state.settings().await?;
    Ok(web::Json(gaps::heat_map(&state.db, root, year, &settings).await?))
}
