//! TPP: attendance imported from the attendance system, and the monthly allowance percentage per
//! employee for payroll (`GET /reports/tpp`, JSON or CSV).

use crate::error::{ApiError, ApiResult};
use crate::policy::{Capability, Viewer};
use crate::routes::imports::{self, ImportProblem};
use crate::routes::list::PageQuery;
use crate::state::AppState;
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use kinerja_domain::Period;
use kinerja_types::Invalid;
use kinerja_types::{ImportReport, Page, Problem, TppRow};
use serde::Deserialize;
use utoipa::IntoParams;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(import_attendance).service(tpp_report);
}

/// Imports attendance from CSV (admin, or a city-wide API token allowed to write this route), all
/// or nothing. Header: `nip,date,status[,late_minutes]`; status is `hadir`, `alpa`, `izin`,
/// `sakit`, `cuti`, `dinas_luar` or `tanpa_rekam`. A day imported again replaces the earlier record.
#[utoipa::path(tag = "tpp", security(("bearer" = [])), request_body(content = String, content_type = "text/csv"),
    responses((status = 200, body = ImportReport), (status = 403, body = Problem), (status = 415, body = Problem), (status = 422, body = ImportProblem)))]
#[post("/attendance/import")]
pub async fn import_attendance(
    req: HttpRequest,
    state: web::Data<AppState>,
    viewer: Viewer,
    body: web::Bytes,
) -> ApiResult<HttpResponse> {
    viewer.require(Capability::ImportAttendance)?;
    imports::require_csv(&req)?;
    let today = state.settings().await?.today();
    let result = crate::services::attendance_import::import(&state.db, &body, &viewer.actor(), today, &|_, _| {}).await;
    imports::answer(result)
}

/// Filters of the TPP report.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct TppQuery {
    /// The unit whose subtree to report (default: the whole city, for admins, auditors and city tokens).
    pub unit_id: Option<i64>,
    /// `2026-11`.
    pub month: String,
}

/// The TPP percentage of every employee for a month, from the Pemda's rule in settings: performance
/// (approved minutes against the monthly target, scaled by the predikat of the month's rating
/// period where the rule says so) and discipline less lateness, leaving early, missed apel and
/// absence.
#[utoipa::path(tag = "tpp", security(("bearer" = [])), params(TppQuery, PageQuery),
    responses((status = 200, body = Page<TppRow>), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
#[get("/reports/tpp")]
pub async fn tpp_report(
    req: HttpRequest,
    state: web::Data<AppState>,
    viewer: Viewer,
    q: web::Query<TppQuery>,
    paging: web::Query<PageQuery>,
) -> ApiResult<HttpResponse> {
    let month = match q.month.parse::<Period>() {
        Ok(m @ Period::Month(..)) => m,
        _ => return Err(ApiError::field("month", Invalid::MonthFormat)),
    };
    let units = crate::services::reports::scope(&state.db, &viewer, q.unit_id).await?;
    let settings = state.settings().await?;
    let (first_day, _) = month.bounds();
    let rating_period = crate::services::rating::rating_period_of(first_day, settings.assessment_frequency);
    let items = crate::services::tpp::rows(state.reads.db(), units, month, &settings, rating_period).await?;
    crate::routes::reports::answer(&req, &paging, items, &format!("tpp-{month}"))
}
