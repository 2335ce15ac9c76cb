use kinerja_domain::competency::TrainingStatus;
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "trainings")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub plan_id: i64,
    pub employee_id: i64,
    pub competency_id: Option<i64>,
    pub course: String,
    pub provider: String,
    /// Jam pelajaran (JP), stored in the `hours` column of the first schema.
    #[sea_orm(column_name = "hours")]
    pub jp: i32,
    pub start_on: Date,
    pub end_on: Date,
    pub status: TrainingStatus,
    pub evidence: Option<String>,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
