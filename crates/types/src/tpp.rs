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
    /// Days left early (pulang sebelum waktunya) and their deduction.
    pub early_leave_days: u32,
    pub early_leave_deduction: f64,
    /// Apel or upacara missed and their deduction.
    pub missed_apel: u32,
    pub apel_deduction: f64,
    pub absent_days: u32,
    pub absence_deduction: f64,
    /// The predikat that scaled the performance part, where the rule scales it.
    pub predikat: Option<kinerja_domain::Predikat>,
    pub discipline: f64,
    pub tpp_percent: f64,
}
