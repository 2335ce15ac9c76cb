//! Covering indexes for the dashboards: activities of a unit subtree over a date range, grouped by
//! status with their minutes and employees, answered from the index alone (it replaces
//! `idx_activities_unit_date`, which it extends); and the same by date first, for the city view,
//! which covers every unit; and work not yet approved by status first (approved work is counted
//! in `activity_daily_totals`).

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Activities {
    Table,
    UnitId,
    Date,
    Status,
    Minutes,
    EmployeeId,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_index(
            Index::create()
                .name("idx_activities_unit_date_cover")
                .table(Activities::Table)
                .col(Activities::UnitId)
                .col(Activities::Date)
                .col(Activities::Status)
                .col(Activities::Minutes)
                .col(Activities::EmployeeId)
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_activities_date_cover")
                .table(Activities::Table)
                .col(Activities::Date)
                .col(Activities::Status)
                .col(Activities::UnitId)
                .col(Activities::Minutes)
                .col(Activities::EmployeeId)
                .to_owned(),
        )
        .await?;
        // Work not yet approved (drafts, waiting, rejected) is a sliver of the table: found by status first.
        m.create_index(
            Index::create()
                .name("idx_activities_status_date_cover")
                .table(Activities::Table)
                .col(Activities::Status)
                .col(Activities::Date)
                .col(Activities::UnitId)
                .col(Activities::Minutes)
                .to_owned(),
        )
        .await?;
        m.drop_index(Index::drop().name("idx_activities_unit_date").table(Activities::Table).to_owned()).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_index(Index::drop().name("idx_activities_status_date_cover").table(Activities::Table).to_owned())
            .await?;
        m.drop_index(Index::drop().name("idx_activities_date_cover").table(Activities::Table).to_owned()).await?;
        m.create_index(
            Index::create()
                .name("idx_activities_unit_date")
                .table(Activities::Table)
                .col(Activities::UnitId)
                .col(Activities::Date)
                .to_owned(),
        )
        .await?;
        m.drop_index(Index::drop().name("idx_activities_unit_date_cover").table(Activities::Table).to_owned()).await
    }
}
