//! The export toward BKN e-Kinerja over HTTP, against a real bridge started by the test: the
//! preview names the records a blocking data-quality defect holds back; an OPD's year exports as a
//! file; pushed, each record reaches the bridge with its idempotency key and the bridge's answers
//! (accepted, or rejected with a reason) fill the reconciliation report; after a change only what
//! changed (and what was refused) goes again, under a new key where the content changed.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use chrono::{Datelike, Duration, Utc, Weekday};
use common::{Backend, TestApp};
use reqwest::StatusCode;
use serde_json::{json, Value};
use std::sync::{Arc, Mutex};

backend_tests!(an_opd_exports_pushes_and_reconciles);

const REFUSAL: &str = "Atasan pejabat penilai wajib diisi";

/// What the bridge got: the record's idempotency key and its envelope.
type Got = Arc<Mutex<Vec<(String, Value)>>>;

/// A bridge toward BKN on 127.0.0.1: it accepts every record but an SKP without an atasan pejabat
/// penilai (as e-Kinerja refuses one), answering 422 with a reason.
async fn bridge() -> (String, Got, actix_web::dev::ServerHandle) {
    use actix_web::{web, App, HttpRequest, HttpResponse, HttpServer};
    let got: Got = Arc::default();
    let seen = got.clone();
    let server = HttpServer::new(move || {
        let seen = seen.clone();
        App::new().default_service(web::to(move |req: HttpRequest, body: web::Bytes| {
            let seen = seen.clone();
            async move {
                let key = req.headers().get("idempotency-key").and_then(|v| v.to_str().ok()).unwrap_or("").to_owned();
                let envelope: Value = serde_json::from_slice(&body).unwrap_or_default();
                let refused = envelope["jenis"] == "skp" && envelope["data"]["nip_atasan_pejabat_penilai"].is_null();
                seen.lock().unwrap().push((key, envelope));
                if refused {
                    HttpResponse::UnprocessableEntity().json(json!({ "reason": REFUSAL }))
                } else {
                    HttpResponse::Ok().json(json!({ "status": "accepted" }))
                }
            }
        }))
    })
    .workers(1)
    .bind(("127.0.0.1", 0))
    .unwrap();
    let port = server.addrs()[0].port();
    let server = server.run();
    let handle = server.handle();
    tokio::spawn(server);
    (format!("http://127.0.0.1:{port}/bkn"), got, handle)
}

/// Waits (up to 30 s) until the export has no record still waiting for the bridge.
async fn settled(app: &TestApp, token: &str, id: i64) -> Value {
    for _ in 0..300 {
        let (_, e) = app.get(&format!("/api/v1/bkn-exports/{id}"), token).await;
        if e["counts"]["sent"] == 0 {
            return e;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("the bridge's answers never came");
}

/// The latest Monday to Friday not after today (WIB).
fn working_day() -> chrono::NaiveDate {
    let mut d = (Utc::now() + Duration::hours(7)).date_naive();
    while matches!(d.weekday(), Weekday::Sat | Weekday::Sun) {
        d -= Duration::days(1);
    }
    d
}

async fn an_opd_exports_pushes_and_reconciles(backend: Backend) {
    let (url, got, handle) = bridge().await;
    let app = TestApp::spawn_with(backend, true, |c| {
        c.delivery.bkn_bridge_url = Some(url.clone());
        c.delivery.webhooks_allow_http = true;
        c.delivery.poll = std::time::Duration::from_millis(100);
    })
    .await;
    let admin = app.token("admin").await;
    let dinkes = app.unit_id("DINKES").await;
    let year = (Utc::now() + Duration::hours(7)).year();
    let body = |push: bool| json!({ "unit_id": dinkes, "year": year, "push": push });

    // An OPD (or the Pemda) is exported whole, not a part of one.
    let seksi = app.unit_id("DINKES-RUJ").await;
    let (status, problem) = app.post("/api/v1/bkn-exports", &admin, json!({ "unit_id": seksi, "year": year })).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
    assert_eq!(problem["errors"][0]["code"], "bkn_not_opd");
    // Only the BKPSDM exports; the head of Dinkes and the auditor do not.
    for who in ["kadinkes", "auditor"] {
        let t = app.token(who).await;
        assert_eq!(app.post("/api/v1/bkn-exports", &t, body(false)).await.0, StatusCode::FORBIDDEN, "{who}");
    }

    // The preview writes nothing and names what blocks: the head of Dinkes has no supervisor
    // recorded (the Sekda is missing above her), so her records wait.
    let (status, preview) = app.post("/api/v1/bkn-exports?preview=true", &admin, body(true)).await;
    assert_eq!(status, StatusCode::OK, "{preview}");
    assert_eq!(preview["mapping_version"], "ekinerja-2026.1");
    assert_eq!(preview["bridge"], true);
    let blocked = preview["blocked"].as_array().unwrap();
    assert!(!blocked.is_empty(), "{preview}");
    assert!(
        blocked.iter().all(|r| r["reason"].as_str().unwrap().contains("Pegawai tanpa atasan langsung")
            || r["reason"].as_str().unwrap().contains("sesuai NIP")),
        "{preview}"
    );
    let counts = &preview["counts"];
    assert!(counts["records"].as_u64().unwrap() > counts["blocked"].as_u64().unwrap());
    assert_eq!(counts["new"], counts["records"], "nothing was exported before");
    assert_eq!(app.get("/api/v1/bkn-exports", &admin).await.1["total"], 0, "the preview wrote nothing");

    // As a file: every record not held back, in the mapping's fields.
    let (status, file_export) = app.post("/api/v1/bkn-exports", &admin, body(false)).await;
    assert_eq!(status, StatusCode::CREATED, "{file_export}");
    let c = &file_export["counts"];
    assert_eq!(c["exported"].as_u64().unwrap() + c["blocked"].as_u64().unwrap(), c["records"].as_u64().unwrap());
    let file_id = file_export["id"].as_i64().unwrap();
    let (status, doc) = app.get(&format!("/api/v1/bkn-exports/{file_id}/file"), &admin).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(doc["mapping_version"], "ekinerja-2026.1");
    let records = doc["records"].as_array().unwrap();
    assert_eq!(records.len() as u64, c["exported"].as_u64().unwrap());
    let skp = records.iter().find(|r| r["jenis"] == "skp").expect("an SKP record");
    assert!(skp["data"]["rencana_hasil_kerja"][0]["indikator"][0]["indikator_kinerja_individu"].is_string(), "{skp}");
    let blocked_nips: Vec<&str> = blocked.iter().map(|r| r["nip"].as_str().unwrap()).collect();
    assert!(
        records.iter().all(|r| !blocked_nips.contains(&r["data"]["nip"].as_str().unwrap())),
        "no blocked record in the file"
    );
    // The auditor reads the report.
    let auditor = app.token("auditor").await;
    let (status, held) = app.get(&format!("/api/v1/bkn-exports/{file_id}/records?status=blocked"), &auditor).await;
    assert_eq!(status, StatusCode::OK, "{held}");
    assert_eq!(held["total"], c["blocked"]);
    assert!(held["items"][0]["reason"].is_string());

    // Pushed: compared with the file export (all unchanged), each record goes to the bridge.
    let (status, pushed) = app.post("/api/v1/bkn-exports", &admin, body(true)).await;
    assert_eq!(status, StatusCode::CREATED, "{pushed}");
    assert_eq!(pushed["previous_id"], file_id);
    assert_eq!(pushed["counts"]["unchanged"], pushed["counts"]["records"], "{pushed}");
    let sent = pushed["counts"]["sent"].as_u64().unwrap();
    assert!(sent > 0);
    let push_id = pushed["id"].as_i64().unwrap();
    let report = settled(&app, &admin, push_id).await;
    let rc = &report["counts"];
    assert_eq!(rc["accepted"].as_u64().unwrap() + rc["rejected"].as_u64().unwrap(), sent, "{report}");
    assert!(rc["rejected"].as_u64().unwrap() > 0, "an SKP without an atasan is refused: {report}");
    let (_, refused) = app.get(&format!("/api/v1/bkn-exports/{push_id}/records?status=rejected"), &admin).await;
    let refused = refused["items"].as_array().unwrap();
    assert!(!refused.is_empty() && refused.iter().all(|r| r["kind"] == "skp" && r["reason"] == REFUSAL), "{refused:?}");
    // Each request carried the record's idempotency key.
    let (_, all) =
        app.get(&format!("/api/v1/bkn-exports/{push_id}/records?per_page=200&status=accepted"), &admin).await;
    let calls = got.lock().unwrap().clone();
    assert_eq!(calls.len() as u64, sent);
    for r in all["items"].as_array().unwrap() {
        assert!(
            calls.iter().any(|(key, env)| key == r["idempotency_key"].as_str().unwrap() && env["kunci"] == r["key"]),
            "{r}"
        );
    }

    // Dedi's penilai approves a new activity: the next push sends that day's progress (changed or
    // new, under a new key) and the refused SKP again, and nothing accepted that stayed the same.
    let (dedi, kasi) = (app.token("dedi").await, app.token("kasi.rujukan").await);
    let me: Value = app.get("/api/v1/me", &dedi).await.1;
    let (_, plans) = app.get(&format!("/api/v1/skps?year={year}&status=approved"), &dedi).await;
    let plan = plans["items"].as_array().unwrap().iter().find(|s| s["employee_id"] == me["employee"]["id"]).unwrap();
    let (_, full) = app.get(&format!("/api/v1/skps/{}", plan["id"]), &dedi).await;
    let activity = json!({ "date": working_day().to_string(), "minutes": 45, "description": "Verifikasi berkas rujukan", "rhk_id": full["rhk"][0]["id"] });
    let (status, a) = app.post("/api/v1/activities", &dedi, activity).await;
    assert_eq!(status, StatusCode::CREATED, "{a}");
    let id = a["id"].as_i64().unwrap();
    assert_eq!(app.post(&format!("/api/v1/activities/{id}/submit"), &dedi, json!({})).await.0, StatusCode::OK);
    assert_eq!(app.post(&format!("/api/v1/activities/{id}/approve"), &kasi, json!({})).await.0, StatusCode::OK);
    let (_, again) = app.post("/api/v1/bkn-exports", &admin, body(true)).await;
    let ac = &again["counts"];
    assert_eq!(ac["changed"].as_u64().unwrap() + ac["new"].as_u64().unwrap(), 1, "only Dedi's day: {again}");
    assert_eq!(ac["sent"].as_u64().unwrap(), 1 + rc["rejected"].as_u64().unwrap(), "{again}");
    assert_eq!(ac["skipped"], rc["accepted"], "accepted and unchanged: not sent again");
    let again_id = again["id"].as_i64().unwrap();
    settled(&app, &admin, again_id).await;
    let key = format!("progress:{}:{}", me["employee"]["nip"].as_str().unwrap(), working_day());
    let calls = got.lock().unwrap().clone();
    let days: Vec<&(String, Value)> = calls.iter().filter(|(_, env)| env["kunci"] == key.as_str()).collect();
    assert!(!days.is_empty(), "{key}");
    let last = days.last().unwrap();
    // A refused record sent again goes under a new key: the bridge does not take it for a repeat.
    let refused_key = refused[0]["key"].as_str().unwrap();
    let sendings: Vec<&String> = calls.iter().filter(|(_, env)| env["kunci"] == refused_key).map(|(k, _)| k).collect();
    assert_eq!(sendings.len(), 2, "{refused_key}");
    assert_ne!(sendings[0], sendings[1]);
    assert!(last.1["data"]["kegiatan"]
        .as_array()
        .unwrap()
        .iter()
        .any(|k| k["uraian_kegiatan"] == "Verifikasi berkas rujukan"));
    if days.len() > 1 {
        assert_ne!(days[0].0, last.0, "changed content, new idempotency key");
    }
    let (_, log) = app.get("/api/v1/audit?per_page=100&entity=bkn_export", &admin).await;
    assert!(log["items"].as_array().unwrap().iter().any(|e| e["action"] == "bkn_export.create"));
    handle.stop(false).await;
}
