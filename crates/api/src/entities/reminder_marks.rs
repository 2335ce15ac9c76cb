use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "reminder_marks")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    /// `daily_log`, `skp`, `objection`, `queue`.
    pub kind: String,
    /// What it was about: a day, a year, a rating.
    pub subject: String,
    pub user_id: i64,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
