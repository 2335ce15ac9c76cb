use kinerja_domain::pulse::PulseStatus;
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "pulse_rounds")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub unit_id: i64,
    /// One employee's round; `None` for a whole unit's.
    pub employee_id: Option<i64>,
    pub period: String,
    pub closes_on: Date,
    pub status: PulseStatus,
    pub public_code: Option<String>,
    /// JSON: the questions as asked when the round opened.
    pub questions: String,
    pub opened_by: String,
    pub opened_at: DateTimeUtc,
    pub closed_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
