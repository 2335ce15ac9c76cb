//! Who decided an objection: the atasan penilai, or the BKPSDM for the PPK (where the penilai has no
//! atasan, or past the decision deadline), so the decided rating names its decider.

use crate::common::{add_columns, drop_columns};
use sea_orm_migration::prelude::*;

const COLUMN: &str = "decided_by_ppk";

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let by_ppk = ColumnDef::new(Alias::new(COLUMN)).boolean().null().to_owned();
        add_columns(manager, "assessments", vec![by_ppk]).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        drop_columns(manager, "assessments", &[COLUMN]).await
    }
}
