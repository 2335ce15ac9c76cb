//! The read replica: a real PostgreSQL streaming replica made by `pg_basebackup` from a primary
//! of the test's own, the server configured with `KINERJA_DATABASE_READ_URL`. Dashboards, reports
//! and exports read the replica (they lag while its replay is paused); what someone just wrote is
//! read from the primary; a replica that dies sends the heavy reads back to the primary.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::cluster::Cluster;
use common::TestApp;
use reqwest::StatusCode;
use sea_orm::{ConnectionTrait, Database, DatabaseConnection, DbBackend, Statement};
use serde_json::{json, Value};

async fn sql(db: &DatabaseConnection, query: &str) {
    db.execute_unprepared(query).await.unwrap_or_else(|e| panic!("{query}: {e}"));
}

async fn ready(app: &TestApp) -> Value {
    app.client.get(app.url("/ready")).send().await.unwrap().json().await.unwrap()
}

async fn headcount(app: &TestApp, token: &str, unit: i64) -> u64 {
    let (status, body) = app.get(&format!("/api/v1/dashboard/units/{unit}"), token).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    body["headcount"].as_u64().unwrap()
}

/// People of the unit's subtree without a supervisor, by the data-quality index.
async fn without_supervisor(app: &TestApp, token: &str, unit: i64) -> u64 {
    let (status, body) =
        app.get(&format!("/api/v1/data-quality/issues?unit_id={unit}&check=no_supervisor"), token).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    body["total"].as_u64().unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn heavy_reads_go_to_the_replica_and_own_writes_stay_on_the_primary() {
    let primary = Cluster::primary();
    let server = Database::connect(primary.url("postgres")).await.unwrap();
    sql(&server, "CREATE DATABASE kinerja").await;
    let db = kinerja_api::db::open(&primary.url("kinerja")).await.unwrap();
    kinerja_api::seed::demo::run(&db).await.unwrap();
    let replica = Cluster::replica_of(&primary);
    let app = TestApp::spawn_on(primary.url("kinerja"), false, |c| {
        c.database_read_url = Some(replica.url("kinerja"));
    })
    .await;
    Cluster::wait_until("the server sees the replica", || async { ready(&app).await["read_replica"] == "up" }).await;

    let admin = app.token("admin").await;
    let unit = app.unit_id("DINKES-RUJ").await;
    let before = headcount(&app, &admin, unit).await;
    let defects = without_supervisor(&app, &admin, unit).await;
    // The replica replays nothing for a while: the primary moves on alone.
    let standby = Database::connect(replica.url("kinerja")).await.unwrap();
    sql(&standby, "SELECT pg_wal_replay_pause()").await;
    let new = json!({
        "nip": "198503102010011002", "name": "Rahmat Hidayat", "unit_id": unit,
        "position_title": "Pengolah Data", "position_kind": "pelaksana", "supervisor_id": null
    });
    let (status, created) = app.post("/api/v1/employees", &admin, new).await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    // What was just written is read back at once (the primary) ...
    let (status, read_back) = app.get(&format!("/api/v1/employees/{}", created["id"]), &admin).await;
    assert_eq!((status, read_back["nip"].as_str()), (StatusCode::OK, Some("198503102010011002")));
    // ... while the dashboard, the report and the export come from the paused replica.
    assert_eq!(headcount(&app, &admin, unit).await, before, "the dashboard reads the replica");
    assert_eq!(without_supervisor(&app, &admin, unit).await, defects, "the data-quality index reads the replica");
    let replayed = standby
        .query_one_raw(Statement::from_string(DbBackend::Postgres, "SELECT pg_is_in_recovery() AS r"))
        .await
        .unwrap()
        .unwrap()
        .try_get::<bool>("", "r")
        .unwrap();
    assert!(replayed, "the replica is a hot standby");
    // Replay resumes: the dashboard catches up.
    sql(&standby, "SELECT pg_wal_replay_resume()").await;
    Cluster::wait_until("the replica catches up", || async { headcount(&app, &admin, unit).await == before + 1 }).await;
    assert_eq!(without_supervisor(&app, &admin, unit).await, defects + 1);
    standby.close().await.ok();

    // The replica dies: heavy reads go back to the primary, and no request fails.
    sql(&standby_connect(&replica).await, "SELECT pg_wal_replay_pause()").await;
    let (_, second) = app
        .post(
            "/api/v1/employees",
            &admin,
            json!({
                "nip": "199001012015031003", "name": "Sinta Lestari", "unit_id": unit,
                "position_title": "Pengolah Data", "position_kind": "pelaksana", "supervisor_id": null
            }),
        )
        .await;
    assert!(second["id"].is_i64(), "{second}");
    assert_eq!(headcount(&app, &admin, unit).await, before + 1, "still on the paused replica");
    replica.kill();
    Cluster::wait_until("the server sees the replica down", || async { ready(&app).await["read_replica"] == "down" })
        .await;
    assert_eq!(headcount(&app, &admin, unit).await, before + 2, "the primary answers the dashboard");
    db.close().await.ok();
    server.close().await.ok();
}

async fn standby_connect(replica: &Cluster) -> DatabaseConnection {
    Database::connect(replica.url("kinerja")).await.unwrap()
}

/// A SQLite server refuses a read replica at start instead of ignoring it.
#[tokio::test]
async fn a_read_replica_needs_postgresql() {
    let dir = tempfile::tempdir().unwrap();
    let mut config = kinerja_api::Config::new(dir.path(), None, b"test-secret-test-secret-test-secret!".to_vec());
    config.bind = "127.0.0.1:0".into();
    config.database_read_url = Some("postgres://postgres@127.0.0.1:5432/postgres".into());
    let err = kinerja_api::Application::build(config).await.err().expect("refused");
    assert!(err.to_string().contains("KINERJA_DATABASE_READ_URL needs PostgreSQL"), "{err}");
}
