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
}
