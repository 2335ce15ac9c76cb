//! The daily digest: a person may ask for one message a day instead of one per event
//! (`message_settings.digest`); their events wait in the outbox as `held`, with the account they
//! are for (`outbox.user_id`), until the digest gathers them.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(Iden)]
enum MessageSettings {
    Table,
    Digest,
}

#[derive(Iden)]
enum Outbox {
    Table,
    UserId,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // One column per statement: SQLite alters one at a time.
        manager
            .alter_table(
                Table::alter()
                    .table(MessageSettings::Table)
                    .add_column(ColumnDef::new(MessageSettings::Digest).boolean().not_null().default(false))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Outbox::Table)
                    .add_column(ColumnDef::new(Outbox::UserId).big_integer().null())
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.alter_table(Table::alter().table(Outbox::Table).drop_column(Outbox::UserId).to_owned()).await?;
        manager
            .alter_table(Table::alter().table(MessageSettings::Table).drop_column(MessageSettings::Digest).to_owned())
            .await
    }
}
