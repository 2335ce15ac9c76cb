//! `GET /reports/activities`: every activity of the period, one row each.

use super::{answer, parse_period, people, scope, ReportQuery};
use crate::entities::activities;
use crate::error::ApiResult;
use crate::policy::employees_within;
use crate::policy::Viewer;
use crate::routes::list::PageQuery;
use crate::state::AppState;
use actix_web::{get, web, HttpRequest, HttpResponse};
use kinerja_types::{ActivityReportRow, Page, Problem};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

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
    let db = &state.db;
    let period = parse_period(&q.period)?;
    let units = scope(db, &viewer, q.unit_id).await?;
    let people = people(db, &units).await?;
    let (from, to) = period.bounds();
    let rows = activities::Entity::find()
        .filter(activities::Column::EmployeeId.in_subquery(employees_within(&units)))
        .filter(activities::Column::Date.between(from, to))
        .order_by_asc(activities::Column::Date)
        .order_by_asc(activities::Column::Id)
        .limit(super::MAX_ROWS as u64 + 1)
        .all(db)
        .await?;
    let items = rows
        .into_iter()
        .filter_map(|a| {
            let p = people.get(&a.employee_id)?;
            Some(ActivityReportRow {
                nip: p.nip.clone(),
                name: p.name.clone(),
                unit: p.unit.clone(),
                date: a.date,
                minutes: a.minutes.max(0) as u32,
                description: a.description,
                output_qty: a.output_qty,
                status: a.status,
                activity_id: a.id,
            })
        })
        .collect();
    answer(&req, &paging, items, &format!("aktivitas-{period}"))
}
