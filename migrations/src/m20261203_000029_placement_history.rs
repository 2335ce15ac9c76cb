//! Where each employee was placed before their current unit: a closed interval per earlier
//! placement, written when someone moves. The current placement is the employee's unit from the
//! day after the last interval; an employee who never moved has no rows.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(Iden)]
enum PlacementHistory {
    Table,
    Id,
    EmployeeId,
    UnitId,
    StartsOn,
    EndsOn,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use PlacementHistory as P;
        manager
            .create_table(
                Table::create()
                    .table(P::Table)
                    .if_not_exists()
                    .col(ColumnDef::new(P::Id).big_integer().not_null().auto_increment().primary_key())
                    .col(ColumnDef::new(P::EmployeeId).big_integer().not_null())
                    .col(ColumnDef::new(P::UnitId).big_integer().not_null())
                    // None: since before the history began.
                    .col(ColumnDef::new(P::StartsOn).date().null())
                    .col(ColumnDef::new(P::EndsOn).date().not_null())
                    .to_owned(),
            )
            .await?;
        for (name, column) in
            [("idx_placement_history_employee", P::EmployeeId), ("idx_placement_history_unit", P::UnitId)]
        {
            manager
                .create_index(Index::create().name(name).table(P::Table).col(column).col(P::EndsOn).to_owned())
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(PlacementHistory::Table).if_exists().to_owned()).await
    }
}
