//! The data-quality index (Indeks Kualitas Data): a score per OPD and the list of defects to fix.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// The index of the Pemda, or of one unit's subtree.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DataQuality {
    pub generated_at: DateTime<Utc>,
    /// The unit asked for; none for the whole Pemda.
    pub unit_id: Option<i64>,
    /// 0-100: the share of records (people and units) without a defect.
    pub score: f64,
    pub records: u64,
    pub defective: u64,
    /// Records with a defect that blocks a rating or the national sync.
    pub blocking: u64,
    /// Each OPD, the lowest score first.
    pub opds: Vec<OpdQuality>,
    /// Each check and how many defects it found.
    pub checks: Vec<CheckCount>,
    /// The day of the last nightly run the `previous_score`s come from, if any.
    pub nightly_day: Option<NaiveDate>,
}

/// One OPD's figures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OpdQuality {
    pub unit_id: i64,
    pub code: String,
    pub name: String,
    pub score: f64,
    pub records: u64,
    pub defective: u64,
    pub blocking: u64,
    /// Its score at the last nightly run before today.
    pub previous_score: Option<f64>,
}

/// One check's count.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CheckCount {
    /// `no_supervisor`, `supervisor_loop`, `supervisor_other_opd`, `chain_skips_level`,
    /// `nip_invalid`, `nip_birth_date`, `nip_sex`, `same_person_twice`, `unit_without_head`,
    /// `inactive_unit_staff`, `no_skp`, `rhk_orphan`.
    pub check: String,
    pub title: String,
    pub blocking: bool,
    pub count: u64,
}

/// One defect and how to fix it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DataQualityIssue {
    pub check: String,
    pub title: String,
    /// Blocks a rating or the national sync (else a warning).
    pub blocking: bool,
    pub opd_id: i64,
    pub opd_name: String,
    /// `employee`, `unit` or `rhk`.
    pub record_kind: String,
    pub record_id: i64,
    /// The person (name and NIP), the unit, or the RHK's owner.
    pub record: String,
    pub detail: String,
    pub fix: String,
    /// Where in the app it is fixed (`/pegawai/12`, `/unit`, `/skp/40`).
    pub link: String,
}
