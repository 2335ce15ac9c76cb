//! Assessments (penilaian) per employee and period, and the organisation predikat per unit and period.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Assessments {
    Table,
    Id,
    EmployeeId,
    PenilaiId,
    AtasanPenilaiId,
    UnitId,
    Period,
    ResultRating,
    BehaviorRating,
    BehaviorNotes,
    Note,
    Predikat,
    Status,
    FinalizedAt,
    ObjectionReason,
    ObjectedAt,
    DecisionOutcome,
    DecisionReason,
    DecidedAt,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum OrgPredikats {
    Table,
    Id,
    UnitId,
    Period,
    Predikat,
    SetByUserId,
    SetAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Assessments::Table)
                .col(ColumnDef::new(Assessments::Id).big_integer().not_null().auto_increment().primary_key())
                .col(ColumnDef::new(Assessments::EmployeeId).big_integer().not_null())
                .col(ColumnDef::new(Assessments::PenilaiId).big_integer().not_null())
                .col(ColumnDef::new(Assessments::AtasanPenilaiId).big_integer().null())
                .col(ColumnDef::new(Assessments::UnitId).big_integer().not_null())
                .col(ColumnDef::new(Assessments::Period).string_len(8).not_null())
                .col(ColumnDef::new(Assessments::ResultRating).string_len(16).not_null())
                .col(ColumnDef::new(Assessments::BehaviorRating).string_len(16).not_null())
                .col(ColumnDef::new(Assessments::BehaviorNotes).text().not_null())
                .col(ColumnDef::new(Assessments::Note).text().null())
                .col(ColumnDef::new(Assessments::Predikat).string_len(32).not_null())
                .col(ColumnDef::new(Assessments::Status).string_len(16).not_null())
                .col(ColumnDef::new(Assessments::FinalizedAt).timestamp_with_time_zone().null())
                .col(ColumnDef::new(Assessments::ObjectionReason).text().null())
                .col(ColumnDef::new(Assessments::ObjectedAt).timestamp_with_time_zone().null())
                .col(ColumnDef::new(Assessments::DecisionOutcome).string_len(16).null())
                .col(ColumnDef::new(Assessments::DecisionReason).text().null())
                .col(ColumnDef::new(Assessments::DecidedAt).timestamp_with_time_zone().null())
                .col(ColumnDef::new(Assessments::CreatedAt).timestamp_with_time_zone().not_null())
                .col(ColumnDef::new(Assessments::UpdatedAt).timestamp_with_time_zone().not_null())
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_assessments_employee_period")
                .table(Assessments::Table)
                .col(Assessments::EmployeeId)
                .col(Assessments::Period)
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_assessments_unit_period")
                .table(Assessments::Table)
                .col(Assessments::UnitId)
                .col(Assessments::Period)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(OrgPredikats::Table)
                .col(ColumnDef::new(OrgPredikats::Id).big_integer().not_null().auto_increment().primary_key())
                .col(ColumnDef::new(OrgPredikats::UnitId).big_integer().not_null())
                .col(ColumnDef::new(OrgPredikats::Period).string_len(8).not_null())
                .col(ColumnDef::new(OrgPredikats::Predikat).string_len(32).not_null())
                .col(ColumnDef::new(OrgPredikats::SetByUserId).big_integer().not_null())
                .col(ColumnDef::new(OrgPredikats::SetAt).timestamp_with_time_zone().not_null())
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_org_predikats_unit_period")
                .table(OrgPredikats::Table)
                .col(OrgPredikats::UnitId)
                .col(OrgPredikats::Period)
                .unique()
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(OrgPredikats::Table).to_owned()).await?;
        m.drop_table(Table::drop().table(Assessments::Table).to_owned()).await
    }
}
