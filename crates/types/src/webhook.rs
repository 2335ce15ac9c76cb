//! Outgoing webhooks: an address subscribed to events of the app, each delivery signed with the
//! subscription's secret.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// The events a webhook may subscribe to, in the order the settings page lists them.
pub const WEBHOOK_EVENTS: [&str; 12] = [
    "activity.submitted",
    "activity.approved",
    "activity.rejected",
    "skp.submitted",
    "skp.approved",
    "skp.returned",
    "assessment.finalized",
    "assessment.objected",
    "assessment.decided",
    "complaint.filed",
    "complaint.status_changed",
    "leave.recorded",
];

/// A subscription as the admin sees it; its secret is never shown again after it was set.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Webhook {
    pub id: i64,
    pub url: String,
    /// Names from [`WEBHOOK_EVENTS`].
    pub events: Vec<String>,
    pub description: Option<String>,
    /// Off: nothing more is queued for it (what is queued still goes).
    pub active: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// A new subscription: `POST /webhooks`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, validator::Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewWebhook {
    /// `https://…` (plain `http://` only where the server allows it, for a bridge on the same host).
    #[validate(length(min = 10, max = 500, message = "alamat 10 sampai 500 karakter"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 10, max_length = 500))]
    pub url: String,
    /// At least one of `activity.submitted`, `activity.approved`, `activity.rejected`,
    /// `skp.submitted`, `skp.approved`, `skp.returned`, `assessment.finalized`,
    /// `assessment.objected`, `assessment.decided`, `complaint.filed`, `complaint.status_changed`,
    /// `leave.recorded`.
    pub events: Vec<String>,
    /// The key of the HMAC-SHA256 signature of each delivery (`X-Kinerja-Signature`).
    #[validate(length(min = 16, max = 200, message = "rahasia 16 sampai 200 karakter"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 16, max_length = 200))]
    pub secret: String,
    #[validate(length(max = 200, message = "keterangan paling panjang 200 karakter"))]
    #[cfg_attr(feature = "openapi", schema(max_length = 200))]
    #[serde(default)]
    pub description: Option<String>,
}

/// A change to a subscription: `PATCH /webhooks/{id}`; what is absent stays.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, validator::Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WebhookChange {
    #[validate(length(min = 10, max = 500, message = "alamat 10 sampai 500 karakter"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 10, max_length = 500))]
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub events: Option<Vec<String>>,
    #[validate(length(min = 16, max = 200, message = "rahasia 16 sampai 200 karakter"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 16, max_length = 200))]
    #[serde(default)]
    pub secret: Option<String>,
    #[serde(default)]
    pub active: Option<bool>,
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_documented_events_are_the_known_ones() {
        let doc = include_str!("webhook.rs");
        for e in super::WEBHOOK_EVENTS {
            assert!(
                doc.contains(&format!("/// `{e}`"))
                    || doc.contains(&format!("`{e}`,"))
                    || doc.contains(&format!("`{e}`.")),
                "{e}"
            );
        }
    }
}
