//! In-app notifications: written in the same transaction as the change they announce, with their
//! copies to the outbox for the people who want them by e-mail or WhatsApp.

use crate::entities::{notifications, users};
use crate::error::ApiResult;
use chrono::Utc;
use kinerja_types::Notice;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};

/// What to tell someone: the kind of event, the notice (its text in either language) and where
/// in the app it leads.
#[derive(Clone)]
pub struct Message<'a> {
    pub kind: &'a str,
    pub notice: Notice,
    pub link: Option<String>,
}

/// Notifies every account of an employee (usually one). An employee without an account is
/// silently skipped: they will see the state when they get one. The notice's code and parameters
/// are kept for the SPA to show in the reader's language, its Indonesian title and body for API
/// clients.
pub async fn employee(db: &impl ConnectionTrait, employee_id: i64, msg: &Message<'_>) -> ApiResult<()> {
    let accounts: Vec<i64> = users::Entity::find()
        .filter(users::Column::EmployeeId.eq(employee_id))
        .all(db)
        .await?
        .into_iter()
        .map(|u| u.id)
        .collect();
    send(db, accounts, msg).await
}

/// The active BKPSDM administrators' accounts.
pub async fn admin_accounts(db: &impl ConnectionTrait) -> ApiResult<Vec<i64>> {
    Ok(users::Entity::find()
        .filter(users::Column::Active.eq(true))
        .filter(users::Column::Roles.contains("admin"))
        .all(db)
        .await?
        .into_iter()
        .filter(|u| crate::policy::parse_roles(&u.roles).contains(&kinerja_domain::Role::Admin))
        .map(|u| u.id)
        .collect())
}

/// Notifies every active BKPSDM administrator (who acts for the PPK).
pub async fn admins(db: &impl ConnectionTrait, msg: &Message<'_>) -> ApiResult<()> {
    send(db, admin_accounts(db).await?, msg).await
}

/// Notifies these accounts.
pub async fn accounts(db: &impl ConnectionTrait, accounts: Vec<i64>, msg: &Message<'_>) -> ApiResult<()> {
    send(db, accounts, msg).await
}

/// Writes the message to each of `accounts`.
async fn send(db: &impl ConnectionTrait, accounts: Vec<i64>, msg: &Message<'_>) -> ApiResult<()> {
    if accounts.is_empty() {
        return Ok(());
    }
    let (title, body) = msg.notice.render(false);
    let stored = serde_json::to_string(&msg.notice).map_err(|e| crate::error::ApiError::Internal(e.into()))?;
    let now = Utc::now();
    let rows = accounts.iter().map(|&user_id| notifications::ActiveModel {
        user_id: Set(user_id),
        kind: Set(msg.kind.to_owned()),
        title: Set(title.chars().take(200).collect()),
        body: Set(body.clone()),
        link: Set(msg.link.clone()),
        notice: Set(Some(stored.clone())),
        read_at: Set(None),
        created_at: Set(now),
        ..Default::default()
    });
    notifications::Entity::insert_many(rows).exec(db).await?;
    // A copy to the e-mail and WhatsApp each person verified, unless they keep the group out.
    crate::services::message_settings::copy_out(db, &accounts, msg.kind, msg.link.as_deref()).await
}
