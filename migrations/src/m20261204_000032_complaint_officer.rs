//! The officer a complaint is about, as the citizen describes them ("petugas loket 2, berkacamata")
//! or picked by name from the unit's list: citizens do not know a NIP.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(Iden)]
enum Complaints {
    Table,
    Officer,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Complaints::Table)
                    .add_column(ColumnDef::new(Complaints::Officer).string_len(200).null())
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.alter_table(Table::alter().table(Complaints::Table).drop_column(Complaints::Officer).to_owned()).await
    }
}
