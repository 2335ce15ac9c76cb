//! The monthly TPP figure per employee, for payroll.

use serde::{Deserialize, Serialize};

/// One row of `GET /reports/tpp`: percentages of the employee's full allowance.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TppRow {
    pub nip: String,
    pub name: String,
    pub unit: String,
    /// `2026-11`.
    pub month: String,
    pub approved_minutes: u64,
    pub target_minutes: u32,
    pub performance: f64,
    pub late_days: u32,
    pub lateness_deduction: f64,
    pub absent_days: u32,
    pub absence_deduction: f64,
    pub discipline: f64,
    pub tpp_percent: f64,
}
