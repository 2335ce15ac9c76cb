use kinerja_domain::CoreValue;
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "skp_behaviors")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub skp_id: i64,
    pub core_value: CoreValue,
    pub expectation: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
