//! The team view (Bantul): co-workers under the same supervisor see each other's approved
//! activities — date, description, minutes, RHK — and nothing else. A setting turns it off.

use crate::entities::{activities, employees};
use crate::error::ApiResult;
use crate::policy::Viewer;
use crate::routes::list::{fetch_page, page, PageQuery};
use crate::services::activity::wire;
use crate::state::AppState;
use actix_web::{get, web};
use kinerja_domain::ActivityStatus;
use kinerja_types::{Activity, Page, Problem};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(team_feed);
}

/// Approved activities of the caller's co-workers (same direct supervisor), newest first. Empty
/// when the Pemda turned the team view off. Evidence is never included.
#[utoipa::path(tag = "activities", security(("bearer" = [])), params(PageQuery),
    responses((status = 200, body = Page<Activity>), (status = 401, body = Problem)))]
#[get("/activities/team")]
pub async fn team_feed(
    state: web::Data<AppState>,
    viewer: Viewer,
    paging: web::Query<PageQuery>,
) -> ApiResult<web::Json<Page<Activity>>> {
    let empty = || web::Json(page(Vec::new(), 0, &paging));
    if !state.settings().await?.team_view_enabled {
        return Ok(empty());
    }
    let Some(me) = viewer.employee_id else { return Ok(empty()) };
    let Some(supervisor) = employees::Entity::find_by_id(me).one(&state.db).await?.and_then(|e| e.supervisor_id) else {
        return Ok(empty());
    };
    let peers: Vec<i64> = employees::Entity::find()
        .filter(employees::Column::SupervisorId.eq(supervisor))
        .filter(employees::Column::Id.ne(me))
        .all(&state.db)
        .await?
        .into_iter()
        .map(|e| e.id)
        .collect();
    let select = activities::Entity::find()
        .filter(activities::Column::EmployeeId.is_in(peers))
        .filter(activities::Column::Status.eq(ActivityStatus::Approved.as_str()))
        .order_by_desc(activities::Column::Date)
        .order_by_desc(activities::Column::Id);
    let (rows, total) = fetch_page(&state.db, select, &paging).await?;
    let mut items = wire(&state.db, &rows, false).await?;
    for a in &mut items {
        a.reject_note = None;
        a.evidence_ids.clear();
    }
    Ok(web::Json(page(items, total, &paging)))
}
