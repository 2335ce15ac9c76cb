//! Indicator feeds: realisation of an RHK indicator counted by another system (documents issued,
//! puskesmas visits, permits) and posted with an API token, accepted or refused once per indicator
//! by the penilai.

use chrono::{DateTime, Utc};
use kinerja_domain::{Aspect, FeedStatus};
use serde::{Deserialize, Serialize};
use validator::Validate;

/// `POST /indicator-feeds`: one value for one indicator and period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewFeedValue {
    pub indicator_id: i64,
    /// The period the value counts: `2026-11`, `2026-Q4`, `2026-S2` or `2026`, in the SKP's year.
    #[validate(length(min = 4, max = 7, message = "periode seperti 2026-11"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 4, max_length = 7))]
    pub period: String,
    /// What the source counted (zero or more).
    pub value: f64,
    /// The source system as it names itself: `SIAK Dukcapil`, `e-Puskesmas`.
    #[validate(length(min = 2, max = 100, message = "sumber 2 sampai 100 karakter"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 2, max_length = 100))]
    pub source: String,
    /// The source's own reference for this value (its report or batch number). Posting the same
    /// reference again corrects the value rather than adding a second one.
    #[validate(length(min = 1, max = 200, message = "referensi 1 sampai 200 karakter"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 200))]
    pub reference: String,
}

/// A value a feed posted, with its provenance.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FeedValue {
    pub id: i64,
    pub feed_id: i64,
    pub indicator_id: i64,
    pub period: String,
    pub value: f64,
    pub source: String,
    pub reference: String,
    /// `token:<name>` for a system, the user name for a person.
    pub posted_by: String,
    pub posted_at: DateTime<Utc>,
    /// The feed's standing with the penilai: only an `accepted` feed counts.
    pub status: FeedStatus,
}

/// A feed: one source for one indicator, as the penilai decides on it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct IndicatorFeed {
    pub id: i64,
    pub skp_id: i64,
    pub employee_id: i64,
    pub employee_name: String,
    /// The RHK the indicator measures.
    pub rhk: String,
    pub indicator_id: i64,
    pub indicator: String,
    pub aspect: Aspect,
    /// The indicator's unit of measure.
    pub unit: String,
    pub source: String,
    pub status: FeedStatus,
    /// How many values it posted, and their sum.
    pub values: u64,
    pub total: f64,
    pub latest_at: Option<DateTime<Utc>>,
    /// The penilai's name (or user name) who decided.
    pub decided_by: Option<String>,
    pub decided_at: Option<DateTime<Utc>>,
    pub reason: Option<String>,
}

/// `POST /indicator-feeds/{id}/decision`: the penilai's answer, given once.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FeedDecision {
    pub accept: bool,
    /// Why it is refused (asked of a refusal).
    #[validate(length(max = 500, message = "alasan paling panjang 500 karakter"))]
    #[cfg_attr(feature = "openapi", schema(max_length = 500))]
    #[serde(default)]
    pub reason: Option<String>,
}

/// An accepted value as the realisation shows it: how much, for when, from where.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FedRealization {
    pub source: String,
    pub reference: String,
    pub period: String,
    pub value: f64,
    pub posted_at: DateTime<Utc>,
    /// Who accepted the feed (the penilai's name).
    pub accepted_by: Option<String>,
}
