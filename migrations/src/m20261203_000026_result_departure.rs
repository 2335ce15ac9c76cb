//! SE MenPANRB 3/2023 ties a unit head's Rating Hasil Kerja to the unit's organisation predikat:
//! the form proposes it, and a penilai who departs from it records why.

use crate::common::{add_columns, drop_columns};
use sea_orm_migration::prelude::*;

const COLUMN: &str = "result_departure_reason";

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let reason = ColumnDef::new(Alias::new(COLUMN)).text().null().to_owned();
        add_columns(manager, "assessments", vec![reason]).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        drop_columns(manager, "assessments", &[COLUMN]).await
    }
}
