//! Disciplinary sanctions (hukuman disiplin, PP 94/2021) as the BKPSDM records them from the
//! decree: the level and the days in force, which cut the TPP of those months, until annulled
//! (recorded in error, or lifted on appeal).

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(Iden)]
enum DisciplinarySanctions {
    Table,
    Id,
    EmployeeId,
    Level,
    DecreeNumber,
    StartsOn,
    EndsOn,
    Reason,
    RecordedByUserId,
    CreatedAt,
    AnnulledAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use DisciplinarySanctions as S;
        manager
            .create_table(
                Table::create()
                    .table(S::Table)
                    .if_not_exists()
                    .col(ColumnDef::new(S::Id).big_integer().not_null().auto_increment().primary_key())
                    .col(ColumnDef::new(S::EmployeeId).big_integer().not_null())
                    .col(
                        ColumnDef::new(S::Level)
                            .string_len(16)
                            .not_null()
                            .check(Expr::col(S::Level).is_in(["ringan", "sedang", "berat"])),
                    )
                    .col(ColumnDef::new(S::DecreeNumber).string_len(100).not_null())
                    .col(ColumnDef::new(S::StartsOn).date().not_null())
                    .col(ColumnDef::new(S::EndsOn).date().not_null())
                    .col(ColumnDef::new(S::Reason).text().not_null())
                    .col(ColumnDef::new(S::RecordedByUserId).big_integer().not_null())
                    .col(ColumnDef::new(S::CreatedAt).timestamp_with_time_zone().not_null())
                    .col(ColumnDef::new(S::AnnulledAt).timestamp_with_time_zone().null())
                    .check(Expr::col(S::EndsOn).gte(Expr::col(S::StartsOn)))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_disciplinary_sanctions_employee")
                    .table(S::Table)
                    .col(S::EmployeeId)
                    .col(S::StartsOn)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(DisciplinarySanctions::Table).if_exists().to_owned()).await
    }
}
