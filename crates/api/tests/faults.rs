//! Crashes and contention: a server killed with SIGKILL in the middle of a CSV import or a bulk
//! approval leaves nothing half-written, and starts again on the same database; a server killed
//! between a change and the delivery of its message loses nothing and sends nothing twice; SQLite
//! (WAL and a busy timeout) takes many concurrent writers without failing any.
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
async fn serve(dir: &std::path::Path, url: &str) -> (Child, String) {
    serve_with(dir, url, &[]).await
}

/// As [`serve`], with more environment.
#[allow(clippy::zombie_processes)]
async fn serve_with(dir: &std::path::Path, url: &str, env: &[(&str, &str)]) -> (Child, String) {
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let child = kinerja(dir, url)
        .envs(env.iter().copied())
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
    let res =
        post_json(base, None, "/api/v1/auth/login", &json!({ "username": user, "password": "kinerja2026" })).await;
    res["access_token"].as_str().unwrap().to_owned()
}

/// GET `path` as the holder of `token`, as JSON.
async fn get_json(base: &str, token: &str, path: &str) -> Value {
    reqwest::Client::new().get(format!("{base}{path}")).bearer_auth(token).send().await.unwrap().json().await.unwrap()
}

/// POST `body` to `path` (as the holder of `token`, if any), answered as JSON.
async fn post_json(base: &str, token: Option<&str>, path: &str, body: &Value) -> Value {
    let mut request = reqwest::Client::new().post(format!("{base}{path}")).json(body);
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    request.send().await.unwrap().json().await.unwrap()
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
        let r = post_json(&base, Some(&dedi), "/api/v1/activities", &body).await;
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

/// Messages of the outbox across crashes: written with the complaints they announce, they survive
/// a server killed before its worker looked; a server killed while sending leaves the message in
/// flight to be sent again after its lease, under the same idempotency key, so the gateway (which
/// drops a key it saw) delivers each message once.
async fn a_kill_between_commit_and_delivery_loses_nothing_and_sends_nothing_twice(app: TestApp) {
    use common::outside::Gateway;
    use kinerja_api::entities::outbox;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    // Each answer takes a second: the kill lands while the gateway holds a message.
    let gateway = Gateway::slow(Duration::from_millis(1000)).await;
    let dir = tempfile::tempdir().unwrap();
    let (url, pg_name) = database(app.backend, dir.path()).await;
    assert!(kinerja(dir.path(), &url).args(["seed", "demo"]).output().unwrap().status.success());
    let stored = sea_orm::Database::connect(&url).await.unwrap();
    let channel = [
        ("KINERJA_WHATSAPP_URL", gateway.url.as_str()),
        ("KINERJA_PUBLIC_URL", "https://kinerja.contoh.go.id"),
        ("KINERJA_REMINDERS", "off"),
    ];
    let asleep = [channel[0], channel[1], channel[2], ("KINERJA_OUTBOX_POLL_MS", "600000")];
    let awake = [channel[0], channel[1], channel[2], ("KINERJA_OUTBOX_POLL_MS", "50")];

    // The worker asleep (it looks every ten minutes): ten complaints are filed, each with its
    // message, and the server is killed before it looks.
    let (mut server, base) = serve_with(dir.path(), &url, &asleep).await;
    let admin = login(&base, "admin").await;
    let units = get_json(&base, &admin, "/api/v1/units?per_page=200").await;
    let pkm = units["items"].as_array().unwrap().iter().find(|u| u["code"] == "PKM-SUKAJADI").unwrap()["id"].clone();
    let mut codes = Vec::new();
    for n in 0..10 {
        let body = json!({ "unit_id": pkm, "category": "pengaduan", "contact": format!("0812-5555-00{n:02}"),
                           "text": format!("Pengaduan uji ketahanan nomor {n}: antrean loket terlalu lama") });
        let receipt = post_json(&base, None, "/api/v1/public/complaints", &body).await;
        codes.push(receipt["tracking_code"].as_str().expect("a tracking code").to_owned());
    }
    server.kill().unwrap();
    server.wait().unwrap();
    let pending =
        || async { outbox::Entity::find().filter(outbox::Column::Status.eq("pending")).all(&stored).await.unwrap() };
    assert_eq!(pending().await.len(), 10, "every message survives the crash");
    assert!(gateway.calls().is_empty());

    // Awake, the worker sends one at a time; killed while the gateway holds the fourth.
    let (mut server, _) = serve_with(dir.path(), &url, &awake).await;
    gateway.wait_for(4).await;
    server.kill().unwrap();
    server.wait().unwrap();
    let after_kill = gateway.calls().len();
    assert!(after_kill < 10, "killed before the end: {after_kill}");

    // As if the lease of the message in flight had run out: a new server sends what is left.
    {
        use sea_orm::sea_query::Expr;
        outbox::Entity::update_many()
            .col_expr(outbox::Column::LockedUntil, Expr::value(Some(chrono::Utc::now() - chrono::Duration::seconds(1))))
            .filter(outbox::Column::LockedUntil.is_not_null())
            .exec(&stored)
            .await
            .unwrap();
    }
    let (mut server, _) = serve_with(dir.path(), &url, &awake).await;
    let start = std::time::Instant::now();
    loop {
        let sent = outbox::Entity::find().filter(outbox::Column::Status.eq("sent")).all(&stored).await.unwrap();
        if sent.len() == 10 {
            break;
        }
        assert!(start.elapsed() < Duration::from_secs(30), "{} of 10 sent: {:?}", sent.len(), pending().await);
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    server.kill().unwrap();
    let _ = server.wait();

    // Each tracking code reached its citizen; a repeat, if the kill cut a send short, carries the
    // key of the first, so the gateway drops it.
    let calls = gateway.calls();
    let mut keys: std::collections::BTreeMap<String, Vec<String>> = Default::default();
    for call in &calls {
        let text = call.body["text"].as_str().unwrap().to_owned();
        keys.entry(call.key.clone().expect("an idempotency key")).or_default().push(text);
    }
    assert_eq!(keys.len(), 10, "ten messages, each under its own key: {calls:?}");
    assert_eq!(calls.len(), 11, "the one in flight at the kill, and only it, is sent again");
    assert_eq!(keys.values().filter(|texts| texts.len() == 2).count(), 1);
    for texts in keys.values() {
        assert!(texts.windows(2).all(|w| w[0] == w[1]), "a repeat is the same message: {texts:?}");
    }
    for code in &codes {
        let carrying = keys.values().filter(|texts| texts[0].contains(code.as_str())).count();
        assert_eq!(carrying, 1, "{code} is sent once");
    }
    eprintln!("outbox crash: {after_kill} requests before the kill, {} in all for 10 messages", calls.len());
    stored.close().await.unwrap();
    if let Some(name) = pg_name {
        use sea_orm::ConnectionTrait;
        let admin = sea_orm::Database::connect(common::postgres_admin_url()).await.unwrap();
        admin.execute_unprepared(&format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)")).await.unwrap();
    }
}

db_tests!(
    sigkill_leaves_nothing_half_written,
    concurrent_writers_do_not_fail,
    a_kill_between_commit_and_delivery_loses_nothing_and_sends_nothing_twice
);
