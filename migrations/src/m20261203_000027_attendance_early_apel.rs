//! Attendance that the TPP rules of a Perkada price besides lateness: minutes left early (pulang
//! sebelum waktunya) and a missed apel or upacara.

use crate::common::{add_columns, drop_columns};
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// The new columns.
const COLUMNS: [&str; 2] = ["early_minutes", "missed_apel"];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let columns = vec![
            ColumnDef::new(Alias::new(COLUMNS[0])).integer().not_null().default(0).to_owned(),
            ColumnDef::new(Alias::new(COLUMNS[1])).boolean().not_null().default(false).to_owned(),
        ];
        add_columns(manager, "attendance", columns).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        drop_columns(manager, "attendance", &COLUMNS).await
    }
}
