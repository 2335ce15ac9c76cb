//! Dashboards: one document per unit subtree with everything its head looks at (figures, the
//! people needing attention, chart series, and the same figures per child unit), and the city
//! view for BKPSDM and auditors (every OPD side by side). The per-child table is also CSV.

use crate::error::{ApiError, ApiResult};
use crate::policy::{Capability, Viewer};
use crate::routes::spreadsheet;
use crate::state::AppState;
use actix_web::{get, web, HttpRequest, HttpResponse};
use kinerja_domain::{Period, Predikat};
use kinerja_types::{Dashboard, Problem, UnitFigures};
use serde::{Deserialize, Serialize};
use std::sync::Arc;
use utoipa::IntoParams;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(unit_dashboard).service(city_dashboard);
}

/// The period of a dashboard.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DashboardQuery {
    /// `2026-11`, `2026-Q4` or `2026` (default: the last complete month).
    pub period: Option<String>,
    /// `csv` or `xlsx`: the per-child table as a download.
    pub format: Option<String>,
    /// `id` with `format=csv`: the CSV for Excel in Indonesian.
    pub lang: Option<String>,
}

impl DashboardQuery {
    fn period(&self, today: chrono::NaiveDate) -> ApiResult<Period> {
        match self.period.as_deref() {
            // The last complete month: the running one is only days old.
            None => Ok(Period::month_of(today).previous()),
            Some(p) => p.parse().map_err(ApiError::from),
        }
    }
}

/// One CSV row of the per-child table.
#[derive(Serialize)]
struct ChildRow<'a> {
    unit: &'a str,
    headcount: u64,
    skp_approved: u64,
    skp_none: u64,
    skp_completion: f64,
    activities_approved: u64,
    activities_pending: u64,
    minutes_per_employee: f64,
    ikm: Option<f64>,
    ikm_respondents: u64,
    complaints_open: u64,
    complaints_overdue: u64,
    sangat_baik: u64,
    baik: u64,
    butuh_perbaikan: u64,
    kurang: u64,
    sangat_kurang: u64,
    attention: u64,
}

fn child_row(f: &UnitFigures) -> ChildRow<'_> {
    let p = |k: Predikat| f.predikat.get(&k).copied().unwrap_or(0);
    ChildRow {
        unit: &f.unit_name,
        headcount: f.headcount,
        skp_approved: f.skp.approved,
        skp_none: f.skp.none,
        skp_completion: f.skp.completion,
        activities_approved: f.activities.approved,
        activities_pending: f.activities.pending,
        minutes_per_employee: f.activities.minutes_per_employee,
        ikm: f.ikm.ikm,
        ikm_respondents: f.ikm.respondents,
        complaints_open: f.complaints.open,
        complaints_overdue: f.complaints.overdue,
        sangat_baik: p(Predikat::SangatBaik),
        baik: p(Predikat::Baik),
        butuh_perbaikan: p(Predikat::ButuhPerbaikan),
        kurang: p(Predikat::Kurang),
        sangat_kurang: p(Predikat::SangatKurang),
        attention: f.attention_count,
    }
}

/// The dashboard of a unit and period: computed, or from the last few seconds' cache (callers have
/// already checked that the viewer may see it).
async fn answer(req: &HttpRequest, state: &AppState, unit_id: i64, q: &DashboardQuery) -> ApiResult<HttpResponse> {
    let db = state.reads.db();
    let settings = crate::pemda_settings::load(&state.db).await?;
    let period = q.period(settings.today())?;
    let compute = async { crate::services::dashboard::compute(db, unit_id, period, &settings).await.map(Arc::new) };
    let d = if state.config.dashboard_cache.is_zero() {
        compute.await?
    } else {
        state
            .dashboards
            .try_get_with((unit_id, period.to_string()), compute)
            .await
            .map_err(|e| ApiError::Internal(anyhow::anyhow!("dashboard of unit {unit_id}: {e}")))?
    };
    if let Some(sheet) = spreadsheet::requested(req, q.format.as_deref(), q.lang.as_deref()) {
        let rows: Vec<ChildRow> = d.children.iter().map(child_row).collect();
        return spreadsheet::download(sheet, &rows, &format!("dasbor-{}", d.period));
    }
    Ok(HttpResponse::Ok().json(d.as_ref()))
}

/// The dashboard of a unit subtree (its head, admin, auditor): headcount, SKP, activities, predikat
/// against the expected pattern, IKM and its trend, complaints, who needs attention and why, monthly
/// series, and the same figures per child unit. `?format=csv` gives the per-child table.
#[utoipa::path(tag = "dashboard", security(("bearer" = [])), params(("id" = i64, Path), DashboardQuery),
    responses((status = 200, body = Dashboard), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
#[get("/dashboard/units/{id}")]
pub async fn unit_dashboard(
    req: HttpRequest,
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<i64>,
    q: web::Query<DashboardQuery>,
) -> ApiResult<HttpResponse> {
    let unit_id = id.into_inner();
    crate::services::units::with(&state.db, &viewer, unit_id, Capability::ReadUnit).await?;
    answer(&req, &state, unit_id, &q).await
}

/// The city view (admin, auditor): the dashboard of the Pemda's root unit, whose children are the
/// OPD side by side.
#[utoipa::path(tag = "dashboard", security(("bearer" = [])), params(DashboardQuery),
    responses((status = 200, body = Dashboard), (status = 403, body = Problem)))]
#[get("/dashboard/city")]
pub async fn city_dashboard(
    req: HttpRequest,
    state: web::Data<AppState>,
    viewer: Viewer,
    q: web::Query<DashboardQuery>,
) -> ApiResult<HttpResponse> {
    viewer.require(Capability::ReadCity)?;
    let root = crate::services::units::root(&state).await?;
    answer(&req, &state, root.id, &q).await
}
