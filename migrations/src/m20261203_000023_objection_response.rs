//! The penilai's written response (tanggapan) to an objection, before the decision (PP 30/2019).

use crate::common::{add_columns, drop_columns};
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

const COLUMNS: [&str; 2] = ["penilai_response", "responded_at"];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let text = ColumnDef::new(Alias::new(COLUMNS[0])).text().null().to_owned();
        let at = ColumnDef::new(Alias::new(COLUMNS[1])).timestamp_with_time_zone().null().to_owned();
        add_columns(manager, "assessments", vec![text, at]).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        drop_columns(manager, "assessments", &COLUMNS).await
    }
}
