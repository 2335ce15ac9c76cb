//! The signed-in user's own notifications.

use crate::error::ApiResult;
use crate::policy::Viewer;
use crate::routes::list::{page, PageQuery};
use crate::services::inbox;
use crate::state::AppState;
use actix_web::{get, post, web, HttpResponse};
use kinerja_types::{Notification, Page, Problem};
use serde::Deserialize;
use utoipa::IntoParams;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(list_notifications).service(mark_read);
}

/// Filter of the notification list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct NotificationFilter {
    /// Only unread ones.
    pub unread: Option<bool>,
}

/// Own notifications, newest first.
#[utoipa::path(tag = "notifications", security(("bearer" = [])), params(NotificationFilter, PageQuery),
    responses((status = 200, body = Page<Notification>), (status = 401, body = Problem)))]
#[get("/notifications")]
pub async fn list_notifications(
    state: web::Data<AppState>,
    viewer: Viewer,
    filter: web::Query<NotificationFilter>,
    paging: web::Query<PageQuery>,
) -> ApiResult<web::Json<Page<Notification>>> {
    let unread = filter.unread.unwrap_or(false);
    let (items, total) = inbox::list(&state.db, viewer.user_id, unread, paging.offset(), paging.per_page()).await?;
    Ok(web::Json(page(items, total, &paging)))
}

/// Marks one of one's own notifications as read.
#[utoipa::path(tag = "notifications", security(("bearer" = [])), params(("id" = i64, Path)),
    responses((status = 204), (status = 404, body = Problem)))]
#[post("/notifications/{id}/read")]
pub async fn mark_read(state: web::Data<AppState>, viewer: Viewer, id: web::Path<i64>) -> ApiResult<HttpResponse> {
    inbox::mark_read(&state.db, viewer.user_id, id.into_inner()).await?;
    Ok(HttpResponse::NoContent().finish())
}
