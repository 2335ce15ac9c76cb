//! Oversight beside the direct superior: the independent evaluation team and its reviews, the
//! leadership's evaluation sessions with follow-ups, and public dialogue forums with their aspirasi,
//! minutes and commitments.

use chrono::{DateTime, NaiveDate, Utc};
use kinerja_domain::oversight::{
    FlagStatus, ForumStatus, InputSource, InputStatus, Recommendation, SessionKind, TaskStatus,
};
use kinerja_domain::{AssessmentStatus, Predikat};
use serde::{Deserialize, Serialize};
use validator::Validate;

// ---------------------------------------------------------------- the evaluation team

/// A member of an evaluation team.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TeamMember {
    pub employee_id: i64,
    pub name: String,
    pub nip: String,
}

/// A unit an evaluation team oversees (with everything below it).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TeamUnit {
    pub unit_id: i64,
    pub name: String,
}

/// A Tim Penilai Kinerja: members and the units in its scope.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EvaluationTeam {
    pub id: i64,
    pub name: String,
    /// The decree forming the team (nomor SK), if given.
    pub decree: Option<String>,
    pub active: bool,
    pub members: Vec<TeamMember>,
    pub units: Vec<TeamUnit>,
    pub created_at: DateTime<Utc>,
}

/// Body of `POST /evaluation-teams` and `PUT /evaluation-teams/{id}` (admin).
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewEvaluationTeam {
    #[validate(length(min = 3, max = 200, message = "nama tim 3-200 karakter"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 3, max_length = 200))]
    pub name: String,
    #[validate(length(max = 100, message = "nomor SK paling panjang 100 karakter"))]
    #[cfg_attr(feature = "openapi", schema(max_length = 100))]
    pub decree: Option<String>,
    /// Employees who are members (at least one, at most 25).
    #[validate(length(min = 1, max = 25, message = "anggota tim 1-25 orang"))]
    #[cfg_attr(feature = "openapi", schema(min_items = 1, max_items = 25))]
    pub member_ids: Vec<i64>,
    /// Units overseen, each with its subtree (at least one).
    #[validate(length(min = 1, max = 100, message = "pilih 1-100 unit"))]
    #[cfg_attr(feature = "openapi", schema(min_items = 1, max_items = 100))]
    pub unit_ids: Vec<i64>,
    #[serde(default = "yes")]
    pub active: bool,
}

fn yes() -> bool {
    true
}

/// One assessment in a team's scope, as the team's list shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TeamAssessment {
    pub assessment_id: i64,
    pub employee_id: i64,
    pub employee_name: String,
    pub unit_name: String,
    pub penilai_id: i64,
    pub penilai_name: String,
    pub period: String,
    pub predikat: Predikat,
    pub status: AssessmentStatus,
    pub reviews: u64,
    /// Flags still waiting for the penilai.
    pub open_flags: u64,
}

/// Body of `POST /assessments/{id}/reviews` (a member of a team whose scope holds the employee).
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewReview {
    #[validate(length(min = 3, max = 4000, message = "catatan telaah 3-4000 karakter"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 3, max_length = 4000))]
    pub note: String,
    pub recommendation: Option<Recommendation>,
    /// Ask the penilai to review the assessment again (with a reason).
    #[serde(default)]
    pub flag: bool,
    #[validate(length(max = 2000, message = "alasan paling panjang 2000 karakter"))]
    #[cfg_attr(feature = "openapi", schema(max_length = 2000))]
    pub reason: Option<String>,
}

/// A review note of the evaluation team on one assessment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AssessmentReview {
    pub id: i64,
    pub assessment_id: i64,
    pub employee_id: i64,
    pub employee_name: String,
    pub period: String,
    pub team_id: i64,
    pub team_name: String,
    pub author_name: String,
    pub note: String,
    pub recommendation: Option<Recommendation>,
    pub flag: bool,
    pub reason: Option<String>,
    /// For a flag: open until the penilai answers.
    pub flag_status: Option<FlagStatus>,
    pub response: Option<String>,
    pub responded_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}

/// Body of `POST /assessment-reviews/{id}/response`: the penilai's answer to a flag.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReviewResponse {
    #[validate(length(min = 3, max = 4000, message = "tanggapan 3-4000 karakter"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 3, max_length = 4000))]
    pub response: String,
}

// ---------------------------------------------------------------- evaluation sessions

/// A follow-up decided in an evaluation session.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SessionFollowUp {
    pub id: i64,
    pub session_id: i64,
    pub description: String,
    pub owner_id: i64,
    pub owner_name: String,
    pub due_on: NaiveDate,
    pub status: TaskStatus,
    /// Open and past its due date.
    pub overdue: bool,
    pub done_note: Option<String>,
    pub done_at: Option<DateTime<Utc>>,
}

/// Body of a follow-up, inside `NewEvaluationSession` or `POST /evaluation-sessions/{id}/follow-ups`.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewSessionFollowUp {
    #[validate(length(min = 3, max = 1000, message = "uraian tindak lanjut 3-1000 karakter"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 3, max_length = 1000))]
    pub description: String,
    /// The employee responsible (in the session's unit subtree).
    pub owner_id: i64,
    pub due_on: NaiveDate,
}

/// Body of `PUT /evaluation-follow-ups/{id}`: done (with a note) or reopened.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TaskUpdate {
    pub status: TaskStatus,
    #[validate(length(max = 2000, message = "catatan paling panjang 2000 karakter"))]
    #[cfg_attr(feature = "openapi", schema(max_length = 2000))]
    pub note: Option<String>,
}

/// Someone discussed in a session.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DiscussedEmployee {
    pub employee_id: i64,
    pub name: String,
}

/// An evaluation meeting of a unit's leadership.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EvaluationSession {
    pub id: i64,
    pub unit_id: i64,
    pub unit_name: String,
    pub kind: SessionKind,
    pub held_on: NaiveDate,
    pub title: String,
    /// Names (and positions) of those present.
    pub attendees: Vec<String>,
    pub employees: Vec<DiscussedEmployee>,
    pub decisions: String,
    pub follow_ups: Vec<SessionFollowUp>,
    pub created_by: String,
    pub created_at: DateTime<Utc>,
    /// Ratings a calibration session agreed to change.
    #[serde(default)]
    pub changes: Vec<crate::CalibrationChange>,
    /// Locked minutes: nothing of the session changes after.
    #[serde(default)]
    pub locked_at: Option<DateTime<Utc>>,
    #[serde(default)]
    pub locked_by: Option<String>,
}

/// Body of `POST /evaluation-sessions` (the head of the unit, or an admin).
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewEvaluationSession {
    pub unit_id: i64,
    pub kind: SessionKind,
    pub held_on: NaiveDate,
    #[validate(length(min = 3, max = 200, message = "judul 3-200 karakter"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 3, max_length = 200))]
    pub title: String,
    #[validate(length(min = 1, max = 100, message = "isi 1-100 peserta"))]
    #[cfg_attr(feature = "openapi", schema(min_items = 1, max_items = 100))]
    pub attendees: Vec<String>,
    /// Employees discussed (in the unit's subtree).
    #[serde(default)]
    #[validate(length(max = 500, message = "paling banyak 500 pegawai"))]
    #[cfg_attr(feature = "openapi", schema(max_items = 500))]
    pub employee_ids: Vec<i64>,
    #[validate(length(min = 3, max = 8000, message = "keputusan 3-8000 karakter"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 3, max_length = 8000))]
    pub decisions: String,
    #[serde(default)]
    #[validate(length(max = 50, message = "paling banyak 50 tindak lanjut"), nested)]
    #[cfg_attr(feature = "openapi", schema(max_items = 50))]
    pub follow_ups: Vec<NewSessionFollowUp>,
}

// ---------------------------------------------------------------- public dialogue forums

/// An aspirasi, as staff see it (with the contact).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ForumInput {
    pub id: i64,
    pub forum_id: i64,
    pub tracking_code: String,
    pub source: InputSource,
    /// Who spoke in the room (as they wished to be named), for room input.
    pub speaker: Option<String>,
    pub text: String,
    pub contact: Option<String>,
    pub status: InputStatus,
    pub response: Option<String>,
    pub created_at: DateTime<Utc>,
}

/// A commitment made at a forum.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ForumCommitment {
    pub id: i64,
    pub forum_id: i64,
    pub description: String,
    /// Who carries it out (a bidang or an official, as written).
    pub owner: String,
    pub due_on: NaiveDate,
    pub status: TaskStatus,
    pub overdue: bool,
    /// The aspirasi it answers.
    pub input_ids: Vec<i64>,
    pub done_note: Option<String>,
    pub done_at: Option<DateTime<Utc>>,
    /// The official whose target (RHK) it became.
    #[serde(default)]
    pub official_id: Option<i64>,
    #[serde(default)]
    pub official_name: Option<String>,
    #[serde(default)]
    pub rhk_id: Option<i64>,
    #[serde(default)]
    pub progress_percent: u8,
    #[serde(default)]
    pub progress_note: Option<String>,
    #[serde(default)]
    pub milestones: Vec<Milestone>,
    /// Approved activities logged against its RHK.
    #[serde(default)]
    pub activities: u32,
}

/// A step of a commitment toward done.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Milestone {
    pub id: i64,
    pub title: String,
    pub due_on: NaiveDate,
    pub done: bool,
    pub done_at: Option<DateTime<Utc>>,
}

/// Body of `POST /forum-commitments/{id}/target`: the official whose RHK the commitment becomes.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CommitmentTarget {
    pub employee_id: i64,
    /// The superior's RHK it supports (RHK pimpinan yang diintervensi), for a non-JPT official.
    #[serde(default)]
    pub parent_rhk_id: Option<i64>,
    /// The Perjanjian Kinerja goal it serves, for a JPT official.
    #[serde(default)]
    pub pk_goal_id: Option<i64>,
}

/// Body of `PUT /forum-commitments/{id}/progress`.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CommitmentProgress {
    #[validate(range(min = 0, max = 100))]
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 100))]
    pub percent: u8,
    #[validate(length(max = 1000))]
    #[cfg_attr(feature = "openapi", schema(max_length = 1000))]
    #[serde(default)]
    pub note: Option<String>,
}

/// Body of `POST /forum-commitments/{id}/milestones`.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewMilestone {
    #[validate(length(min = 3, max = 300, message = "tahapan 3-300 karakter"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 3, max_length = 300))]
    pub title: String,
    pub due_on: NaiveDate,
}

/// Body of `PUT /forum-commitments/{id}/milestones/{milestone_id}`.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MilestoneUpdate {
    pub done: bool,
}

/// A public dialogue forum, as staff see it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Forum {
    pub id: i64,
    pub unit_id: i64,
    pub unit_name: String,
    pub topic: String,
    pub date: NaiveDate,
    pub place: String,
    pub description: Option<String>,
    pub status: ForumStatus,
    pub minutes: Option<String>,
    pub inputs: Vec<ForumInput>,
    pub commitments: Vec<ForumCommitment>,
    pub created_at: DateTime<Utc>,
}

/// Body of `POST /forums` (heads and operators of the unit, admin).
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewForum {
    pub unit_id: i64,
    #[validate(length(min = 5, max = 200, message = "topik 5-200 karakter"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 5, max_length = 200))]
    pub topic: String,
    pub date: NaiveDate,
    #[validate(length(min = 3, max = 200, message = "tempat 3-200 karakter"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 3, max_length = 200))]
    pub place: String,
    #[validate(length(max = 4000, message = "keterangan paling panjang 4000 karakter"))]
    #[cfg_attr(feature = "openapi", schema(max_length = 4000))]
    pub description: Option<String>,
}

/// Body of `PUT /forums/{id}`: edit the announcement, record that it was held (with the minutes)
/// or cancel it. Absent fields stay as they are.
#[derive(Debug, Clone, Default, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ForumPatch {
    #[validate(length(min = 5, max = 200, message = "topik 5-200 karakter"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 5, max_length = 200))]
    pub topic: Option<String>,
    pub date: Option<NaiveDate>,
    #[validate(length(min = 3, max = 200, message = "tempat 3-200 karakter"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 3, max_length = 200))]
    pub place: Option<String>,
    #[validate(length(max = 4000, message = "keterangan paling panjang 4000 karakter"))]
    #[cfg_attr(feature = "openapi", schema(max_length = 4000))]
    pub description: Option<String>,
    pub status: Option<ForumStatus>,
    /// The minutes (notulen), published on the public page once the forum is held.
    #[validate(length(min = 10, max = 20000, message = "notulen 10-20000 karakter"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 10, max_length = 20000))]
    pub minutes: Option<String>,
}

/// Body of `POST /forums/{id}/inputs`: what was said in the room, entered by staff.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewRoomInput {
    #[validate(length(min = 5, max = 4000, message = "aspirasi 5-4000 karakter"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 5, max_length = 4000))]
    pub text: String,
    #[validate(length(max = 120, message = "nama paling panjang 120 karakter"))]
    #[cfg_attr(feature = "openapi", schema(max_length = 120))]
    pub speaker: Option<String>,
}

/// Body of `PUT /forum-inputs/{id}`: the aspirasi's new status and its public response.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct InputUpdate {
    pub status: InputStatus,
    #[validate(length(max = 2000, message = "tanggapan paling panjang 2000 karakter"))]
    #[cfg_attr(feature = "openapi", schema(max_length = 2000))]
    pub response: Option<String>,
}

/// Body of `POST /forums/{id}/commitments`.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewCommitment {
    #[validate(length(min = 5, max = 2000, message = "uraian komitmen 5-2000 karakter"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 5, max_length = 2000))]
    pub description: String,
    #[validate(length(min = 2, max = 200, message = "penanggung jawab 2-200 karakter"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 2, max_length = 200))]
    pub owner: String,
    pub due_on: NaiveDate,
    /// Aspirasi of this forum it answers; they become `committed`.
    #[serde(default)]
    #[validate(length(max = 100))]
    #[cfg_attr(feature = "openapi", schema(max_items = 100))]
    pub input_ids: Vec<i64>,
}

/// Body of `POST /public/forums/{id}/inputs`. `website` must stay empty (a field people never see).
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewPublicInput {
    #[validate(length(min = 10, max = 4000, message = "aspirasi 10-4000 karakter"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 10, max_length = 4000))]
    pub text: String,
    #[validate(length(max = 200, message = "kontak paling panjang 200 karakter"))]
    #[cfg_attr(feature = "openapi", schema(max_length = 200))]
    pub contact: Option<String>,
    #[serde(default)]
    pub website: Option<String>,
}

/// Answer of `POST /public/forums/{id}/inputs`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct InputReceipt {
    pub tracking_code: String,
}

/// An aspirasi on the public page: no contact.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PublicInput {
    pub tracking_code: String,
    pub forum_id: i64,
    pub source: InputSource,
    pub text: String,
    pub status: InputStatus,
    pub status_label: String,
    pub response: Option<String>,
    pub created_at: DateTime<Utc>,
}

/// A commitment on the public page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PublicCommitment {
    pub description: String,
    pub owner: String,
    pub due_on: NaiveDate,
    pub status: TaskStatus,
    pub status_label: String,
    pub done_note: Option<String>,
    pub done_at: Option<DateTime<Utc>>,
    /// The official (name and position) whose target it is.
    #[serde(default)]
    pub official: Option<String>,
    #[serde(default)]
    pub progress_percent: u8,
    #[serde(default)]
    pub milestones: Vec<PublicMilestone>,
}

/// A commitment's step on the public page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PublicMilestone {
    pub title: String,
    pub due_on: NaiveDate,
    pub done: bool,
}

/// A forum on the public pages (`GET /public/forums`, `GET /public/forums/{id}`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PublicForum {
    pub id: i64,
    pub unit_name: String,
    pub topic: String,
    pub date: NaiveDate,
    pub place: String,
    pub description: Option<String>,
    pub status: ForumStatus,
    pub status_label: String,
    /// Whether citizens may still send aspirasi online.
    pub accepts_input: bool,
    /// Published once the forum is held.
    pub minutes: Option<String>,
    /// Empty in the list; every public aspirasi in the detail.
    pub inputs: Vec<PublicInput>,
    /// Empty in the list; every commitment in the detail.
    pub commitments: Vec<PublicCommitment>,
    pub input_count: u64,
    pub open_commitments: u64,
}

// ---------------------------------------------------------------- on the unit dashboard

/// An open evaluation follow-up or forum commitment, on the unit dashboard.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OpenTask {
    pub id: i64,
    /// The session or forum it belongs to.
    pub source_id: i64,
    pub source_title: String,
    pub unit_name: String,
    pub description: String,
    pub owner: String,
    pub due_on: NaiveDate,
    pub overdue: bool,
}

/// Oversight figures of the subtree: evaluation follow-ups, forum commitments, team flags.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OversightFigures {
    pub follow_ups_open: u64,
    pub follow_ups_overdue: u64,
    /// Overdue follow-ups, the oldest due first (at most 20).
    pub overdue_follow_ups: Vec<OpenTask>,
    pub commitments_open: u64,
    pub commitments_overdue: u64,
    /// Open forum commitments, the earliest due first (at most 20).
    pub open_commitments: Vec<OpenTask>,
    /// Team flags still waiting for a penilai in the subtree.
    pub flags_open: u64,
    /// Objections to ratings of the subtree's people still undecided.
    #[serde(default)]
    pub objections_waiting: u64,
    /// Of those, past their decision deadline.
    #[serde(default)]
    pub objections_overdue: u64,
    /// The overdue objections, the oldest deadline first (at most 20).
    #[serde(default)]
    pub overdue_objections: Vec<crate::OverdueObjection>,
}
