//! History partitioned by year on PostgreSQL: the activities and their daily totals by their date,
//! the audit log by the time of the entry (UTC years), the outbox by a new `year` column (the UTC
//! year it was queued in; its no-second-message key becomes unique within that year, on SQLite too). Each table becomes a range-partitioned
//! table with one partition per year that holds rows (and this year and the next), plus a default
//! partition that catches anything else; the server creates the coming years' partitions ahead
//! (`partitions::ensure_ahead`). A closed year can then be detached as a whole
//! (`kinerja partitions archive YEAR`), the audit chain continuing from a stored checkpoint
//! (`audit_checkpoints`, on both databases). SQLite keeps single tables.
//!
//! The primary keys gain the partition column (PostgreSQL requires it). The link of evidence to
//! an activity loses its foreign key, which cannot point into a partitioned table by id alone; a
//! trigger removes the links of a deleted activity as the cascade did.

use crate::common::{id, run};
use crate::partitioning::{bounds, year_of, Kind};
use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, DbBackend, Statement};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(Iden)]
enum AuditCheckpoints {
    Table,
    Id,
    /// The year archived.
    Year,
    /// The last entry of the archived part, and its hash: the live chain continues from it.
    LastId,
    LastHash,
    /// Entries in the archived part since the previous checkpoint.
    Entries,
    /// The detached table holding the archived entries (until it is dumped and dropped).
    ArchivedTable,
    CreatedAt,
}

/// A table to partition: its name, the partition column and what it holds, the
/// primary key with the partition column, and the statements that rebuild its indexes and links.
struct Partitioned {
    table: &'static str,
    column: &'static str,
    kind: Kind,
    identity: bool,
    /// The primary key partitioned (with the partition column) and as a single table.
    primary_key: &'static str,
    plain_key: &'static str,
    /// The indexes and links of both shapes, then those of each shape only.
    common: &'static [&'static str],
    partitioned_only: &'static [&'static str],
    plain_only: &'static [&'static str],
}

const TABLES: &[Partitioned] = &[
    Partitioned {
        table: "activities",
        column: "date",
        kind: Kind::Date,
        identity: true,
        primary_key: "id, date",
        plain_key: "id",
        common: &[
            "CREATE INDEX idx_activities_employee_date ON activities (employee_id, date)",
            "CREATE INDEX idx_activities_queue ON activities (penilai_id, status, date)",
            "CREATE INDEX idx_activities_rhk_status ON activities (rhk_id, status)",
            "CREATE INDEX idx_activities_unit_date_cover ON activities (unit_id, date, status, minutes, employee_id)",
            "CREATE INDEX idx_activities_date_cover ON activities (date, status, unit_id, minutes, employee_id)",
            "CREATE INDEX idx_activities_status_date_cover ON activities (status, date, unit_id, minutes)",
            "ALTER TABLE activities ADD CONSTRAINT activities_employee_id_fkey FOREIGN KEY (employee_id) REFERENCES employees(id)",
        ],
        partitioned_only: &[],
        plain_only: &[],
    },
    Partitioned {
        table: "activity_daily_totals",
        column: "date",
        kind: Kind::Date,
        identity: false,
        primary_key: "unit_id, date",
        plain_key: "unit_id, date",
        common: &["CREATE INDEX idx_activity_daily_totals_date ON activity_daily_totals (date)"],
        partitioned_only: &[],
        plain_only: &[],
    },
    Partitioned {
        table: "audit_log",
        column: "at",
        kind: Kind::Timestamp,
        identity: true,
        primary_key: "id, at",
        plain_key: "id",
        common: &["CREATE INDEX idx_audit_entity ON audit_log (entity, entity_id)"],
        partitioned_only: &[],
        plain_only: &[],
    },
    Partitioned {
        table: "outbox",
        column: "year",
        kind: Kind::Year,
        identity: true,
        primary_key: "id, year",
        plain_key: "id",
        common: &["CREATE INDEX idx_outbox_status_next ON outbox (status, next_attempt_at)"],
        partitioned_only: &[
            "CREATE UNIQUE INDEX idx_outbox_event_channel_recipient ON outbox (event_key, channel, recipient, year)",
        ],
        plain_only: &["CREATE UNIQUE INDEX idx_outbox_event_channel_recipient ON outbox (event_key, channel, recipient)"],
    },
];

async fn years(m: &SchemaManager<'_>, t: &Partitioned) -> Result<Vec<i32>, DbErr> {
    let (table, column) = (t.table, t.column);
    let sql = format!("SELECT DISTINCT {} AS y FROM {table}", year_of(column, t.kind));
    let rows = m.get_connection().query_all_raw(Statement::from_string(DbBackend::Postgres, sql)).await?;
    Ok(rows.iter().filter_map(|r| r.try_get::<i32>("", "y").ok()).collect())
}

/// Rebuilds `t` as a partitioned table with the partitions of `years` (up), or as a single table
/// again (`None`, down), copying its rows.
async fn rebuild(m: &SchemaManager<'_>, t: &Partitioned, years: Option<Vec<i32>>) -> Result<(), DbErr> {
    let table = t.table;
    let old = format!("{table}_before_044");
    // Its checks are added again after the copy as they were: one added `NOT VALID` (older rows
    // are tolerated) stays so, instead of being enforced on those rows by the copy.
    let checks = m
        .get_connection()
        .query_all_raw(Statement::from_string(
            DbBackend::Postgres,
            format!(
                "SELECT conname AS name, pg_get_constraintdef(oid) AS def FROM pg_constraint \
                 WHERE conrelid = '{table}'::regclass AND contype = 'c'"
            ),
        ))
        .await?
        .iter()
        .filter_map(|r| Some((r.try_get::<String>("", "name").ok()?, r.try_get::<String>("", "def").ok()?)))
        .collect::<Vec<_>>();
    run(m, &format!("ALTER TABLE {table} RENAME TO {old}")).await?;
    run(m, &format!("ALTER INDEX {table}_pkey RENAME TO {old}_pkey")).await?;
    let identity = if t.identity { " INCLUDING IDENTITY" } else { "" };
    let partitioned = if years.is_some() { format!(" PARTITION BY RANGE ({})", t.column) } else { String::new() };
    run(m, &format!("CREATE TABLE {table} (LIKE {old} INCLUDING DEFAULTS{identity}){partitioned}")).await?;
    if let Some(years) = &years {
        for year in years {
            let (from, to) = bounds(*year, t.kind);
            run(
                m,
                &format!("CREATE TABLE {table}_y{year} PARTITION OF {table} FOR VALUES FROM ('{from}') TO ('{to}')"),
            )
            .await?;
        }
        run(m, &format!("CREATE TABLE {table}_default PARTITION OF {table} DEFAULT")).await?;
    }
    let overriding = if t.identity { " OVERRIDING SYSTEM VALUE" } else { "" };
    run(m, &format!("INSERT INTO {table}{overriding} SELECT * FROM {old}")).await?;
    run(m, &format!("DROP TABLE {old}")).await?;
    for (name, def) in &checks {
        run(m, &format!("ALTER TABLE {table} ADD CONSTRAINT {name} {def}")).await?;
    }
    let (key, own) = if years.is_some() { (t.primary_key, t.partitioned_only) } else { (t.plain_key, t.plain_only) };
    run(m, &format!("ALTER TABLE {table} ADD CONSTRAINT {table}_pkey PRIMARY KEY ({key})")).await?;
    for sql in t.common.iter().chain(own) {
        run(m, sql).await?;
    }
    if t.identity {
        // The new identity continues after the ids already given.
        run(
            m,
            &format!(
                "SELECT setval(pg_get_serial_sequence('{table}', 'id'), COALESCE((SELECT MAX(id) FROM {table}), 0) + 1, false)"
            ),
        )
        .await?;
    }
    Ok(())
}

async fn partition(m: &SchemaManager<'_>, t: &Partitioned, this_year: i32) -> Result<(), DbErr> {
    let mut wanted = years(m, t).await?;
    wanted.extend([this_year, this_year + 1]);
    wanted.sort_unstable();
    wanted.dedup();
    rebuild(m, t, Some(wanted)).await
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(AuditCheckpoints::Table)
                .col(id(AuditCheckpoints::Id))
                .col(ColumnDef::new(AuditCheckpoints::Year).integer().not_null().unique_key())
                .col(ColumnDef::new(AuditCheckpoints::LastId).big_integer().not_null())
                .col(ColumnDef::new(AuditCheckpoints::LastHash).string_len(64).not_null())
                .col(ColumnDef::new(AuditCheckpoints::Entries).big_integer().not_null())
                .col(ColumnDef::new(AuditCheckpoints::ArchivedTable).string_len(64).not_null())
                .col(ColumnDef::new(AuditCheckpoints::CreatedAt).timestamp_with_time_zone().not_null())
                .to_owned(),
        )
        .await?;
        // The outbox's year, on both databases.
        m.alter_table(
            Table::alter()
                .table(Alias::new("outbox"))
                .add_column(ColumnDef::new(Alias::new("year")).integer().not_null().default(0))
                .to_owned(),
        )
        .await?;
        let year_of_created = match m.get_database_backend() {
            DbBackend::Postgres => "CAST(EXTRACT(YEAR FROM created_at AT TIME ZONE 'UTC') AS INTEGER)",
            _ => "CAST(strftime('%Y', created_at) AS INTEGER)",
        };
        run(m, &format!("UPDATE outbox SET year = {year_of_created}")).await?;
        if m.get_database_backend() == DbBackend::Postgres {
            // Every message names its year from now on (SQLite cannot drop a default; its single
            // table does not depend on it).
            run(m, "ALTER TABLE outbox ALTER COLUMN year DROP DEFAULT").await?;
        }
        if m.get_database_backend() != DbBackend::Postgres {
            // One batch on one connection: the pool's others would still see the old index.
            return run(
                m,
                "DROP INDEX idx_outbox_event_channel_recipient; \
                 CREATE UNIQUE INDEX idx_outbox_event_channel_recipient ON outbox (event_key, channel, recipient, year)",
            )
            .await;
        }
        run(m, "ALTER TABLE activity_evidence DROP CONSTRAINT IF EXISTS activity_evidence_activity_id_fkey").await?;
        let this_year = chrono_year();
        for t in TABLES {
            partition(m, t, this_year).await?;
        }
        // The cascade the foreign key gave: a deleted activity takes its evidence links along;
        // not when rows only move between partitions (`kinerja.moving_rows`, set by the server).
        run(
            m,
            "CREATE FUNCTION activity_evidence_cascade() RETURNS trigger LANGUAGE plpgsql AS $$ \
             BEGIN \
               IF COALESCE(current_setting('kinerja.moving_rows', true), '') <> 'on' THEN \
                 DELETE FROM activity_evidence WHERE activity_id = OLD.id; \
               END IF; \
               RETURN OLD; \
             END $$",
        )
        .await?;
        run(
            m,
            "CREATE TRIGGER activity_evidence_cascade AFTER DELETE ON activities \
             FOR EACH ROW EXECUTE FUNCTION activity_evidence_cascade()",
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        if m.get_database_backend() == DbBackend::Postgres {
            run(m, "DROP TRIGGER activity_evidence_cascade ON activities").await?;
            run(m, "DROP FUNCTION activity_evidence_cascade()").await?;
            for t in TABLES {
                rebuild(m, t, None).await?;
            }
            run(
                m,
                "ALTER TABLE activity_evidence ADD CONSTRAINT activity_evidence_activity_id_fkey \
                 FOREIGN KEY (activity_id) REFERENCES activities(id) ON DELETE CASCADE",
            )
            .await?;
        }
        // One batch on one connection (see `up`).
        run(
            m,
            "DROP INDEX idx_outbox_event_channel_recipient; ALTER TABLE outbox DROP COLUMN year; \
             CREATE UNIQUE INDEX idx_outbox_event_channel_recipient ON outbox (event_key, channel, recipient)",
        )
        .await?;
        m.drop_table(Table::drop().table(AuditCheckpoints::Table).to_owned()).await
    }
}

/// This year by the clock (UTC), for the partitions made ahead.
fn chrono_year() -> i32 {
    use chrono::Datelike;
    chrono::Utc::now().year()
}
