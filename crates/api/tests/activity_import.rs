//! Activity import from a spreadsheet kept in Excel, under the daily log's rules: an XLSX with two
//! good rows and one bad one is refused with the bad row named and nothing logged; fixed, its
//! preview shows the three rows and writes nothing; imported, they are Dedi's drafts. A CSV whose
//! rows together pass the day's cap is refused on the row that passes it.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use chrono::{Datelike, Duration, Utc, Weekday};
use common::TestApp;
use reqwest::StatusCode;
use serde_json::Value;

db_tests!(an_xlsx_is_refused_by_row_then_imported_once_fixed, the_day_cap_holds_across_the_rows_of_a_csv);

const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// The latest Monday to Friday not after today (WIB), and the one before it.
fn working_days() -> (chrono::NaiveDate, chrono::NaiveDate) {
    let mut d = (Utc::now() + Duration::hours(7)).date_naive();
    while matches!(d.weekday(), Weekday::Sat | Weekday::Sun) {
        d -= Duration::days(1);
    }
    let mut before = d - Duration::days(1);
    while matches!(before.weekday(), Weekday::Sat | Weekday::Sun) {
        before -= Duration::days(1);
    }
    (d, before)
}

/// A workbook as staff keep it: a header row, then a date cell, minutes, the description, the
/// RHK's number.
fn workbook(rows: &[(chrono::NaiveDate, u32, &str, &str)]) -> Vec<u8> {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    let date = Format::new().set_num_format("dd/mm/yyyy");
    for (c, h) in ["Tanggal", "Menit", "Uraian", "RHK"].iter().enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    for (i, (d, minutes, text, rhk)) in rows.iter().enumerate() {
        let r = i as u32 + 1;
        let day = ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8).unwrap();
        sheet.write_datetime_with_format(r, 0, &day, &date).unwrap();
        sheet.write_number(r, 1, f64::from(*minutes)).unwrap();
        sheet.write_string(r, 2, *text).unwrap();
        sheet.write_string(r, 3, *rhk).unwrap();
    }
    book.save_to_buffer().unwrap()
}

async fn send(app: &TestApp, token: &str, query: &str, ctype: &str, body: Vec<u8>) -> (StatusCode, Value) {
    let r = app
        .client
        .post(app.url(&format!("/api/v1/activities/import{query}")))
        .bearer_auth(token)
        .header("Content-Type", ctype)
        .body(body)
        .send()
        .await
        .unwrap();
    let status = r.status();
    (status, r.json().await.unwrap_or(Value::Null))
}

async fn drafts(app: &TestApp, token: &str) -> u64 {
    let (_, page) = app.get("/api/v1/activities?status=draft&per_page=200", token).await;
    page["total"].as_u64().unwrap()
}

async fn an_xlsx_is_refused_by_row_then_imported_once_fixed(app: TestApp) {
    let dedi = app.token("dedi").await;
    let (day, before) = working_days();
    let had = drafts(&app, &dedi).await;
    let bad = workbook(&[
        (before, 120, "Merekap data rujukan puskesmas", "1"),
        (before, 90, "Verifikasi klaim rujukan", "RHK 9"),
        (day, 60, "Rapat koordinasi rujukan", "1"),
    ]);
    let (status, refused) = send(&app, &dedi, "", XLSX, bad).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{refused}");
    let rows = refused["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 1, "{refused}");
    assert_eq!((rows[0]["line"].as_u64(), rows[0]["field"].as_str()), (Some(3), Some("rhk")), "{refused}");
    assert_eq!(rows[0]["code"], "import_rhk_number");
    assert_eq!(drafts(&app, &dedi).await, had, "nothing logged");

    let good = workbook(&[
        (before, 120, "Merekap data rujukan puskesmas", "1"),
        (before, 90, "Verifikasi klaim rujukan", "RHK 1"),
        (day, 60, "Rapat koordinasi rujukan", "1"),
    ]);
    let (status, preview) = send(&app, &dedi, "?preview=true", XLSX, good.clone()).await;
    assert_eq!(status, StatusCode::OK, "{preview}");
    assert_eq!((preview["preview"].as_bool(), preview["imported"].as_u64()), (Some(true), Some(0)));
    assert_eq!((preview["rows"].as_array().unwrap().len(), preview["minutes"].as_u64()), (3, Some(270)));
    assert_eq!(preview["rows"][0]["date"], before.to_string(), "an Excel date cell reads as its day");
    assert_eq!(drafts(&app, &dedi).await, had, "a preview writes nothing");

    let (status, done) = send(&app, &dedi, "", XLSX, good).await;
    assert_eq!(status, StatusCode::OK, "{done}");
    assert_eq!(done["imported"], 3);
    assert_eq!(drafts(&app, &dedi).await, had + 3);
    // Someone else's RHK id is refused as in the daily log.
    let sri = app.token("sri").await;
    let csv = format!("tanggal,menit,uraian,rhk_id\n{day},30,Menyusun laporan,{}\n", done["rows"][0]["rhk_id"]);
    let (status, e) = send(&app, &sri, "", "text/csv", csv.into_bytes()).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{e}");
    assert_eq!(e["rows"][0]["line"], 2);
    // Neither CSV nor XLSX.
    let (status, _) = send(&app, &dedi, "", "application/pdf", b"%PDF-1.4".to_vec()).await;
    assert_eq!(status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
}

async fn the_day_cap_holds_across_the_rows_of_a_csv(app: TestApp) {
    let dedi = app.token("dedi").await;
    let (day, _) = working_days();
    let d = day.format("%d/%m/%Y");
    // 450 minutes of hours plus 270 of overtime: 720 a day; the third row passes it.
    let csv = format!(
        "Tanggal;Menit;Uraian;RHK\n{d};400;Pelayanan rujukan pagi;1\n{d};300;Pelayanan rujukan siang;1\n{d};100;Lembur rekap;1\n"
    );
    // Separated by ';', as Excel set to Indonesian saves it.
    let (status, e) = send(&app, &dedi, "", "text/csv", csv.into_bytes()).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{e}");
    let rows = e["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 1, "{e}");
    assert_eq!(rows[0]["line"], 4, "{e}");
    assert!(rows[0]["message"].as_str().unwrap().contains("menit"), "{e}");
    let (status, e) = send(&app, &dedi, "", "text/csv", b"tanggal,uraian\n".to_vec()).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let fields: Vec<&str> = e["rows"].as_array().unwrap().iter().map(|r| r["field"].as_str().unwrap()).collect();
    assert_eq!(fields, vec!["minutes", "rhk"], "{e}");
}
