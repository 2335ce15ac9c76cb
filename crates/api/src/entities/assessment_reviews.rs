use kinerja_domain::oversight::FlagStatus;
use kinerja_domain::oversight::Recommendation;
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "assessment_reviews")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub assessment_id: i64,
    pub team_id: i64,
    pub employee_id: i64,
    pub unit_id: i64,
    pub penilai_id: i64,
    pub author_employee_id: i64,
    pub author_name: String,
    pub note: String,
    pub recommendation: Option<Recommendation>,
    pub flag: bool,
    pub reason: Option<String>,
    pub flag_status: Option<FlagStatus>,
    pub response: Option<String>,
    pub responded_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
