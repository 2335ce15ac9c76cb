//! Perjanjian Kinerja, SKP with RHK, indicators and behaviour expectations, and notifications.

use super::common::id;
use super::m20261123_000001_create_units::Units;
use super::m20261123_000002_create_employees::Employees;
use super::m20261123_000003_create_users::Users;
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum PkGoals {
    Table,
    Id,
    UnitId,
    Year,
    Text,
    /// JSON array of {text, target, unit}.
    Indicators,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Skps {
    Table,
    Id,
    EmployeeId,
    Year,
    Revision,
    Approach,
    Status,
    PenilaiId,
    AtasanPenilaiId,
    UnitId,
    PositionTitle,
    PreviousId,
    Superseded,
    ReturnReason,
    SubmittedAt,
    ApprovedAt,
    ApprovedByUserId,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Rhk {
    Table,
    Id,
    SkpId,
    Text,
    Kind,
    ParentRhkId,
    PkGoalId,
    /// The id of the first RHK of which this one is a revised copy (its own id when new).
    LineageId,
    Position,
    CreatedAt,
}

#[derive(DeriveIden)]
enum RhkIndicators {
    Table,
    Id,
    RhkId,
    Aspect,
    Text,
    Target,
    Unit,
}

#[derive(DeriveIden)]
enum SkpBehaviors {
    Table,
    Id,
    SkpId,
    CoreValue,
    Expectation,
}

#[derive(DeriveIden)]
enum Notifications {
    Table,
    Id,
    UserId,
    Kind,
    Title,
    Body,
    Link,
    ReadAt,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(PkGoals::Table)
                .col(id(PkGoals::Id))
                .col(ColumnDef::new(PkGoals::UnitId).big_integer().not_null())
                .col(ColumnDef::new(PkGoals::Year).integer().not_null())
                .col(ColumnDef::new(PkGoals::Text).text().not_null())
                .col(ColumnDef::new(PkGoals::Indicators).text().not_null())
                .col(ColumnDef::new(PkGoals::CreatedAt).timestamp_with_time_zone().not_null())
                .foreign_key(ForeignKey::create().from(PkGoals::Table, PkGoals::UnitId).to(Units::Table, Units::Id))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_pk_goals_unit_year")
                .table(PkGoals::Table)
                .col(PkGoals::UnitId)
                .col(PkGoals::Year)
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(Skps::Table)
                .col(id(Skps::Id))
                .col(ColumnDef::new(Skps::EmployeeId).big_integer().not_null())
                .col(ColumnDef::new(Skps::Year).integer().not_null())
                .col(ColumnDef::new(Skps::Revision).integer().not_null())
                .col(ColumnDef::new(Skps::Approach).string_len(16).not_null())
                .col(ColumnDef::new(Skps::Status).string_len(16).not_null())
                .col(ColumnDef::new(Skps::PenilaiId).big_integer().null())
                .col(ColumnDef::new(Skps::AtasanPenilaiId).big_integer().null())
                .col(ColumnDef::new(Skps::UnitId).big_integer().not_null())
                .col(ColumnDef::new(Skps::PositionTitle).string_len(200).not_null())
                .col(ColumnDef::new(Skps::PreviousId).big_integer().null())
                .col(ColumnDef::new(Skps::Superseded).boolean().not_null().default(false))
                .col(ColumnDef::new(Skps::ReturnReason).text().null())
                .col(ColumnDef::new(Skps::SubmittedAt).timestamp_with_time_zone().null())
                .col(ColumnDef::new(Skps::ApprovedAt).timestamp_with_time_zone().null())
                .col(ColumnDef::new(Skps::ApprovedByUserId).big_integer().null())
                .col(ColumnDef::new(Skps::CreatedAt).timestamp_with_time_zone().not_null())
                .col(ColumnDef::new(Skps::UpdatedAt).timestamp_with_time_zone().not_null())
                .foreign_key(
                    ForeignKey::create().from(Skps::Table, Skps::EmployeeId).to(Employees::Table, Employees::Id),
                )
                .foreign_key(ForeignKey::create().from(Skps::Table, Skps::UnitId).to(Units::Table, Units::Id))
                .foreign_key(ForeignKey::create().from(Skps::Table, Skps::PreviousId).to(Skps::Table, Skps::Id))
                .to_owned(),
        )
        .await?;
        for (name, cols) in [
            ("idx_skps_employee_year", vec![Skps::EmployeeId, Skps::Year]),
            ("idx_skps_penilai_status", vec![Skps::PenilaiId, Skps::Status]),
            ("idx_skps_unit_year", vec![Skps::UnitId, Skps::Year]),
        ] {
            let mut idx = Index::create().name(name).table(Skps::Table).to_owned();
            for c in cols {
                idx.col(c);
            }
            m.create_index(idx).await?;
        }

        m.create_table(
            Table::create()
                .table(Rhk::Table)
                .col(id(Rhk::Id))
                .col(ColumnDef::new(Rhk::SkpId).big_integer().not_null())
                .col(ColumnDef::new(Rhk::Text).text().not_null())
                .col(ColumnDef::new(Rhk::Kind).string_len(16).not_null())
                .col(ColumnDef::new(Rhk::ParentRhkId).big_integer().null())
                .col(ColumnDef::new(Rhk::PkGoalId).big_integer().null())
                .col(ColumnDef::new(Rhk::LineageId).big_integer().null())
                .col(ColumnDef::new(Rhk::Position).integer().not_null().default(0))
                .col(ColumnDef::new(Rhk::CreatedAt).timestamp_with_time_zone().not_null())
                .foreign_key(
                    ForeignKey::create()
                        .from(Rhk::Table, Rhk::SkpId)
                        .to(Skps::Table, Skps::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(Rhk::Table, Rhk::ParentRhkId)
                        .to(Rhk::Table, Rhk::Id)
                        .on_delete(ForeignKeyAction::SetNull),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(Rhk::Table, Rhk::PkGoalId)
                        .to(PkGoals::Table, PkGoals::Id)
                        .on_delete(ForeignKeyAction::SetNull),
                )
                .to_owned(),
        )
        .await?;
        for (name, col) in
            [("idx_rhk_skp", Rhk::SkpId), ("idx_rhk_parent", Rhk::ParentRhkId), ("idx_rhk_lineage", Rhk::LineageId)]
        {
            m.create_index(Index::create().name(name).table(Rhk::Table).col(col).to_owned()).await?;
        }

        m.create_table(
            Table::create()
                .table(RhkIndicators::Table)
                .col(id(RhkIndicators::Id))
                .col(ColumnDef::new(RhkIndicators::RhkId).big_integer().not_null())
                .col(ColumnDef::new(RhkIndicators::Aspect).string_len(16).not_null())
                .col(ColumnDef::new(RhkIndicators::Text).text().not_null())
                .col(ColumnDef::new(RhkIndicators::Target).double().not_null())
                .col(ColumnDef::new(RhkIndicators::Unit).string_len(50).not_null())
                .foreign_key(
                    ForeignKey::create()
                        .from(RhkIndicators::Table, RhkIndicators::RhkId)
                        .to(Rhk::Table, Rhk::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_rhk_indicators_rhk")
                .table(RhkIndicators::Table)
                .col(RhkIndicators::RhkId)
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(SkpBehaviors::Table)
                .col(id(SkpBehaviors::Id))
                .col(ColumnDef::new(SkpBehaviors::SkpId).big_integer().not_null())
                .col(ColumnDef::new(SkpBehaviors::CoreValue).string_len(32).not_null())
                .col(ColumnDef::new(SkpBehaviors::Expectation).text().null())
                .foreign_key(
                    ForeignKey::create()
                        .from(SkpBehaviors::Table, SkpBehaviors::SkpId)
                        .to(Skps::Table, Skps::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_skp_behaviors_skp_value")
                .table(SkpBehaviors::Table)
                .col(SkpBehaviors::SkpId)
                .col(SkpBehaviors::CoreValue)
                .unique()
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(Notifications::Table)
                .col(id(Notifications::Id))
                .col(ColumnDef::new(Notifications::UserId).big_integer().not_null())
                .col(ColumnDef::new(Notifications::Kind).string_len(64).not_null())
                .col(ColumnDef::new(Notifications::Title).string_len(200).not_null())
                .col(ColumnDef::new(Notifications::Body).text().not_null())
                .col(ColumnDef::new(Notifications::Link).string_len(200).null())
                .col(ColumnDef::new(Notifications::ReadAt).timestamp_with_time_zone().null())
                .col(ColumnDef::new(Notifications::CreatedAt).timestamp_with_time_zone().not_null())
                .foreign_key(
                    ForeignKey::create()
                        .from(Notifications::Table, Notifications::UserId)
                        .to(Users::Table, Users::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_notifications_user")
                .table(Notifications::Table)
                .col(Notifications::UserId)
                .col(Notifications::Id)
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for t in [
            Notifications::Table.into_iden(),
            SkpBehaviors::Table.into_iden(),
            RhkIndicators::Table.into_iden(),
            Rhk::Table.into_iden(),
            Skps::Table.into_iden(),
            PkGoals::Table.into_iden(),
        ] {
            m.drop_table(Table::drop().table(t).to_owned()).await?;
        }
        Ok(())
    }
}
