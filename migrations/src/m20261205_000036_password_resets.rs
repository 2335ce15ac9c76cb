//! Self-service password resets: the SHA-256 of each link's secret, whose account it resets,
//! until when, and when it was used (once).

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(Iden)]
enum PasswordResets {
    Table,
    Id,
    UserId,
    TokenHash,
    ExpiresAt,
    UsedAt,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use PasswordResets as P;
        manager
            .create_table(
                Table::create()
                    .table(P::Table)
                    .if_not_exists()
                    .col(ColumnDef::new(P::Id).big_integer().not_null().auto_increment().primary_key())
                    .col(ColumnDef::new(P::UserId).big_integer().not_null())
                    .col(ColumnDef::new(P::TokenHash).string_len(64).not_null().unique_key())
                    .col(ColumnDef::new(P::ExpiresAt).timestamp_with_time_zone().not_null())
                    .col(ColumnDef::new(P::UsedAt).timestamp_with_time_zone().null())
                    .col(ColumnDef::new(P::CreatedAt).timestamp_with_time_zone().not_null())
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(PasswordResets::Table).if_exists().to_owned()).await
    }
}
