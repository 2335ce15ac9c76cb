use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "realization_notes")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub skp_id: i64,
    pub indicator_id: i64,
    pub period: String,
    pub narrative: Option<String>,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
