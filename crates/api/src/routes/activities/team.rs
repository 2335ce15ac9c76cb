//! The team view (Bantul): co-workers under the same supervisor see each other's approved
//! activities — date, description, minutes, RHK — and nothing else. A setting turns it off.

use crate::error::ApiResult;
use crate::policy::Viewer;
use crate::routes::list::{page, PageQuery};
use crate::services::activity::team;
use crate::state::AppState;
use actix_web::{get, web};
use kinerja_types::{Activity, Page, Problem};

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
    let (items, total) = team::feed(&state.db, me, paging.offset(), paging.per_page()).await?;
    Ok(web::Json(page(items, total, &paging)))
}
