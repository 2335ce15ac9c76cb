//! Which reminders went out: one row per reminder kind, subject (the day, the year, the rating)
//! and person, unique, so that each is sent once however many replicas look.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(Iden)]
enum ReminderMarks {
    Table,
    Id,
    Kind,
    Subject,
    UserId,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use ReminderMarks as R;
        manager
            .create_table(
                Table::create()
                    .table(R::Table)
                    .if_not_exists()
                    .col(ColumnDef::new(R::Id).big_integer().not_null().auto_increment().primary_key())
                    .col(ColumnDef::new(R::Kind).string_len(32).not_null())
                    .col(ColumnDef::new(R::Subject).string_len(64).not_null())
                    .col(ColumnDef::new(R::UserId).big_integer().not_null())
                    .col(ColumnDef::new(R::CreatedAt).timestamp_with_time_zone().not_null())
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_reminder_marks_kind_subject_user")
                    .table(R::Table)
                    .col(R::Kind)
                    .col(R::Subject)
                    .col(R::UserId)
                    .unique()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(ReminderMarks::Table).if_exists().to_owned()).await
    }
}
