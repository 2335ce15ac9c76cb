//! The minimum sample of the satisfaction survey (PermenPANRB 14/2017, the Krejcie–Morgan table):
//! the population of service users of a unit per period, as its staff record it, and whether a
//! result was published knowingly on too small a sample (shown on the public page).

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(Iden)]
enum IkmPopulations {
    Table,
    Id,
    UnitId,
    Period,
    Population,
    SetByUserId,
    SetAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(IkmPopulations::Table)
                    .if_not_exists()
                    .col(ColumnDef::new(IkmPopulations::Id).big_integer().not_null().auto_increment().primary_key())
                    .col(ColumnDef::new(IkmPopulations::UnitId).big_integer().not_null())
                    .col(ColumnDef::new(IkmPopulations::Period).string_len(16).not_null())
                    .col(
                        ColumnDef::new(IkmPopulations::Population)
                            .big_integer()
                            .not_null()
                            .check(Expr::col(IkmPopulations::Population).between(1, 100_000_000)),
                    )
                    .col(ColumnDef::new(IkmPopulations::SetByUserId).big_integer().not_null())
                    .col(ColumnDef::new(IkmPopulations::SetAt).timestamp_with_time_zone().not_null())
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_ikm_populations_unit_period")
                    .table(IkmPopulations::Table)
                    .col(IkmPopulations::UnitId)
                    .col(IkmPopulations::Period)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Alias::new("ikm_publications"))
                    .add_column(ColumnDef::new(Alias::new("insufficient_sample")).boolean().not_null().default(false))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Alias::new("ikm_publications"))
                    .drop_column(Alias::new("insufficient_sample"))
                    .to_owned(),
            )
            .await?;
        manager.drop_table(Table::drop().table(IkmPopulations::Table).if_exists().to_owned()).await
    }
}
