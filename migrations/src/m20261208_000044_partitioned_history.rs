//! History partitioned by year on PostgreSQL: the activities and their daily totals by their date,
//! the audit log by the time of the entry (UTC years). Each table becomes a range-partitioned
//! table with one partition per year that holds rows (and this year and the next), plus a default
//! partition that catches anything else; the server creates the coming years' partitions ahead
//! (`partitions::ensure_ahead`). A closed year can then be detached as a whole
//! (`kinerja partitions archive YEAR`), the audit chain continuing from a stored checkpoint
//! (`audit_checkpoints`, on both databases). SQLite keeps single tables.
//!
//! The primary keys gain the partition column (PostgreSQL requires it). The link of evidence to
//! an activity loses its foreign key, which cannot point into a partitioned table by id alone; a
//! trigger removes the links of a deleted activity as the cascade did.

use crate::common::id;
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

/// A table to partition: its name, the partition column, whether that column is a timestamp, the
/// primary key with the partition column, and the statements that rebuild its indexes and links.
struct Partitioned {
    table: &'static str,
    column: &'static str,
    timestamp: bool,
    primary_key: &'static str,
    after: &'static [&'static str],
    identity: bool,
}

const TABLES: &[Partitioned] = &[
    Partitioned {
        table: "activities",
        column: "date",
        timestamp: false,
        primary_key: "id, date",
        identity: true,
        after: &[
            "CREATE INDEX idx_activities_employee_date ON activities (employee_id, date)",
            "CREATE INDEX idx_activities_queue ON activities (penilai_id, status, date)",
            "CREATE INDEX idx_activities_rhk_status ON activities (rhk_id, status)",
            "CREATE INDEX idx_activities_unit_date_cover ON activities (unit_id, date, status, minutes, employee_id)",
            "CREATE INDEX idx_activities_date_cover ON activities (date, status, unit_id, minutes, employee_id)",
            "CREATE INDEX idx_activities_status_date_cover ON activities (status, date, unit_id, minutes)",
            "CREATE INDEX idx_activities_id ON activities (id)",
            "ALTER TABLE activities ADD CONSTRAINT activities_employee_id_fkey FOREIGN KEY (employee_id) REFERENCES employees(id)",
        ],
    },
    Partitioned {
        table: "activity_daily_totals",
        column: "date",
        timestamp: false,
        primary_key: "unit_id, date",
        identity: false,
        after: &["CREATE INDEX idx_activity_daily_totals_date ON activity_daily_totals (date)"],
    },
    Partitioned {
        table: "audit_log",
        column: "at",
        timestamp: true,
        primary_key: "id, at",
        identity: true,
        after: &[
            "CREATE INDEX idx_audit_entity ON audit_log (entity, entity_id)",
            "CREATE INDEX idx_audit_id ON audit_log (id)",
        ],
    },
];

/// The bounds of a year's partition.
fn bounds(year: i32, timestamp: bool) -> (String, String) {
    if timestamp {
        (format!("{year}-01-01 00:00:00+00"), format!("{}-01-01 00:00:00+00", year + 1))
    } else {
        (format!("{year}-01-01"), format!("{}-01-01", year + 1))
    }
}

async fn run(m: &SchemaManager<'_>, sql: &str) -> Result<(), DbErr> {
    m.get_connection().execute_unprepared(sql).await.map(|_| ())
}

async fn years(m: &SchemaManager<'_>, t: &Partitioned) -> Result<Vec<i32>, DbErr> {
    let (table, column) = (t.table, t.column);
    let value = if t.timestamp { format!("{column} AT TIME ZONE 'UTC'") } else { column.to_owned() };
    let sql = format!("SELECT DISTINCT CAST(EXTRACT(YEAR FROM {value}) AS INTEGER) AS y FROM {table}");
    let rows = m.get_connection().query_all_raw(Statement::from_string(DbBackend::Postgres, sql)).await?;
    Ok(rows.iter().filter_map(|r| r.try_get::<i32>("", "y").ok()).collect())
}

async fn partition(m: &SchemaManager<'_>, t: &Partitioned, this_year: i32) -> Result<(), DbErr> {
    let (table, column) = (t.table, t.column);
    let old = format!("{table}_unpartitioned");
    let mut wanted = years(m, t).await?;
    wanted.extend([this_year, this_year + 1]);
    wanted.sort_unstable();
    wanted.dedup();
    run(m, &format!("ALTER TABLE {table} RENAME TO {old}")).await?;
    run(m, &format!("ALTER INDEX {table}_pkey RENAME TO {old}_pkey")).await?;
    let identity = if t.identity { " INCLUDING IDENTITY" } else { "" };
    run(
        m,
        &format!(
            "CREATE TABLE {table} (LIKE {old} INCLUDING DEFAULTS INCLUDING CONSTRAINTS{identity}) PARTITION BY RANGE ({column})"
        ),
    )
    .await?;
    for year in wanted {
        let (from, to) = bounds(year, t.timestamp);
        run(m, &format!("CREATE TABLE {table}_y{year} PARTITION OF {table} FOR VALUES FROM ('{from}') TO ('{to}')"))
            .await?;
    }
    run(m, &format!("CREATE TABLE {table}_default PARTITION OF {table} DEFAULT")).await?;
    let overriding = if t.identity { " OVERRIDING SYSTEM VALUE" } else { "" };
    run(m, &format!("INSERT INTO {table}{overriding} SELECT * FROM {old}")).await?;
    run(m, &format!("DROP TABLE {old}")).await?;
    run(m, &format!("ALTER TABLE {table} ADD CONSTRAINT {table}_pkey PRIMARY KEY ({})", t.primary_key)).await?;
    for sql in t.after {
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
        if m.get_database_backend() != DbBackend::Postgres {
            return Ok(());
        }
        run(m, "ALTER TABLE activity_evidence DROP CONSTRAINT IF EXISTS activity_evidence_activity_id_fkey").await?;
        let this_year = chrono_year();
        for t in TABLES {
            partition(m, t, this_year).await?;
        }
        // The cascade the foreign key gave: a deleted activity takes its evidence links along.
        run(
            m,
            "CREATE FUNCTION activity_evidence_cascade() RETURNS trigger LANGUAGE plpgsql AS $$ \
             BEGIN DELETE FROM activity_evidence WHERE activity_id = OLD.id; RETURN OLD; END $$",
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
        m.drop_table(Table::drop().table(AuditCheckpoints::Table).to_owned()).await
    }
}

/// This year by the clock (UTC), for the partitions made ahead.
fn chrono_year() -> i32 {
    use chrono::Datelike;
    chrono::Utc::now().year()
}
