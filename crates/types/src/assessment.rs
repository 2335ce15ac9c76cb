use chrono::{DateTime, Utc};
use kinerja_domain::{AssessmentStatus, CoreValue, OrgPredikat, Predikat, Rating};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use validator::Validate;

/// Body of `POST /assessments` and `PUT /assessments/{id}`. The predikat is computed by the server.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewAssessment {
    pub employee_id: i64,
    /// `2026` (annual), or `2026-S1`, `2026-Q1` or `2026-01` by the Pemda's frequency.
    pub period: String,
    pub result_rating: Rating,
    pub behavior_rating: Rating,
    /// Notes per core value.
    #[serde(default)]
    pub behavior_notes: BTreeMap<CoreValue, String>,
    #[validate(length(max = 4000, message = "catatan maksimal 4000 karakter"))]
    #[cfg_attr(feature = "openapi", schema(max_length = 4000))]
    pub note: Option<String>,
    /// For the head of a unit whose organisation predikat proposes another result rating: why
    /// the penilai departs from it (SE MenPANRB 3/2023).
    #[serde(default)]
    #[validate(length(max = 2000, message = "alasan maksimal 2000 karakter"))]
    #[cfg_attr(feature = "openapi", schema(max_length = 2000))]
    pub result_departure_reason: Option<String>,
}

/// An assessment of one employee for one period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Assessment {
    pub id: i64,
    pub employee_id: i64,
    pub employee_name: String,
    pub penilai_id: i64,
    pub atasan_penilai_id: Option<i64>,
    pub unit_id: i64,
    pub period: String,
    pub result_rating: Rating,
    pub behavior_rating: Rating,
    pub behavior_notes: BTreeMap<CoreValue, String>,
    pub note: Option<String>,
    /// Why the result rating departs from the one the unit's organisation predikat proposes.
    pub result_departure_reason: Option<String>,
    pub predikat: Predikat,
    pub status: AssessmentStatus,
    pub finalized_at: Option<DateTime<Utc>>,
    /// The last day an objection is accepted (after finalisation).
    pub objection_deadline: Option<chrono::NaiveDate>,
    pub objection_reason: Option<String>,
    pub objected_at: Option<DateTime<Utc>>,
    /// The penilai's written response (tanggapan) to the objection, given before the decision.
    pub penilai_response: Option<String>,
    pub responded_at: Option<DateTime<Utc>>,
    /// The last day for the penilai's response (after it, the decider may decide without one).
    pub response_deadline: Option<chrono::NaiveDate>,
    /// The last day for the decision.
    pub decision_deadline: Option<chrono::NaiveDate>,
    /// Objected, undecided and past the decision deadline.
    pub decision_overdue: bool,
    /// Who decides an objection: the atasan of the penilai (`atasan_penilai_id`), or the BKPSDM
    /// acting for the PPK where the penilai has no atasan in the system.
    pub decider: DeciderKind,
    pub decision_outcome: Option<String>,
    pub decision_reason: Option<String>,
    pub created_at: DateTime<Utc>,
}

/// Body of `POST /assessments/{id}/object`.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ObjectionRequest {
    #[validate(length(min = 10, max = 4000, message = "alasan keberatan 10-4000 karakter"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 10, max_length = 4000))]
    pub reason: String,
}

/// An objection past its decision deadline, on the dashboard.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OverdueObjection {
    pub assessment_id: i64,
    pub employee_name: String,
    pub unit_name: String,
    pub period: String,
    pub decider: DeciderKind,
    pub decision_deadline: chrono::NaiveDate,
    /// Whether the penilai has responded.
    pub responded: bool,
}

/// Who decides an objection to an assessment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum DeciderKind {
    /// The atasan pejabat penilai.
    Atasan,
    /// The PPK (the Kepala Daerah), for whom the BKPSDM decides in the system (PP 30/2019 Pasal 59).
    Ppk,
    /// Past the decision deadline: the atasan pejabat penilai, or the BKPSDM for the PPK.
    AtasanOrPpk,
}

/// Body of `POST /assessments/{id}/respond`: the penilai's written response to an objection.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ObjectionResponse {
    #[validate(length(min = 10, max = 4000, message = "tanggapan 10-4000 karakter"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 10, max_length = 4000))]
    pub response: String,
}

/// Body of `POST /assessments/{id}/decide` (the atasan penilai, or the BKPSDM for the PPK).
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DecisionRequest {
    /// `upheld` or `changed`.
    pub outcome: String,
    pub result_rating: Option<Rating>,
    pub behavior_rating: Option<Rating>,
    #[validate(length(min = 3, max = 4000, message = "alasan keputusan wajib diisi"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 3, max_length = 4000))]
    pub reason: String,
}

/// Body of `PUT /units/{id}/org-predikat`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OrgPredikatRequest {
    pub period: String,
    pub predikat: OrgPredikat,
}

/// The distribution of predikat in a unit subtree against the expected pattern.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Distribution {
    pub unit_id: i64,
    pub period: String,
    pub counts: BTreeMap<Predikat, u32>,
    /// Share of each predikat, 0..1.
    pub shares: BTreeMap<Predikat, f64>,
    pub org_predikat: Option<OrgPredikat>,
    /// Each deviation from the expected pattern, in words; warnings, never blocks.
    pub deviations: Vec<String>,
    /// Result rating (rows: di_atas, sesuai, di_bawah) × behaviour rating (columns: di_bawah, sesuai, di_atas).
    pub grid: Vec<Vec<u32>>,
    /// The expected pattern for the org predikat (empty until one is set).
    pub expected: Vec<ExpectedRule>,
    /// Number of assessments counted.
    pub total: u32,
}

/// One row of `GET /reports/assessments`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AssessmentReportRow {
    pub nip: String,
    pub name: String,
    pub unit: String,
    pub position: String,
    pub period: String,
    pub result_rating: Rating,
    pub behavior_rating: Rating,
    pub predikat: Predikat,
    pub status: AssessmentStatus,
    pub employee_id: i64,
    pub assessment_id: i64,
}

/// One rule of the expected distribution, for drawing it beside the actual shares.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ExpectedRule {
    pub predikat: Vec<Predikat>,
    /// `at_most`, `at_least`, `at_least_one` or `majority` (more than half).
    pub bound: String,
    /// The limit in whole percent (none for `at_least_one`).
    pub percent: Option<u32>,
    /// The rule in words ("Baik paling banyak 70 %").
    pub text: String,
}

/// Activity counts of an employee in a period, by status.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ActivityTally {
    pub draft: u64,
    pub submitted: u64,
    pub approved: u64,
    pub rejected: u64,
    pub minutes_approved: u64,
    pub minutes_total: u64,
    /// Days with at least one logged activity.
    pub days: u64,
}

/// Everything the penilai weighs when rating an employee for a period, in one document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RatingEvidence {
    pub employee_id: i64,
    pub employee_name: String,
    pub period: String,
    /// The SKP of the period's year (none when the employee has no SKP).
    pub skp_id: Option<i64>,
    pub skp_status: Option<kinerja_domain::SkpStatus>,
    /// Realisation against every target of that SKP for the period.
    pub realization: Option<crate::Realization>,
    pub activities: ActivityTally,
    /// The feedback thread written in the period, oldest first.
    pub feedback: Vec<crate::Feedback>,
    /// Complaints naming the employee filed in the period (without the complainant's contact;
    /// hidden from the employee themself to protect complainants).
    pub complaints: Vec<crate::Complaint>,
    /// The satisfaction index of the employee's unit, or of the nearest parent unit with surveys.
    pub ikm: Option<crate::IkmReport>,
    pub ikm_unit_name: Option<String>,
    /// The assessment of this period, when one exists.
    pub assessment: Option<Assessment>,
    /// For the head of a unit with an organisation predikat in the period: that predikat and the
    /// result rating it proposes (SE MenPANRB 3/2023).
    pub proposed_result: Option<ProposedResult>,
    /// The 360° pulse of the period, as context (never a score): aggregates only from three
    /// respondents of a group.
    #[serde(default)]
    pub pulse: Option<crate::PulseSummary>,
}

/// The result rating a unit's organisation predikat proposes for its head.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProposedResult {
    pub unit_id: i64,
    pub unit_name: String,
    pub org_predikat: OrgPredikat,
    pub result_rating: Rating,
}
