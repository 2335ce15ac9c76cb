use kinerja_domain::Aspect;
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "rhk_indicators")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub rhk_id: i64,
    pub aspect: Aspect,
    pub text: String,
    pub target: f64,
    pub unit: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
