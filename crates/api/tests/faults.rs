//! Crashes and contention: a server killed with SIGKILL in the middle of a CSV import or a bulk
//! approval leaves nothing half-written, and starts again on the same database; SQLite (WAL and a
//! busy timeout) takes many concurrent writers without failing any.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{Backend, TestApp};
use reqwest::StatusCode;
use serde_json::{json, Value};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// `kinerja` on a data directory and database.
fn kinerja(dir: &std::path::Path, url: &str) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_kinerja"));
    cmd.env("KINERJA_DATA_DIR", dir)
        .env("KINERJA_DATABASE_URL", url)
        .env("KINERJA_JWT_SECRET", "fault-secret-fault-secret-fault-secret");
    cmd
}

/// Starts `kinerja serve` and waits until it answers. The caller kills and waits for it.
#[allow(clippy::zombie_processes)]
async fn serve(dir: &std::path::Path, url: &str) -> (Child, String) {
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let child = kinerja(dir, url)
        .args(["serve", "--bind", &format!("127.0.0.1:{port}"), "--static-dir"])
        .arg(dir.join("no-spa"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let base = format!("http://127.0.0.1:{port}");
    for _ in 0..200 {
        if reqwest::get(format!("{base}/ready")).await.is_ok_and(|r| r.status().is_success()) {
            return (child, base);
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("server did not start");
}

async fn login(base: &str, user: &str) -> String {
    let res: Value = reqwest::Client::new()
        .post(format!("{base}/api/v1/auth/login"))
        .json(&json!({ "username": user, "password": "kinerja2026" }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    res["access_token"].as_str().unwrap().to_owned()
}

/// GET `path` as the holder of `token`, as JSON.
async fn get_json(base: &str, token: &str, path: &str) -> Value {
    reqwest::Client::new().get(format!("{base}{path}")).bearer_auth(token).send().await.unwrap().json().await.unwrap()
}

async fn count(base: &str, token: &str, path: &str) -> u64 {
    get_json(base, token, path).await["total"].as_u64().unwrap()
}

/// A database URL for the backend: an SQLite file in `dir`, or a fresh PostgreSQL database (with
/// its name, to drop it afterwards).
async fn database(backend: Backend, dir: &std::path::Path) -> (String, Option<String>) {
    match backend {
        Backend::Sqlite => (kinerja_api::config::default_database_url(dir), None),
        Backend::Postgres => {
            let (name, url) = common::fresh_postgres().await;
            (url, Some(name))
        }
    }
}

async fn sigkill_leaves_nothing_half_written(app: TestApp) {
    let dir = tempfile::tempdir().unwrap();
    let (url, pg_name) = database(app.backend, dir.path()).await;
    assert!(kinerja(dir.path(), &url).args(["seed", "demo"]).output().unwrap().status.success());
    let (mut server, base) = serve(dir.path(), &url).await;
    let admin = login(&base, "admin").await;
    // A month of attendance for every employee, many times over: large enough that the kill lands
    // while the transaction is open (either way, the count must be all or nothing).
    let employees = get_json(&base, &admin, "/api/v1/employees?per_page=200").await;
    let nips: Vec<String> =
        employees["items"].as_array().unwrap().iter().map(|e| e["nip"].as_str().unwrap().to_owned()).collect();
    let mut csv = String::from("nip,date,status,late_minutes\n");
    let start = chrono::NaiveDate::from_ymd_opt(2023, 1, 1).unwrap();
    let mut rows = 0u64;
    for day in 0..(90_000 / nips.len() as i64) {
        let date = start + chrono::Duration::days(day);
        for nip in &nips {
            csv.push_str(&format!("{nip},{date},hadir,{}\n", day % 7));
            rows += 1;
        }
    }
    let upload = {
        let base = base.clone();
        let admin = admin.clone();
        tokio::spawn(async move {
            reqwest::Client::new()
                .post(format!("{base}/api/v1/attendance/import"))
                .bearer_auth(admin)
                .header("content-type", "text/csv")
                .body(csv)
                .send()
                .await
        })
    };
    tokio::time::sleep(Duration::from_millis(700)).await;
    server.kill().unwrap();
    server.wait().unwrap();
    let answered = upload.await.unwrap().is_ok_and(|r| r.status().is_success());

    // A bulk approval cut short the same way.
    let (mut server, base) = serve(dir.path(), &url).await;
    let dedi = login(&base, "dedi").await;
    let kasi = login(&base, "kasi.rujukan").await;
    let today = (chrono::Utc::now() + chrono::Duration::hours(7)).date_naive();
    let year = chrono::Datelike::year(&today);
    let plans = get_json(&base, &dedi, &format!("/api/v1/skps?year={year}&status=approved")).await;
    let skp = get_json(&base, &dedi, &format!("/api/v1/skps/{}", plans["items"][0]["id"])).await;
    let rhk = &skp["rhk"][0]["id"];
    let pending_before = count(&base, &kasi, "/api/v1/activities?queue=true").await;
    let mut ids = Vec::new();
    for i in 0..40 {
        let body =
            json!({ "date": today, "minutes": 5, "description": format!("Tugas {i}"), "rhk_id": rhk, "submit": true });
        let r: Value = reqwest::Client::new()
            .post(format!("{base}/api/v1/activities"))
            .bearer_auth(&dedi)
            .json(&body)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        ids.push(r["id"].as_i64().unwrap());
    }
    let approve = {
        let base = base.clone();
        tokio::spawn(async move {
            reqwest::Client::new()
                .post(format!("{base}/api/v1/activities/bulk-approve"))
                .bearer_auth(kasi)
                .json(&json!({ "ids": ids }))
                .send()
                .await
        })
    };
    tokio::time::sleep(Duration::from_millis(15)).await;
    server.kill().unwrap();
    server.wait().unwrap();
    let _ = approve.await;

    // Restarted on the same database: all or nothing, and the audit chain intact.
    let (mut server, base) = serve(dir.path(), &url).await;
    let admin = login(&base, "admin").await;
    let kasi = login(&base, "kasi.rujukan").await;
    let attendance = get_json(&base, &admin, "/api/v1/audit?per_page=200").await;
    let import_logged = attendance.to_string().contains("attendance.import");
    let stored = kinerja_api::db::connect(&url).await.unwrap();
    use sea_orm::{EntityTrait, PaginatorTrait};
    let n = kinerja_api::entities::attendance::Entity::find().count(&stored).await.unwrap();
    assert!(n == 0 || n == rows, "attendance half-written: {n} of {rows} rows");
    assert_eq!(n == rows, import_logged, "the audit entry goes with the rows");
    if answered {
        assert_eq!(n, rows, "an answered import is complete");
    }
    let pending_after = count(&base, &kasi, "/api/v1/activities?queue=true").await;
    let added = pending_after - pending_before;
    assert!(added == 0 || added == 40, "bulk approval half-done: {added} of 40 still pending");
    let verify = get_json(&base, &admin, "/api/v1/audit/verify").await;
    assert_eq!(verify["intact"], true, "{verify}");
    eprintln!("kill during import: {n} of {rows} rows; during bulk approval: {added} of 40 left pending");
    server.kill().unwrap();
    let _ = server.wait();
    stored.close().await.unwrap();
    if let Some(name) = pg_name {
        use sea_orm::ConnectionTrait;
        let admin = sea_orm::Database::connect(common::postgres_admin_url()).await.unwrap();
        admin.execute_unprepared(&format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)")).await.unwrap();
    }
}

async fn concurrent_writers_do_not_fail(app: TestApp) {
    let kasi = app.token("kasi.rujukan").await;
    let dedi = app.employee_id(common::demo::DEDI).await;
    let mut tasks = Vec::new();
    for i in 0..32 {
        let client = app.client.clone();
        let url = app.url("/api/v1/feedback");
        let kasi = kasi.clone();
        tasks.push(tokio::spawn(async move {
            client
                .post(url)
                .bearer_auth(kasi)
                .json(&json!({ "employee_id": dedi, "text": format!("Catatan ke-{i}") }))
                .send()
                .await
                .unwrap()
                .status()
        }));
    }
    for t in tasks {
        assert_eq!(t.await.unwrap(), StatusCode::CREATED);
    }
    let (_, thread) = app.get(&format!("/api/v1/feedback?employee_id={dedi}&per_page=100"), &kasi).await;
    assert_eq!(thread["total"], 32);
}

db_tests!(sigkill_leaves_nothing_half_written, concurrent_writers_do_not_fail);
