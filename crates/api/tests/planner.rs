#![allow(clippy::unwrap_used, clippy::expect_used)]
//! What keeps the dashboards fast on a big city, checked where it can break quietly:
//! - on PostgreSQL every pooled connection plans each statement for its own values (never a
//!   generic plan guessed without them) and never JIT-compiles;
//! - the partial index of excused absences lists exactly the statuses that excuse a day, in the
//!   order the read of leave writes them, so that read can use it (a status added to one list and
//!   not the other would silently fall back to walking a year of attendance), and the read of a
//!   whole city's leave is planned on that index on both databases.

mod common;

use common::{Backend, TestApp};
use kinerja_api::services::calendar::{excuse, excused_attendance};
use kinerja_domain::tpp::AttendanceStatus;
use sea_orm::{ConnectionTrait, QueryTrait, Statement, TransactionTrait};

async fn the_leave_index_lists_the_excusing_statuses(app: TestApp) {
    let sql = match app.backend {
        Backend::Sqlite => "SELECT sql AS d FROM sqlite_master WHERE name = 'idx_attendance_leave'",
        Backend::Postgres => "SELECT indexdef AS d FROM pg_indexes WHERE indexname = 'idx_attendance_leave'",
    };
    let definition: String = common::sql_value(&app.db, sql, "d").await;
    let (_, predicate) = definition.split_once("WHERE").expect("a partial index");
    // The quoted words of the predicate: the statuses, in the order the read lists them (SQLite
    // uses a partial index only for the very same condition).
    let in_index: Vec<&str> = predicate.split('\'').skip(1).step_by(2).collect();
    let excusing: Vec<&str> =
        AttendanceStatus::ALL.iter().filter(|s| excuse(**s).is_some()).map(|s| s.as_str()).collect();
    assert_eq!(in_index, excusing, "{definition}");
}

/// The statement the calendars send for everyone's leave over a year, as the database plans it.
async fn the_leave_of_a_city_is_read_from_the_partial_index(app: TestApp) {
    let from = chrono::NaiveDate::from_ymd_opt(2025, 12, 1).unwrap();
    let to = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    let backend = app.db.get_database_backend();
    // With its values bound, as sent: SQLite uses a partial index only for a condition written in
    // the statement itself.
    let statement = excused_attendance(from, to, None).build(backend);
    let sql = statement.sql.clone();
    let prefix = match app.backend {
        Backend::Sqlite => "EXPLAIN QUERY PLAN",
        // The demo city's attendance is small enough for a sequential scan to win; the choice
        // between the indexes is what is checked.
        Backend::Postgres => "EXPLAIN",
    };
    let values = statement.values.map(|v| v.0).unwrap_or_default();
    let explain = Statement::from_sql_and_values(backend, format!("{prefix} {sql}"), values);
    let txn = app.db.begin().await.unwrap();
    if app.backend == Backend::Postgres {
        txn.execute_unprepared("SET LOCAL enable_seqscan = off").await.unwrap();
    }
    let rows = txn.query_all_raw(explain).await.unwrap();
    let plan: Vec<String> = rows
        .iter()
        .map(|r| r.try_get::<String>("", "detail").or_else(|_| r.try_get::<String>("", "QUERY PLAN")).unwrap())
        .collect();
    assert!(plan.iter().any(|line| line.contains("idx_attendance_leave")), "{sql}\n{plan:#?}");
    txn.rollback().await.unwrap();
}

db_tests!(the_leave_index_lists_the_excusing_statuses, the_leave_of_a_city_is_read_from_the_partial_index);

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_connections_plan_for_the_values_without_jit() {
    let app = TestApp::spawn(Backend::Postgres).await;
    // One connection of the pool, held by a transaction.
    let txn = app.db.begin().await.unwrap();
    for (setting, wanted) in [("plan_cache_mode", "force_custom_plan"), ("jit", "off")] {
        let value: String = common::sql_value(&txn, &format!("SELECT current_setting('{setting}') AS v"), "v").await;
        assert_eq!(value, wanted, "{setting}");
    }
    // The leave read of the dashboards, run as a prepared statement more often than the five runs
    // after which PostgreSQL would otherwise try a generic plan.
    let from = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    let to = chrono::NaiveDate::from_ymd_opt(2026, 12, 31).unwrap();
    let statement = excused_attendance(from, to, Some(&[1, 2])).build(sea_orm::DbBackend::Postgres);
    for _ in 0..8 {
        txn.query_all_raw(statement.clone()).await.unwrap();
    }
    let plans = txn
        .query_one_raw(Statement::from_sql_and_values(
            sea_orm::DbBackend::Postgres,
            "SELECT generic_plans, custom_plans FROM pg_prepared_statements WHERE statement = $1",
            [statement.sql.clone().into()],
        ))
        .await
        .unwrap()
        .expect("the statement stays prepared on its connection");
    let generic: i64 = plans.try_get("", "generic_plans").unwrap();
    let custom: i64 = plans.try_get("", "custom_plans").unwrap();
    assert_eq!((generic, custom), (0, 8), "every run planned for its values");
    txn.rollback().await.unwrap();
}
