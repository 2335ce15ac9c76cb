use sea_orm::entity::prelude::*;

/// One export of an OPD's year toward BKN (as a file, or pushed to the Pemda's bridge).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "bkn_exports")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub unit_id: i64,
    pub year: i32,
    /// The adapter (`e-kinerja`) and the version of its field mapping.
    pub adapter: String,
    pub mapping_version: String,
    /// `file` or `push`.
    pub mode: String,
    pub created_by: String,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
