//! Refresh tokens belong to a session (`family`): rotating a refresh token keeps the session, a
//! logout or a password change ends it, and the access tokens of an ended session stop working
//! within seconds (they carry the session id, checked against the live sessions). Existing tokens
//! each start their own session.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::ConnectionTrait;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Alias::new("refresh_tokens"))
                    .add_column(ColumnDef::new(Alias::new("family")).big_integer().null())
                    .to_owned(),
            )
            .await?;
        manager.get_connection().execute_unprepared("UPDATE refresh_tokens SET family = id").await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_refresh_tokens_user_family")
                    .table(Alias::new("refresh_tokens"))
                    .col(Alias::new("user_id"))
                    .col(Alias::new("family"))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(
                Index::drop().name("idx_refresh_tokens_user_family").table(Alias::new("refresh_tokens")).to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter().table(Alias::new("refresh_tokens")).drop_column(Alias::new("family")).to_owned(),
            )
            .await
    }
}
