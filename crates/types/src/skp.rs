use chrono::{DateTime, NaiveDate, Utc};
use kinerja_domain::{Approach, Aspect, CoreValue, RhkKind, SkpStatus};
use serde::{Deserialize, Serialize};
use validator::Validate;

/// An indicator of a Perjanjian Kinerja goal.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PkIndicator {
    #[validate(length(min = 1, max = 500, message = "indikator 1-500 karakter"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 500))]
    pub text: String,
    /// Target value, e.g. `95`.
    pub target: f64,
    /// Unit of the target, e.g. `%`, `dokumen`.
    #[validate(length(min = 1, max = 50, message = "satuan 1-50 karakter"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 50))]
    pub unit: String,
}

/// Body of `POST /units/{id}/pk`: one goal (sasaran) of the unit's Perjanjian Kinerja.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewPkGoal {
    #[validate(range(min = 2000, max = 2100, message = "tahun tidak valid"))]
    #[cfg_attr(feature = "openapi", schema(minimum = 2000, maximum = 2100))]
    pub year: i32,
    #[validate(length(min = 1, max = 1000, message = "sasaran 1-1000 karakter"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 1000))]
    pub text: String,
    #[validate(nested, length(max = 20, message = "paling banyak 20 indikator"))]
    #[cfg_attr(feature = "openapi", schema(max_items = 20))]
    #[serde(default)]
    pub indicators: Vec<PkIndicator>,
}

/// A goal of a unit's Perjanjian Kinerja.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PkGoal {
    pub id: i64,
    pub unit_id: i64,
    pub year: i32,
    pub text: String,
    pub indicators: Vec<PkIndicator>,
}

/// An indicator (IKI) of an RHK, as sent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct IndicatorInput {
    pub aspect: Aspect,
    #[validate(length(min = 1, max = 500, message = "indikator 1-500 karakter"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 500))]
    pub text: String,
    pub target: f64,
    #[validate(length(min = 1, max = 50, message = "satuan 1-50 karakter"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 50))]
    pub unit: String,
}

/// An indicator (IKI) of an RHK.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Indicator {
    pub id: i64,
    pub aspect: Aspect,
    pub text: String,
    pub target: f64,
    pub unit: String,
}

/// Body of `POST /skps/{id}/rhk`. A JPT names `pk_goal_id`; everyone else `parent_rhk_id`, an RHK
/// of their direct supervisor's SKP of the same year.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewRhk {
    #[validate(length(min = 1, max = 1000, message = "rencana hasil kerja 1-1000 karakter"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 1000))]
    pub text: String,
    pub kind: RhkKind,
    pub parent_rhk_id: Option<i64>,
    pub pk_goal_id: Option<i64>,
    #[validate(nested, length(max = 10, message = "paling banyak 10 indikator"))]
    #[cfg_attr(feature = "openapi", schema(max_items = 10))]
    #[serde(default)]
    pub indicators: Vec<IndicatorInput>,
}

/// A Rencana Hasil Kerja with its indicators.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Rhk {
    pub id: i64,
    pub skp_id: i64,
    pub text: String,
    pub kind: RhkKind,
    /// The supervisor's RHK this one supports (RHK pimpinan yang diintervensi).
    pub parent_rhk_id: Option<i64>,
    /// The text of that RHK, so that the owner can read it without seeing the supervisor's SKP.
    #[serde(default)]
    pub parent_text: Option<String>,
    /// The Perjanjian Kinerja goal (JPT only).
    pub pk_goal_id: Option<i64>,
    pub indicators: Vec<Indicator>,
}

/// A BerAKHLAK core value with the leader's specific expectation (ekspektasi khusus pimpinan).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Behavior {
    pub core_value: CoreValue,
    pub expectation: Option<String>,
}

/// Body of `POST /skps`: an SKP for the caller (or, for an admin, for `employee_id`).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewSkp {
    pub employee_id: Option<i64>,
    /// 2000 to 2100.
    #[cfg_attr(feature = "openapi", schema(minimum = 2000, maximum = 2100))]
    pub year: i32,
    #[serde(default = "default_approach")]
    pub approach: Approach,
}

fn default_approach() -> Approach {
    Approach::Kuantitatif
}

/// An SKP. `rhk` and `behaviors` are filled on `GET /skps/{id}`; lists leave them empty.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Skp {
    pub id: i64,
    pub employee_id: i64,
    pub employee_name: String,
    pub year: i32,
    /// 1 for the first plan of a position; a change after approval is the next revision.
    pub revision: i32,
    pub approach: Approach,
    pub status: SkpStatus,
    /// The pejabat penilai (direct supervisor at creation).
    pub penilai_id: Option<i64>,
    /// The atasan pejabat penilai.
    pub atasan_penilai_id: Option<i64>,
    #[serde(default)]
    pub penilai_name: Option<String>,
    #[serde(default)]
    pub atasan_penilai_name: Option<String>,
    pub unit_id: i64,
    pub position_title: String,
    /// The revision this one replaces.
    pub previous_id: Option<i64>,
    /// Whether a later approved revision replaced this one.
    pub superseded: bool,
    pub return_reason: Option<String>,
    pub submitted_at: Option<DateTime<Utc>>,
    pub approved_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    #[serde(default)]
    pub rhk: Vec<Rhk>,
    #[serde(default)]
    pub behaviors: Vec<Behavior>,
}

/// Body of `POST /skps/{id}/return`.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReturnRequest {
    #[validate(length(min = 3, max = 2000, message = "alasan wajib diisi (3-2000 karakter)"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 3, max_length = 2000))]
    pub reason: String,
}

/// Body of `PUT /skps/{id}/behaviors`: the expectation per core value (missing ones are cleared).
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BehaviorsUpdate {
    /// At most one per core value: seven.
    #[validate(length(max = 7, message = "paling banyak 7 nilai dasar"))]
    #[cfg_attr(feature = "openapi", schema(max_items = 7))]
    pub behaviors: Vec<Behavior>,
}

/// Body of `POST /rhk/{id}/cascade`: hand this RHK down to several direct subordinates at once.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CascadeRequest {
    #[validate(length(min = 1, max = 200, message = "pilih 1-200 pegawai"))]
    #[cfg_attr(feature = "openapi", schema(min_items = 1, max_items = 200))]
    pub employee_ids: Vec<i64>,
    /// Text of the new RHK (default: the parent's text).
    #[validate(length(max = 1000, message = "rencana hasil kerja paling banyak 1000 karakter"))]
    #[cfg_attr(feature = "openapi", schema(max_length = 1000))]
    pub text: Option<String>,
    #[serde(default = "default_kind")]
    pub kind: RhkKind,
}

fn default_kind() -> RhkKind {
    RhkKind::Utama
}

/// One subordinate the cascade skipped, and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CascadeSkip {
    pub employee_id: i64,
    pub reason: String,
}

/// Outcome of a bulk cascade.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CascadeResult {
    pub created: Vec<Rhk>,
    pub skipped: Vec<CascadeSkip>,
}

/// One RHK in the performance tree, with the RHK below it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CascadeNode {
    pub rhk_id: i64,
    pub text: String,
    pub kind: RhkKind,
    pub skp_id: i64,
    pub employee_id: i64,
    pub employee_name: String,
    pub position_title: String,
    #[cfg_attr(feature = "openapi", schema(no_recursion))]
    pub children: Vec<CascadeNode>,
}

/// A Perjanjian Kinerja goal and the RHK that carry it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CascadeGoal {
    pub goal: PkGoal,
    pub rhk: Vec<CascadeNode>,
}

/// The unit's performance tree (Peta Kinerja) for a year, over approved SKPs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CascadeTree {
    pub unit_id: i64,
    pub year: i32,
    pub goals: Vec<CascadeGoal>,
    /// Top RHK of the subtree that carry an approved RHK of someone outside it (for a bidang or seksi).
    pub roots: Vec<CascadeNode>,
    /// Goals nobody carries.
    pub uncarried_goals: Vec<PkGoal>,
    /// Approved RHK whose parent RHK (or goal) is not in an approved SKP.
    pub orphan_rhk: Vec<CascadeNode>,
}

/// SKP status of one employee, for monitoring.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SkpProgressRow {
    pub employee_id: i64,
    pub name: String,
    pub unit_id: i64,
    /// `null` when the employee has no SKP for the year.
    pub status: Option<SkpStatus>,
}

/// SKP completion of a unit subtree against the deadline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SkpMonitoring {
    pub unit_id: i64,
    pub year: i32,
    pub deadline: NaiveDate,
    pub past_deadline: bool,
    pub headcount: u64,
    pub none: u64,
    pub draft: u64,
    pub submitted: u64,
    pub returned: u64,
    pub approved: u64,
    pub employees: Vec<SkpProgressRow>,
}
