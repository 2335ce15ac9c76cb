//! Login throttling: after 5 failures for one username within 15 minutes, further attempts are
//! refused with 429 until the oldest of those failures is 15 minutes old. Kept in the database
//! so that every replica sees the same count.

use crate::entities::login_failures;
use crate::error::{ApiError, ApiResult};
use chrono::{Duration, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set};

pub const MAX_FAILURES: u64 = 5;
pub const WINDOW_MINUTES: i64 = 15;

/// Refuses the attempt if the username is currently throttled.
pub async fn check(db: &impl ConnectionTrait, username: &str) -> ApiResult<()> {
    let since = Utc::now() - Duration::minutes(WINDOW_MINUTES);
    let recent: Vec<login_failures::Model> = login_failures::Entity::find()
        .filter(login_failures::Column::Username.eq(username))
        .filter(login_failures::Column::At.gt(since))
        .order_by_desc(login_failures::Column::At)
        .limit(MAX_FAILURES)
        .all(db)
        .await?;
    if (recent.len() as u64) < MAX_FAILURES {
        return Ok(());
    }
    let oldest = recent.last().map(|f| f.at).unwrap_or_else(Utc::now);
    let retry_after = (oldest + Duration::minutes(WINDOW_MINUTES) - Utc::now()).num_seconds().max(1) as u64;
    Err(ApiError::TooManyRequests {
        detail: format!(
            "Terlalu banyak percobaan masuk yang gagal; coba lagi dalam {} menit",
            retry_after.div_ceil(60)
        ),
        retry_after,
    })
}

/// Records a failed attempt.
pub async fn record_failure(db: &impl ConnectionTrait, username: &str) -> ApiResult<()> {
    login_failures::ActiveModel { username: Set(username.to_owned()), at: Set(Utc::now()), ..Default::default() }
        .insert(db)
        .await?;
    Ok(())
}

/// Clears the failures of a username after a successful sign-in, and old rows of everyone.
pub async fn reset(db: &impl ConnectionTrait, username: &str) -> ApiResult<()> {
    login_failures::Entity::delete_many().filter(login_failures::Column::Username.eq(username)).exec(db).await?;
    let old = Utc::now() - Duration::days(1);
    login_failures::Entity::delete_many().filter(login_failures::Column::At.lt(old)).exec(db).await?;
    Ok(())
}
