//! The append-only audit log; each row carries the hash of its content chained to the row before.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum AuditLog {
    Table,
    Id,
    At,
    ActorUserId,
    Actor,
    Action,
    Entity,
    EntityId,
    Before,
    After,
    PrevHash,
    Hash,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(AuditLog::Table)
                    .col(ColumnDef::new(AuditLog::Id).big_integer().not_null().auto_increment().primary_key())
                    .col(ColumnDef::new(AuditLog::At).timestamp_with_time_zone().not_null())
                    .col(ColumnDef::new(AuditLog::ActorUserId).big_integer().null())
                    .col(ColumnDef::new(AuditLog::Actor).string_len(100).not_null())
                    .col(ColumnDef::new(AuditLog::Action).string_len(64).not_null())
                    .col(ColumnDef::new(AuditLog::Entity).string_len(64).not_null())
                    .col(ColumnDef::new(AuditLog::EntityId).string_len(64).null())
                    .col(ColumnDef::new(AuditLog::Before).text().null())
                    .col(ColumnDef::new(AuditLog::After).text().null())
                    .col(ColumnDef::new(AuditLog::PrevHash).string_len(64).not_null())
                    .col(ColumnDef::new(AuditLog::Hash).string_len(64).not_null())
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_audit_entity")
                    .table(AuditLog::Table)
                    .col(AuditLog::Entity)
                    .col(AuditLog::EntityId)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(AuditLog::Table).to_owned()).await
    }
}
