//! The 360° and upward pulse on behaviour: rounds, the invitations a respondent answers, and the
//! aggregate a penilai reads.

use chrono::{DateTime, NaiveDate, Utc};
use kinerja_domain::pulse::{PulseStatus, RespondentGroup};
use kinerja_domain::CoreValue;
use serde::{Deserialize, Serialize};
use validator::Validate;

/// One question of the pulse, on one BerAKHLAK core value (the Pemda edits them in its settings).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PulseQuestion {
    pub core_value: CoreValue,
    #[validate(length(min = 5, max = 300, message = "pertanyaan 5-300 karakter"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 5, max_length = 300))]
    pub text: String,
}

/// Body of `POST /pulse-rounds`: one employee's round (`employee_id`) or a whole unit's
/// (`unit_id`, everyone placed in it), for a period.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewPulseRound {
    pub employee_id: Option<i64>,
    pub unit_id: Option<i64>,
    /// `2026`, `2026-Q3`, `2026-S1` or `2026-07`.
    #[validate(length(min = 4, max = 16))]
    #[cfg_attr(feature = "openapi", schema(min_length = 4, max_length = 16))]
    pub period: String,
    /// The last day to answer; the aggregates show once the round is closed.
    pub closes_on: NaiveDate,
    /// Also ask users of the service, through a public code.
    #[serde(default)]
    pub service_users: bool,
}

/// A round as its opener, the penilai and the head see it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PulseRound {
    pub id: i64,
    pub unit_id: i64,
    pub unit_name: String,
    pub employee_id: Option<i64>,
    pub employee_name: Option<String>,
    pub period: String,
    pub closes_on: NaiveDate,
    pub status: PulseStatus,
    /// The code service users answer with at `/public/pulse/{code}`, when they are asked.
    pub public_code: Option<String>,
    pub opened_by: String,
    pub opened_at: DateTime<Utc>,
    /// People answered about.
    pub subjects: u32,
    pub invited: u32,
    pub answered: u32,
}

/// An invitation to answer about one person, as the respondent sees it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PulseInvitation {
    pub id: i64,
    pub round_id: i64,
    pub subject_name: String,
    pub subject_position: String,
    pub group: RespondentGroup,
    pub period: String,
    pub closes_on: NaiveDate,
    pub questions: Vec<PulseQuestion>,
}

/// Body of `POST /pulse/invitations/{id}/answer` and `POST /public/pulse/{code}`: one score
/// (1 tidak pernah … 5 selalu) per question, in the order of the questions.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PulseAnswer {
    #[validate(length(min = 1, max = 50))]
    #[cfg_attr(feature = "openapi", schema(min_items = 1, max_items = 50))]
    pub scores: Vec<u8>,
    /// For service users only: whom they answer about, from the round's list.
    #[serde(default)]
    pub employee_id: Option<i64>,
}

/// A round's public form for service users.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PublicPulse {
    pub unit_name: String,
    pub closes_on: NaiveDate,
    pub open: bool,
    /// Whom the user may answer about (name and position only).
    pub people: Vec<PublicPulsePerson>,
    pub questions: Vec<PulseQuestion>,
}

/// Someone a service user may answer about.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PublicPulsePerson {
    pub employee_id: i64,
    pub name: String,
    pub position: String,
}

/// One core value's mean score in a group.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PulseValue {
    pub core_value: CoreValue,
    pub label: String,
    /// 1.0–5.0, one decimal.
    pub mean: f64,
}

/// What one group's answers show: nothing below the minimum of respondents.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PulseGroup {
    pub group: RespondentGroup,
    pub label: String,
    pub respondents: u32,
    /// How many answers this group needs before it shows (five of service users, three of staff,
    /// or the Pemda's higher minimum).
    pub needed: u32,
    /// Whether enough answered for the figures to show (and the reader could not single anyone out).
    pub shown: bool,
    pub values: Vec<PulseValue>,
}

/// The pulse about one employee in a period (`GET /employees/{id}/pulse`), from closed rounds:
/// context for the penilai, never a score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PulseSummary {
    pub employee_id: i64,
    pub period: String,
    /// Rounds of the period still open: their answers show once they close.
    pub open_rounds: u32,
    pub closed_rounds: u32,
    pub min_respondents: u32,
    pub groups: Vec<PulseGroup>,
}
