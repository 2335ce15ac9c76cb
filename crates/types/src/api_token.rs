//! Long-lived API tokens for other systems.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use validator::Validate;

/// What a token may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum TokenAccess {
    /// GET only.
    Read,
    /// GET, and writes on the named routes.
    Write,
}

/// Body of `POST /api-tokens`.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewApiToken {
    #[validate(length(min = 3, max = 100, message = "nama token 3-100 karakter"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 3, max_length = 100))]
    pub name: String,
    pub access: TokenAccess,
    /// Limit the token to this unit's subtree (default: the whole city, read like an auditor).
    pub unit_id: Option<i64>,
    /// Path prefixes the token may call, e.g. `/api/v1/reports` (default: every read route).
    /// Required for `write` tokens, which may write only there.
    #[serde(default)]
    #[validate(length(max = 20, message = "paling banyak 20 rute"))]
    #[cfg_attr(feature = "openapi", schema(max_items = 20))]
    pub routes: Vec<String>,
}

/// A token as listed (never the secret).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ApiToken {
    pub id: i64,
    pub name: String,
    /// The first characters of the token, to recognise it.
    pub prefix: String,
    pub access: TokenAccess,
    pub unit_id: Option<i64>,
    pub routes: Vec<String>,
    pub created_at: DateTime<Utc>,
    pub last_used_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
}

/// Answer to `POST /api-tokens`: the secret, shown this once.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ApiTokenCreated {
    pub id: i64,
    /// The secret: send it as `Authorization: Bearer <token>`. It cannot be shown again.
    pub token: String,
    pub name: String,
    pub prefix: String,
}
