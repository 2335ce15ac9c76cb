//! Citizen feedback: satisfaction surveys, complaints with their history, registered kiosks,
//! per-unit IKM weights and publications, and the shared rate-limit counters.

use super::common::id;
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Surveys {
    Table,
    Id,
    UnitId,
    Period,
    Answers,
    Profile,
    Comment,
    KioskId,
    Fingerprint,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Complaints {
    Table,
    Id,
    TrackingCode,
    UnitId,
    Category,
    Text,
    EmployeeNip,
    EmployeeId,
    Contact,
    Status,
    PublicResponse,
    DispositionUnitId,
    FiledOn,
    DispositionedOn,
    Fingerprint,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum ComplaintEvents {
    Table,
    Id,
    ComplaintId,
    FromStatus,
    ToStatus,
    Note,
    ActorUserId,
    At,
}

#[derive(DeriveIden)]
enum Kiosks {
    Table,
    Id,
    UnitId,
    Name,
    TokenHash,
    CreatedByUserId,
    CreatedAt,
    RevokedAt,
}

#[derive(DeriveIden)]
enum IkmSettings {
    Table,
    Id,
    UnitId,
    /// JSON array of nine weights, or null for equal weights.
    Weights,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum IkmPublications {
    Table,
    Id,
    UnitId,
    Period,
    PublishedByUserId,
    PublishedAt,
}

#[derive(DeriveIden)]
enum RateLimits {
    Table,
    Bucket,
    Key,
    WindowStart,
    Count,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Surveys::Table)
                .col(id(Surveys::Id))
                .col(ColumnDef::new(Surveys::UnitId).big_integer().not_null())
                .col(ColumnDef::new(Surveys::Period).string_len(7).not_null())
                .col(ColumnDef::new(Surveys::Answers).string_len(64).not_null())
                .col(ColumnDef::new(Surveys::Profile).text().null())
                .col(ColumnDef::new(Surveys::Comment).text().null())
                .col(ColumnDef::new(Surveys::KioskId).big_integer().null())
                .col(ColumnDef::new(Surveys::Fingerprint).string_len(64).not_null())
                .col(ColumnDef::new(Surveys::CreatedAt).timestamp_with_time_zone().not_null())
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_surveys_unit_period")
                .table(Surveys::Table)
                .col(Surveys::UnitId)
                .col(Surveys::Period)
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create().name("idx_surveys_fingerprint").table(Surveys::Table).col(Surveys::Fingerprint).to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(Complaints::Table)
                .col(id(Complaints::Id))
                .col(ColumnDef::new(Complaints::TrackingCode).string_len(32).not_null().unique_key())
                .col(ColumnDef::new(Complaints::UnitId).big_integer().not_null())
                .col(ColumnDef::new(Complaints::Category).string_len(32).not_null())
                .col(ColumnDef::new(Complaints::Text).text().not_null())
                .col(ColumnDef::new(Complaints::EmployeeNip).string_len(18).null())
                .col(ColumnDef::new(Complaints::EmployeeId).big_integer().null())
                .col(ColumnDef::new(Complaints::Contact).string_len(200).null())
                .col(ColumnDef::new(Complaints::Status).string_len(16).not_null())
                .col(ColumnDef::new(Complaints::PublicResponse).text().null())
                .col(ColumnDef::new(Complaints::DispositionUnitId).big_integer().null())
                .col(ColumnDef::new(Complaints::FiledOn).date().not_null())
                .col(ColumnDef::new(Complaints::DispositionedOn).date().null())
                .col(ColumnDef::new(Complaints::Fingerprint).string_len(64).not_null())
                .col(ColumnDef::new(Complaints::CreatedAt).timestamp_with_time_zone().not_null())
                .col(ColumnDef::new(Complaints::UpdatedAt).timestamp_with_time_zone().not_null())
                .to_owned(),
        )
        .await?;
        for (name, col) in [
            ("idx_complaints_unit", Complaints::UnitId),
            ("idx_complaints_employee", Complaints::EmployeeId),
            ("idx_complaints_fingerprint", Complaints::Fingerprint),
        ] {
            m.create_index(Index::create().name(name).table(Complaints::Table).col(col).to_owned()).await?;
        }

        m.create_table(
            Table::create()
                .table(ComplaintEvents::Table)
                .col(id(ComplaintEvents::Id))
                .col(ColumnDef::new(ComplaintEvents::ComplaintId).big_integer().not_null())
                .col(ColumnDef::new(ComplaintEvents::FromStatus).string_len(16).null())
                .col(ColumnDef::new(ComplaintEvents::ToStatus).string_len(16).not_null())
                .col(ColumnDef::new(ComplaintEvents::Note).text().null())
                .col(ColumnDef::new(ComplaintEvents::ActorUserId).big_integer().null())
                .col(ColumnDef::new(ComplaintEvents::At).timestamp_with_time_zone().not_null())
                .foreign_key(
                    ForeignKey::create()
                        .from(ComplaintEvents::Table, ComplaintEvents::ComplaintId)
                        .to(Complaints::Table, Complaints::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_complaint_events_complaint")
                .table(ComplaintEvents::Table)
                .col(ComplaintEvents::ComplaintId)
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(Kiosks::Table)
                .col(id(Kiosks::Id))
                .col(ColumnDef::new(Kiosks::UnitId).big_integer().not_null())
                .col(ColumnDef::new(Kiosks::Name).string_len(100).not_null())
                .col(ColumnDef::new(Kiosks::TokenHash).string_len(64).not_null().unique_key())
                .col(ColumnDef::new(Kiosks::CreatedByUserId).big_integer().not_null())
                .col(ColumnDef::new(Kiosks::CreatedAt).timestamp_with_time_zone().not_null())
                .col(ColumnDef::new(Kiosks::RevokedAt).timestamp_with_time_zone().null())
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(IkmSettings::Table)
                .col(id(IkmSettings::Id))
                .col(ColumnDef::new(IkmSettings::UnitId).big_integer().not_null().unique_key())
                .col(ColumnDef::new(IkmSettings::Weights).text().null())
                .col(ColumnDef::new(IkmSettings::UpdatedAt).timestamp_with_time_zone().not_null())
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(IkmPublications::Table)
                .col(id(IkmPublications::Id))
                .col(ColumnDef::new(IkmPublications::UnitId).big_integer().not_null())
                .col(ColumnDef::new(IkmPublications::Period).string_len(8).not_null())
                .col(ColumnDef::new(IkmPublications::PublishedByUserId).big_integer().not_null())
                .col(ColumnDef::new(IkmPublications::PublishedAt).timestamp_with_time_zone().not_null())
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_ikm_publications_unit_period")
                .table(IkmPublications::Table)
                .col(IkmPublications::UnitId)
                .col(IkmPublications::Period)
                .unique()
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(RateLimits::Table)
                .col(ColumnDef::new(RateLimits::Bucket).string_len(32).not_null())
                .col(ColumnDef::new(RateLimits::Key).string_len(100).not_null())
                .col(ColumnDef::new(RateLimits::WindowStart).big_integer().not_null())
                .col(ColumnDef::new(RateLimits::Count).integer().not_null())
                .primary_key(Index::create().col(RateLimits::Bucket).col(RateLimits::Key).col(RateLimits::WindowStart))
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for t in [
            RateLimits::Table.into_iden(),
            IkmPublications::Table.into_iden(),
            IkmSettings::Table.into_iden(),
            Kiosks::Table.into_iden(),
            ComplaintEvents::Table.into_iden(),
            Complaints::Table.into_iden(),
            Surveys::Table.into_iden(),
        ] {
            m.drop_table(Table::drop().table(t).to_owned()).await?;
        }
        Ok(())
    }
}
