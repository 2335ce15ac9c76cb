//! `GET /reports/skps`: the SKP in force of every employee for the period's year.

use super::{answer, parse_period, ReportQuery};
use crate::error::ApiResult;
use crate::policy::Viewer;
use crate::routes::list::PageQuery;
use crate::services::reports;
use crate::state::AppState;
use actix_web::{get, web, HttpRequest, HttpResponse};
use kinerja_types::{Page, Problem, SkpReportRow};

/// One row per employee of the unit subtree: the SKP in force for the year of `period` (an
/// approved plan is not undone by a revision in progress), its status, revision and RHK count;
/// employees without a plan have an empty status. JSON or CSV.
#[utoipa::path(tag = "reports", security(("bearer" = [])), params(ReportQuery, PageQuery),
    responses((status = 200, body = Page<SkpReportRow>), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
#[get("/reports/skps")]
pub async fn report(
    req: HttpRequest,
    state: web::Data<AppState>,
    viewer: Viewer,
    q: web::Query<ReportQuery>,
    paging: web::Query<PageQuery>,
) -> ApiResult<HttpResponse> {
    let year = parse_period(&q.period)?.year();
    let units = reports::scope(&state.db, &viewer, q.unit_id).await?;
    let items = reports::skps(state.reads.db(), &units, year).await?;
    answer(&req, &paging, items, &format!("skp-{year}"))
}
