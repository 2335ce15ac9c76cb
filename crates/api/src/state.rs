//! What every handler can reach: the database and the process configuration.

use crate::auth::jwt::JwtKeys;
use crate::config::Config;
use sea_orm::DatabaseConnection;
use std::sync::Arc;

/// Shared application state, cloned cheaply into each worker.
#[derive(Clone)]
pub struct AppState {
    pub db: DatabaseConnection,
    pub config: Arc<Config>,
    pub keys: Arc<JwtKeys>,
    /// Evidence files.
    pub blobs: Arc<dyn crate::storage::BlobStore>,
    /// Dashboards computed in the last few seconds, by unit and period (see `Config::dashboard_cache`).
    pub dashboards: DashboardCache,
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
