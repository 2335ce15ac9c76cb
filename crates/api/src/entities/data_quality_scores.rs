use sea_orm::entity::prelude::*;

/// One OPD's data-quality score of a nightly run (`unit_id` 0: the whole Pemda).
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "data_quality_scores")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub day: Date,
    #[sea_orm(primary_key, auto_increment = false)]
    pub unit_id: i64,
    pub score: f64,
    pub records: i64,
    pub defective: i64,
    pub blocking: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
