//! Exports toward BKN's e-Kinerja and SIASN: an OPD's SKP and RHK, daily progress and ratings of
//! a year in the documented mapping (`docs/bkn-mapping.md`), as a file or pushed to the Pemda's
//! bridge, with a reconciliation report per export.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// `POST /bkn-exports`: export one OPD's year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewBknExport {
    /// The OPD (a unit of kind `opd`, or the Pemda's root).
    pub unit_id: i64,
    pub year: i32,
    /// `true`: queue every new or changed record to the bridge (`KINERJA_BKN_BRIDGE_URL`); `false`:
    /// a file to download and upload by hand.
    #[serde(default)]
    pub push: bool,
}

/// How many records of an export stand where.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BknCounts {
    /// Records of the export, `removed` ones included.
    pub records: u64,
    /// Against the OPD's last export.
    pub new: u64,
    pub changed: u64,
    pub unchanged: u64,
    /// In the last export, gone now (an SKP withdrawn, an activity no longer approved).
    pub removed: u64,
    /// Held back by a blocking data-quality defect.
    pub blocked: u64,
    /// In the file.
    pub exported: u64,
    /// Queued to the bridge, no answer yet.
    pub sent: u64,
    pub accepted: u64,
    pub rejected: u64,
    /// The bridge never answered after every attempt: a new export sends them again.
    pub failed: u64,
    /// Unchanged since the last push: not sent again.
    pub skipped: u64,
}

/// An export and its reconciliation figures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BknExport {
    pub id: i64,
    pub unit_id: i64,
    pub unit_name: String,
    pub year: i32,
    /// `e-kinerja`.
    pub adapter: String,
    /// The version of the field mapping (`docs/bkn-mapping.md`).
    pub mapping_version: String,
    /// `file` or `push`.
    pub mode: String,
    pub created_by: String,
    pub created_at: DateTime<Utc>,
    /// The export it was compared with, if any.
    pub previous_id: Option<i64>,
    pub counts: BknCounts,
}

/// One record of an export, for the reconciliation report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BknRecord {
    pub id: i64,
    /// `skp`, `progress` or `rating`.
    pub kind: String,
    pub key: String,
    pub nip: String,
    pub name: String,
    /// `new`, `changed`, `unchanged` or `removed`.
    pub change: String,
    /// `blocked`, `exported`, `sent`, `accepted`, `rejected` or `skipped`.
    pub status: String,
    /// Why it was blocked or rejected.
    pub reason: Option<String>,
    pub idempotency_key: String,
    pub updated_at: DateTime<Utc>,
}

/// `POST /bkn-exports?preview=true`: what an export would hold, and what blocks, before anything
/// is sent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BknPreview {
    pub unit_id: i64,
    pub year: i32,
    pub mapping_version: String,
    pub counts: BknCounts,
    /// The blocked records with the defect that blocks each (at most 200).
    pub blocked: Vec<BknRecord>,
    /// Whether a bridge is configured to push to.
    pub bridge: bool,
}
