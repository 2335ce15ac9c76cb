//! `GET /reports/ikm`: the satisfaction index of every service unit of the subtree.

use super::{answer, parse_period, scope, ReportQuery};
use crate::entities::units;
use crate::error::ApiResult;
use crate::policy::Viewer;
use crate::routes::list::PageQuery;
use crate::state::AppState;
use actix_web::{get, web, HttpRequest, HttpResponse};
use kinerja_types::{IkmReportRow, Page, Problem};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};

/// One row per service unit: respondents, the index, its grade and whether it was published; JSON or CSV.
#[utoipa::path(tag = "reports", security(("bearer" = [])), params(ReportQuery, PageQuery),
    responses((status = 200, body = Page<IkmReportRow>), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
#[get("/reports/ikm")]
pub async fn report(
    req: HttpRequest,
    state: web::Data<AppState>,
    viewer: Viewer,
    q: web::Query<ReportQuery>,
    paging: web::Query<PageQuery>,
) -> ApiResult<HttpResponse> {
    let db = &state.db;
    let period = parse_period(&q.period)?;
    let scope = scope(db, &viewer, q.unit_id).await?;
    let mut select =
        units::Entity::find().filter(units::Column::IsServiceUnit.eq(true)).order_by_asc(units::Column::Name);
    if let Some(ids) = scope {
        select = select.filter(units::Column::Id.is_in(ids));
    }
    let mut items = Vec::new();
    for unit in select.all(db).await? {
        let r = crate::services::ikm::report(db, unit.id, &period).await?;
        items.push(IkmReportRow {
            unit: unit.name,
            period: r.period,
            respondents: r.respondents,
            ikm: r.ikm,
            grade: r.grade,
            published: r.published,
            unit_id: unit.id,
        });
    }
    answer(&req, &paging, items, &format!("ikm-{period}"))
}
