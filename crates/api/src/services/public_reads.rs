//! What citizens read without an account (the Pemda's name, the service units, the forums and
//! the published satisfaction index) is answered from a short cache and limited per address.
//!
//! Both live in this replica's memory, so that a flood of reads costs neither a computation nor
//! a database write per request. A change made through this replica drops the cache at once
//! (`AppState::public_changed`); one made on another replica is seen when the entry expires.

use crate::error::{ApiError, ApiResult};
use actix_web::web::Bytes;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Public answers as serialised JSON, by what was asked (route and query).
pub type Answers = moka::future::Cache<String, Bytes>;

/// Reads per address in the current window: when the window began and how many so far.
pub type Readers = moka::future::Cache<String, Arc<(Instant, AtomicU32)>>;

/// The window of the per-address limit.
pub const WINDOW: Duration = Duration::from_secs(60);

/// An answer cache keeping entries for `ttl` (zero: keeps nothing).
pub fn answers(ttl: Duration) -> Answers {
    moka::future::Cache::builder()
        .max_capacity(if ttl.is_zero() { 0 } else { 10_000 })
        .time_to_live(ttl.max(Duration::from_millis(1)))
        .build()
}

/// The per-address counters, each forgotten when its window ends.
pub fn readers() -> Readers {
    moka::future::Cache::builder().max_capacity(200_000).time_to_live(WINDOW).build()
}

/// Counts one public read of `client`; past `per_minute` in the window the answer is 429 with
/// `Retry-After`.
pub async fn count(readers: &Readers, client: &str, per_minute: u32) -> ApiResult<()> {
    let entry = readers.get_with(client.to_owned(), async { Arc::new((Instant::now(), AtomicU32::new(0))) }).await;
    let so_far = entry.1.fetch_add(1, Ordering::Relaxed).saturating_add(1);
    if so_far <= per_minute {
        return Ok(());
    }
    let retry_after = WINDOW.saturating_sub(entry.0.elapsed()).as_secs().max(1);
    Err(ApiError::TooManyRequests {
        detail: format!("Terlalu banyak permintaan dari alamat ini; coba lagi dalam {retry_after} detik"),
        retry_after,
    })
}

/// The answer to `key`: from the cache, or computed by `compute` (parallel requests for the same
/// key wait for one computation) and kept. Errors are not kept.
pub async fn cached<T, F>(answers: &Answers, key: String, compute: F) -> ApiResult<Bytes>
where
    T: serde::Serialize,
    F: std::future::Future<Output = ApiResult<T>>,
{
    let fresh = async {
        let value = compute.await?;
        Ok::<_, ApiError>(Bytes::from(serde_json::to_vec(&value).map_err(|e| ApiError::Internal(e.into()))?))
    };
    if answers.policy().max_capacity() == Some(0) {
        return fresh.await;
    }
    answers.try_get_with(key, fresh).await.map_err(|e| Arc::try_unwrap(e).unwrap_or_else(|e| shared(&e)))
}

/// The error of a computation that other requests waited for, for one of those: the same 404,
/// or an internal error carrying its words.
fn shared(e: &ApiError) -> ApiError {
    match e {
        ApiError::NotFound => ApiError::NotFound,
        ApiError::Unavailable => ApiError::Unavailable,
        ApiError::Busy { retry_after } => ApiError::Busy { retry_after: *retry_after },
        other => ApiError::Internal(anyhow::anyhow!("{other}")),
    }
}
