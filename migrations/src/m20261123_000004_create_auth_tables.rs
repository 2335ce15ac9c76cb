//! Refresh tokens (stored hashed) and failed logins (for throttling). Both live in the database
//! so that several API replicas share them.

use super::m20261123_000003_create_users::Users;
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum RefreshTokens {
    Table,
    Id,
    UserId,
    TokenHash,
    ExpiresAt,
    RevokedAt,
    CreatedAt,
}

#[derive(DeriveIden)]
enum LoginFailures {
    Table,
    Id,
    Username,
    At,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(RefreshTokens::Table)
                    .col(ColumnDef::new(RefreshTokens::Id).big_integer().not_null().auto_increment().primary_key())
                    .col(ColumnDef::new(RefreshTokens::UserId).big_integer().not_null())
                    .col(ColumnDef::new(RefreshTokens::TokenHash).string_len(64).not_null().unique_key())
                    .col(ColumnDef::new(RefreshTokens::ExpiresAt).timestamp_with_time_zone().not_null())
                    .col(ColumnDef::new(RefreshTokens::RevokedAt).timestamp_with_time_zone().null())
                    .col(ColumnDef::new(RefreshTokens::CreatedAt).timestamp_with_time_zone().not_null())
                    .foreign_key(
                        ForeignKey::create()
                            .from(RefreshTokens::Table, RefreshTokens::UserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_refresh_tokens_user")
                    .table(RefreshTokens::Table)
                    .col(RefreshTokens::UserId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(LoginFailures::Table)
                    .col(ColumnDef::new(LoginFailures::Id).big_integer().not_null().auto_increment().primary_key())
                    .col(ColumnDef::new(LoginFailures::Username).string_len(64).not_null())
                    .col(ColumnDef::new(LoginFailures::At).timestamp_with_time_zone().not_null())
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_login_failures_username_at")
                    .table(LoginFailures::Table)
                    .col(LoginFailures::Username)
                    .col(LoginFailures::At)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(LoginFailures::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(RefreshTokens::Table).to_owned()).await
    }
}
