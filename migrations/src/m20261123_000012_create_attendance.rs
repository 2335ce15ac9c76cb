//! Attendance per employee and day, imported from the attendance system, for the TPP discipline share.

use crate::common::id;
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Attendance {
    Table,
    Id,
    EmployeeId,
    Date,
    Status,
    LateMinutes,
    UpdatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Attendance::Table)
                .col(id(Attendance::Id))
                .col(ColumnDef::new(Attendance::EmployeeId).big_integer().not_null())
                .col(ColumnDef::new(Attendance::Date).date().not_null())
                .col(ColumnDef::new(Attendance::Status).string_len(16).not_null())
                .col(ColumnDef::new(Attendance::LateMinutes).integer().not_null().default(0))
                .col(ColumnDef::new(Attendance::UpdatedAt).timestamp_with_time_zone().not_null())
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_attendance_employee_date")
                .table(Attendance::Table)
                .col(Attendance::EmployeeId)
                .col(Attendance::Date)
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create().name("idx_attendance_date").table(Attendance::Table).col(Attendance::Date).to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(Attendance::Table).to_owned()).await
    }
}
