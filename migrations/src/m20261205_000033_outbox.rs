//! The outbox: each message to send outside the app (an e-mail, a WhatsApp message), written in
//! the same transaction as the change it announces and delivered by the server's worker with
//! retries. One row per event, channel and recipient (a unique key), so an event is never queued
//! twice; a lease (`locked_until`) lets several replicas share the work without sending a row
//! twice while its holder lives. Complaints and aspirasi gain the token of their "stop messages"
//! link and the time it was used.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(Iden)]
enum Outbox {
    Table,
    Id,
    EventKey,
    EventKind,
    Channel,
    Recipient,
    Subject,
    Body,
    StopPath,
    Status,
    Attempts,
    NextAttemptAt,
    LockedUntil,
    LastError,
    CreatedAt,
    SentAt,
}

#[derive(Iden)]
enum Complaints {
    Table,
    NotifyToken,
    NotifyStoppedAt,
}

#[derive(Iden)]
enum ForumInputs {
    Table,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use Outbox as O;
        manager
            .create_table(
                Table::create()
                    .table(O::Table)
                    .if_not_exists()
                    .col(ColumnDef::new(O::Id).big_integer().not_null().auto_increment().primary_key())
                    .col(ColumnDef::new(O::EventKey).string_len(160).not_null())
                    .col(ColumnDef::new(O::EventKind).string_len(64).not_null())
                    .col(ColumnDef::new(O::Channel).string_len(16).not_null())
                    .col(ColumnDef::new(O::Recipient).string_len(320).not_null())
                    .col(ColumnDef::new(O::Subject).string_len(200).not_null())
                    .col(ColumnDef::new(O::Body).text().not_null())
                    .col(ColumnDef::new(O::StopPath).string_len(200).null())
                    .col(ColumnDef::new(O::Status).string_len(16).not_null())
                    .col(ColumnDef::new(O::Attempts).integer().not_null().default(0))
                    .col(ColumnDef::new(O::NextAttemptAt).timestamp_with_time_zone().not_null())
                    .col(ColumnDef::new(O::LockedUntil).timestamp_with_time_zone().null())
                    .col(ColumnDef::new(O::LastError).text().null())
                    .col(ColumnDef::new(O::CreatedAt).timestamp_with_time_zone().not_null())
                    .col(ColumnDef::new(O::SentAt).timestamp_with_time_zone().null())
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_outbox_event_channel_recipient")
                    .table(O::Table)
                    .col(O::EventKey)
                    .col(O::Channel)
                    .col(O::Recipient)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_outbox_status_next")
                    .table(O::Table)
                    .col(O::Status)
                    .col(O::NextAttemptAt)
                    .to_owned(),
            )
            .await?;
        for table in [Complaints::Table.into_iden(), ForumInputs::Table.into_iden()] {
            manager
                .alter_table(
                    Table::alter()
                        .table(table.clone())
                        .add_column(ColumnDef::new(Complaints::NotifyToken).string_len(64).null())
                        .to_owned(),
                )
                .await?;
            manager
                .alter_table(
                    Table::alter()
                        .table(table)
                        .add_column(ColumnDef::new(Complaints::NotifyStoppedAt).timestamp_with_time_zone().null())
                        .to_owned(),
                )
                .await?;
        }
        // The stop page finds its complaint or aspirasi by the token.
        for (name, table) in [
            ("idx_complaints_notify_token", Complaints::Table.into_iden()),
            ("idx_forum_inputs_notify_token", ForumInputs::Table.into_iden()),
        ] {
            manager
                .create_index(Index::create().name(name).table(table).col(Complaints::NotifyToken).unique().to_owned())
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for (name, table) in [
            ("idx_complaints_notify_token", Complaints::Table.into_iden()),
            ("idx_forum_inputs_notify_token", ForumInputs::Table.into_iden()),
        ] {
            manager.drop_index(Index::drop().name(name).table(table).to_owned()).await?;
        }
        for table in [Complaints::Table.into_iden(), ForumInputs::Table.into_iden()] {
            manager
                .alter_table(Table::alter().table(table.clone()).drop_column(Complaints::NotifyStoppedAt).to_owned())
                .await?;
            manager.alter_table(Table::alter().table(table).drop_column(Complaints::NotifyToken).to_owned()).await?;
        }
        manager.drop_table(Table::drop().table(Outbox::Table).if_exists().to_owned()).await
    }
}
