use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// One recorded write.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AuditEntry {
    pub id: i64,
    pub at: DateTime<Utc>,
    /// The acting user, if any (`null` for the command line and the public).
    pub actor_user_id: Option<i64>,
    /// Who acted, readable: a username, `cli`, `publik`.
    pub actor: String,
    /// What was done, e.g. `unit.create`.
    pub action: String,
    pub entity: String,
    pub entity_id: Option<String>,
    pub before: Option<serde_json::Value>,
    pub after: Option<serde_json::Value>,
    /// SHA-256 of this entry chained to the previous one.
    pub hash: String,
}

/// Result of `GET /api/v1/audit/verify`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AuditVerification {
    /// True when every entry matches its hash and its predecessor.
    pub intact: bool,
    /// Number of entries checked.
    pub checked: u64,
    /// The first entry that does not match, if any.
    pub first_broken_id: Option<i64>,
    pub detail: String,
}
