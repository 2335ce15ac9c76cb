//! `GET /reports/activities`: every activity of the period, one row each.

use super::{answer, parse_period, ReportQuery};
use crate::error::ApiResult;
use crate::policy::Viewer;
use crate::routes::list::PageQuery;
use crate::services::reports;
use crate::state::AppState;
use actix_web::{get, web, HttpRequest, HttpResponse};
use kinerja_types::{ActivityReportRow, Page, Problem};

/// Every activity of the period in the unit subtree: NIP, name, unit, date, minutes, description,
/// output and status; JSON or CSV.
#[utoipa::path(tag = "reports", security(("bearer" = [])), params(ReportQuery, PageQuery),
    responses((status = 200, body = Page<ActivityReportRow>), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
#[get("/reports/activities")]
pub async fn report(
    req: HttpRequest,
    state: web::Data<AppState>,
    viewer: Viewer,
    q: web::Query<ReportQuery>,
    paging: web::Query<PageQuery>,
) -> ApiResult<HttpResponse> {
    let period = parse_period(&q.period)?;
    let units = reports::scope(&state.db, &viewer, q.unit_id).await?;
    let items = reports::activities(state.reads.db(), &units, &period).await?;
    answer(&req, &paging, items, &format!("aktivitas-{period}"))
}
