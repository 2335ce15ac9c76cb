//! Approved work per unit and day, kept up to date on every approval (approval is final, so the
//! totals only grow): the dashboards' monthly series read these few rows instead of millions of
//! activities. Filled from the existing activities. Integers, so that their sums are BIGINT on
//! PostgreSQL (a sum of BIGINT would be NUMERIC).

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum ActivityDailyTotals {
    Table,
    UnitId,
    Date,
    Approved,
    Minutes,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(ActivityDailyTotals::Table)
                .col(ColumnDef::new(ActivityDailyTotals::UnitId).big_integer().not_null())
                .col(ColumnDef::new(ActivityDailyTotals::Date).date().not_null())
                .col(ColumnDef::new(ActivityDailyTotals::Approved).integer().not_null())
                .col(ColumnDef::new(ActivityDailyTotals::Minutes).integer().not_null())
                .primary_key(Index::create().col(ActivityDailyTotals::UnitId).col(ActivityDailyTotals::Date))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_activity_daily_totals_date")
                .table(ActivityDailyTotals::Table)
                .col(ActivityDailyTotals::Date)
                .to_owned(),
        )
        .await?;
        m.get_connection()
            .execute_unprepared(
                "INSERT INTO activity_daily_totals (unit_id, date, approved, minutes) \
                 SELECT unit_id, date, COUNT(*), SUM(minutes) FROM activities WHERE status = 'approved' \
                 GROUP BY unit_id, date",
            )
            .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(ActivityDailyTotals::Table).to_owned()).await
    }
}
