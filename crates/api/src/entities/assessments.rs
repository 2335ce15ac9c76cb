use kinerja_domain::AssessmentStatus;
use kinerja_domain::Predikat;
use kinerja_domain::Rating;
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "assessments")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub employee_id: i64,
    pub penilai_id: i64,
    pub atasan_penilai_id: Option<i64>,
    pub unit_id: i64,
    pub period: String,
    pub result_rating: Rating,
    pub behavior_rating: Rating,
    /// JSON object core value → note.
    pub behavior_notes: String,
    pub note: Option<String>,
    /// Why a unit head's result rating departs from the one the organisation predikat proposes.
    pub result_departure_reason: Option<String>,
    pub predikat: Predikat,
    pub status: AssessmentStatus,
    pub finalized_at: Option<DateTimeUtc>,
    pub objection_reason: Option<String>,
    pub objected_at: Option<DateTimeUtc>,
    /// The penilai's written response (tanggapan) to the objection.
    pub penilai_response: Option<String>,
    pub responded_at: Option<DateTimeUtc>,
    pub decision_outcome: Option<String>,
    pub decision_reason: Option<String>,
    /// Decided by the BKPSDM for the PPK (not by the atasan penilai); none before a decision.
    pub decided_by_ppk: Option<bool>,
    pub decided_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
