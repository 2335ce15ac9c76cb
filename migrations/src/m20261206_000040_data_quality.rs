//! The data-quality index: what it checks needs the birth date and sex recorded beside the NIP
//! that encodes them, the reason a supervisor sits in another OPD, and whether a unit still exists
//! (dissolved in a reorganisation, kept for history); the nightly run keeps each OPD's score.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(Iden)]
enum Employees {
    Table,
    BirthDate,
    Sex,
    SupervisorReason,
}

#[derive(Iden)]
enum Units {
    Table,
    Active,
}

#[derive(Iden)]
enum DataQualityScores {
    Table,
    Day,
    UnitId,
    Score,
    Records,
    Defective,
    Blocking,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // SQLite adds one column per statement.
        let employee_columns = [
            ColumnDef::new(Employees::BirthDate).date().null().to_owned(),
            ColumnDef::new(Employees::Sex)
                .string_len(1)
                .null()
                .check(Expr::col(Employees::Sex).is_in(["l", "p"]))
                .to_owned(),
            ColumnDef::new(Employees::SupervisorReason).string_len(200).null().to_owned(),
        ];
        for mut col in employee_columns {
            manager.alter_table(Table::alter().table(Employees::Table).add_column(&mut col).to_owned()).await?;
        }
        manager
            .alter_table(
                Table::alter()
                    .table(Units::Table)
                    .add_column(ColumnDef::new(Units::Active).boolean().not_null().default(true))
                    .to_owned(),
            )
            .await?;
        use DataQualityScores as D;
        manager
            .create_table(
                Table::create()
                    .table(D::Table)
                    .if_not_exists()
                    .col(ColumnDef::new(D::Day).date().not_null())
                    // The OPD; 0 for the whole Pemda.
                    .col(ColumnDef::new(D::UnitId).big_integer().not_null())
                    .col(ColumnDef::new(D::Score).double().not_null())
                    .col(ColumnDef::new(D::Records).big_integer().not_null())
                    .col(ColumnDef::new(D::Defective).big_integer().not_null())
                    .col(ColumnDef::new(D::Blocking).big_integer().not_null())
                    .primary_key(Index::create().col(D::Day).col(D::UnitId))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(DataQualityScores::Table).to_owned()).await?;
        manager.alter_table(Table::alter().table(Units::Table).drop_column(Units::Active).to_owned()).await?;
        for col in [Employees::SupervisorReason, Employees::Sex, Employees::BirthDate] {
            manager.alter_table(Table::alter().table(Employees::Table).drop_column(col).to_owned()).await?;
        }
        Ok(())
    }
}
