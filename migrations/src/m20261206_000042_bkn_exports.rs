//! Exports toward BKN's e-Kinerja and SIASN: each run for one OPD and year (as a file, or pushed
//! through the outbox to the Pemda's bridge), and each record it held with its content hash,
//! idempotency key and what became of it, for the reconciliation report.

use crate::common::id;
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(Iden)]
enum BknExports {
    Table,
    Id,
    UnitId,
    Year,
    Adapter,
    MappingVersion,
    Mode,
    CreatedBy,
    CreatedAt,
}

#[derive(Iden)]
enum BknExportRecords {
    Table,
    Id,
    ExportId,
    Kind,
    RecordKey,
    EmployeeId,
    Nip,
    Name,
    ContentHash,
    IdempotencyKey,
    Payload,
    Change,
    Status,
    Reason,
    UpdatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use BknExportRecords as R;
        use BknExports as E;
        manager
            .create_table(
                Table::create()
                    .table(E::Table)
                    .if_not_exists()
                    .col(id(E::Id))
                    .col(ColumnDef::new(E::UnitId).big_integer().not_null())
                    .col(ColumnDef::new(E::Year).integer().not_null())
                    .col(ColumnDef::new(E::Adapter).string_len(40).not_null())
                    .col(ColumnDef::new(E::MappingVersion).string_len(40).not_null())
                    // `file` or `push`.
                    .col(ColumnDef::new(E::Mode).string_len(8).not_null())
                    .col(ColumnDef::new(E::CreatedBy).string_len(200).not_null())
                    .col(ColumnDef::new(E::CreatedAt).timestamp_with_time_zone().not_null())
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_bkn_exports_unit")
                    .table(E::Table)
                    .col(E::UnitId)
                    .col(E::Year)
                    .col(E::Adapter)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(R::Table)
                    .if_not_exists()
                    .col(id(R::Id))
                    .col(ColumnDef::new(R::ExportId).big_integer().not_null())
                    // `skp`, `progress` or `rating`.
                    .col(ColumnDef::new(R::Kind).string_len(16).not_null())
                    .col(ColumnDef::new(R::RecordKey).string_len(120).not_null())
                    .col(ColumnDef::new(R::EmployeeId).big_integer().not_null())
                    .col(ColumnDef::new(R::Nip).string_len(40).not_null())
                    .col(ColumnDef::new(R::Name).string_len(200).not_null())
                    .col(ColumnDef::new(R::ContentHash).string_len(64).not_null())
                    .col(ColumnDef::new(R::IdempotencyKey).string_len(80).not_null())
                    .col(ColumnDef::new(R::Payload).text().not_null())
                    // `new`, `changed`, `unchanged` or `removed` against the OPD's last export.
                    .col(ColumnDef::new(R::Change).string_len(12).not_null())
                    // `blocked`, `exported`, `sent`, `accepted`, `rejected` or `skipped`.
                    .col(ColumnDef::new(R::Status).string_len(12).not_null())
                    .col(ColumnDef::new(R::Reason).text().null())
                    .col(ColumnDef::new(R::UpdatedAt).timestamp_with_time_zone().not_null())
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_bkn_export_records_export")
                    .table(R::Table)
                    .col(R::ExportId)
                    .col(R::RecordKey)
                    .unique()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(BknExportRecords::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(BknExports::Table).to_owned()).await
    }
}
