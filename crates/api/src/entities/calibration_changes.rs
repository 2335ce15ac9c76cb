use kinerja_domain::{Predikat, Rating};
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "calibration_changes")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub session_id: i64,
    pub assessment_id: i64,
    pub employee_id: i64,
    pub before_result: Option<Rating>,
    pub before_behavior: Option<Rating>,
    pub before_predikat: Option<Predikat>,
    pub after_result: Rating,
    pub after_behavior: Rating,
    pub after_predikat: Predikat,
    pub reason: String,
    pub created_by: String,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
