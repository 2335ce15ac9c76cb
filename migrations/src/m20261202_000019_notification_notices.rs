//! A notification keeps what it announces as a code with parameters (`notice`, JSON), so that
//! the SPA can show it in the reader's language; the Indonesian title and body stay for API
//! clients. Older rows have no notice.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Alias::new("notifications"))
                    .add_column(ColumnDef::new(Alias::new("notice")).text().null())
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(Table::alter().table(Alias::new("notifications")).drop_column(Alias::new("notice")).to_owned())
            .await
    }
}
