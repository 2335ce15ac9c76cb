//! Each person's messages outside the app: their e-mail address and WhatsApp number (each used
//! only once verified by a code sent to it), the groups of events they do not want there, and
//! their quiet hours (local minutes of the day; messages due inside wait for the end).

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(Iden)]
enum MessageSettings {
    Table,
    UserId,
    Email,
    EmailVerifiedAt,
    Whatsapp,
    WhatsappVerifiedAt,
    CodeChannel,
    CodeHash,
    CodeExpiresAt,
    CodeTries,
    Muted,
    QuietFrom,
    QuietTo,
    UpdatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use MessageSettings as M;
        manager
            .create_table(
                Table::create()
                    .table(M::Table)
                    .if_not_exists()
                    .col(ColumnDef::new(M::UserId).big_integer().not_null().primary_key())
                    .col(ColumnDef::new(M::Email).string_len(254).null())
                    .col(ColumnDef::new(M::EmailVerifiedAt).timestamp_with_time_zone().null())
                    .col(ColumnDef::new(M::Whatsapp).string_len(20).null())
                    .col(ColumnDef::new(M::WhatsappVerifiedAt).timestamp_with_time_zone().null())
                    .col(ColumnDef::new(M::CodeChannel).string_len(16).null())
                    .col(ColumnDef::new(M::CodeHash).string_len(64).null())
                    .col(ColumnDef::new(M::CodeExpiresAt).timestamp_with_time_zone().null())
                    .col(ColumnDef::new(M::CodeTries).integer().not_null().default(0))
                    .col(ColumnDef::new(M::Muted).string_len(200).not_null().default(""))
                    .col(ColumnDef::new(M::QuietFrom).small_integer().null())
                    .col(ColumnDef::new(M::QuietTo).small_integer().null())
                    .col(ColumnDef::new(M::UpdatedAt).timestamp_with_time_zone().not_null())
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(MessageSettings::Table).if_exists().to_owned()).await
    }
}
