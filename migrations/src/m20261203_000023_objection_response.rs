//! The penilai's written response (tanggapan) to an objection, before the decision (PP 30/2019).

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

const COLUMNS: [&str; 2] = ["penilai_response", "responded_at"];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // One column per statement: SQLite adds one at a time.
        let text = ColumnDef::new(Alias::new(COLUMNS[0])).text().null().to_owned();
        let at = ColumnDef::new(Alias::new(COLUMNS[1])).timestamp_with_time_zone().null().to_owned();
        for mut column in [text, at] {
            manager
                .alter_table(Table::alter().table(Alias::new("assessments")).add_column(&mut column).to_owned())
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for column in COLUMNS {
            manager
                .alter_table(Table::alter().table(Alias::new("assessments")).drop_column(Alias::new(column)).to_owned())
                .await?;
        }
        Ok(())
    }
}
