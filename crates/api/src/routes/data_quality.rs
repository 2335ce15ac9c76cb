//! The data-quality index (Indeks Kualitas Data): the scores per OPD and the defects to fix, for
//! the BKPSDM and the auditor (the whole Pemda) and for heads (their unit's subtree).

use crate::error::ApiResult;
use crate::policy::{Capability, Viewer};
use crate::routes::list::{page_of, respond, PageQuery};
use crate::services::data_quality;
use crate::state::AppState;
use actix_web::{get, web, HttpRequest, HttpResponse};
use kinerja_types::{DataQuality, DataQualityIssue, Page, Problem};
use serde::Deserialize;
use std::collections::HashSet;
use utoipa::IntoParams;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(summary).service(issues);
}

/// Whose records.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct QualityScope {
    /// The subtree of this unit (its head, admin, auditor); without it the whole Pemda (admin,
    /// auditor).
    pub unit_id: Option<i64>,
    /// Only this check's defects (`no_supervisor`, `nip_birth_date`, …).
    pub check: Option<String>,
}

impl QualityScope {
    /// The units whose records the viewer asks for: 403/404 unless they may read them.
    async fn units(&self, state: &AppState, viewer: &Viewer) -> ApiResult<Option<HashSet<i64>>> {
        match self.unit_id {
            Some(unit) => {
                crate::services::units::with(&state.db, viewer, unit, Capability::ReadUnit).await?;
                Ok(Some(crate::services::org_tree::unit_subtree(&state.db, unit).await?))
            }
            None => {
                viewer.require(Capability::ReadCity)?;
                Ok(None)
            }
        }
    }
}

/// The index, run now: the score (the share of people and units without a defect), each OPD's
/// beside its score at the last nightly run, and how many defects each check found.
#[utoipa::path(tag = "data-quality", security(("bearer" = [])), params(QualityScope),
    responses((status = 200, body = DataQuality), (status = 403, body = Problem), (status = 404, body = Problem)))]
#[get("/data-quality")]
pub async fn summary(
    state: web::Data<AppState>,
    viewer: Viewer,
    q: web::Query<QualityScope>,
) -> ApiResult<web::Json<DataQuality>> {
    let within = q.units(&state, &viewer).await?;
    let settings = state.settings().await?;
    let run = data_quality::run(state.reads.db(), &settings).await?;
    let nightly = data_quality::last_nightly(state.reads.db(), settings.today()).await?;
    Ok(web::Json(run.summary(q.unit_id, within.as_ref(), nightly)))
}

/// The defects, blocking ones first, each with its record, the particulars, the fix and the page
/// where it is fixed; JSON, CSV or XLSX.
#[utoipa::path(tag = "data-quality", security(("bearer" = [])), params(QualityScope, PageQuery),
    responses((status = 200, body = Page<DataQualityIssue>), (status = 403, body = Problem), (status = 404, body = Problem)))]
#[get("/data-quality/issues")]
pub async fn issues(
    req: HttpRequest,
    state: web::Data<AppState>,
    viewer: Viewer,
    q: web::Query<QualityScope>,
    paging: web::Query<PageQuery>,
) -> ApiResult<HttpResponse> {
    let within = q.units(&state, &viewer).await?;
    let settings = state.settings().await?;
    let run = data_quality::run(state.reads.db(), &settings).await?;
    let mut rows: Vec<DataQualityIssue> = run
        .within(within.as_ref())
        .filter(|f| q.check.as_deref().is_none_or(|c| c == f.check.code()))
        .map(|f| run.issue(f, within.is_some()))
        .collect();
    rows.sort_by_key(|r| !r.blocking);
    respond(&req, &paging, page_of(rows, &paging), "kualitas-data")
}
