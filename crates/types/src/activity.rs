use chrono::{DateTime, NaiveDate, Utc};
use kinerja_domain::{ActivityStatus, Aspect, CoreValue};
use serde::{Deserialize, Serialize};
use validator::Validate;

/// Body of `POST /activities` and `PATCH /activities/{id}`. Give `minutes`, or `start` and `end`
/// (`HH:MM`).
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewActivity {
    pub date: NaiveDate,
    /// Minutes of work, 1 to 1440 (the day's cap of the Pemda applies on top).
    #[validate(range(min = 1, max = 1440, message = "menit 1-1440"))]
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 1440))]
    pub minutes: Option<u32>,
    pub start: Option<String>,
    pub end: Option<String>,
    #[validate(length(min = 3, max = 2000, message = "uraian kegiatan 3-2000 karakter"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 3, max_length = 2000))]
    pub description: String,
    /// An RHK of the employee's approved SKP of that year.
    pub rhk_id: i64,
    pub output_qty: Option<f64>,
    #[serde(default)]
    #[validate(length(max = 10, message = "paling banyak 10 bukti dukung"))]
    #[cfg_attr(feature = "openapi", schema(max_items = 10))]
    pub evidence_ids: Vec<i64>,
    /// Submit at once instead of keeping a draft.
    #[serde(default)]
    pub submit: bool,
}

/// A daily activity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Activity {
    pub id: i64,
    pub employee_id: i64,
    pub employee_name: String,
    pub date: NaiveDate,
    pub minutes: u32,
    pub start: Option<String>,
    pub end: Option<String>,
    pub description: String,
    pub rhk_id: i64,
    pub rhk_text: String,
    pub output_qty: Option<f64>,
    pub status: ActivityStatus,
    /// Why the penilai rejected it.
    pub reject_note: Option<String>,
    pub evidence_ids: Vec<i64>,
    pub created_at: DateTime<Utc>,
}

/// Body of `POST /activities/{id}/reject`.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RejectRequest {
    #[validate(length(min = 3, max = 2000, message = "catatan wajib diisi (3-2000 karakter)"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 3, max_length = 2000))]
    pub note: String,
}

/// Body of `POST /activities/bulk-approve`.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BulkApprove {
    #[validate(length(min = 1, max = 500, message = "pilih 1-500 aktivitas"))]
    #[cfg_attr(feature = "openapi", schema(min_items = 1, max_items = 500))]
    pub ids: Vec<i64>,
}

/// Outcome of `POST /activities/undo-approval`: the activities back in the queue.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct UndoApprovalResult {
    pub reopened: Vec<i64>,
}

/// Outcome of a bulk approval: all or nothing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BulkApproveResult {
    pub approved: Vec<i64>,
}

/// Proof attached to activities or realisations: an uploaded file or a link.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Evidence {
    pub id: i64,
    pub employee_id: i64,
    /// `file` or `link`.
    pub kind: String,
    pub filename: Option<String>,
    pub content_type: Option<String>,
    pub size: Option<i64>,
    /// SHA-256 of the file's content.
    pub sha256: Option<String>,
    pub url: Option<String>,
    pub created_at: DateTime<Utc>,
}

/// Body of `POST /evidence/links`.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewEvidenceLink {
    #[validate(url(message = "tautan tidak valid"), length(max = 2000))]
    #[cfg_attr(feature = "openapi", schema(max_length = 2000))]
    pub url: String,
    #[validate(length(max = 200))]
    #[cfg_attr(feature = "openapi", schema(max_length = 200))]
    pub title: Option<String>,
}

/// Realisation of one indicator in a period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct IndicatorRealization {
    pub indicator_id: i64,
    pub aspect: Aspect,
    pub text: String,
    pub unit: String,
    /// The yearly target of the SKP.
    pub target: f64,
    /// For `kuantitas`, the share of the yearly target that falls in the period (a month is 1/12,
    /// a quarter 1/4); otherwise the yearly target.
    pub period_target: f64,
    /// For `kuantitas`: the sum of approved activities' output in the period and of accepted
    /// feeds' values; for other aspects: the latest accepted feed value, if any.
    pub realized: Option<f64>,
    /// realized / period_target × 100, rounded to 0.1.
    pub percent: Option<f64>,
    pub narrative: Option<String>,
    pub evidence_ids: Vec<i64>,
    /// Values of accepted feeds in the period, counted in `realized` (added for `kuantitas`, the
    /// latest for other aspects), each with its source.
    #[serde(default)]
    pub fed: Vec<crate::FedRealization>,
}

/// Realisation of one RHK in a period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RhkRealization {
    pub rhk_id: i64,
    pub text: String,
    /// Approved activities and their minutes in the period.
    pub activities: u64,
    pub minutes: u64,
    pub indicators: Vec<IndicatorRealization>,
}

/// `GET /skps/{id}/realization?period=`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Realization {
    pub skp_id: i64,
    pub period: String,
    pub rhk: Vec<RhkRealization>,
}

/// Body of `PUT /skps/{id}/realization`: the owner's narrative and evidence for one indicator.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RealizationNote {
    pub indicator_id: i64,
    pub period: String,
    #[validate(length(max = 4000, message = "narasi maksimal 4000 karakter"))]
    #[cfg_attr(feature = "openapi", schema(max_length = 4000))]
    pub narrative: Option<String>,
    #[serde(default)]
    pub evidence_ids: Vec<i64>,
}

/// Body of `POST /feedback`: the penilai to an employee, or a reply in a thread (`parent_id`).
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewFeedback {
    pub employee_id: i64,
    #[validate(length(min = 1, max = 4000, message = "isi 1-4000 karakter"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 4000))]
    pub text: String,
    pub rhk_id: Option<i64>,
    pub core_value: Option<CoreValue>,
    /// The feedback this replies to.
    pub parent_id: Option<i64>,
}

/// Continuous feedback (umpan balik berkelanjutan) or a reply.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Feedback {
    pub id: i64,
    /// The employee the thread is about.
    pub employee_id: i64,
    pub author_user_id: i64,
    pub author_name: String,
    pub text: String,
    pub rhk_id: Option<i64>,
    pub core_value: Option<CoreValue>,
    pub parent_id: Option<i64>,
    pub created_at: DateTime<Utc>,
}

/// A follow-up agreed in a performance dialogue.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FollowUp {
    #[validate(length(min = 1, max = 1000))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 1000))]
    pub text: String,
    pub due_date: Option<NaiveDate>,
    #[serde(default)]
    pub done: bool,
}

/// Body of `POST /dialogs`.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewDialog {
    pub employee_id: i64,
    pub date: NaiveDate,
    #[validate(length(min = 1, max = 8000, message = "catatan 1-8000 karakter"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 8000))]
    pub notes: String,
    #[serde(default)]
    #[validate(nested, length(max = 20))]
    #[cfg_attr(feature = "openapi", schema(max_items = 20))]
    pub follow_ups: Vec<FollowUp>,
}

/// A performance dialogue (dialog kinerja / bimbingan): dated notes and agreed follow-ups.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Dialog {
    pub id: i64,
    pub employee_id: i64,
    pub penilai_id: i64,
    pub date: NaiveDate,
    pub notes: String,
    pub follow_ups: Vec<FollowUp>,
    pub created_at: DateTime<Utc>,
}

/// What an activity import logged (or, for a preview, would log).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ActivityImportReport {
    /// Only checked: nothing was written.
    pub preview: bool,
    /// Activities logged (as drafts); 0 for a preview.
    pub imported: u64,
    pub minutes: u64,
    /// Each row as it is (or would be) logged.
    pub rows: Vec<ActivityImportRow>,
}

/// One row of an activity import.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ActivityImportRow {
    /// Its line in the file (the header is line 1).
    pub line: u64,
    pub date: NaiveDate,
    pub minutes: u32,
    pub description: String,
    pub rhk_id: i64,
    pub rhk_text: String,
}
