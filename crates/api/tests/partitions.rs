//! Partitioned history on PostgreSQL: a past year's activities and audit entries land in their
//! year's partition, a month's query reads only its partition, and archiving the closed year
//! detaches it while the audit chain stays verifiable from the stored checkpoint (and the detached
//! table, while kept, must end exactly there). SQLite keeps single tables and refuses to archive.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use chrono::{TimeZone, Utc};
use common::{Backend, TestApp};
use kinerja_api::audit::{Actor, Change};
use sea_orm::{ConnectionTrait, DbBackend, Statement};
use std::process::Output;

fn kinerja(app: &TestApp, args: &[&str]) -> Output {
    app.cli(args, &[])
}

fn text(out: &Output) -> String {
    common::output_text(out)
}

async fn count(app: &TestApp, sql: &str) -> i64 {
    common::sql_value(&app.db, sql, "n").await
}

/// Sets the actor of the oldest live audit entry (tampering with it, or putting it back).
async fn set_oldest_actor(app: &TestApp, actor: &str) {
    let sql = format!("UPDATE audit_log SET actor = '{actor}' WHERE id = (SELECT MIN(id) FROM audit_log)");
    app.db.execute_unprepared(&sql).await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_closed_year_is_archived_and_the_audit_chain_continues_from_its_checkpoint() {
    let this_year = chrono::Datelike::year(&Utc::now());
    let past = this_year - 1;
    let app = TestApp::spawn_empty(Backend::Postgres).await;
    // A year of history before the demo city: audit entries dated last year ...
    for day in 1..=5u32 {
        let txn = kinerja_api::db::begin(&app.db).await.unwrap();
        let at = Utc.with_ymd_and_hms(past, 6, day, 8, 0, 0).unwrap();
        kinerja_api::audit::record_at(&txn, &Actor::cli(), Change::new("update", "setting", day), Some(at))
            .await
            .unwrap();
        txn.commit().await.unwrap();
    }
    kinerja_api::seed::demo::run(&app.db).await.unwrap();
    // ... and activities of last year.
    let (employee, unit, skp, rhk): (i64, i64, i64, i64) = {
        let row = app
            .db
            .query_one_raw(Statement::from_string(
                DbBackend::Postgres,
                "SELECT skps.employee_id, employees.unit_id, rhk.skp_id, rhk.id FROM rhk \
                 JOIN skps ON skps.id = rhk.skp_id JOIN employees ON employees.id = skps.employee_id LIMIT 1",
            ))
            .await
            .unwrap()
            .unwrap();
        (
            row.try_get("", "employee_id").unwrap(),
            row.try_get("", "unit_id").unwrap(),
            row.try_get("", "skp_id").unwrap(),
            row.try_get("", "id").unwrap(),
        )
    };
    for day in 1..=20 {
        app.db
            .execute_unprepared(&format!(
                "INSERT INTO activities (employee_id, unit_id, skp_id, rhk_id, date, minutes, description, status, created_at, updated_at) \
                 VALUES ({employee}, {unit}, {skp}, {rhk}, '{past}-03-{day:02}', 60, 'Arsip {day}', 'approved', now(), now())"
            ))
            .await
            .unwrap();
    }
    // A message of last year still waiting in the outbox.
    app.db
        .execute_unprepared(&format!(
            "INSERT INTO outbox (event_key, event_kind, channel, recipient, subject, body, status, attempts, \
             next_attempt_at, created_at, year) VALUES ('lama:1', 'uji', 'email', 'a@b.id', 'S', 'B', 'pending', 0, \
             '{past}-12-30 10:00:00+00', '{past}-12-30 10:00:00+00', {past})"
        ))
        .await
        .unwrap();
    // They waited in the default partitions; the coming-partitions step gives them their year's.
    assert_eq!(count(&app, "SELECT COUNT(*) AS n FROM activities_default").await, 20);
    // Two of them carry evidence.
    app.db
        .execute_unprepared(&format!(
            "INSERT INTO evidence (employee_id, kind, url, created_by_user_id, created_at) \
             VALUES ({employee}, 'link', 'https://arsip.example.go.id/1', 1, now())"
        ))
        .await
        .unwrap();
    app.db
        .execute_unprepared(
            "INSERT INTO activity_evidence (activity_id, evidence_id) SELECT a.id, (SELECT MAX(id) FROM evidence) \
             FROM activities a WHERE a.description IN ('Arsip 1', 'Arsip 2')",
        )
        .await
        .unwrap();
    let links = "SELECT COUNT(*) AS n FROM activity_evidence l JOIN activities a ON a.id = l.activity_id \
                 WHERE a.description IN ('Arsip 1', 'Arsip 2')";
    assert_eq!(count(&app, links).await, 2);
    let out = kinerja(&app, &["partitions", "ensure"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(text(&out).contains(&format!("activities_y{past}")), "{}", text(&out));
    assert_eq!(count(&app, "SELECT COUNT(*) AS n FROM activities_default").await, 0);
    assert_eq!(count(&app, &format!("SELECT COUNT(*) AS n FROM activities_y{past}")).await, 20);
    // Moving rows to their partition keeps their evidence; deleting an activity still removes its links.
    assert_eq!(count(&app, links).await, 2, "the links survive the move");
    app.db.execute_unprepared("DELETE FROM activities WHERE description = 'Arsip 2'").await.unwrap();
    assert_eq!(
        count(&app, "SELECT COUNT(*) AS n FROM activity_evidence WHERE activity_id NOT IN (SELECT id FROM activities)")
            .await,
        0
    );
    assert_eq!(count(&app, links).await, 1);
    assert_eq!(count(&app, &format!("SELECT COUNT(*) AS n FROM audit_log_y{past}")).await, 5);
    let listed = text(&kinerja(&app, &["partitions", "list"]));
    assert!(
        listed.contains(&format!("audit_log_y{}", this_year + 1)) && listed.contains(&format!("outbox_y{this_year}")),
        "{listed}"
    );
    // A month's query reads its year's partition only.
    let plan: Vec<String> = app
        .db
        .query_all_raw(Statement::from_string(
            DbBackend::Postgres,
            format!("EXPLAIN SELECT COUNT(*) FROM activities WHERE date BETWEEN '{this_year}-10-01' AND '{this_year}-10-31'"),
        ))
        .await
        .unwrap()
        .iter()
        .map(|r| r.try_get_by_index::<String>(0).unwrap())
        .collect();
    let plan = plan.join("\n");
    assert!(plan.contains(&format!("activities_y{this_year}")), "{plan}");
    assert!(!plan.contains(&format!("activities_y{past}")) && !plan.contains("activities_default"), "{plan}");

    let admin = app.token("admin").await;
    let (_, before) = app.get("/api/v1/audit/verify", &admin).await;
    assert_eq!(before["intact"], true, "{before}");
    // This year is not closed; without --yes and a terminal nothing happens.
    assert!(text(&kinerja(&app, &["partitions", "archive", &this_year.to_string(), "--yes"])).contains("not closed"));
    assert!(text(&kinerja(&app, &["partitions", "archive", &past.to_string()])).contains("--yes"));
    // Not while a message of that year still waits to be sent.
    let out = kinerja(&app, &["partitions", "archive", &past.to_string(), "--yes"]);
    assert!(text(&out).contains("still waiting in the outbox"), "{}", text(&out));
    app.db.execute_unprepared("UPDATE outbox SET status = 'sent' WHERE event_key = 'lama:1'").await.unwrap();
    // Archive the closed year.
    let out = kinerja(&app, &["partitions", "archive", &past.to_string(), "--yes"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        text(&out).contains(&format!("activities_y{past}")) && text(&out).contains("19 baris dilepas"),
        "{}",
        text(&out)
    );
    assert!(text(&out).contains(&format!("outbox_y{past}")), "{}", text(&out));
    assert_eq!(count(&app, &format!("SELECT COUNT(*) AS n FROM activities WHERE date < '{this_year}-01-01'")).await, 0);
    assert_eq!(count(&app, "SELECT COUNT(*) AS n FROM outbox WHERE event_key = 'lama:1'").await, 0);
    assert_eq!(count(&app, &format!("SELECT COUNT(*) AS n FROM activities_y{past}")).await, 19, "kept as a table");
    assert_eq!(count(&app, &format!("SELECT COUNT(*) AS n FROM audit_log WHERE at < '{this_year}-01-01'")).await, 0);
    // The chain verifies: the archived table ends at the checkpoint, the live log continues from it.
    let (_, after) = app.get("/api/v1/audit/verify", &admin).await;
    assert_eq!(after["intact"], true, "{after}");
    assert_eq!(after["checked"].as_u64().unwrap(), before["checked"].as_u64().unwrap() + 1, "{after}");
    assert!(after["detail"].as_str().unwrap().contains(&format!("tahun {past} diarsipkan")), "{after}");
    // Archiving again is refused.
    assert!(!kinerja(&app, &["partitions", "archive", &past.to_string(), "--yes"]).status.success());
    // A change in the archived table is found ...
    app.db
        .execute_unprepared(&format!(
            "UPDATE audit_log_y{past} SET actor = 'pemalsu' WHERE id = (SELECT MIN(id) FROM audit_log_y{past})"
        ))
        .await
        .unwrap();
    let (_, tampered) = app.get("/api/v1/audit/verify", &admin).await;
    assert_eq!(tampered["intact"], false, "{tampered}");
    // ... and once the archive is dumped and dropped, the live chain still verifies from the checkpoint.
    app.db.execute_unprepared(&format!("DROP TABLE audit_log_y{past}")).await.unwrap();
    let (_, dropped) = app.get("/api/v1/audit/verify", &admin).await;
    assert_eq!(dropped["intact"], true, "{dropped}");
    // A change in the live log after the checkpoint is still found.
    let original: String = common::sql_value(&app.db, "SELECT actor FROM audit_log ORDER BY id LIMIT 1", "actor").await;
    set_oldest_actor(&app, "pemalsu").await;
    let (_, broken) = app.get("/api/v1/audit/verify", &admin).await;
    assert_eq!(broken["intact"], false, "{broken}");
    set_oldest_actor(&app, &original).await;
    let (_, repaired) = app.get("/api/v1/audit/verify", &admin).await;
    assert_eq!(repaired["intact"], true, "{repaired}");
    // Deleting the oldest live entries and adding a checkpoint by hand to hide it is found: the
    // checkpoint the live log continues from must be the one its archive step wrote into the chain.
    for limit in [3, 4, 5] {
        let (status, _) = app
            .patch("/api/v1/settings", &admin, serde_json::json!({ "evidence_max_bytes": limit * 1024 * 1024 }))
            .await;
        assert_eq!(status, reqwest::StatusCode::OK);
    }
    let (_, more) = app.get("/api/v1/audit/verify", &admin).await;
    assert_eq!(more["intact"], true, "{more}");
    let (first, hash): (i64, String) = {
        let row = app
            .db
            .query_one_raw(Statement::from_string(
                DbBackend::Postgres,
                "SELECT id, hash FROM audit_log ORDER BY id LIMIT 1 OFFSET 2".to_owned(),
            ))
            .await
            .unwrap()
            .unwrap();
        (row.try_get("", "id").unwrap(), row.try_get("", "hash").unwrap())
    };
    app.db.execute_unprepared(&format!("DELETE FROM audit_log WHERE id <= {first}")).await.unwrap();
    app.db
        .execute_unprepared(&format!(
            "INSERT INTO audit_checkpoints (year, last_id, last_hash, entries, archived_table, created_at) \
         VALUES (1999, {first}, '{hash}', 3, 'audit_log_y1999', now())"
        ))
        .await
        .unwrap();
    let (_, forged) = app.get("/api/v1/audit/verify", &admin).await;
    assert_eq!(forged["intact"], false, "{forged}");
    assert!(forged["detail"].as_str().unwrap().contains("titik periksa arsip tidak cocok"), "{forged}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_keeps_single_tables() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    let out = kinerja(&app, &["partitions", "archive", "2020", "--yes"]);
    assert!(!out.status.success());
    assert!(text(&out).contains("SQLite database keeps single tables"), "{}", text(&out));
    let tables: i64 = common::sql_value(
        &app.db,
        "SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table' AND name LIKE 'activities%'",
        "n",
    )
    .await;
    assert_eq!(tables, 1);
}
