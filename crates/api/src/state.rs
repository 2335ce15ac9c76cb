//! What every handler can reach: the database and the process configuration.

use crate::auth::jwt::JwtKeys;
use crate::config::Config;
use sea_orm::DatabaseConnection;
use std::sync::Arc;

/// Shared application state, cloned cheaply into each worker.
#[derive(Clone)]
pub struct AppState {
    /// The primary: every write, and every read that must see its own writes.
    pub db: DatabaseConnection,
    /// Heavy reads (dashboards, reports, exports, the data-quality index): the read replica when
    /// one is configured and answering, else the primary (see `read_replica`).
    pub reads: crate::read_replica::Reads,
    pub config: Arc<Config>,
    pub keys: Arc<JwtKeys>,
    /// Evidence files.
    pub blobs: crate::storage::Blobs,
    /// Dashboards computed in the last few seconds, by unit and period (see `Config::dashboard_cache`).
    pub dashboards: DashboardCache,
    /// Signed-in people's identities and scopes, kept a few seconds (see `services::identity`).
    pub identities: Arc<crate::services::identity::IdentityCache>,
    /// The Pemda's settings, kept a few seconds and dropped when they change here.
    pub settings: SettingsCache,
    /// Every unit, kept a few seconds and dropped when the organisation changes here (see
    /// `services::units::all`).
    pub units: UnitsCache,
    /// Answers to citizens' reads, kept a few seconds (see `services::public_reads`).
    pub public_answers: crate::services::public_reads::Answers,
    /// Citizens' reads per address in the current minute.
    pub public_readers: crate::services::public_reads::Readers,
    /// Bumped by every change citizens read; part of every cached answer's key, so that an answer
    /// computed before a change and stored after it is never served.
    pub public_generation: Arc<std::sync::atomic::AtomicU64>,
    /// The channels of messages outside the app that are configured (for the admin's test-send).
    pub channels: crate::delivery::Channels,
}

/// The units of the Pemda as last read (one entry).
pub type UnitsCache = moka::future::Cache<(), Arc<Vec<crate::entities::units::Model>>>;

/// The Pemda's settings as last read (one entry).
pub type SettingsCache = moka::future::Cache<(), Arc<kinerja_types::PemdaSettings>>;

/// A settings cache keeping the settings for `ttl`.
pub fn settings_cache(ttl: std::time::Duration) -> SettingsCache {
    moka::future::Cache::builder()
        .max_capacity(if ttl.is_zero() { 0 } else { 1 })
        .time_to_live(ttl.max(std::time::Duration::from_millis(1)))
        .build()
}

/// A units cache keeping the list for `ttl`.
pub fn units_cache(ttl: std::time::Duration) -> UnitsCache {
    moka::future::Cache::builder()
        .max_capacity(if ttl.is_zero() { 0 } else { 1 })
        .time_to_live(ttl.max(std::time::Duration::from_millis(1)))
        .build()
}

impl AppState {
    /// The organisation changed here (units, people, supervisors, teams): every cached scope is
    /// dropped so the next request of each person computes it again.
    pub fn org_changed(&self) {
        crate::services::identity::forget_all(&self.identities);
        self.units.invalidate_all();
        self.public_changed();
    }

    /// Something citizens read changed here (a forum, its aspirasi or commitments, a published
    /// index, the units): the cached public answers are dropped.
    pub fn public_changed(&self) {
        self.public_generation.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        self.public_answers.invalidate_all();
    }

    /// The Pemda's settings: read from the database at most once per cache lifetime; another
    /// replica's change is seen when the entry expires.
    pub async fn settings(&self) -> crate::error::ApiResult<Arc<kinerja_types::PemdaSettings>> {
        if let Some(hit) = self.settings.get(&()).await {
            return Ok(hit);
        }
        let fresh = Arc::new(crate::pemda_settings::load(&self.db).await?);
        // A change committed while this read ran is not lost for long: the entry expires.
        self.settings.insert((), fresh.clone()).await;
        Ok(fresh)
    }
}

/// Recently computed dashboards. Concurrent requests for the same one wait for a single
/// computation. Only the figures are cached: who may see them is checked on every request.
pub type DashboardCache = moka::future::Cache<(i64, String), Arc<kinerja_types::Dashboard>>;

/// A dashboard cache keeping entries for `ttl` (zero: keeps nothing).
pub fn dashboard_cache(ttl: std::time::Duration) -> DashboardCache {
    moka::future::Cache::builder()
        .max_capacity(if ttl.is_zero() { 0 } else { 1000 })
        .time_to_live(ttl.max(std::time::Duration::from_millis(1)))
        .build()
}
