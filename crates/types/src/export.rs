//! `GET /exports/siasn`: SKP and ratings of a year in one JSON document for the national civil
//! service system (SIASN). The field names follow the Indonesian terms of PermenPANRB 6/2022 so a
//! sync job can map them one to one; the shape is versioned by `format`.

use chrono::{DateTime, Utc};
use kinerja_domain::{Approach, Aspect, AssessmentStatus, Predikat, Rating, RhkKind, SkpStatus};
use serde::{Deserialize, Serialize};

/// The document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SiasnExport {
    /// `kinerja-siasn/1`.
    pub format: String,
    pub pemda: String,
    pub tahun: i32,
    pub dibuat_pada: DateTime<Utc>,
    pub pegawai: Vec<SiasnPegawai>,
}

/// One employee.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SiasnPegawai {
    pub nip: String,
    pub nama: String,
    pub jabatan: String,
    pub unit_kerja: String,
    /// The SKP in force for the year, if any.
    pub skp: Option<SiasnSkp>,
    /// Finalized (or later) ratings of the year's periods and the annual one.
    pub penilaian: Vec<SiasnPenilaian>,
}

/// An SKP.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SiasnSkp {
    pub pendekatan: Approach,
    pub status: SkpStatus,
    pub revisi: i32,
    pub nip_pejabat_penilai: Option<String>,
    pub nip_atasan_pejabat_penilai: Option<String>,
    pub rencana_hasil_kerja: Vec<SiasnRhk>,
}

/// A rencana hasil kerja with its indicators.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SiasnRhk {
    pub jenis: RhkKind,
    pub rhk: String,
    pub rhk_atasan: Option<String>,
    pub indikator: Vec<SiasnIndikator>,
}

/// An indicator with its target.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SiasnIndikator {
    pub aspek: Aspect,
    pub indikator: String,
    pub target: f64,
    pub satuan: String,
}

/// A rating.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SiasnPenilaian {
    pub periode: String,
    pub rating_hasil_kerja: Rating,
    pub rating_perilaku_kerja: Rating,
    pub predikat_kinerja: Predikat,
    pub status: AssessmentStatus,
    pub nip_pejabat_penilai: Option<String>,
}
