//! The audit log.

use super::client;
use super::ApiError;
use kinerja_types::{AuditEntry, AuditVerification, Page};

/// `GET /audit?page=&per_page=`.
pub async fn list(page: u64, per_page: u64) -> Result<Page<AuditEntry>, ApiError> {
    let query = [("page", page.to_string()), ("per_page", per_page.to_string())];
    client::get("/audit", &query).await
}

/// `GET /audit/verify`.
pub async fn verify() -> Result<AuditVerification, ApiError> {
    client::get("/audit/verify", &[]).await
}
