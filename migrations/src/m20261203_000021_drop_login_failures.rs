//! Sign-in attempts are counted in `rate_limits` now (per username and address, per address, per
//! username), before any password is hashed; the old table of failures per username is dropped.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(Iden)]
enum LoginFailures {
    Table,
    Id,
    Username,
    At,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(LoginFailures::Table).if_exists().to_owned()).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(LoginFailures::Table)
                    .if_not_exists()
                    .col(ColumnDef::new(LoginFailures::Id).big_integer().not_null().auto_increment().primary_key())
                    .col(ColumnDef::new(LoginFailures::Username).string_len(64).not_null())
                    .col(ColumnDef::new(LoginFailures::At).timestamp_with_time_zone().not_null())
                    .to_owned(),
            )
            .await
    }
}
