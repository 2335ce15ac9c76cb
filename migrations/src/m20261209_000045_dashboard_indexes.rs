//! Two indexes for the dashboards of a big city.
//!
//! - The median approval time is taken over the period's latest approvals (by date, then id). The
//!   index of work by status and date now orders by id within a date and carries the unit and both
//!   timestamps, so the latest approvals of a whole city are read from the index alone, newest
//!   first. Before, all of the month's approvals (1.5 million rows for 20,000 people) were sorted.
//!   SQLite has no `INCLUDE`, so the same columns are keys there.
//! - Leave and other excused absences are a sliver of the attendance rows. They are read for every
//!   dashboard, for a year back. A partial index holds only them, so the read no longer walks a
//!   year of attendance by date. The statuses are those that excuse a day, in the vocabulary's
//!   order; `services::calendar::excused_attendance` writes the same list into its statement, which is
//!   what lets SQLite use the index (PostgreSQL would match bound values too).

use crate::common::run;
use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::DbBackend;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// The statuses of an excused day, as the query lists them.
const EXCUSED: &str = "'izin', 'sakit', 'cuti', 'dinas_luar'";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let leave =
            format!("CREATE INDEX idx_attendance_leave ON attendance (date, employee_id) WHERE status IN ({EXCUSED})");
        if m.get_database_backend() == DbBackend::Postgres {
            // The migration runs in one transaction. The new index is built first under another
            // name (writes wait, reads go on), and the old one is dropped only then: dropping
            // locks the table against reads too, until the commit, which now follows at once.
            return run(
                m,
                &format!(
                    "CREATE INDEX idx_activities_status_date_id ON activities (status, date, id) \
                     INCLUDE (unit_id, minutes, submitted_at, decided_at); \
                     DROP INDEX idx_activities_status_date_cover; \
                     ALTER INDEX idx_activities_status_date_id RENAME TO idx_activities_status_date_cover; {leave}"
                ),
            )
            .await;
        }
        // One batch: SQLite sees the dropped name free again only within the same connection.
        run(
            m,
            &format!(
                "DROP INDEX idx_activities_status_date_cover; \
                 CREATE INDEX idx_activities_status_date_cover ON activities \
                 (status, date, id, unit_id, minutes, submitted_at, decided_at); {leave}"
            ),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        run(
            m,
            "DROP INDEX idx_attendance_leave; DROP INDEX idx_activities_status_date_cover; \
             CREATE INDEX idx_activities_status_date_cover ON activities (status, date, unit_id, minutes)",
        )
        .await
    }
}
