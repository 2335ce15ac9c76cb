//! The reports family: every kind answers JSON and CSV that agree cell by cell, with the same
//! filters; a head reads their subtree only; the whole city is for admins, auditors and city tokens.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use chrono::{Datelike, Duration, Utc};
use common::TestApp;
use reqwest::StatusCode;
use serde_json::{json, Value};

fn local_today() -> chrono::NaiveDate {
    (Utc::now() + Duration::hours(7)).date_naive()
}

/// Every kind with a period that has data in the demo city (seeded with citizen feedback and
/// the last period's ratings) plus one activity logged today.
fn kinds() -> Vec<(&'static str, String)> {
    let d = local_today();
    let q = (d.month() - 1) / 3 + 1;
    let last_q = if q == 1 { format!("{}-Q4", d.year() - 1) } else { format!("{}-Q{}", d.year(), q - 1) };
    let month = d.format("%Y-%m").to_string();
    vec![
        ("assessments", format!("period={last_q}")),
        ("activities", format!("period={month}")),
        ("skps", format!("period={}", d.year())),
        ("ikm", format!("period={}", d.year())),
        ("complaints", format!("period={}", d.year())),
        ("tpp", format!("month={month}")),
    ]
}

/// A CSV cell against the JSON value of the same column.
fn same(cell: &str, v: &Value) -> bool {
    match v {
        Value::Null => cell.is_empty(),
        Value::String(s) => s == cell,
        Value::Bool(b) => cell == b.to_string(),
        Value::Number(n) => cell.parse::<f64>().ok() == n.as_f64(),
        _ => false,
    }
}

async fn csv_of(app: &TestApp, path: &str, token: &str) -> (csv::StringRecord, Vec<csv::StringRecord>) {
    let res = app.client.get(app.url(path)).bearer_auth(token).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK, "{path}");
    assert!(res.headers()["content-type"].to_str().unwrap().starts_with("text/csv"));
    let text = res.text().await.unwrap();
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers = reader.headers().unwrap().clone();
    (headers, reader.records().map(|r| r.unwrap()).collect())
}

async fn every_report_in_json_and_csv(app: TestApp) {
    let extras = kinerja_api::seed::demo::Extras { citizen_feedback: true, past_ratings: true, ..Default::default() };
    kinerja_api::seed::demo::run_with(&app.db, &extras).await.unwrap();
    let dedi = app.token("dedi").await;
    let (_, plans) = app.get(&format!("/api/v1/skps?year={}&status=approved", local_today().year()), &dedi).await;
    let (_, skp) = app.get(&format!("/api/v1/skps/{}", plans["items"][0]["id"]), &dedi).await;
    let body = json!({ "date": local_today().to_string(), "minutes": 60, "description": "Rekap rujukan", "rhk_id": skp["rhk"][0]["id"], "output_qty": 1 });
    assert_eq!(app.post("/api/v1/activities", &dedi, body).await.0, StatusCode::CREATED);

    let admin = app.token("admin").await;
    let head = app.token("kadinkes").await;
    let dinkes = app.unit_id("DINKES").await;
    let dukcapil = app.unit_id("DUKCAPIL").await;
    for (kind, filter) in kinds() {
        let path = format!("/api/v1/reports/{kind}?{filter}");
        let (status, j) = app.get(&path, &admin).await;
        assert_eq!(status, StatusCode::OK, "{kind}: {j}");
        let items = j["items"].as_array().unwrap().clone();
        assert!(!items.is_empty(), "{kind} has rows in the demo city");
        assert_eq!(j["total"].as_u64().unwrap() as usize, items.len());
        let (headers, rows) = csv_of(&app, &format!("{path}&format=csv"), &admin).await;
        assert_eq!(rows.len(), items.len(), "{kind}");
        for (row, item) in rows.iter().zip(&items) {
            for (h, cell) in headers.iter().zip(row.iter()) {
                assert!(same(cell, &item[h]), "{kind}.{h}: csv '{cell}' vs json {}", item[h]);
            }
        }
        // A head: their subtree only, and they must name it.
        let (status, mine) = app.get(&format!("{path}&unit_id={dinkes}"), &head).await;
        assert_eq!(status, StatusCode::OK, "{kind}: {mine}");
        assert!(mine["total"].as_u64().unwrap() <= j["total"].as_u64().unwrap());
        assert_eq!(app.get(&format!("{path}&unit_id={dukcapil}"), &head).await.0, StatusCode::NOT_FOUND, "{kind}");
        assert_eq!(app.get(&path, &head).await.0, StatusCode::UNPROCESSABLE_ENTITY, "{kind}");
        assert_eq!(app.get(&path, &dedi).await.0, StatusCode::UNPROCESSABLE_ENTITY, "{kind}");
        assert_eq!(
            app.get(&format!("{path}&unit_id={dinkes}"), &dedi).await.0,
            StatusCode::FORBIDDEN,
            "{kind}: an employee inside"
        );
    }
    // Complaint reports never carry the complainant's contact.
    let (_, c) = app.get(&format!("/api/v1/reports/complaints?period={}", local_today().year()), &admin).await;
    assert!(c["items"][0].get("contact").is_none());
    // A bad period is 422.
    assert_eq!(app.get("/api/v1/reports/activities?period=2026-13", &admin).await.0, StatusCode::UNPROCESSABLE_ENTITY);
}

async fn a_script_pulls_every_report_with_a_token(app: TestApp) {
    let admin = app.token("admin").await;
    let (_, t) = app
        .post(
            "/api/v1/api-tokens",
            &admin,
            json!({ "name": "Gudang data", "access": "read", "routes": ["/api/v1/reports"] }),
        )
        .await;
    let token = t["token"].as_str().unwrap();
    for (kind, filter) in kinds() {
        let (status, body) = app.get(&format!("/api/v1/reports/{kind}?{filter}"), token).await;
        assert_eq!(status, StatusCode::OK, "{kind}: {body}");
    }
    assert_eq!(app.get("/api/v1/employees", token).await.0, StatusCode::FORBIDDEN, "outside its routes");
}

async fn the_siasn_export(app: TestApp) {
    let extras = kinerja_api::seed::demo::Extras { past_ratings: true, ..Default::default() };
    kinerja_api::seed::demo::run_with(&app.db, &extras).await.unwrap();
    let year = local_today().year();
    // A draft is never exported.
    let kasi = app.token("kasi.rujukan").await;
    let sri = app.employee_id(common::demo::SRI).await;
    let d = local_today();
    let this_q = format!("{}-Q{}", d.year(), (d.month() - 1) / 3 + 1);
    let draft = json!({ "employee_id": sri, "period": this_q, "result_rating": "sesuai", "behavior_rating": "sesuai" });
    assert_eq!(app.post("/api/v1/assessments", &kasi, draft).await.0, StatusCode::CREATED);
    let (status, x) = app.get(&format!("/api/v1/exports/siasn?year={year}"), &app.token("admin").await).await;
    assert_eq!(status, StatusCode::OK, "{x}");
    assert_eq!(x["format"], "kinerja-siasn/1");
    assert_eq!(x["tahun"], year);
    let dedi = x["pegawai"].as_array().unwrap().iter().find(|p| p["nip"] == common::demo::DEDI).unwrap().clone();
    assert_eq!(dedi["nama"], "Dedi Kurniawan");
    assert_eq!(dedi["skp"]["status"], "approved");
    assert_eq!(dedi["skp"]["nip_pejabat_penilai"], common::demo::KASI_RUJUKAN);
    let rhk = &dedi["skp"]["rencana_hasil_kerja"][0];
    assert!(rhk["rhk"].is_string() && rhk["rhk_atasan"].is_string(), "{rhk}");
    assert_eq!(rhk["indikator"][0]["aspek"], "kuantitas");
    assert_eq!(dedi["penilaian"][0]["status"], "objected");
    let sri_x = x["pegawai"].as_array().unwrap().iter().find(|p| p["nip"] == common::demo::SRI).unwrap().clone();
    assert!(sri_x["penilaian"].as_array().unwrap().iter().all(|p| p["periode"] != this_q), "no drafts");
    // A head exports their subtree; another dinas is 404.
    let head = app.token("kadisdukcapil").await;
    let dukcapil = app.unit_id("DUKCAPIL").await;
    let (_, mine) = app.get(&format!("/api/v1/exports/siasn?year={year}&unit_id={dukcapil}"), &head).await;
    assert_eq!(mine["pegawai"].as_array().unwrap().len(), 6);
    let dinkes = app.unit_id("DINKES").await;
    assert_eq!(
        app.get(&format!("/api/v1/exports/siasn?year={year}&unit_id={dinkes}"), &head).await.0,
        StatusCode::NOT_FOUND
    );
}

db_tests!(every_report_in_json_and_csv, a_script_pulls_every_report_with_a_token, the_siasn_export);
