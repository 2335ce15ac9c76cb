//! argon2id password hashes (PHC strings with their own salt and parameters). Each hash costs
//! about 19 MiB and tens of milliseconds of a core, so requests hash through [`verify_bounded`]
//! and [`hash_bounded`]: on the blocking pool, never inside a database transaction, and at most
//! [`concurrency`] at once in the process. When all are busy for a moment the request gets 503
//! with `Retry-After`, instead of the server running out of memory.

use crate::error::{ApiError, ApiResult};
use std::sync::LazyLock;
use std::time::Duration;
use tokio::sync::Semaphore;

use argon2::password_hash::{rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;

/// Hashes a password with argon2id and a fresh salt.
pub fn hash(password: &str) -> anyhow::Result<String> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| anyhow::anyhow!("hashing password: {e}"))
}

/// Whether `password` matches the stored hash. A malformed hash never matches.
pub fn verify(password: &str, stored: &str) -> bool {
    PasswordHash::new(stored)
        .map(|parsed| Argon2::default().verify_password(password.as_bytes(), &parsed).is_ok())
        .unwrap_or(false)
}

/// Spends the same time as a real verification, so that an unknown username cannot be told
/// apart from a wrong password by timing.
pub fn verify_dummy(password: &str) {
    // argon2id hash of a random string, same default parameters as `hash`.
    const DUMMY: &str =
        "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$J0mGT0ojbqOZd2mH2ZbbcwY2O3Dw4XWKZ8wEpQUMWO0";
    let _ = verify(password, DUMMY);
}

/// How many hashes may run at once: the cores of the machine (at least 2).
pub fn concurrency() -> usize {
    std::thread::available_parallelism().map(|n| n.get()).unwrap_or(2).max(2)
}

static HASHING: LazyLock<Semaphore> = LazyLock::new(|| Semaphore::new(concurrency()));

/// How long a request waits for a free hashing slot before it is told to come back.
const WAIT: Duration = Duration::from_secs(2);

/// Runs `work` (a hash or a verification) within the process-wide bound.
async fn bounded<T: Send + 'static>(work: impl FnOnce() -> T + Send + 'static) -> ApiResult<T> {
    let permit = tokio::time::timeout(WAIT, HASHING.acquire())
        .await
        .map_err(|_| ApiError::Busy { retry_after: 1 })?
        .map_err(|e| ApiError::Internal(e.into()))?;
    let out = actix_web::web::block(work).await.map_err(|e| ApiError::Internal(e.into()))?;
    drop(permit);
    Ok(out)
}

/// [`verify`] within the bound; `None` as the stored hash spends the time of [`verify_dummy`].
pub async fn verify_bounded(password: &str, stored: Option<String>) -> ApiResult<bool> {
    let pw = password.to_owned();
    bounded(move || match stored {
        Some(stored) => verify(&pw, &stored),
        None => {
            verify_dummy(&pw);
            false
        }
    })
    .await
}

/// [`hash`] within the bound.
pub async fn hash_bounded(password: &str) -> ApiResult<String> {
    let pw = password.to_owned();
    bounded(move || hash(&pw)).await?.map_err(ApiError::Internal)
}

#[cfg(test)]
mod tests {
    #[test]
    fn round_trip() {
        let h = super::hash("rahasia123").unwrap();
        assert!(h.starts_with("$argon2id$"));
        assert!(super::verify("rahasia123", &h));
        assert!(!super::verify("rahasia124", &h));
        assert!(!super::verify("x", "not a hash"));
    }
}
