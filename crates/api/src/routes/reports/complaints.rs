//! `GET /reports/complaints`: the complaints filed in the period, without complainants' contacts.

use super::{answer, parse_period, ReportQuery};
use crate::error::ApiResult;
use crate::policy::Viewer;
use crate::routes::list::PageQuery;
use crate::services::reports;
use crate::state::AppState;
use actix_web::{get, web, HttpRequest, HttpResponse};
use kinerja_types::{ComplaintReportRow, Page, Problem};

/// One row per complaint filed in the period against a unit of the subtree: code, unit, category,
/// status, dates, deadline and whether it is overdue, the employee named, text and public answer.
/// The complainant's contact never leaves the complaint queue. JSON or CSV.
#[utoipa::path(tag = "reports", security(("bearer" = [])), params(ReportQuery, PageQuery),
    responses((status = 200, body = Page<ComplaintReportRow>), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
#[get("/reports/complaints")]
pub async fn report(
    req: HttpRequest,
    state: web::Data<AppState>,
    viewer: Viewer,
    q: web::Query<ReportQuery>,
    paging: web::Query<PageQuery>,
) -> ApiResult<HttpResponse> {
    let period = parse_period(&q.period)?;
    let units = reports::scope(&state.db, &viewer, q.unit_id).await?;
    let settings = state.settings().await?;
    let items = reports::complaints(state.reads.db(), &units, &period, &settings).await?;
    answer(&req, &paging, items, &format!("pengaduan-{period}"))
}
