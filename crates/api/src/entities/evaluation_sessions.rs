use kinerja_domain::oversight::SessionKind;
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "evaluation_sessions")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub unit_id: i64,
    pub kind: SessionKind,
    pub held_on: Date,
    pub title: String,
    pub attendees: String,
    pub decisions: String,
    pub created_by: String,
    pub created_at: DateTimeUtc,
    /// When the minutes were locked: nothing of the session changes after.
    pub locked_at: Option<DateTimeUtc>,
    pub locked_by: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
