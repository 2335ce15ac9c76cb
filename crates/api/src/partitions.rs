//! Partitioned history on PostgreSQL (migration 044): the activities, their daily totals, the
//! audit log and the outbox are range-partitioned by year (`{table}_y{year}`, and `{table}_default` for anything
//! else). The server makes this year's and next year's partitions at start and every day after, and
//! moves rows that landed in a default partition into their year's. A closed year is archived by
//! detaching its partitions (`kinerja partitions archive YEAR`): they stay as plain tables to dump
//! and drop, and the audit chain continues from a checkpoint stored for the year. SQLite keeps
//! single tables; none of this applies to it.

use crate::audit::{Actor, Change};
use crate::entities::audit_checkpoints;
use sea_orm::{
    ActiveModelTrait, ConnectionTrait, DatabaseConnection, DbBackend, EntityTrait, QueryOrder, Set, Statement,
    TransactionTrait,
};
use std::time::Duration;

use kinerja_migrations::partitioning::{bounds, year_of};
pub use kinerja_migrations::partitioning::{Kind, TABLES};

/// Serialises partition changes across replicas.
const LOCK: i64 = 715_428;

async fn scalar<T: sea_orm::TryGetable>(db: &impl ConnectionTrait, sql: String) -> anyhow::Result<Option<T>> {
    let row = db.query_one_raw(Statement::from_string(DbBackend::Postgres, sql)).await?;
    Ok(row.and_then(|r| r.try_get::<Option<T>>("", "v").ok()).flatten())
}

/// The number a `SELECT COUNT(*) AS v …` gives.
async fn count(db: &impl ConnectionTrait, sql: String) -> anyhow::Result<i64> {
    Ok(scalar::<i64>(db, sql).await?.unwrap_or(0))
}

async fn years(db: &impl ConnectionTrait, sql: String) -> anyhow::Result<Vec<i32>> {
    let rows = db.query_all_raw(Statement::from_string(DbBackend::Postgres, sql)).await?;
    Ok(rows.iter().filter_map(|r| r.try_get::<i32>("", "v").ok()).collect())
}

/// Whether `name` is a partition attached to its table.
async fn attached(db: &impl ConnectionTrait, name: &str) -> anyhow::Result<bool> {
    let sql = format!(
        "SELECT COUNT(*) AS v FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE c.relname = '{name}'"
    );
    Ok(count(db, sql).await? > 0)
}

fn is_postgres(db: &DatabaseConnection) -> bool {
    db.get_database_backend() == DbBackend::Postgres
}

/// Makes the partitions of `year` and the next for every table, and of any year whose rows landed
/// in a default partition (moving them in). Returns the partitions made.
pub async fn ensure_ahead(db: &DatabaseConnection, year: i32) -> anyhow::Result<Vec<String>> {
    if !is_postgres(db) {
        return Ok(Vec::new());
    }
    let txn = db.begin().await?;
    txn.execute_unprepared(&format!("SELECT pg_advisory_xact_lock({LOCK})")).await?;
    // Rows moved out of a default partition are not deleted activities: their evidence stays linked.
    txn.execute_unprepared("SET LOCAL kinerja.moving_rows = 'on'").await?;
    let mut made = Vec::new();
    for (table, column, kind) in TABLES {
        let mut wanted =
            years(&txn, format!("SELECT DISTINCT {} AS v FROM {table}_default", year_of(column, kind))).await?;
        wanted.extend([year, year + 1]);
        wanted.sort_unstable();
        wanted.dedup();
        for y in wanted {
            let name = format!("{table}_y{y}");
            if crate::db::table_exists(&txn, &name).await? {
                continue;
            }
            let (from, to) = bounds(y, kind);
            // Made beside, filled from the default partition, then attached (which checks it).
            txn.execute_unprepared(&format!(
                "CREATE TABLE {name} (LIKE {table} INCLUDING DEFAULTS INCLUDING CONSTRAINTS); \
                 WITH moved AS (DELETE FROM {table}_default WHERE {column} >= '{from}' AND {column} < '{to}' RETURNING *) \
                 INSERT INTO {name} SELECT * FROM moved; \
                 ALTER TABLE {table} ATTACH PARTITION {name} FOR VALUES FROM ('{from}') TO ('{to}')"
            ))
            .await?;
            made.push(name);
        }
    }
    txn.commit().await?;
    if !made.is_empty() {
        tracing::info!(?made, "partitions made ahead");
    }
    Ok(made)
}

/// Makes partitions ahead now and every day after (PostgreSQL).
pub fn spawn_daily(db: DatabaseConnection) {
    if !is_postgres(&db) {
        return;
    }
    tokio::spawn(async move {
        loop {
            use chrono::Datelike;
            if let Err(e) = ensure_ahead(&db, chrono::Utc::now().year()).await {
                tracing::warn!(error = %e, "could not make the coming partitions");
            }
            tokio::time::sleep(Duration::from_secs(24 * 3600)).await;
        }
    });
}

/// One partition and its rows.
pub struct Listed {
    pub table: &'static str,
    pub partition: String,
    pub rows: i64,
}

/// Every attached partition with its rows.
pub async fn list(db: &DatabaseConnection) -> anyhow::Result<Vec<Listed>> {
    anyhow::ensure!(is_postgres(db), "partitions are for PostgreSQL; the embedded SQLite database keeps single tables");
    let mut out = Vec::new();
    for (table, _, _) in TABLES {
        let sql = format!(
            "SELECT c.relname AS v FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid \
             JOIN pg_class p ON p.oid = i.inhparent WHERE p.relname = '{table}' ORDER BY c.relname"
        );
        let rows = db.query_all_raw(Statement::from_string(DbBackend::Postgres, sql)).await?;
        for name in rows.iter().filter_map(|r| r.try_get::<String>("", "v").ok()) {
            let rows = count(db, format!("SELECT COUNT(*) AS v FROM {name}")).await?;
            out.push(Listed { table, partition: name, rows });
        }
    }
    Ok(out)
}

/// What archiving a year did.
pub struct Archived {
    /// Each detached table and its rows.
    pub detached: Vec<(String, i64)>,
    pub checkpoint: audit_checkpoints::Model,
}

/// Detaches the partitions of a closed `year` (before `this_year`), after checking the whole audit
/// chain, and stores the checkpoint the chain continues from. The earlier years must be archived
/// first. One transaction: either all of it happens or nothing does.
pub async fn archive(db: &DatabaseConnection, year: i32, this_year: i32) -> anyhow::Result<Archived> {
    anyhow::ensure!(
        is_postgres(db),
        "archiving a year is for PostgreSQL; the embedded SQLite database keeps single tables"
    );
    anyhow::ensure!(year < this_year, "{year} is not closed yet: only years before {this_year} can be archived");
    // The whole chain first, while the server keeps working; then, with the tables held, only what
    // was appended since.
    let (verified, head) =
        crate::audit::verify_to_head(db).await.map_err(|e| anyhow::anyhow!("verifying the audit log: {e:?}"))?;
    anyhow::ensure!(verified.intact, "the audit chain is broken ({}); nothing archived", verified.detail);
    let txn = db.begin().await?;
    txn.execute_unprepared("SET LOCAL lock_timeout = '15s'").await?;
    txn.execute_unprepared(&format!("SELECT pg_advisory_xact_lock({LOCK})")).await?;
    // The tables before the chain, in the order writers take them, so that no writer holding a
    // table waits on the chain while this waits on the table.
    txn.execute_unprepared("LOCK TABLE activities, activity_daily_totals, audit_log, outbox IN ACCESS EXCLUSIVE MODE")
        .await?;
    txn.execute_unprepared(&format!("SELECT pg_advisory_xact_lock({})", crate::audit::APPEND_LOCK)).await?;
    let continues = crate::audit::continues_from(&txn, &head)
        .await
        .map_err(|e| anyhow::anyhow!("verifying the audit log: {e:?}"))?;
    anyhow::ensure!(continues, "the audit chain is broken after entry #{}; nothing archived", head.0);
    // The tables with a partition of the year; the others must hold nothing of it.
    let mut present = Vec::new();
    for (table, column, kind) in TABLES {
        let name = format!("{table}_y{year}");
        if attached(&txn, &name).await? {
            present.push(table);
            continue;
        }
        anyhow::ensure!(
            !crate::db::table_exists(&txn, &name).await?,
            "{name} is already detached: {year} was archived before"
        );
        let (from, to) = bounds(year, kind);
        let stray =
            count(&txn, format!("SELECT COUNT(*) AS v FROM {table} WHERE {column} >= '{from}' AND {column} < '{to}'"))
                .await?;
        anyhow::ensure!(
            stray == 0,
            "{table} holds {stray} rows of {year} outside a partition: run `kinerja partitions ensure` first"
        );
    }
    anyhow::ensure!(!present.is_empty(), "{year} has no partitions to archive");
    let waiting =
        count(&txn, format!("SELECT COUNT(*) AS v FROM outbox WHERE year = {year} AND status IN ('pending', 'held')"))
            .await?;
    anyhow::ensure!(
        waiting == 0,
        "{waiting} messages of {year} are still waiting in the outbox; let them be sent first"
    );
    let (from, to) = bounds(year, Kind::Timestamp);
    let earlier = count(&txn, format!("SELECT COUNT(*) AS v FROM audit_log WHERE at < '{from}'")).await?;
    anyhow::ensure!(earlier == 0, "the audit log still holds entries before {year}: archive those years first");
    let part = format!("audit_log_y{year}");
    let entries =
        count(&txn, format!("SELECT COUNT(*) AS v FROM audit_log WHERE at >= '{from}' AND at < '{to}'")).await?;
    let last =
        scalar::<i64>(&txn, format!("SELECT MAX(id) AS v FROM audit_log WHERE at >= '{from}' AND at < '{to}'")).await?;
    let (last_id, last_hash) = match last {
        Some(id) => {
            let later =
                count(&txn, format!("SELECT COUNT(*) AS v FROM audit_log WHERE at >= '{to}' AND id < {id}")).await?;
            anyhow::ensure!(later == 0, "entries of {} come before the last one of {year}; nothing archived", year + 1);
            let hash = scalar::<String>(&txn, format!("SELECT hash AS v FROM audit_log WHERE id = {id}")).await?;
            (id, hash.unwrap_or_default())
        }
        None => {
            let previous =
                audit_checkpoints::Entity::find().order_by_desc(audit_checkpoints::Column::LastId).one(&txn).await?;
            previous.map(|p| (p.last_id, p.last_hash)).unwrap_or((0, crate::audit::GENESIS.to_owned()))
        }
    };
    let checkpoint = audit_checkpoints::ActiveModel {
        year: Set(year),
        last_id: Set(last_id),
        last_hash: Set(last_hash),
        entries: Set(entries),
        archived_table: Set(part),
        created_at: Set(chrono::Utc::now()),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    let mut detached = Vec::new();
    for table in present {
        let name = format!("{table}_y{year}");
        let rows = count(&txn, format!("SELECT COUNT(*) AS v FROM {name}")).await?;
        txn.execute_unprepared(&format!("ALTER TABLE {table} DETACH PARTITION {name}")).await?;
        detached.push((name, rows));
    }
    let summary = serde_json::json!({
        "year": year,
        "detached": detached.iter().map(|(n, r)| serde_json::json!({ "table": n, "rows": r })).collect::<Vec<_>>(),
        "checkpoint": { "last_id": checkpoint.last_id, "last_hash": checkpoint.last_hash, "entries": checkpoint.entries },
    });
    crate::audit::record(&txn, &Actor::cli(), Change::new("archive", "history", year).after(&summary))
        .await
        .map_err(|e| anyhow::anyhow!("recording the archive: {e:?}"))?;
    txn.commit().await?;
    Ok(Archived { detached, checkpoint })
}
