//! The monthly TPP figure per employee, for payroll, and the disciplinary sanctions that cut it.

use chrono::{DateTime, NaiveDate, Utc};
use kinerja_domain::tpp::SanctionLevel;
use serde::{Deserialize, Serialize};
use validator::Validate;

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
    /// The rule's monthly target in proportion to the minutes the employee's calendar expects
    /// this month (their pattern and overrides, less their leave) against the default pattern's.
    pub target_minutes: u32,
    /// Working days of the month excused by leave (cuti, sakit, izin, dinas luar): they lower the
    /// target and never deduct.
    pub excused_days: u32,
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
    /// No TPP for the month: the days of absence reached the rule's `absence_forfeit_days`.
    pub absence_forfeited: bool,
    /// The heaviest disciplinary sanction in force during the month, and the points it cut.
    pub sanction: Option<SanctionLevel>,
    pub sanction_deduction: f64,
    pub tpp_percent: f64,
}

/// A disciplinary sanction (hukuman disiplin) recorded by the BKPSDM from its decree.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Sanction {
    pub id: i64,
    pub employee_id: i64,
    pub employee_name: String,
    pub nip: String,
    pub level: SanctionLevel,
    /// The decree's number (nomor SK).
    pub decree_number: String,
    /// In force from and until (inclusive).
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    pub reason: String,
    pub created_at: DateTime<Utc>,
    /// Annulled (recorded in error, or lifted on appeal): kept on record, cuts nothing.
    pub annulled_at: Option<DateTime<Utc>>,
}

/// Body of `POST /sanctions` (admin).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewSanction {
    pub employee_id: i64,
    pub level: SanctionLevel,
    #[validate(length(min = 1, max = 100, message = "nomor SK 1-100 karakter"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 100))]
    pub decree_number: String,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    #[validate(length(min = 5, max = 2000, message = "alasan 5-2000 karakter"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 5, max_length = 2000))]
    pub reason: String,
}
