//! Refresh tokens: issued with each access token, stored as digests, rotated on every use.
//! Presenting a token that was already rotated away revokes every session of that user,
//! since it means the token was copied.

use crate::auth::tokens::{digest, random_token};
use crate::auth::{password, throttle};
use crate::entities::{refresh_tokens, users};
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use chrono::Utc;
use kinerja_types::TokenPair;
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set};

/// Checks a username and password from `address` and issues a token pair. Unknown user, wrong
/// password and a deactivated account all give the same 401. The attempt is counted before the
/// password is hashed (see `throttle`), and the hash runs within the process-wide bound.
pub async fn sign_in(state: &AppState, username: &str, password: &str, address: &str) -> ApiResult<TokenPair> {
    let username = username.trim().to_lowercase();
    let mut attempt = throttle::Attempt::new(&username, address);
    attempt.begin(&state.db).await?;
    let user = users::Entity::find().filter(users::Column::Username.eq(username.clone())).one(&state.db).await?;
    let ok = password::verify_bounded(password, user.as_ref().map(|u| u.password_hash.clone())).await?
        && user.as_ref().is_some_and(|u| u.active);
    let Some(user) = user.filter(|_| ok) else {
        return Err(ApiError::Unauthorized("Nama pengguna atau kata sandi salah".into()));
    };
    attempt.succeeded(&state.db).await?;
    tracing::info!(user_id = user.id, "signed in");
    issue_pair(state, &state.db, user.id, None).await
}

/// Issues a new access token and refresh token for `user_id`.
pub async fn issue_pair(
    state: &AppState,
    db: &impl ConnectionTrait,
    user_id: i64,
    session: Option<i64>,
) -> ApiResult<TokenPair> {
    let ttl = state.config.access_ttl.as_secs() as i64;
    let session = session.unwrap_or_else(new_session_id);
    let access_token = state.keys.issue(user_id, session, ttl)?;
    let refresh_token = random_token(32);
    let now = Utc::now();
    refresh_tokens::ActiveModel {
        user_id: Set(user_id),
        token_hash: Set(digest(&refresh_token)),
        expires_at: Set(
            now + chrono::Duration::from_std(state.config.refresh_ttl).unwrap_or(chrono::Duration::days(30))
        ),
        revoked_at: Set(None),
        family: Set(Some(session)),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(TokenPair { access_token, refresh_token, token_type: "Bearer".into(), expires_in: ttl })
}

fn invalid() -> ApiError {
    ApiError::Unauthorized("Sesi tidak valid atau telah berakhir; silakan masuk kembali".into())
}

/// Exchanges a refresh token for a new pair; the old token stops working.
pub async fn rotate(state: &AppState, presented: &str) -> ApiResult<(i64, TokenPair)> {
    let txn = crate::db::begin(&state.db).await?;
    let found = refresh_tokens::Entity::find()
        .filter(refresh_tokens::Column::TokenHash.eq(digest(presented)))
        .one(&txn)
        .await?
        .ok_or_else(invalid)?;
    if found.revoked_at.is_some() {
        // Reuse of a rotated token: end every session of this user.
        end_others(&txn, found.user_id, None).await?;
        txn.commit().await?;
        tracing::warn!(user_id = found.user_id, "refresh token reused; all sessions revoked");
        return Err(invalid());
    }
    if found.expires_at < Utc::now() {
        return Err(invalid());
    }
    // The absolute lifetime: counted from the session's first token (its sign-in).
    let family = found.family.unwrap_or(found.id);
    let started = refresh_tokens::Entity::find()
        .filter(refresh_tokens::Column::UserId.eq(found.user_id))
        .filter(refresh_tokens::Column::Family.eq(family))
        .order_by_asc(refresh_tokens::Column::CreatedAt)
        .one(&txn)
        .await?
        .map_or(found.created_at, |first| first.created_at);
    let lifetime = chrono::Duration::from_std(state.config.session_lifetime).unwrap_or(chrono::Duration::hours(12));
    if Utc::now() - started > lifetime {
        end(&txn, found.user_id, family).await?;
        txn.commit().await?;
        return Err(invalid());
    }
    // Revoke only if still unrevoked, so that two concurrent refreshes cannot both succeed.
    let revoked = refresh_tokens::Entity::update_many()
        .col_expr(refresh_tokens::Column::RevokedAt, Expr::value(Utc::now()))
        .filter(refresh_tokens::Column::Id.eq(found.id))
        .filter(refresh_tokens::Column::RevokedAt.is_null())
        .exec(&txn)
        .await?;
    if revoked.rows_affected != 1 {
        return Err(invalid());
    }
    let pair = issue_pair(state, &txn, found.user_id, Some(family)).await?;
    txn.commit().await?;
    Ok((found.user_id, pair))
}

/// Revokes a refresh token of `user_id` (logout). Unknown tokens are ignored.
pub async fn revoke(db: &impl ConnectionTrait, user_id: i64, presented: &str) -> ApiResult<()> {
    refresh_tokens::Entity::update_many()
        .col_expr(refresh_tokens::Column::RevokedAt, Expr::value(Utc::now()))
        .filter(refresh_tokens::Column::TokenHash.eq(digest(presented)))
        .filter(refresh_tokens::Column::UserId.eq(user_id))
        .filter(refresh_tokens::Column::RevokedAt.is_null())
        .exec(db)
        .await?;
    Ok(())
}

/// A new session id: random, positive, and never reused in practice (63 bits).
fn new_session_id() -> i64 {
    use rand::Rng;
    (rand::rng().random::<u64>() >> 1) as i64
}

/// Ends one session of the user: its refresh tokens are revoked, so its access tokens stop
/// working once the identity cache forgets the session (at once on this replica).
pub async fn end(db: &impl ConnectionTrait, user_id: i64, session: i64) -> ApiResult<()> {
    refresh_tokens::Entity::update_many()
        .col_expr(refresh_tokens::Column::RevokedAt, Expr::value(Utc::now()))
        .filter(refresh_tokens::Column::UserId.eq(user_id))
        .filter(refresh_tokens::Column::Family.eq(session))
        .filter(refresh_tokens::Column::RevokedAt.is_null())
        .exec(db)
        .await?;
    Ok(())
}

/// Ends every session of the user but `keep` (the one changing its password, if any).
pub async fn end_others(db: &impl ConnectionTrait, user_id: i64, keep: Option<i64>) -> ApiResult<()> {
    let mut update = refresh_tokens::Entity::update_many()
        .col_expr(refresh_tokens::Column::RevokedAt, Expr::value(Utc::now()))
        .filter(refresh_tokens::Column::UserId.eq(user_id))
        .filter(refresh_tokens::Column::RevokedAt.is_null());
    if let Some(k) = keep {
        // Rows without a family (written before sessions) are other sessions too.
        update = update.filter(
            sea_orm::Condition::any()
                .add(refresh_tokens::Column::Family.is_null())
                .add(refresh_tokens::Column::Family.ne(k)),
        );
    }
    update.exec(db).await?;
    Ok(())
}
