//! The signed-in user's own notifications.

use crate::entities::notifications;
use crate::error::{ApiError, ApiResult};
use crate::policy::Viewer;
use crate::routes::list::{fetch_page, page, PageQuery};
use crate::state::AppState;
use actix_web::{get, post, web, HttpResponse};
use chrono::Utc;
use kinerja_types::{Notification, Page, Problem};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
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

fn to_wire(n: notifications::Model) -> Notification {
    Notification {
        id: n.id,
        kind: n.kind,
        title: n.title,
        body: n.body,
        link: n.link,
        read_at: n.read_at,
        created_at: n.created_at,
    }
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
    let mut select = notifications::Entity::find()
        .filter(notifications::Column::UserId.eq(viewer.user_id))
        .order_by_desc(notifications::Column::Id);
    if filter.unread.unwrap_or(false) {
        select = select.filter(notifications::Column::ReadAt.is_null());
    }
    let (rows, total) = fetch_page(&state.db, select, &paging).await?;
    Ok(web::Json(page(rows.into_iter().map(to_wire).collect(), total, &paging)))
}

/// Marks one of one's own notifications as read.
#[utoipa::path(tag = "notifications", security(("bearer" = [])), params(("id" = i64, Path)),
    responses((status = 204), (status = 404, body = Problem)))]
#[post("/notifications/{id}/read")]
pub async fn mark_read(state: web::Data<AppState>, viewer: Viewer, id: web::Path<i64>) -> ApiResult<HttpResponse> {
    let done = notifications::Entity::update_many()
        .col_expr(notifications::Column::ReadAt, Expr::value(Utc::now()))
        .filter(notifications::Column::Id.eq(id.into_inner()))
        .filter(notifications::Column::UserId.eq(viewer.user_id))
        .exec(&state.db)
        .await?;
    if done.rows_affected == 0 {
        return Err(ApiError::NotFound);
    }
    Ok(HttpResponse::NoContent().finish())
}
