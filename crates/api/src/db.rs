//! Connecting to SQLite or PostgreSQL, migrating, and the few SQL details that differ.

use kinerja_migrations::{Migrator, MigratorTrait};
use sea_orm::{ConnectOptions, ConnectionTrait, Database, DatabaseConnection, DbBackend, DbErr, Statement};
use std::time::Duration;

/// Opens a pool. Acquiring a connection gives up after a few seconds, so that a database outage
/// answers 503 quickly instead of hanging requests.
pub async fn connect(url: &str) -> Result<DatabaseConnection, DbErr> {
    let mut opts = ConnectOptions::new(url.to_owned());
    let sqlite = url.starts_with("sqlite:");
    opts.max_connections(if sqlite { 8 } else { 16 })
        .min_connections(1)
        .connect_timeout(Duration::from_secs(3))
        .acquire_timeout(Duration::from_secs(3))
        .sqlx_logging(false);
    planner_settings(&mut opts);
    if sqlite {
        if let Some(path) = url.strip_prefix("sqlite://").and_then(|p| p.split('?').next()) {
            if let Some(dir) = std::path::Path::new(path).parent() {
                if !dir.as_os_str().is_empty() {
                    std::fs::create_dir_all(dir)
                        .map_err(|e| DbErr::Custom(format!("creating {}: {e}", dir.display())))?;
                }
            }
        }
    }
    let db = Database::connect(opts).await?;
    if db.get_database_backend() == DbBackend::Sqlite {
        // WAL lets readers proceed while one writer writes; the setting is kept in the file.
        db.execute_unprepared("PRAGMA journal_mode=WAL").await?;
    }
    Ok(db)
}

/// A pool that connects on first use (a read replica that may be down when the server starts).
pub async fn connect_lazy(url: &str) -> Result<DatabaseConnection, DbErr> {
    let mut opts = ConnectOptions::new(url.to_owned());
    opts.max_connections(16)
        .min_connections(0)
        .connect_lazy(true)
        .connect_timeout(Duration::from_secs(1))
        .acquire_timeout(Duration::from_secs(2))
        .sqlx_logging(false);
    planner_settings(&mut opts);
    Database::connect(opts).await
}

/// Two planner settings for every PostgreSQL connection (sent at connection start):
///
/// - Each statement is planned for its own parameters. Each connection keeps its statements
///   prepared, and after five runs PostgreSQL may switch one to a generic plan made without the
///   values. For a period's date range, or a list of unit ids that is a whole city one time and one
///   office the next, that plan guesses the selectivity and can be a hundred times slower. A generic
///   plan for leave records walked a year of attendance by date: 70 ms instead of 2 ms, and the
///   dinas dashboard took 209 ms instead of 30. Planning afresh costs well under a millisecond.
/// - No JIT compilation. Our statements are short; a few (a whole city's people) cross the JIT cost
///   threshold and spent more compiling and running the compiled code than plain execution.
///
/// PgBouncer does not pass startup parameters on: behind it, set them on the role (README).
fn planner_settings(opts: &mut ConnectOptions) {
    opts.map_sqlx_postgres_opts(|pg| pg.options([("plan_cache_mode", "force_custom_plan"), ("jit", "off")]));
}

/// Starts a write transaction. On SQLite it takes the write lock at once (`BEGIN IMMEDIATE`), so
/// that concurrent writers wait for each other within the busy timeout instead of failing when a
/// read transaction tries to become a write one; PostgreSQL ignores the mode.
pub async fn begin(db: &DatabaseConnection) -> Result<sea_orm::DatabaseTransaction, DbErr> {
    use sea_orm::{SqliteTransactionMode, TransactionOptions, TransactionTrait};
    db.begin_with_options(TransactionOptions {
        sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
        ..Default::default()
    })
    .await
}

/// Starts a transaction that only reads (or takes its turn, as the idempotency keys do) without
/// taking SQLite's write lock.
pub async fn begin_read(db: &DatabaseConnection) -> Result<sea_orm::DatabaseTransaction, DbErr> {
    sea_orm::TransactionTrait::begin(db).await
}

/// Whether a table of that name exists (an archived year's, not yet dropped).
pub async fn table_exists(db: &impl ConnectionTrait, name: &str) -> Result<bool, DbErr> {
    let backend = db.get_database_backend();
    let sql = match backend {
        DbBackend::Postgres => format!("SELECT to_regclass('public.\"{name}\"') IS NOT NULL AS e"),
        _ => format!("SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '{name}') AS e"),
    };
    let row = db.query_one_raw(Statement::from_string(backend, sql)).await?;
    Ok(row.and_then(|r| r.try_get::<bool>("", "e").ok()).unwrap_or(false))
}

/// Applies every pending migration.
pub async fn migrate(db: &DatabaseConnection) -> Result<(), DbErr> {
    Migrator::up(db, None).await?;
    crate::services::competency::ensure_catalogue(db).await
}

/// Connects and migrates: what every command does first.
pub async fn open(url: &str) -> Result<DatabaseConnection, DbErr> {
    let db = connect(url).await?;
    migrate(&db).await?;
    Ok(db)
}

/// A statement written with `?` placeholders, numbered for PostgreSQL.
pub fn stmt(backend: DbBackend, sql: &str, values: Vec<sea_orm::Value>) -> Statement {
    let sql = if backend == DbBackend::Postgres {
        let mut out = String::with_capacity(sql.len() + 8);
        let mut n = 0;
        for c in sql.chars() {
            if c == '?' {
                n += 1;
                out.push('$');
                out.push_str(&n.to_string());
            } else {
                out.push(c);
            }
        }
        out
    } else {
        sql.to_owned()
    };
    Statement::from_sql_and_values(backend, sql, values)
}

/// Whether the database answers.
pub async fn ping(db: &DatabaseConnection) -> bool {
    db.ping().await.is_ok()
}
