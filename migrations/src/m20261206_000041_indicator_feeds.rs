//! Indicator feeds: values of an RHK indicator counted by another system and posted with an API
//! token. A feed is one source system for one indicator, accepted or refused once by the penilai;
//! its values are kept with their period and the source's reference.

use crate::common::id;
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(Iden)]
enum IndicatorFeeds {
    Table,
    Id,
    IndicatorId,
    SkpId,
    EmployeeId,
    Source,
    Status,
    CreatedAt,
    DecidedBy,
    DecidedAt,
    Reason,
}

#[derive(Iden)]
enum IndicatorFeedValues {
    Table,
    Id,
    FeedId,
    Period,
    DateFrom,
    DateTo,
    Value,
    Reference,
    PostedBy,
    PostedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use IndicatorFeedValues as V;
        use IndicatorFeeds as F;
        manager
            .create_table(
                Table::create()
                    .table(F::Table)
                    .if_not_exists()
                    .col(id(F::Id))
                    .col(ColumnDef::new(F::IndicatorId).big_integer().not_null())
                    .col(ColumnDef::new(F::SkpId).big_integer().not_null())
                    // The SKP's owner, for scoped lists.
                    .col(ColumnDef::new(F::EmployeeId).big_integer().not_null())
                    .col(ColumnDef::new(F::Source).string_len(100).not_null())
                    .col(ColumnDef::new(F::Status).string_len(16).not_null())
                    .col(ColumnDef::new(F::CreatedAt).timestamp_with_time_zone().not_null())
                    .col(ColumnDef::new(F::DecidedBy).string_len(200).null())
                    .col(ColumnDef::new(F::DecidedAt).timestamp_with_time_zone().null())
                    .col(ColumnDef::new(F::Reason).string_len(500).null())
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_indicator_feeds_source")
                    .table(F::Table)
                    .col(F::IndicatorId)
                    .col(F::Source)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(Index::create().name("idx_indicator_feeds_skp").table(F::Table).col(F::SkpId).to_owned())
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(V::Table)
                    .if_not_exists()
                    .col(id(V::Id))
                    .col(ColumnDef::new(V::FeedId).big_integer().not_null())
                    .col(ColumnDef::new(V::Period).string_len(10).not_null())
                    .col(ColumnDef::new(V::DateFrom).date().not_null())
                    .col(ColumnDef::new(V::DateTo).date().not_null())
                    .col(ColumnDef::new(V::Value).double().not_null())
                    .col(ColumnDef::new(V::Reference).string_len(200).not_null())
                    .col(ColumnDef::new(V::PostedBy).string_len(200).not_null())
                    .col(ColumnDef::new(V::PostedAt).timestamp_with_time_zone().not_null())
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_indicator_feed_values_reference")
                    .table(V::Table)
                    .col(V::FeedId)
                    .col(V::Reference)
                    .unique()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(IndicatorFeedValues::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(IndicatorFeeds::Table).to_owned()).await
    }
}
