//! The database refuses the numbers the API refuses, whatever writes them: minutes of an activity
//! 1–1440, daily totals and evidence sizes not negative, years 2000–2100, competency levels 1–5,
//! training hours 1–1000. PostgreSQL checks them with CHECK constraints (`NOT VALID`: rows written
//! before stay as they are, every new or changed row is checked); SQLite, which cannot add a
//! constraint to a table, with triggers that abort the write.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, DbBackend};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// Each check: its name, its table, the columns it reads and the condition a row must meet, its
/// columns written `{row}column` (nothing on PostgreSQL, `NEW.` in a SQLite trigger).
const CHECKS: &[(&str, &str, &str, &str)] = &[
    ("ck_activities_minutes", "activities", "minutes", "{row}minutes BETWEEN 1 AND 1440"),
    (
        "ck_daily_totals_counts",
        "activity_daily_totals",
        "approved, minutes",
        "{row}approved >= 0 AND {row}minutes >= 0",
    ),
    ("ck_evidence_size", "evidence", "size", "{row}size IS NULL OR {row}size >= 0"),
    ("ck_skps_year", "skps", "year", "{row}year BETWEEN 2000 AND 2100"),
    ("ck_development_plans_year", "development_plans", "year", "{row}year BETWEEN 2000 AND 2100"),
    ("ck_competency_assessments_level", "competency_assessments", "level", "{row}level BETWEEN 1 AND 5"),
    ("ck_trainings_hours", "trainings", "hours", "{row}hours BETWEEN 1 AND 1000"),
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        for (name, table, columns, condition) in CHECKS {
            if db.get_database_backend() == DbBackend::Postgres {
                let condition = condition.replace("{row}", "");
                db.execute_unprepared(&format!(
                    "ALTER TABLE {table} ADD CONSTRAINT {name} CHECK ({condition}) NOT VALID"
                ))
                .await?;
            } else {
                for (event, when) in [("INSERT", "INSERT".to_owned()), ("UPDATE", format!("UPDATE OF {columns}"))] {
                    let condition = condition.replace("{row}", "NEW.");
                    db.execute_unprepared(&format!(
                        "CREATE TRIGGER {name}_{} BEFORE {when} ON {table} FOR EACH ROW WHEN NOT ({condition}) \
                         BEGIN SELECT RAISE(ABORT, 'CHECK constraint failed: {name}'); END",
                        event.to_lowercase()
                    ))
                    .await?;
                }
            }
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        for (name, table, _, _) in CHECKS {
            if db.get_database_backend() == DbBackend::Postgres {
                db.execute_unprepared(&format!("ALTER TABLE {table} DROP CONSTRAINT IF EXISTS {name}")).await?;
            } else {
                db.execute_unprepared(&format!("DROP TRIGGER IF EXISTS {name}_insert")).await?;
                db.execute_unprepared(&format!("DROP TRIGGER IF EXISTS {name}_update")).await?;
            }
        }
        Ok(())
    }
}
