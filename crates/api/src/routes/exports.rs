//! Exports for other systems: `GET /exports/siasn`, the SKP and ratings of a year in the
//! documented shape of `kinerja_types::export`, for the national SIASN sync.

use crate::error::ApiResult;
use crate::policy::Viewer;
use crate::services::{exports, reports};
use crate::state::AppState;
use actix_web::{get, web};
use kinerja_types::{Problem, SiasnExport};
use serde::Deserialize;
use utoipa::IntoParams;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(siasn);
}

/// Filters of the export.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ExportQuery {
    /// The unit whose subtree to export (default: the whole city, for admins, auditors and city tokens).
    pub unit_id: Option<i64>,
    pub year: i32,
}

/// The SKP in force and the finalized ratings of every employee for a year, in the `kinerja-siasn/1`
/// shape (Indonesian field names of PermenPANRB 6/2022). Drafts are never exported.
#[utoipa::path(tag = "reports", security(("bearer" = [])), params(ExportQuery),
    responses((status = 200, body = SiasnExport), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
#[get("/exports/siasn")]
pub async fn siasn(
    state: web::Data<AppState>,
    viewer: Viewer,
    q: web::Query<ExportQuery>,
) -> ApiResult<web::Json<SiasnExport>> {
    crate::routes::list::check_year("year", q.year)?;
    let units = reports::scope(&state.db, &viewer, q.unit_id).await?;
    let pemda = state.settings().await?.pemda_name.clone();
    Ok(web::Json(exports::siasn(state.reads.db(), &units, q.year, pemda).await?))
}
