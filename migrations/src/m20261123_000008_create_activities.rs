//! Daily activities, evidence, realisation notes, continuous feedback and performance dialogues.

use super::common::id;
use super::m20261123_000002_create_employees::Employees;
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Activities {
    Table,
    Id,
    EmployeeId,
    /// The supervisor when it was submitted: whose queue it is in.
    PenilaiId,
    /// The employee's unit when it was logged, for unit listings.
    UnitId,
    SkpId,
    RhkId,
    Date,
    Minutes,
    StartTime,
    EndTime,
    Description,
    OutputQty,
    Status,
    RejectNote,
    SubmittedAt,
    DecidedAt,
    DecidedByUserId,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Evidence {
    Table,
    Id,
    EmployeeId,
    Kind,
    Sha256,
    Filename,
    ContentType,
    Size,
    Url,
    CreatedByUserId,
    CreatedAt,
}

#[derive(DeriveIden)]
enum ActivityEvidence {
    Table,
    ActivityId,
    EvidenceId,
}

#[derive(DeriveIden)]
enum RealizationNotes {
    Table,
    Id,
    SkpId,
    IndicatorId,
    Period,
    Narrative,
    /// JSON array of evidence ids.
    EvidenceIds,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Feedback {
    Table,
    Id,
    EmployeeId,
    AuthorUserId,
    AuthorName,
    Text,
    RhkId,
    CoreValue,
    ParentId,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Dialogs {
    Table,
    Id,
    EmployeeId,
    PenilaiId,
    Date,
    Notes,
    /// JSON array of follow-ups.
    FollowUps,
    CreatedByUserId,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Activities::Table)
                .col(id(Activities::Id))
                .col(ColumnDef::new(Activities::EmployeeId).big_integer().not_null())
                .col(ColumnDef::new(Activities::PenilaiId).big_integer().null())
                .col(ColumnDef::new(Activities::UnitId).big_integer().not_null())
                .col(ColumnDef::new(Activities::SkpId).big_integer().not_null())
                .col(ColumnDef::new(Activities::RhkId).big_integer().not_null())
                .col(ColumnDef::new(Activities::Date).date().not_null())
                .col(ColumnDef::new(Activities::Minutes).integer().not_null())
                .col(ColumnDef::new(Activities::StartTime).string_len(5).null())
                .col(ColumnDef::new(Activities::EndTime).string_len(5).null())
                .col(ColumnDef::new(Activities::Description).text().not_null())
                .col(ColumnDef::new(Activities::OutputQty).double().null())
                .col(ColumnDef::new(Activities::Status).string_len(16).not_null())
                .col(ColumnDef::new(Activities::RejectNote).text().null())
                .col(ColumnDef::new(Activities::SubmittedAt).timestamp_with_time_zone().null())
                .col(ColumnDef::new(Activities::DecidedAt).timestamp_with_time_zone().null())
                .col(ColumnDef::new(Activities::DecidedByUserId).big_integer().null())
                .col(ColumnDef::new(Activities::CreatedAt).timestamp_with_time_zone().not_null())
                .col(ColumnDef::new(Activities::UpdatedAt).timestamp_with_time_zone().not_null())
                .foreign_key(
                    ForeignKey::create()
                        .from(Activities::Table, Activities::EmployeeId)
                        .to(Employees::Table, Employees::Id),
                )
                .to_owned(),
        )
        .await?;
        let indexes: [(&str, Vec<Activities>); 4] = [
            ("idx_activities_employee_date", vec![Activities::EmployeeId, Activities::Date]),
            ("idx_activities_queue", vec![Activities::PenilaiId, Activities::Status, Activities::Date]),
            ("idx_activities_unit_date", vec![Activities::UnitId, Activities::Date]),
            ("idx_activities_rhk_status", vec![Activities::RhkId, Activities::Status]),
        ];
        for (name, cols) in indexes {
            let mut idx = Index::create().name(name).table(Activities::Table).to_owned();
            for c in cols {
                idx.col(c);
            }
            m.create_index(idx).await?;
        }

        m.create_table(
            Table::create()
                .table(Evidence::Table)
                .col(id(Evidence::Id))
                .col(ColumnDef::new(Evidence::EmployeeId).big_integer().not_null())
                .col(ColumnDef::new(Evidence::Kind).string_len(8).not_null())
                .col(ColumnDef::new(Evidence::Sha256).string_len(64).null())
                .col(ColumnDef::new(Evidence::Filename).string_len(255).null())
                .col(ColumnDef::new(Evidence::ContentType).string_len(100).null())
                .col(ColumnDef::new(Evidence::Size).big_integer().null())
                .col(ColumnDef::new(Evidence::Url).string_len(2000).null())
                .col(ColumnDef::new(Evidence::CreatedByUserId).big_integer().not_null())
                .col(ColumnDef::new(Evidence::CreatedAt).timestamp_with_time_zone().not_null())
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create().name("idx_evidence_employee").table(Evidence::Table).col(Evidence::EmployeeId).to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(ActivityEvidence::Table)
                .col(ColumnDef::new(ActivityEvidence::ActivityId).big_integer().not_null())
                .col(ColumnDef::new(ActivityEvidence::EvidenceId).big_integer().not_null())
                .primary_key(Index::create().col(ActivityEvidence::ActivityId).col(ActivityEvidence::EvidenceId))
                .foreign_key(
                    ForeignKey::create()
                        .from(ActivityEvidence::Table, ActivityEvidence::ActivityId)
                        .to(Activities::Table, Activities::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(ActivityEvidence::Table, ActivityEvidence::EvidenceId)
                        .to(Evidence::Table, Evidence::Id),
                )
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(RealizationNotes::Table)
                .col(id(RealizationNotes::Id))
                .col(ColumnDef::new(RealizationNotes::SkpId).big_integer().not_null())
                .col(ColumnDef::new(RealizationNotes::IndicatorId).big_integer().not_null())
                .col(ColumnDef::new(RealizationNotes::Period).string_len(8).not_null())
                .col(ColumnDef::new(RealizationNotes::Narrative).text().null())
                .col(ColumnDef::new(RealizationNotes::EvidenceIds).text().not_null())
                .col(ColumnDef::new(RealizationNotes::UpdatedAt).timestamp_with_time_zone().not_null())
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_realization_notes_key")
                .table(RealizationNotes::Table)
                .col(RealizationNotes::IndicatorId)
                .col(RealizationNotes::Period)
                .unique()
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(Feedback::Table)
                .col(id(Feedback::Id))
                .col(ColumnDef::new(Feedback::EmployeeId).big_integer().not_null())
                .col(ColumnDef::new(Feedback::AuthorUserId).big_integer().not_null())
                .col(ColumnDef::new(Feedback::AuthorName).string_len(200).not_null())
                .col(ColumnDef::new(Feedback::Text).text().not_null())
                .col(ColumnDef::new(Feedback::RhkId).big_integer().null())
                .col(ColumnDef::new(Feedback::CoreValue).string_len(32).null())
                .col(ColumnDef::new(Feedback::ParentId).big_integer().null())
                .col(ColumnDef::new(Feedback::CreatedAt).timestamp_with_time_zone().not_null())
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create().name("idx_feedback_employee").table(Feedback::Table).col(Feedback::EmployeeId).to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(Dialogs::Table)
                .col(id(Dialogs::Id))
                .col(ColumnDef::new(Dialogs::EmployeeId).big_integer().not_null())
                .col(ColumnDef::new(Dialogs::PenilaiId).big_integer().not_null())
                .col(ColumnDef::new(Dialogs::Date).date().not_null())
                .col(ColumnDef::new(Dialogs::Notes).text().not_null())
                .col(ColumnDef::new(Dialogs::FollowUps).text().not_null())
                .col(ColumnDef::new(Dialogs::CreatedByUserId).big_integer().not_null())
                .col(ColumnDef::new(Dialogs::CreatedAt).timestamp_with_time_zone().not_null())
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create().name("idx_dialogs_employee").table(Dialogs::Table).col(Dialogs::EmployeeId).to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for t in [
            Dialogs::Table.into_iden(),
            Feedback::Table.into_iden(),
            RealizationNotes::Table.into_iden(),
            ActivityEvidence::Table.into_iden(),
            Evidence::Table.into_iden(),
            Activities::Table.into_iden(),
        ] {
            m.drop_table(Table::drop().table(t).to_owned()).await?;
        }
        Ok(())
    }
}
