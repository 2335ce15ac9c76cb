//! `GET /reports/skps`: the SKP in force of every employee for the period's year.

use super::{answer, parse_period, people, scope, ReportQuery};
use crate::entities::rhk;
use crate::error::ApiResult;
use crate::policy::employees_within;
use crate::policy::Viewer;
use crate::routes::list::PageQuery;
use crate::state::AppState;
use actix_web::{get, web, HttpRequest, HttpResponse};
use kinerja_types::{Page, Problem, SkpReportRow};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QuerySelect};
use std::collections::HashMap;

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
    let db = &state.db;
    let year = parse_period(&q.period)?.year();
    let units = scope(db, &viewer, q.unit_id).await?;
    let people = people(db, &units).await?;
    let in_force = crate::services::skp::in_force(db, year, employees_within(&units)).await?;
    let ids: Vec<i64> = in_force.values().map(|s| s.id).collect();
    let rhk_counts: HashMap<i64, i64> = rhk::Entity::find()
        .select_only()
        .column(rhk::Column::SkpId)
        .column_as(rhk::Column::Id.count(), "n")
        .filter(rhk::Column::SkpId.is_in(ids))
        .group_by(rhk::Column::SkpId)
        .into_tuple::<(i64, i64)>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let mut items: Vec<SkpReportRow> = people
        .into_iter()
        .map(|(id, p)| {
            let s = in_force.get(&id);
            SkpReportRow {
                nip: p.nip,
                name: p.name,
                unit: p.unit,
                position: p.position,
                year,
                status: s.map(crate::services::skp::status),
                revision: s.map(|s| s.revision),
                rhk_count: s.and_then(|s| rhk_counts.get(&s.id)).copied().unwrap_or(0).max(0) as u32,
                approved_at: s.and_then(|s| s.approved_at),
                skp_id: s.map(|s| s.id),
            }
        })
        .collect();
    items.sort_by(|a, b| a.unit.cmp(&b.unit).then_with(|| a.name.cmp(&b.name)));
    answer(&req, &paging, items, &format!("skp-{year}"))
}
