//! `GET /reports/complaints`: the complaints filed in the period, without complainants' contacts.

use super::{answer, parse_period, scope, ReportQuery};
use crate::entities::{complaints, units};
use crate::error::ApiResult;
use crate::policy::Viewer;
use crate::routes::list::PageQuery;
use crate::state::AppState;
use actix_web::{get, web, HttpRequest, HttpResponse};
use kinerja_types::{ComplaintReportRow, Page, Problem};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use std::collections::HashMap;

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
    let db = &state.db;
    let period = parse_period(&q.period)?;
    let scope = scope(db, &viewer, q.unit_id).await?;
    let settings = crate::pemda_settings::load(db).await?;
    let (from, to) = period.bounds();
    let mut select = complaints::Entity::find()
        .filter(complaints::Column::FiledOn.between(from, to))
        .order_by_asc(complaints::Column::FiledOn)
        .order_by_asc(complaints::Column::Id)
        .limit(super::MAX_ROWS as u64 + 1);
    if let Some(ids) = scope {
        select = select.filter(complaints::Column::UnitId.is_in(ids));
    }
    let names: HashMap<i64, String> = units::Entity::find()
        .select_only()
        .columns([units::Column::Id, units::Column::Name])
        .into_tuple::<(i64, String)>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let items = select
        .all(db)
        .await?
        .iter()
        .map(|c| {
            let w = crate::services::complaints::to_wire(c, false, &settings);
            ComplaintReportRow {
                tracking_code: w.tracking_code,
                unit: names.get(&w.unit_id).cloned().unwrap_or_default(),
                category: w.category,
                status: w.status,
                filed_on: w.filed_on,
                deadline: w.deadline,
                overdue: w.overdue,
                employee_nip: w.employee_nip,
                text: w.text,
                public_response: w.public_response,
            }
        })
        .collect();
    answer(&req, &paging, items, &format!("pengaduan-{period}"))
}
