//! Competencies and development: the catalogue, position requirements, an employee's profile with
//! gaps and match, the unit heat map, development plans and trainings.

use chrono::NaiveDate;
use kinerja_domain::competency::{AssessmentSource, CompetencyKind, MatchCategory, PlanStatus, TrainingStatus};
use kinerja_domain::Predikat;
use serde::{Deserialize, Serialize};
use validator::Validate;

/// One competency of the catalogue.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Competency {
    pub id: i64,
    /// `M1`…`M8`, `SK1`, or a Pemda's own technical code.
    pub code: String,
    pub kind: CompetencyKind,
    pub name: String,
    pub description: String,
    /// What levels 1 to 5 look like.
    pub levels: Vec<String>,
    pub active: bool,
}

/// Body of `POST /competencies` (a technical competency) and `PUT /competencies/{id}` (any edit).
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CompetencyInput {
    #[validate(length(min = 1, max = 16, message = "kode 1-16 karakter"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 16))]
    pub code: String,
    pub kind: CompetencyKind,
    #[validate(length(min = 1, max = 120, message = "nama 1-120 karakter"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 120))]
    pub name: String,
    #[validate(length(max = 4000, message = "uraian paling panjang 4000 karakter"))]
    #[cfg_attr(feature = "openapi", schema(max_length = 4000))]
    pub description: String,
    /// Exactly five descriptions, level 1 to 5.
    #[validate(length(equal = 5, message = "isi uraian kelima level"))]
    #[cfg_attr(feature = "openapi", schema(min_items = 5, max_items = 5))]
    pub levels: Vec<String>,
    #[serde(default = "yes")]
    pub active: bool,
}

fn yes() -> bool {
    true
}

/// One required level of a position.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Requirement {
    pub competency_id: i64,
    /// Filled in answers.
    #[serde(default)]
    pub code: String,
    pub level: u8,
}

/// The required levels of one position (jabatan, as written on the employees).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PositionStandard {
    #[validate(length(min = 1, max = 200, message = "nama jabatan 1-200 karakter"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 200))]
    pub position_title: String,
    pub requirements: Vec<Requirement>,
}

/// Body of `POST /employees/{id}/competency-assessments`.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewCompetencyAssessment {
    pub competency_id: i64,
    #[validate(range(min = 1, max = 5, message = "level 1-5"))]
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 5))]
    pub level: u8,
    pub assessed_on: NaiveDate,
    /// Who assessed: `self_assessment` for the employee, `supervisor` for the penilai, `assessment_centre`
    /// for an admin entering an assessment-centre report.
    pub source: AssessmentSource,
    #[validate(length(max = 2000, message = "bukti paling panjang 2000 karakter"))]
    #[cfg_attr(feature = "openapi", schema(max_length = 2000))]
    pub evidence: Option<String>,
}

/// One assessed level.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CompetencyAssessment {
    pub id: i64,
    pub employee_id: i64,
    pub competency_id: i64,
    pub level: u8,
    pub assessed_on: NaiveDate,
    pub source: AssessmentSource,
    pub evidence: Option<String>,
}

/// One line of an employee's profile: required, latest assessed, gap.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProfileLine {
    pub competency_id: i64,
    pub code: String,
    pub name: String,
    pub kind: CompetencyKind,
    /// Required by the position (none: not required, only assessed).
    pub required: Option<u8>,
    pub assessed: Option<CompetencyAssessment>,
    /// Shortfall against the requirement (none until both are known).
    pub gap: Option<u8>,
}

/// `GET /employees/{id}/competencies`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CompetencyProfile {
    pub employee_id: i64,
    pub name: String,
    pub position_title: String,
    pub lines: Vec<ProfileLine>,
    /// Job-person match in percent over the assessed requirements.
    pub job_person_match: Option<f64>,
    pub match_category: Option<MatchCategory>,
    /// The latest predikat, and whether it makes a development plan mandatory.
    pub latest_predikat: Option<Predikat>,
    pub plan_required: bool,
    /// The competency codes a new plan should address first.
    pub suggested_focus: Vec<String>,
    /// Completed jam pelajaran (JP) of competency development this year.
    pub training_jp: u32,
    /// The employee's yearly JP target (20 for a PNS by default); none: no target (a PPPK where
    /// the Pemda does not apply it).
    pub training_jp_target: Option<u32>,
}

/// One cell of the heat map: a competency in one child unit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct GapCell {
    pub unit_id: i64,
    pub competency_id: i64,
    /// Employees with both a requirement and an assessment.
    pub assessed: u32,
    /// Of them, those below the requirement.
    pub with_gap: u32,
    /// Mean shortfall over the assessed (one decimal).
    pub mean_gap: f64,
}

/// Completed jam pelajaran (JP) of one employee in the year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TrainingJpRow {
    pub employee_id: i64,
    pub name: String,
    pub unit_id: i64,
    pub employment_type: kinerja_domain::EmploymentType,
    pub jp: u32,
    /// The employee's target; none: no target applies.
    pub jp_target: Option<u32>,
    /// Whether the target is met; none without a target.
    pub meets_target: Option<bool>,
}

/// `GET /units/{id}/competency-gaps`: the heat map of the unit's children (rows: competencies,
/// columns: child units, or the unit itself when it has none) and the JP of the year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct GapHeatMap {
    pub unit_id: i64,
    pub year: i32,
    pub columns: Vec<HeatMapColumn>,
    pub competencies: Vec<Competency>,
    pub cells: Vec<GapCell>,
    pub training: Vec<TrainingJpRow>,
    /// The Pemda's yearly JP target (for a PNS).
    pub training_jp_target: u32,
}

/// A column of the heat map.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HeatMapColumn {
    pub unit_id: i64,
    pub unit_name: String,
}

/// Body of `POST /employees/{id}/development-plans`.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewDevelopmentPlan {
    #[validate(range(min = 2000, max = 2100, message = "tahun 2000-2100"))]
    #[cfg_attr(feature = "openapi", schema(minimum = 2000, maximum = 2100))]
    pub year: i32,
    #[validate(length(min = 1, max = 4000, message = "tujuan 1-4000 karakter"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 4000))]
    pub goals: String,
    /// Competency codes addressed (default: the suggested ones).
    #[serde(default)]
    pub focus: Vec<String>,
}

/// Body of `PATCH /development-plans/{id}`.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DevelopmentPlanPatch {
    pub status: Option<PlanStatus>,
    #[validate(length(min = 1, max = 4000, message = "tujuan 1-4000 karakter"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 4000))]
    pub goals: Option<String>,
}

/// A development plan with its trainings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DevelopmentPlan {
    pub id: i64,
    pub employee_id: i64,
    pub year: i32,
    pub status: PlanStatus,
    pub goals: String,
    pub focus: Vec<String>,
    /// Made because the predikat was Butuh Perbaikan or worse.
    pub mandatory: bool,
    pub trainings: Vec<Training>,
    /// Jam pelajaran (JP) of the plan's trainings, and of those completed.
    pub jp_planned: u32,
    pub jp_completed: u32,
}

/// Body of `POST /development-plans/{id}/trainings`.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewTraining {
    #[validate(length(min = 1, max = 200, message = "nama pelatihan 1-200 karakter"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 200))]
    pub course: String,
    #[validate(length(min = 1, max = 200, message = "penyelenggara 1-200 karakter"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 200))]
    pub provider: String,
    /// Jam pelajaran (JP, of 45 minutes) as the certificate states.
    #[validate(range(min = 1, max = 1000, message = "jam pelajaran (JP) 1-1000"))]
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 1000))]
    pub jp: u32,
    pub start_on: NaiveDate,
    pub end_on: NaiveDate,
    pub competency_id: Option<i64>,
}

/// Body of `PATCH /trainings/{id}`: completed (with evidence) or cancelled.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TrainingPatch {
    pub status: TrainingStatus,
    /// The certificate number or a note; required when completed.
    #[validate(length(max = 2000, message = "bukti paling panjang 2000 karakter"))]
    #[cfg_attr(feature = "openapi", schema(max_length = 2000))]
    pub evidence: Option<String>,
}

/// One training of a plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Training {
    pub id: i64,
    pub plan_id: i64,
    pub competency_id: Option<i64>,
    pub course: String,
    pub provider: String,
    /// Jam pelajaran (JP).
    pub jp: u32,
    pub start_on: NaiveDate,
    pub end_on: NaiveDate,
    pub status: TrainingStatus,
    pub evidence: Option<String>,
}
