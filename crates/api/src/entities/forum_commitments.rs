use kinerja_domain::oversight::TaskStatus;
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "forum_commitments")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub forum_id: i64,
    pub unit_id: i64,
    pub description: String,
    pub owner: String,
    pub due_on: Date,
    pub status: TaskStatus,
    pub done_note: Option<String>,
    pub done_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
    /// The official whose target it became.
    pub official_id: Option<i64>,
    /// The RHK it became (the first of its lineage).
    pub rhk_id: Option<i64>,
    pub progress_percent: i32,
    pub progress_note: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
