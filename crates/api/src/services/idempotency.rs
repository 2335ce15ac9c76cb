//! Idempotency keys: a request named by the client with `Idempotency-Key` is carried out once.
//! The first success is kept (status and body) for [`KEEP_DAYS`]; the same key from the same user
//! on the same kind of request gets that answer again, and a different request under a used key is
//! refused. Written in the transaction of the change itself, so a key is kept exactly when the
//! change is.

use crate::entities::idempotency_keys as keys;
use crate::error::{ApiError, ApiResult, ConflictExt};
use chrono::{Duration, Utc};
use kinerja_types::Invalid;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseTransaction, DbBackend, EntityTrait, QueryFilter, Set,
    Statement,
};
use serde::Serialize;
use sha2::{Digest, Sha256};

/// How long an answer is kept for a retry.
pub const KEEP_DAYS: i64 = 7;

/// The longest key accepted (a UUID is 36).
pub const MAX_KEY_LEN: usize = 128;

/// A key the client may send: 1 to [`MAX_KEY_LEN`] letters, digits, `-`, `_`, `.` or `:`.
pub fn well_formed(key: &str) -> bool {
    (1..=MAX_KEY_LEN).contains(&key.len())
        && key.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b':'))
}

/// The fingerprint of a request's content, to tell a retry from another request under the same key.
pub fn fingerprint(parts: &[&[u8]]) -> String {
    let mut hasher = Sha256::new();
    for part in parts {
        hasher.update((part.len() as u64).to_be_bytes());
        hasher.update(part);
    }
    hex::encode(hasher.finalize())
}

/// A kept answer: its status and JSON body.
pub struct Kept {
    pub status: u16,
    pub body: String,
}

/// Makes requests under the same key take turns until the transaction ends, so that a copy sent
/// while the first is still running waits for it and gets its answer (rather than being checked
/// again, against a day that already holds the first). On PostgreSQL a transaction-scoped advisory
/// lock on the key; SQLite's write transactions already take turns (`BEGIN IMMEDIATE`).
async fn take_turns(txn: &DatabaseTransaction, user_id: i64, scope: &str, key: &str) -> ApiResult<()> {
    if txn.get_database_backend() == DbBackend::Postgres {
        let digest = Sha256::digest(format!("idempotency\u{1f}{user_id}\u{1f}{scope}\u{1f}{key}"));
        let mut first = [0u8; 8];
        first.copy_from_slice(&digest[..8]);
        let lock = i64::from_be_bytes(first);
        txn.execute_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "SELECT pg_advisory_xact_lock($1)",
            [lock.into()],
        ))
        .await?;
    }
    Ok(())
}

/// The answer kept for `key`, if this user already succeeded with it on `scope` within
/// [`KEEP_DAYS`]; 422 on `Idempotency-Key` if it was for another request. A request still running
/// under the same key is waited for first.
pub async fn kept(
    txn: &DatabaseTransaction,
    user_id: i64,
    scope: &str,
    key: Option<&str>,
    request_hash: &str,
) -> ApiResult<Option<Kept>> {
    let Some(key) = key else { return Ok(None) };
    take_turns(txn, user_id, scope, key).await?;
    let since = Utc::now() - Duration::days(KEEP_DAYS);
    let row = keys::Entity::find()
        .filter(keys::Column::UserId.eq(user_id))
        .filter(keys::Column::Scope.eq(scope))
        .filter(keys::Column::Key.eq(key))
        .filter(keys::Column::CreatedAt.gt(since))
        .one(txn)
        .await?;
    match row {
        None => Ok(None),
        Some(row) if row.request_hash != request_hash => {
            Err(ApiError::field("Idempotency-Key", Invalid::IdempotencyKeyReused))
        }
        Some(row) => {
            // Only successes are kept: anything else stored there cannot be answered again.
            let Some(status) = u16::try_from(row.status).ok().filter(|s| (200..300).contains(s)) else {
                crate::stored::unreadable("idempotency_keys.status", &row.status.to_string());
                return Err(ApiError::Internal(anyhow::anyhow!(
                    "idempotency key {} has status {}",
                    row.id,
                    row.status
                )));
            };
            Ok(Some(Kept { status, body: row.body }))
        }
    }
}

/// Keeps the answer to a first success under `key` (nothing without one) and gives it as JSON;
/// forgets this user's keys past [`KEEP_DAYS`]. Copies take turns (see [`kept`]), so a unique
/// violation here is only a safety net: a 409 whose change rolls back with it.
pub async fn keep<T: Serialize>(
    txn: &DatabaseTransaction,
    user_id: i64,
    scope: &str,
    key: Option<&str>,
    request_hash: &str,
    status: u16,
    body: &T,
) -> ApiResult<String> {
    let json = serde_json::to_string(body).map_err(|e| ApiError::Internal(e.into()))?;
    let Some(key) = key else { return Ok(json) };
    let now = Utc::now();
    keys::Entity::delete_many()
        .filter(keys::Column::UserId.eq(user_id))
        .filter(keys::Column::CreatedAt.lte(now - Duration::days(KEEP_DAYS)))
        .exec(txn)
        .await?;
    keys::ActiveModel {
        user_id: Set(user_id),
        scope: Set(scope.to_owned()),
        key: Set(key.to_owned()),
        request_hash: Set(request_hash.to_owned()),
        status: Set(i16::try_from(status).map_err(|e| ApiError::Internal(e.into()))?),
        body: Set(json.clone()),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(txn)
    .await
    .on_conflict("Permintaan dengan Idempotency-Key ini sedang diproses; coba lagi sebentar")?;
    Ok(json)
}
