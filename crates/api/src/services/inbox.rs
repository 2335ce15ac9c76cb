//! A person's own notifications: read newest first, marked read.

use crate::entities::notifications;
use crate::error::{ApiError, ApiResult};
use chrono::Utc;
use kinerja_types::Notification;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder};

fn to_wire(n: notifications::Model) -> Notification {
    let notice = n.notice.as_deref().and_then(|raw| {
        let read = serde_json::from_str(raw).ok();
        if read.is_none() {
            crate::stored::unreadable("notifications.notice", raw);
        }
        read
    });
    Notification {
        id: n.id,
        kind: n.kind,
        title: n.title,
        body: n.body,
        notice,
        link: n.link,
        read_at: n.read_at,
        created_at: n.created_at,
    }
}

/// The user's notifications (only unread ones if asked), newest first: one page and the total.
pub async fn list(
    db: &DatabaseConnection,
    user_id: i64,
    unread_only: bool,
    offset: u64,
    limit: u64,
) -> ApiResult<(Vec<Notification>, u64)> {
    let mut select = notifications::Entity::find()
        .filter(notifications::Column::UserId.eq(user_id))
        .order_by_desc(notifications::Column::Id);
    if unread_only {
        select = select.filter(notifications::Column::ReadAt.is_null());
    }
    let (rows, total) = super::paging::fetch(db, select, offset, limit).await?;
    Ok((rows.into_iter().map(to_wire).collect(), total))
}

/// Marks one of the user's own notifications read; anybody else's is 404.
pub async fn mark_read(db: &DatabaseConnection, user_id: i64, id: i64) -> ApiResult<()> {
    let done = notifications::Entity::update_many()
        .col_expr(notifications::Column::ReadAt, Expr::value(Utc::now()))
        .filter(notifications::Column::Id.eq(id))
        .filter(notifications::Column::UserId.eq(user_id))
        .exec(db)
        .await?;
    if done.rows_affected == 0 {
        return Err(ApiError::NotFound);
    }
    Ok(())
}
