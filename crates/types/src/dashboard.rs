//! The unit dashboard: one document with everything a head looks at every morning.

use kinerja_domain::ikm::Grade;
use kinerja_domain::Predikat;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// SKP status counts of the year, against the deadline.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SkpFigures {
    pub none: u64,
    pub draft: u64,
    pub submitted: u64,
    pub returned: u64,
    pub approved: u64,
    /// Approved share of the headcount, 0..1.
    pub completion: f64,
    pub deadline: chrono::NaiveDate,
    pub past_deadline: bool,
}

/// Activities of the period.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ActivityFigures {
    pub draft: u64,
    pub submitted: u64,
    pub approved: u64,
    pub rejected: u64,
    /// Waiting for the penilai (= submitted).
    pub pending: u64,
    /// Minutes of the approved activities (what the monthly chart adds up).
    pub minutes: u64,
    /// Approved minutes per employee of the headcount.
    pub minutes_per_employee: f64,
    /// Working days of the period so far, summed over the headcount, each person's by their own
    /// calendar (their pattern, the holidays and overrides, less their leave).
    #[serde(default)]
    pub working_days: u64,
    /// Approved minutes per one of those working days (a 6-day unit's Saturdays count; a day of
    /// leave does not).
    #[serde(default)]
    pub minutes_per_working_day: f64,
    /// Median hours from submission to approval (none without approvals).
    pub median_approval_hours: Option<f64>,
}

/// The satisfaction index of the subtree's service units for a period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct IkmFigure {
    pub period: String,
    pub respondents: u64,
    pub ikm: Option<f64>,
    pub grade: Option<Grade>,
}

/// Complaints of the subtree.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ComplaintFigures {
    /// Not yet closed or rejected (any filing date).
    pub open: u64,
    /// Open and past the deadline of their step.
    pub overdue: u64,
    /// Filed in the period and closed.
    pub closed: u64,
    /// Of those, answered by the response deadline.
    pub closed_within_sla: u64,
}

/// Someone the head should look at, and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AttentionItem {
    pub employee_id: i64,
    pub name: String,
    pub unit_id: i64,
    pub reasons: Vec<AttentionReason>,
}

/// Why someone needs attention: a code with its values, which the client words in its language
/// (`{"code": "idle", "working_days": 7}`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum AttentionReason {
    /// No SKP of the year approved yet, past its deadline.
    NoApprovedSkp { year: i32 },
    /// Nothing logged for this many working days.
    Idle { working_days: u32 },
    /// Rated below Baik in the period.
    LowPredikat { predikat: Predikat, period: String },
    /// Objected to their rating of the period, not decided yet.
    PendingObjection { period: String },
    /// Named in complaints past their response deadline.
    OverdueComplaints { count: u32 },
    /// Owner of evaluation follow-ups past their due date.
    OverdueFollowUps { count: u32 },
}

/// One month of the chart series.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MonthPoint {
    /// `2026-07`.
    pub month: String,
    pub activities_approved: u64,
    pub minutes: u64,
    pub complaints_filed: u64,
    pub ikm: Option<f64>,
}

/// The figures of one unit subtree.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct UnitFigures {
    pub unit_id: i64,
    pub unit_name: String,
    pub headcount: u64,
    pub skp: SkpFigures,
    pub activities: ActivityFigures,
    /// Predikat counts of `predikat_period`.
    pub predikat: BTreeMap<Predikat, u64>,
    pub ikm: IkmFigure,
    pub complaints: ComplaintFigures,
    /// How many people need attention.
    pub attention_count: u64,
}

/// `GET /dashboard/units/{id}`: the unit's figures, the detail lists and charts, and the same
/// figures per child unit for drill-down.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Dashboard {
    pub period: String,
    /// When the figures were computed: a dashboard may be served from a cache for a few seconds
    /// (`KINERJA_DASHBOARD_CACHE_SECONDS`).
    pub generated_at: chrono::DateTime<chrono::Utc>,
    /// The rating period the predikat figures come from (the latest one with ratings).
    pub predikat_period: String,
    #[serde(flatten)]
    pub figures: UnitFigures,
    pub distribution: crate::Distribution,
    /// The IKM of the earlier periods of the same kind, oldest first.
    pub ikm_trend: Vec<IkmFigure>,
    pub attention: Vec<AttentionItem>,
    pub series: Vec<MonthPoint>,
    pub children: Vec<UnitFigures>,
    /// Competency development of the period's year.
    pub training: TrainingFigures,
    /// Evaluation follow-ups, forum commitments and team flags of the subtree.
    #[serde(default)]
    pub oversight: crate::OversightFigures,
}

/// Completed jam pelajaran (JP) of competency development in the year, against the Pemda's target.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TrainingFigures {
    pub year: i32,
    pub jp_per_employee: f64,
    /// Employees with a target who reached it.
    pub meeting_target: u64,
    /// Employees a target applies to (every PNS; PPPK where the Pemda applies it).
    pub with_target: u64,
    /// The Pemda's yearly JP target (for a PNS).
    pub jp_target: u32,
}
