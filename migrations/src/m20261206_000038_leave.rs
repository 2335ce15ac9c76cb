//! The working calendar per person: leave and absences the BKPSDM records (cuti of each type,
//! dinas luar, sick leave, izin; with the letter that grants them), which excuse their days until
//! annulled; and an employee's own work pattern (a shift rota), over their unit's.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(Iden)]
enum Leave {
    Table,
    Id,
    EmployeeId,
    Kind,
    StartsOn,
    EndsOn,
    Reference,
    RecordedByUserId,
    CreatedAt,
    AnnulledAt,
}

#[derive(Iden)]
enum Employees {
    Table,
    WorkPattern,
}

const KINDS: [&str; 9] = [
    "cuti_tahunan",
    "cuti_besar",
    "cuti_sakit",
    "cuti_melahirkan",
    "cuti_alasan_penting",
    "cuti_di_luar_tanggungan_negara",
    "dinas_luar",
    "sakit",
    "izin",
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use Leave as L;
        manager
            .create_table(
                Table::create()
                    .table(L::Table)
                    .if_not_exists()
                    .col(ColumnDef::new(L::Id).big_integer().not_null().auto_increment().primary_key())
                    .col(ColumnDef::new(L::EmployeeId).big_integer().not_null())
                    .col(ColumnDef::new(L::Kind).string_len(40).not_null().check(Expr::col(L::Kind).is_in(KINDS)))
                    .col(ColumnDef::new(L::StartsOn).date().not_null())
                    .col(ColumnDef::new(L::EndsOn).date().not_null())
                    .col(ColumnDef::new(L::Reference).string_len(100).null())
                    .col(ColumnDef::new(L::RecordedByUserId).big_integer().not_null())
                    .col(ColumnDef::new(L::CreatedAt).timestamp_with_time_zone().not_null())
                    .col(ColumnDef::new(L::AnnulledAt).timestamp_with_time_zone().null())
                    .check(Expr::col(L::EndsOn).gte(Expr::col(L::StartsOn)))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_leave_employee")
                    .table(L::Table)
                    .col(L::EmployeeId)
                    .col(L::StartsOn)
                    .to_owned(),
            )
            .await?;
        // The calendars of a month read everyone's leave that ends within or after it.
        manager
            .create_index(Index::create().name("idx_leave_ends_on").table(L::Table).col(L::EndsOn).to_owned())
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Employees::Table)
                    .add_column(ColumnDef::new(Employees::WorkPattern).string_len(40).null())
                    .to_owned(),
            )
            .await?;
        // Every calendar reads the few who have their own pattern.
        manager
            .create_index(
                Index::create()
                    .name("idx_employees_work_pattern")
                    .table(Employees::Table)
                    .col(Employees::WorkPattern)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_index(Index::drop().name("idx_employees_work_pattern").table(Employees::Table).to_owned()).await?;
        manager
            .alter_table(Table::alter().table(Employees::Table).drop_column(Employees::WorkPattern).to_owned())
            .await?;
        manager.drop_table(Table::drop().table(Leave::Table).if_exists().to_owned()).await
    }
}
