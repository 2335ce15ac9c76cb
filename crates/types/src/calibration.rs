//! Calibration aids: the rater-bias radar and the changes a calibration session agrees.

use chrono::{DateTime, Utc};
use kinerja_domain::rater_bias::{BiasFlag, BiasThresholds};
use kinerja_domain::{OrgPredikat, Predikat, Rating};
use serde::{Deserialize, Serialize};
use validator::Validate;

/// A raised flag with the figures behind it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BiasFinding {
    pub flag: BiasFlag,
    pub label: String,
    pub figures: String,
}

/// One penilai's ratings of the period, counted, with their flags.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RaterBias {
    pub penilai_id: i64,
    pub name: String,
    pub position: String,
    pub rated: u32,
    /// Result ratings (hasil kerja) by value.
    pub di_atas: u32,
    pub sesuai: u32,
    pub di_bawah: u32,
    /// Ratings whose result and behaviour are equal.
    pub equal_pairs: u32,
    /// Ratings without approved activities or realisation behind them.
    pub without_evidence: u32,
    pub flags: Vec<BiasFinding>,
}

/// The rater-bias radar of a unit's subtree for a period (`GET /rater-bias`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RaterBiasReport {
    pub unit_id: i64,
    pub period: String,
    pub org_predikat: Option<OrgPredikat>,
    /// The share of `di_atas` results in the whole unit, percent.
    pub unit_di_atas_percent: u32,
    pub thresholds: BiasThresholds,
    pub raters: Vec<RaterBias>,
}

/// Body of `POST /evaluation-sessions/{id}/changes`: a rating the session agreed to change.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewCalibrationChange {
    pub assessment_id: i64,
    pub result_rating: Rating,
    pub behavior_rating: Rating,
    #[validate(length(min = 5, max = 1000, message = "alasan 5-1000 karakter"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 5, max_length = 1000))]
    pub reason: String,
}

/// A change agreed in a calibration session, before and after.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CalibrationChange {
    pub id: i64,
    pub assessment_id: i64,
    pub employee_id: i64,
    pub employee_name: String,
    pub before_result: Option<Rating>,
    pub before_behavior: Option<Rating>,
    pub before_predikat: Option<Predikat>,
    pub after_result: Rating,
    pub after_behavior: Rating,
    pub after_predikat: Predikat,
    pub reason: String,
    pub created_by: String,
    pub created_at: DateTime<Utc>,
}
