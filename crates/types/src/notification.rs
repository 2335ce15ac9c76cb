use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// An in-app notification for the signed-in user.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Notification {
    pub id: i64,
    /// e.g. `skp.submitted`, `skp.approved`, `skp.returned`.
    pub kind: String,
    pub title: String,
    pub body: String,
    /// Where in the app it leads, e.g. `/skp/12`.
    pub link: Option<String>,
    pub read_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}
