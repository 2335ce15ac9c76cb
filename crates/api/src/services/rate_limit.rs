//! Fixed-window rate limits kept in the database, so that every replica counts the same.

use crate::entities::rate_limits;
use crate::error::{ApiError, ApiResult};
use chrono::Utc;
use sea_orm::sea_query::{Expr, ExprTrait, OnConflict};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};

/// A limit: at most `max` hits per `window_secs` for one key; `refusal` words the 429.
#[derive(Debug, Clone, Copy)]
pub struct Limit {
    pub bucket: &'static str,
    pub max: i32,
    pub window_secs: i64,
    pub refusal: &'static str,
}

const SENDS: &str = "Terlalu banyak kiriman";

/// Public surveys from one address.
pub const SURVEY_PER_CLIENT: Limit = Limit { bucket: "survey", max: 20, window_secs: 3600, refusal: SENDS };
/// Surveys from one registered kiosk (a counter tablet serving a queue).
pub const SURVEY_PER_KIOSK: Limit = Limit { bucket: "survey-kiosk", max: 1000, window_secs: 3600, refusal: SENDS };
/// Complaints from one address.
pub const COMPLAINT_PER_CLIENT: Limit = Limit { bucket: "complaint", max: 10, window_secs: 3600, refusal: SENDS };
/// Answers of service users to a 360° pulse from one address.
pub const PULSE_PER_CLIENT: Limit = Limit { bucket: "pulse", max: 20, window_secs: 3600, refusal: SENDS };
/// A service user's answers about one person of a 360° pulse from one address.
pub const PULSE_PER_PERSON: Limit =
    Limit { bucket: "pulse-person", max: 1, window_secs: 86_400, refusal: "Anda sudah menilai petugas ini hari ini" };
/// Forum aspirasi from one address.
pub const FORUM_INPUT_PER_CLIENT: Limit = Limit { bucket: "forum-input", max: 10, window_secs: 3600, refusal: SENDS };
/// Verification codes one person has sent to a new address (against flooding an address).
pub const CONTACT_CODES_PER_USER: Limit =
    Limit { bucket: "contact-code", max: 5, window_secs: 3600, refusal: "Terlalu banyak kode verifikasi" };
/// "Lupa kata sandi" requests from one address, and for one account.
pub const RESETS_PER_CLIENT: Limit =
    Limit { bucket: "reset-client", max: 10, window_secs: 3600, refusal: "Terlalu banyak permintaan" };
pub const RESETS_PER_USER: Limit =
    Limit { bucket: "reset-user", max: 3, window_secs: 3600, refusal: "Terlalu banyak permintaan" };
/// Tracking-code lookups from one address (against guessing).
pub const TRACK_PER_CLIENT: Limit = Limit { bucket: "track", max: 60, window_secs: 60, refusal: SENDS };

/// The current window of `limit` (its start), now, and `key` as stored.
fn slot(limit: Limit, key: &str) -> (i64, i64, String) {
    let now = Utc::now().timestamp();
    (now - now.rem_euclid(limit.window_secs), now, key.chars().take(100).collect())
}

/// Counts a hit of `key` at once (one atomic upsert, so parallel requests each see their own
/// count); past the window's limit the hit is taken back and the answer is 429 with
/// `Retry-After`.
pub async fn hit(db: &impl ConnectionTrait, limit: Limit, key: &str) -> ApiResult<()> {
    let (window, now, key) = slot(limit, key);
    rate_limits::Entity::insert(rate_limits::ActiveModel {
        bucket: Set(limit.bucket.to_owned()),
        key: Set(key.clone()),
        window_start: Set(window),
        count: Set(1),
    })
    .on_conflict(
        OnConflict::columns([rate_limits::Column::Bucket, rate_limits::Column::Key, rate_limits::Column::WindowStart])
            .value(rate_limits::Column::Count, Expr::col((rate_limits::Entity, rate_limits::Column::Count)).add(1))
            .to_owned(),
    )
    .exec(db)
    .await?;
    let count = rate_limits::Entity::find()
        .filter(rate_limits::Column::Bucket.eq(limit.bucket))
        .filter(rate_limits::Column::Key.eq(key.clone()))
        .filter(rate_limits::Column::WindowStart.eq(window))
        .one(db)
        .await?
        .map(|r| r.count)
        .unwrap_or(1);
    if now % 97 == 0 {
        // Now and then, forget this bucket's windows that ended long ago.
        let ended = now - Ord::max(86_400, 2 * limit.window_secs);
        rate_limits::Entity::delete_many()
            .filter(rate_limits::Column::Bucket.eq(limit.bucket))
            .filter(rate_limits::Column::WindowStart.lt(ended))
            .exec(db)
            .await?;
    }
    if count > limit.max {
        release(db, limit, &key).await?;
        let retry_after = Ord::max(window + limit.window_secs - now, 1) as u64;
        return Err(ApiError::TooManyRequests {
            detail: format!("{}; coba lagi dalam {} menit", limit.refusal, retry_after.div_ceil(60)),
            retry_after,
        });
    }
    Ok(())
}

/// Takes back one hit of `key` in the current window (an attempt that turned out legitimate, or
/// one that was refused).
pub async fn release(db: &impl ConnectionTrait, limit: Limit, key: &str) -> ApiResult<()> {
    let (window, _, key) = slot(limit, key);
    rate_limits::Entity::update_many()
        .col_expr(rate_limits::Column::Count, Expr::col(rate_limits::Column::Count).sub(1))
        .filter(rate_limits::Column::Bucket.eq(limit.bucket))
        .filter(rate_limits::Column::Key.eq(key))
        .filter(rate_limits::Column::WindowStart.eq(window))
        .filter(rate_limits::Column::Count.gt(0))
        .exec(db)
        .await?;
    Ok(())
}

/// Whether `key` was hit in the current or the previous window of `limit` (a marker, such as an
/// address known for a user).
pub async fn seen(db: &impl ConnectionTrait, limit: Limit, key: &str) -> ApiResult<bool> {
    let (window, _, key) = slot(limit, key);
    let found = rate_limits::Entity::find()
        .filter(rate_limits::Column::Bucket.eq(limit.bucket))
        .filter(rate_limits::Column::Key.eq(key))
        .filter(rate_limits::Column::WindowStart.gte(window - limit.window_secs))
        .filter(rate_limits::Column::Count.gt(0))
        .one(db)
        .await?;
    Ok(found.is_some())
}

/// The client's address. Behind a reverse proxy listed in `KINERJA_TRUSTED_PROXIES`, the last
/// address of `X-Forwarded-For` that is not itself a trusted proxy; otherwise the peer, so that a
/// forged header cannot dodge the limits.
pub fn client_key(req: &actix_web::HttpRequest) -> String {
    let Some(peer) = req.peer_addr().map(|a| a.ip()) else { return "unknown".into() };
    let trusted = req
        .app_data::<actix_web::web::Data<crate::state::AppState>>()
        .map(|s| s.config.trusted_proxies.clone())
        .unwrap_or_default();
    if !trusted.contains(&peer) {
        return peer.to_string();
    }
    let forwarded = req.headers().get("x-forwarded-for").and_then(|v| v.to_str().ok()).unwrap_or("");
    forwarded
        .split(',')
        .rev()
        .filter_map(|a| a.trim().parse::<std::net::IpAddr>().ok())
        .find(|a| !trusted.contains(a))
        .unwrap_or(peer)
        .to_string()
}
