//! Password guessing, throttled before any hash is computed. Every attempt is counted at once
//! (one atomic upsert per counter, in the database so that every replica sees the same count) and
//! taken back when it succeeds, so the counters hold failures and attempts still in flight:
//! 24 parallel guesses at one account get 5 evaluations, not 24.
//!
//! - per username and address: 5 in 15 minutes. This is the lock an attacker meets; it cannot
//!   keep the real user, who signs in from elsewhere, out.
//! - per address: 30 in 15 minutes, whatever the usernames (one password sprayed over many).
//! - per username, from every address: 20 in 15 minutes, a slower back-off against a guesser with
//!   many addresses. It spares an address that signed in as that user within 30 days, so that a
//!   distributed attack cannot lock the owner out on their usual device and network either.
//!
//! Wrong current passwords when changing one's password count the same way, per account.

use crate::error::ApiResult;
use crate::services::rate_limit::{self, Limit};

const GUESSES: &str = "Terlalu banyak percobaan masuk yang gagal";

/// One username from one address.
pub const PER_PAIR: Limit = Limit { bucket: "login-pair", max: 5, window_secs: 900, refusal: GUESSES };
/// One address, any usernames.
pub const PER_ADDRESS: Limit = Limit { bucket: "login-address", max: 30, window_secs: 900, refusal: GUESSES };
/// One username, any address but the known ones.
pub const PER_USERNAME: Limit = Limit { bucket: "login-user", max: 20, window_secs: 900, refusal: GUESSES };
/// An address that signed in as the user: a marker that lasts its 30-day window.
const KNOWN: Limit = Limit { bucket: "login-known", max: i32::MAX, window_secs: 30 * 86_400, refusal: GUESSES };
/// Wrong current passwords of one account.
pub const PASSWORD_CHANGE: Limit =
    Limit { bucket: "password-change", max: 5, window_secs: 900, refusal: "Terlalu banyak kata sandi lama yang salah" };

/// The keys of one attempt.
pub struct Attempt {
    username: String,
    address: String,
    /// The counters `begin` counted the attempt in.
    counted: Vec<(Limit, String)>,
}

impl Attempt {
    pub fn new(username: &str, address: &str) -> Self {
        Self { username: username.to_owned(), address: address.to_owned(), counted: Vec::new() }
    }

    fn pair(&self) -> String {
        format!("{}|{}", self.username, self.address)
    }

    /// The counters this attempt goes into.
    async fn counters(&self, db: &impl sea_orm::ConnectionTrait) -> ApiResult<Vec<(Limit, String)>> {
        let mut counters = vec![(PER_PAIR, self.pair()), (PER_ADDRESS, self.address.clone())];
        if !rate_limit::seen(db, KNOWN, &self.pair()).await? {
            counters.push((PER_USERNAME, self.username.clone()));
        }
        Ok(counters)
    }

    /// Counts the attempt; 429 with `Retry-After` (and nothing hashed) when a counter is full.
    /// A refused attempt is taken back from every counter, so that waiting it out is enough.
    pub async fn begin(&mut self, db: &impl sea_orm::ConnectionTrait) -> ApiResult<()> {
        for (limit, key) in self.counters(db).await? {
            if let Err(refused) = rate_limit::hit(db, limit, &key).await {
                for (limit, key) in &self.counted {
                    rate_limit::release(db, *limit, key).await?;
                }
                return Err(refused);
            }
            self.counted.push((limit, key));
        }
        Ok(())
    }

    /// The attempt succeeded: it no longer counts, and the address is known for the user.
    pub async fn succeeded(&self, db: &impl sea_orm::ConnectionTrait) -> ApiResult<()> {
        for (limit, key) in &self.counted {
            rate_limit::release(db, *limit, key).await?;
        }
        rate_limit::hit(db, KNOWN, &self.pair()).await
    }
}

/// Counts an attempt at one's current password (before it is verified); 429 when full.
pub async fn begin_password_check(db: &impl sea_orm::ConnectionTrait, user_id: i64) -> ApiResult<()> {
    rate_limit::hit(db, PASSWORD_CHANGE, &user_id.to_string()).await
}

/// The current password was right: the attempt no longer counts.
pub async fn password_check_passed(db: &impl sea_orm::ConnectionTrait, user_id: i64) -> ApiResult<()> {
    rate_limit::release(db, PASSWORD_CHANGE, &user_id.to_string()).await
}
