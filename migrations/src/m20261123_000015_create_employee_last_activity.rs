//! The date of each employee's latest logged activity, kept up to date whenever an activity is
//! logged, moved or deleted: the dashboards find who has been idle for a week from these 20,000
//! rows instead of scanning a week of activities. Filled from the existing activities.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum EmployeeLastActivity {
    Table,
    EmployeeId,
    Date,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(EmployeeLastActivity::Table)
                .col(ColumnDef::new(EmployeeLastActivity::EmployeeId).big_integer().not_null().primary_key())
                .col(ColumnDef::new(EmployeeLastActivity::Date).date().not_null())
                .to_owned(),
        )
        .await?;
        m.get_connection()
            .execute_unprepared(
                "INSERT INTO employee_last_activity (employee_id, date) \
                 SELECT employee_id, MAX(date) FROM activities GROUP BY employee_id",
            )
            .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(EmployeeLastActivity::Table).to_owned()).await
    }
}
