//! Outgoing webhooks: an address the BKPSDM subscribes to events, with the secret its deliveries
//! are signed with. Deliveries themselves are outbox rows of the channel `webhook`.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(Iden)]
enum Webhooks {
    Table,
    Id,
    Url,
    Events,
    Secret,
    Description,
    Active,
    CreatedByUserId,
    CreatedAt,
    UpdatedAt,
    RemovedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use Webhooks as W;
        manager
            .create_table(
                Table::create()
                    .table(W::Table)
                    .if_not_exists()
                    .col(ColumnDef::new(W::Id).big_integer().not_null().auto_increment().primary_key())
                    .col(ColumnDef::new(W::Url).string_len(500).not_null())
                    // The event names as a JSON array.
                    .col(ColumnDef::new(W::Events).text().not_null())
                    .col(ColumnDef::new(W::Secret).string_len(200).not_null())
                    .col(ColumnDef::new(W::Description).string_len(200).null())
                    .col(ColumnDef::new(W::Active).boolean().not_null().default(true))
                    .col(ColumnDef::new(W::CreatedByUserId).big_integer().not_null())
                    .col(ColumnDef::new(W::CreatedAt).timestamp_with_time_zone().not_null())
                    .col(ColumnDef::new(W::UpdatedAt).timestamp_with_time_zone().not_null())
                    // Removed: kept for its delivery log, never sent to again.
                    .col(ColumnDef::new(W::RemovedAt).timestamp_with_time_zone().null())
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(Webhooks::Table).to_owned()).await
    }
}
