//! Idempotency keys: a client that may send a request twice (the offline daily-log queue retrying
//! a sync) names it with a key of its own; the first success is kept for a week, and the same key
//! with the same request gets that answer again instead of a second record.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(Iden)]
enum IdempotencyKeys {
    Table,
    Id,
    UserId,
    Scope,
    Key,
    RequestHash,
    Status,
    Body,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use IdempotencyKeys as K;
        manager
            .create_table(
                Table::create()
                    .table(K::Table)
                    .if_not_exists()
                    .col(ColumnDef::new(K::Id).big_integer().not_null().auto_increment().primary_key())
                    .col(ColumnDef::new(K::UserId).big_integer().not_null())
                    .col(ColumnDef::new(K::Scope).string_len(64).not_null())
                    .col(ColumnDef::new(K::Key).string_len(128).not_null())
                    .col(ColumnDef::new(K::RequestHash).string_len(64).not_null())
                    .col(ColumnDef::new(K::Status).small_integer().not_null())
                    .col(ColumnDef::new(K::Body).text().not_null())
                    .col(ColumnDef::new(K::CreatedAt).timestamp_with_time_zone().not_null())
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_idempotency_keys_user_scope_key")
                    .table(K::Table)
                    .col(K::UserId)
                    .col(K::Scope)
                    .col(K::Key)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_idempotency_keys_user_created")
                    .table(K::Table)
                    .col(K::UserId)
                    .col(K::CreatedAt)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(IdempotencyKeys::Table).if_exists().to_owned()).await
    }
}
