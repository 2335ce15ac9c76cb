use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
pub enum Units {
    Table,
    Id,
    Code,
    Name,
    ParentId,
    Kind,
    IsServiceUnit,
    CreatedAt,
    UpdatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Units::Table)
                    .col(ColumnDef::new(Units::Id).big_integer().not_null().auto_increment().primary_key())
                    .col(ColumnDef::new(Units::Code).string_len(32).not_null().unique_key())
                    .col(ColumnDef::new(Units::Name).string_len(200).not_null())
                    .col(ColumnDef::new(Units::ParentId).big_integer().null())
                    .col(ColumnDef::new(Units::Kind).string_len(16).not_null())
                    .col(ColumnDef::new(Units::IsServiceUnit).boolean().not_null().default(false))
                    .col(ColumnDef::new(Units::CreatedAt).timestamp_with_time_zone().not_null())
                    .col(ColumnDef::new(Units::UpdatedAt).timestamp_with_time_zone().not_null())
                    .foreign_key(
                        ForeignKey::create()
                            .from(Units::Table, Units::ParentId)
                            .to(Units::Table, Units::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(Index::create().name("idx_units_parent").table(Units::Table).col(Units::ParentId).to_owned())
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(Units::Table).to_owned()).await
    }
}
