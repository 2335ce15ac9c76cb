use kinerja_domain::calendar::LeaveKind;
use sea_orm::entity::prelude::*;

/// A leave or absence the BKPSDM recorded: its days are excused until it is annulled.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "leave")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub employee_id: i64,
    pub kind: LeaveKind,
    pub starts_on: Date,
    pub ends_on: Date,
    /// The letter that grants it (nomor surat cuti, surat tugas).
    pub reference: Option<String>,
    pub recorded_by_user_id: i64,
    pub created_at: DateTimeUtc,
    /// Annulled (recorded in error, or cut short): kept, excuses nothing.
    pub annulled_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
