use super::m20261123_000001_create_units::Units;
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
pub enum Employees {
    Table,
    Id,
    Nip,
    Name,
    UnitId,
    PositionTitle,
    PositionKind,
    SupervisorId,
    EmploymentType,
    CreatedAt,
    UpdatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Employees::Table)
                    .col(ColumnDef::new(Employees::Id).big_integer().not_null().auto_increment().primary_key())
                    .col(ColumnDef::new(Employees::Nip).string_len(18).not_null().unique_key())
                    .col(ColumnDef::new(Employees::Name).string_len(200).not_null())
                    .col(ColumnDef::new(Employees::UnitId).big_integer().not_null())
                    .col(ColumnDef::new(Employees::PositionTitle).string_len(200).not_null())
                    .col(ColumnDef::new(Employees::PositionKind).string_len(16).not_null())
                    .col(ColumnDef::new(Employees::SupervisorId).big_integer().null())
                    .col(ColumnDef::new(Employees::EmploymentType).string_len(8).not_null().default("pns"))
                    .col(ColumnDef::new(Employees::CreatedAt).timestamp_with_time_zone().not_null())
                    .col(ColumnDef::new(Employees::UpdatedAt).timestamp_with_time_zone().not_null())
                    .foreign_key(
                        ForeignKey::create()
                            .from(Employees::Table, Employees::UnitId)
                            .to(Units::Table, Units::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Employees::Table, Employees::SupervisorId)
                            .to(Employees::Table, Employees::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        for (name, col) in
            [("idx_employees_unit", Employees::UnitId), ("idx_employees_supervisor", Employees::SupervisorId)]
        {
            manager.create_index(Index::create().name(name).table(Employees::Table).col(col).to_owned()).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(Employees::Table).to_owned()).await
    }
}
