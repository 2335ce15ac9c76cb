//! Rows of the `reports` family (`GET /reports/{kind}`): flat, one line each, the same in JSON and CSV.

use chrono::NaiveDate;
use kinerja_domain::ikm::Grade;
use kinerja_domain::{ActivityStatus, ComplaintCategory, ComplaintStatus, SkpStatus};
use serde::{Deserialize, Serialize};

/// One activity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ActivityReportRow {
    pub nip: String,
    pub name: String,
    pub unit: String,
    pub date: NaiveDate,
    pub minutes: u32,
    pub description: String,
    pub output_qty: Option<f64>,
    pub status: ActivityStatus,
    pub activity_id: i64,
}

/// The SKP in force of one employee for the year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SkpReportRow {
    pub nip: String,
    pub name: String,
    pub unit: String,
    pub position: String,
    pub year: i32,
    /// None when the employee has no SKP for the year.
    pub status: Option<SkpStatus>,
    pub revision: Option<i32>,
    pub rhk_count: u32,
    pub approved_at: Option<chrono::DateTime<chrono::Utc>>,
    pub skp_id: Option<i64>,
}

/// The satisfaction index of one unit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct IkmReportRow {
    pub unit: String,
    pub period: String,
    pub respondents: u64,
    pub ikm: Option<f64>,
    pub grade: Option<Grade>,
    pub published: bool,
    pub unit_id: i64,
}

/// One complaint (never the complainant's contact).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ComplaintReportRow {
    pub tracking_code: String,
    pub unit: String,
    pub category: ComplaintCategory,
    pub status: ComplaintStatus,
    pub filed_on: NaiveDate,
    pub deadline: Option<NaiveDate>,
    pub overdue: bool,
    pub employee_nip: Option<String>,
    pub text: String,
    pub public_response: Option<String>,
}
