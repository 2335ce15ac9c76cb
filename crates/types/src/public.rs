use chrono::{DateTime, NaiveDate, Utc};
use kinerja_domain::ikm::Grade;
use kinerja_domain::{ComplaintCategory, ComplaintClass, ComplaintStatus};
use serde::{Deserialize, Serialize};
use validator::Validate;

/// A service unit a citizen can survey or complain about.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PublicUnit {
    pub id: i64,
    pub code: String,
    pub name: String,
}

/// An officer of a service unit, as a citizen may name them in a complaint: the name and the
/// position (never the NIP).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PublicOfficer {
    pub id: i64,
    pub name: String,
    pub position: String,
}

/// Body of `POST /public/surveys`: the nine answers (1–4) of PermenPANRB 14/2017, an optional
/// profile and comment. `website` must stay empty (a field people never see).
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewSurvey {
    pub unit_id: i64,
    pub answers: Vec<u8>,
    #[validate(length(max = 2000, message = "komentar maksimal 2000 karakter"))]
    #[cfg_attr(feature = "openapi", schema(max_length = 2000))]
    pub comment: Option<String>,
    #[validate(length(max = 20))]
    #[cfg_attr(feature = "openapi", schema(max_length = 20))]
    pub age_band: Option<String>,
    #[validate(length(max = 20))]
    #[cfg_attr(feature = "openapi", schema(max_length = 20))]
    pub sex: Option<String>,
    #[validate(length(max = 40))]
    #[cfg_attr(feature = "openapi", schema(max_length = 40))]
    pub education: Option<String>,
    #[validate(length(max = 60))]
    #[cfg_attr(feature = "openapi", schema(max_length = 60))]
    pub occupation: Option<String>,
    #[serde(default)]
    pub website: Option<String>,
}

/// Body of `POST /public/complaints`.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewComplaint {
    pub unit_id: i64,
    pub category: ComplaintCategory,
    #[validate(length(min = 10, max = 4000, message = "uraian 10-4000 karakter"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 10, max_length = 4000))]
    pub text: String,
    /// The officer concerned, by name or as the citizen describes them ("petugas loket 2").
    #[validate(length(max = 200, message = "petugas maksimal 200 karakter"))]
    #[cfg_attr(feature = "openapi", schema(max_length = 200))]
    #[serde(default)]
    pub officer: Option<String>,
    /// The officer picked from the unit's list (`GET /public/units/{id}/officers`), if any.
    #[serde(default)]
    pub employee_id: Option<i64>,
    /// The NIP of the employee concerned, for clients that know it (citizens do not: they name the
    /// officer instead).
    #[serde(default)]
    pub employee_nip: Option<String>,
    /// How to reach the citizen (seen only by the staff who handle it).
    #[validate(length(max = 200, message = "kontak maksimal 200 karakter"))]
    #[cfg_attr(feature = "openapi", schema(max_length = 200))]
    pub contact: Option<String>,
    #[serde(default)]
    pub website: Option<String>,
}

/// Answer to a filed complaint: the code to follow it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ComplaintReceipt {
    pub tracking_code: String,
}

/// What anyone holding the tracking code may see: the status and the public response only.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PublicComplaintStatus {
    pub tracking_code: String,
    pub status: ComplaintStatus,
    pub status_label: String,
    /// The class set at verification, in words (`ringan`, `normatif`…).
    pub class_label: Option<String>,
    /// When the step it waits for is due (verification and forwarding, or the follow-up).
    pub deadline: Option<NaiveDate>,
    /// A postponement: the new date and the reason.
    pub postponed_until: Option<NaiveDate>,
    pub postpone_reason: Option<String>,
    /// Where it was referred, when it is not this unit's authority.
    pub referred_to: Option<String>,
    pub public_response: Option<String>,
    pub filed_on: NaiveDate,
    pub updated_at: DateTime<Utc>,
}

/// A complaint as staff see it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Complaint {
    pub id: i64,
    pub tracking_code: String,
    pub unit_id: i64,
    pub category: ComplaintCategory,
    pub text: String,
    pub employee_nip: Option<String>,
    pub employee_id: Option<i64>,
    /// The officer as the citizen named or described them.
    pub officer: Option<String>,
    /// Only for the staff who handle it.
    pub contact: Option<String>,
    pub status: ComplaintStatus,
    pub public_response: Option<String>,
    pub disposition_unit_id: Option<i64>,
    pub class: Option<ComplaintClass>,
    pub postponed_until: Option<NaiveDate>,
    pub postpone_reason: Option<String>,
    pub referred_to: Option<String>,
    pub filed_on: NaiveDate,
    /// The deadline of the step it waits for (verification and forwarding, or the follow-up of its
    /// class, or the postponed date), in working days.
    pub deadline: Option<NaiveDate>,
    pub overdue: bool,
    pub created_at: DateTime<Utc>,
}

/// Body of `POST /complaints/{id}/transition`.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ComplaintTransition {
    pub to: ComplaintStatus,
    #[validate(length(max = 4000))]
    #[cfg_attr(feature = "openapi", schema(max_length = 4000))]
    pub note: Option<String>,
    /// For `dispositioned`: the unit that must follow it up.
    pub unit_id: Option<i64>,
    /// For `verified`: the class, which sets the follow-up deadline.
    pub class: Option<ComplaintClass>,
    /// For `referred`: the unit or agency with authority, as the citizen will read it.
    #[validate(length(min = 3, max = 200, message = "tujuan rujukan 3-200 karakter"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 3, max_length = 200))]
    pub referred_to: Option<String>,
    /// For `responded`: the answer the citizen will read.
    #[validate(length(max = 4000))]
    #[cfg_attr(feature = "openapi", schema(max_length = 4000))]
    pub public_response: Option<String>,
}

/// Body of `POST /complaints/{id}/postpone`: a documented postponement (tunda) of the follow-up.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ComplaintPostponement {
    /// The new date of the follow-up (after today, within a year).
    pub until: NaiveDate,
    /// Why, as the citizen will read it.
    #[validate(length(min = 10, max = 1000, message = "alasan penundaan 10-1000 karakter"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 10, max_length = 1000))]
    pub reason: String,
}

/// The satisfaction index of a unit for a period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct IkmReport {
    pub unit_id: i64,
    pub period: String,
    pub respondents: u64,
    /// Mean answer per unsur U1..U9 (empty with no respondents).
    pub nrr: Vec<f64>,
    pub ikm: Option<f64>,
    pub grade: Option<Grade>,
    pub grade_label: Option<String>,
    /// Each unsur's NRR on the index scale, its interval value (1–4) and grade.
    pub unsur: Vec<IkmUnsur>,
    /// The unit's service users in the period, as its staff recorded them (none yet: unknown).
    pub population: Option<u64>,
    /// The minimum number of respondents for that population (the Krejcie–Morgan table).
    pub required_sample: Option<u64>,
    /// Whether the respondents reach the minimum sample (unknown without a population).
    pub sample_sufficient: Option<bool>,
    /// Whether the unit published this result for the public.
    pub published: bool,
    /// Published with an explicit confirmation although the sample was insufficient or unknown;
    /// the public page says so.
    pub published_with_insufficient_sample: bool,
}

/// One unsur of the index.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct IkmUnsur {
    /// `U1`..`U9`.
    pub code: String,
    pub name: String,
    /// Mean answer, 1–4, to two decimals.
    pub nrr: f64,
    /// NRR × 25, rounded half up to two decimals.
    pub value: f64,
    /// Interval value (nilai persepsi), 1–4.
    pub interval: u8,
    pub grade: Grade,
}

/// Body of `PUT /units/{id}/ikm-population`: the service users of a period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct IkmPopulation {
    /// `2026`, `2026-S1`, `2026-Q3` or `2026-07`.
    pub period: String,
    #[validate(range(min = 1, max = 100000000, message = "populasi 1 sampai 100.000.000 orang"))]
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 100000000))]
    pub population: u64,
}

/// Body of `POST /units/{id}/kiosks`: a service-counter tablet whose surveys share a larger limit.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewKiosk {
    #[validate(length(min = 1, max = 100, message = "nama 1-100 karakter"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 100))]
    pub name: String,
}

/// A registered kiosk; `token` is shown this once and goes in the `X-Kiosk-Token` header.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct KioskCreated {
    pub id: i64,
    pub token: String,
}

/// A counter kiosk of a unit as its staff list it (never its token).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Kiosk {
    pub id: i64,
    pub unit_id: i64,
    pub name: String,
    pub created_at: chrono::DateTime<chrono::Utc>,
    /// When it was revoked: its token no longer sends surveys.
    pub revoked_at: Option<chrono::DateTime<chrono::Utc>>,
}

/// Body of `PUT /units/{id}/ikm-weights`: nine weights summing to 1, or `null` for equal weights.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct IkmWeights {
    pub weights: Option<Vec<f64>>,
}

/// Body of `POST /units/{id}/ikm/publish`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct IkmPublish {
    pub period: String,
    /// Publish although the sample is below the minimum (or the population unknown); required
    /// then, and shown on the public page.
    #[serde(default)]
    pub confirm_insufficient_sample: bool,
}

/// One step of a complaint's history (`GET /complaints/{id}/history`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ComplaintEvent {
    pub from_status: Option<ComplaintStatus>,
    pub to_status: ComplaintStatus,
    pub note: Option<String>,
    pub actor_user_id: Option<i64>,
    pub at: DateTime<Utc>,
}

/// Answer to a received survey.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SurveyReceipt {
    /// Always `diterima`.
    pub status: String,
}

/// What the public pages show about the Pemda.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PublicInfo {
    pub pemda_name: String,
    /// Where staff ask for a new password (the BKPSDM's help desk), if the Pemda set one.
    pub helpdesk_contact: Option<String>,
}
