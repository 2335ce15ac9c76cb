//! Complaint clocks as PermenPANRB 62/2018 and SP4N-LAPOR! set them: the class set at verification
//! (which sets the follow-up deadline), a documented postponement (tunda) with its new date and
//! reason, and referral to the competent unit or agency.

use crate::common::{add_columns, drop_columns};
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// The new columns.
const COLUMNS: [&str; 4] = ["class", "postponed_until", "postpone_reason", "referred_to"];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let columns = vec![
            ColumnDef::new(Alias::new(COLUMNS[0])).string_len(32).null().to_owned(),
            ColumnDef::new(Alias::new(COLUMNS[1])).date().null().to_owned(),
            ColumnDef::new(Alias::new(COLUMNS[2])).text().null().to_owned(),
            ColumnDef::new(Alias::new(COLUMNS[3])).text().null().to_owned(),
        ];
        add_columns(manager, "complaints", columns).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        drop_columns(manager, "complaints", &COLUMNS).await
    }
}
