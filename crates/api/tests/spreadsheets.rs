//! Downloads for people: every list and report also answers XLSX (`?format=xlsx`) and a CSV for
//! Excel in Indonesian (`?format=csv&lang=id`), with Indonesian headers, hours instead of minutes,
//! real dates and a NIP kept as text; the contract's CSV stays as it was. Every column of every
//! download that the demo city fills is known to the column table.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use calamine::{open_workbook_from_rs, Data, Reader, Xlsx};
use chrono::{Datelike, Duration, Utc};
use common::TestApp;
use kinerja_api::routes::spreadsheet::columns::column;
use reqwest::StatusCode;
use serde_json::{json, Value};
use std::io::Cursor;

fn local_today() -> chrono::NaiveDate {
    (Utc::now() + Duration::hours(7)).date_naive()
}

async fn download(app: &TestApp, path: &str, token: &str) -> (String, Vec<u8>) {
    let res = app.client.get(app.url(path)).bearer_auth(token).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK, "{path}");
    let media = res.headers()["content-type"].to_str().unwrap().to_owned();
    (media, res.bytes().await.unwrap().to_vec())
}

/// The sheet "Data" of a workbook, row by row.
fn sheet(bytes: Vec<u8>) -> Vec<Vec<Data>> {
    let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).expect("an XLSX file");
    let range = book.worksheet_range("Data").expect("a sheet named Data");
    range.rows().map(|r| r.to_vec()).collect()
}

async fn an_activity_report_opens_in_excel(app: TestApp) {
    let dedi = app.token("dedi").await;
    let admin = app.token("admin").await;
    let today = local_today();
    let (_, plans) = app.get(&format!("/api/v1/skps?year={}&status=approved", today.year()), &dedi).await;
    let (_, skp) = app.get(&format!("/api/v1/skps/{}", plans["items"][0]["id"]), &dedi).await;
    let body = json!({ "date": today.to_string(), "minutes": 90, "description": "=SUM(A1) rekap rujukan",
        "rhk_id": skp["rhk"][0]["id"], "output_qty": 2.5 });
    let (status, made) = app.post("/api/v1/activities", &dedi, body).await;
    assert_eq!(status, StatusCode::CREATED, "{made}");
    let id = made["id"].as_i64().unwrap();
    let month = today.format("%Y-%m");

    // XLSX: Indonesian headers, hours as a number, the date as a date, the NIP as text.
    let (media, bytes) =
        download(&app, &format!("/api/v1/reports/activities?period={month}&format=xlsx"), &admin).await;
    assert!(media.starts_with("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), "{media}");
    let rows = sheet(bytes);
    let header: Vec<String> = rows[0].iter().map(|c| c.to_string()).collect();
    for wanted in ["ID aktivitas", "Tanggal", "NIP", "Nama", "Unit", "Jam kerja", "Uraian", "Jumlah output", "Status"] {
        assert!(header.iter().any(|h| h == wanted), "{wanted} in {header:?}");
    }
    let at = |name: &str| header.iter().position(|h| h == name).unwrap();
    let mine = rows.iter().find(|r| r[at("ID aktivitas")] == Data::Float(id as f64)).expect("the new activity");
    assert_eq!(mine[at("Jam kerja")], Data::Float(1.5), "90 minutes are 1.5 hours");
    assert_eq!(mine[at("Jumlah output")], Data::Float(2.5));
    let nip = mine[at("NIP")].clone();
    assert!(matches!(&nip, Data::String(s) if s.len() == 18), "the NIP stays text: {nip:?}");
    match &mine[at("Tanggal")] {
        Data::DateTime(d) => assert_eq!(d.as_datetime().unwrap().date(), today),
        other => panic!("the date is a date: {other:?}"),
    }
    assert_eq!(mine[at("Status")], Data::String("Draf".into()));
    assert_eq!(mine[at("Uraian")], Data::String("=SUM(A1) rekap rujukan".into()), "text, never a formula");

    // CSV for Excel in Indonesian: BOM, Indonesian headers, semicolons, decimal comma.
    let path = format!("/api/v1/reports/activities?period={month}&format=csv&lang=id");
    let (media, bytes) = download(&app, &path, &admin).await;
    assert!(media.starts_with("text/csv"));
    let text = String::from_utf8(bytes).unwrap();
    assert!(text.starts_with('\u{feff}'), "a UTF-8 BOM");
    let mut reader =
        csv::ReaderBuilder::new().delimiter(b';').from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let header = reader.headers().unwrap().clone();
    let column = |name: &str| header.iter().position(|h| h == name).unwrap_or_else(|| panic!("{name} in {header:?}"));
    let id_at = column("ID aktivitas");
    let mine = reader.records().map(|r| r.unwrap()).find(|r| r[id_at] == id.to_string()).unwrap();
    let cell = |name: &str| mine[column(name)].to_owned();
    assert_eq!(cell("Jam kerja"), "1,50");
    assert_eq!(cell("Jumlah output"), "2,50");
    assert_eq!(cell("Tanggal"), today.format("%d/%m/%Y").to_string());
    assert_eq!(cell("Uraian"), "'=SUM(A1) rekap rujukan", "formula-like text neutralised");

    // The contract's CSV is unchanged: machine names, minutes, a decimal point, no BOM.
    let (_, bytes) = download(&app, &format!("/api/v1/reports/activities?period={month}&format=csv"), &admin).await;
    let text = String::from_utf8(bytes).unwrap();
    let first = text.lines().next().unwrap();
    assert!(!text.starts_with('\u{feff}') && first.split(',').any(|h| h == "activity_id"), "{first}");
    assert!(first.split(',').any(|h| h == "minutes"), "{first}");
    assert!(text.contains(",90,"), "minutes as they are");
}

/// Every download the demo city fills, asked for as the admin: each column name is in the table
/// of columns (so the XLSX and the Indonesian CSV have a header and a kind for it), and the XLSX
/// opens with the same number of columns.
async fn every_download_has_indonesian_headers(app: TestApp) {
    let extras = kinerja_api::seed::demo::Extras { citizen_feedback: true, past_ratings: true, ..Default::default() };
    kinerja_api::seed::demo::run_with(&app.db, &extras).await.unwrap();
    let admin = app.token("admin").await;
    let (_, spec) = app.get("/api/openapi.json", &admin).await;
    let today = local_today();
    let fill = |name: &str| -> Option<String> {
        Some(match name {
            "period" => today.year().to_string(),
            "month" => today.format("%Y-%m").to_string(),
            "year" => today.year().to_string(),
            _ => return None,
        })
    };
    let mut checked = Vec::new();
    for (path, ops) in spec["paths"].as_object().unwrap() {
        let Some(get) = ops.get("get") else { continue };
        let params = get["parameters"].as_array().cloned().unwrap_or_default();
        let named = |n: &str| params.iter().any(|p| p["name"] == n);
        if !named("page") || path.contains('{') || path.contains("/public/") {
            continue;
        }
        let mut query = vec!["per_page=200".to_owned()];
        let mut complete = true;
        for p in params.iter().filter(|p| p["required"] == Value::Bool(true) && p["in"] == "query") {
            match fill(p["name"].as_str().unwrap()) {
                Some(v) => query.push(format!("{}={v}", p["name"].as_str().unwrap())),
                None => complete = false,
            }
        }
        if !complete {
            continue;
        }
        let url = format!("{path}?{}&format=csv", query.join("&"));
        let res = app.client.get(app.url(&url)).bearer_auth(&admin).send().await.unwrap();
        assert!(!res.status().is_server_error(), "{url}: {}", res.status());
        let is_csv =
            res.headers().get("content-type").is_some_and(|v| v.to_str().unwrap_or_default().starts_with("text/csv"));
        if res.status() != StatusCode::OK || !is_csv {
            continue;
        }
        let text = res.text().await.unwrap();
        let Some(first) = text.lines().next() else { continue };
        let header = csv::ReaderBuilder::new().has_headers(false).from_reader(first.as_bytes()).records().next();
        let header = header.unwrap().unwrap();
        let unknown: Vec<&str> = header.iter().filter(|h| column(h).is_none()).collect();
        assert!(unknown.is_empty(), "{path}: columns without an Indonesian header: {unknown:?}");
        let xlsx = format!("{path}?{}&format=xlsx", query.join("&"));
        let (_, bytes) = download(&app, &xlsx, &admin).await;
        assert_eq!(sheet(bytes)[0].len(), header.len(), "{path}: the XLSX has every column");
        checked.push(path.clone());
    }
    // The dashboard's table of child units is a download too (not a paged list).
    let (_, bytes) = download(&app, "/api/v1/dashboard/city?format=csv", &admin).await;
    let text = String::from_utf8(bytes).unwrap();
    let first = text.lines().next().expect("a header");
    let unknown: Vec<&str> = first.split(',').filter(|h| column(h).is_none()).collect();
    assert!(unknown.is_empty(), "dashboard: {unknown:?}");
    assert!(checked.len() >= 15, "enough downloads were filled to mean something: {checked:?}");
}

db_tests!(an_activity_report_opens_in_excel, every_download_has_indonesian_headers);
