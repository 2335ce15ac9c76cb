//! TPP: attendance imported all-or-nothing (API and token), and the monthly percentage per
//! employee from the rule in settings, against worked examples; CSV agrees with JSON; who may see it.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use chrono::{Datelike, Duration, Utc};
use common::{demo, TestApp};
use reqwest::StatusCode;
use serde_json::{json, Value};

fn local_today() -> chrono::NaiveDate {
    (Utc::now() + Duration::hours(7)).date_naive()
}

/// A past month, so that every day of it may be imported.
fn last_month() -> (String, chrono::NaiveDate) {
    let first = local_today().with_day(1).unwrap() - Duration::days(1);
    (first.format("%Y-%m").to_string(), first.with_day(1).unwrap())
}

async fn import(app: &TestApp, token: &str, csv: &str) -> (StatusCode, Value) {
    app.post_csv("/api/v1/attendance/import", token, csv).await
}

async fn attendance_and_the_monthly_tpp(app: TestApp) {
    let admin = app.token("admin").await;
    let (month, first) = last_month();
    let day = |n: i64| (first + Duration::days(n)).to_string();
    // A bad file writes nothing and names every bad line.
    let bad = format!(
        "nip,date,status,late_minutes\n{a},{d0},hadir,20\n000,{d0},hadir,0\n{a},2026-02-30,hadir,0\n{a},{d1},bolos,0\n{a},{d0},alpa,0\n",
        a = demo::AHMAD,
        d0 = day(0),
        d1 = day(1)
    );
    let (status, body) = import(&app, &admin, &bad).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let lines: Vec<u64> = body["rows"].as_array().unwrap().iter().map(|r| r["line"].as_u64().unwrap()).collect();
    assert_eq!(lines, [3, 4, 5, 6]);
    let (_, report) = app.get(&format!("/api/v1/reports/tpp?month={month}"), &admin).await;
    let ahmad_row =
        |r: &Value| r["items"].as_array().unwrap().iter().find(|x| x["nip"] == demo::AHMAD).unwrap().clone();
    assert_eq!(ahmad_row(&report)["late_days"], 0, "nothing was written");

    // The worked example: late 20, 45 and 75 minutes, a day without a record, a day alpa, sick
    // leave (free). No approved work last month: performance 0. Discipline 40 - 4.25 - 3 = 32.75.
    let good = format!(
        "nip,date,status,late_minutes\n{a},{},hadir,20\n{a},{},hadir,45\n{a},{},hadir,75\n{a},{},tanpa_rekam,\n{a},{},alpa,\n{a},{},sakit,\n{a},{},hadir,0\n",
        day(0), day(1), day(2), day(3), day(4), day(5), day(6), a = demo::AHMAD
    );
    let (status, r) = import(&app, &admin, &good).await;
    assert_eq!((status, r["created"].as_u64()), (StatusCode::OK, Some(7)), "{r}");
    let (_, report) = app.get(&format!("/api/v1/reports/tpp?month={month}"), &admin).await;
    let row = ahmad_row(&report);
    assert_eq!(row["late_days"], 4);
    assert_eq!(row["absent_days"], 1);
    assert_eq!(row["lateness_deduction"], 4.25);
    assert_eq!(row["absence_deduction"], 3.0);
    assert_eq!(row["discipline"], 32.75);
    assert_eq!(row["performance"], 0.0);
    assert_eq!(row["tpp_percent"], 32.75);
    // Someone without attendance records keeps the whole discipline share.
    let maya = report["items"].as_array().unwrap().iter().find(|x| x["name"] == "Maya Sari").unwrap().clone();
    assert_eq!(maya["discipline"], 40.0);
    // Importing a day again replaces it: the alpa day becomes leave.
    let fix = format!("nip,date,status\n{},{},cuti\n", demo::AHMAD, day(4));
    let (_, r) = import(&app, &admin, &fix).await;
    assert_eq!((r["created"].as_u64(), r["updated"].as_u64()), (Some(0), Some(1)));
    // The rule comes from settings: a 70/30 Pemda.
    let mut rule = kinerja_types::PemdaSettings::default().tpp;
    rule.performance_share = 70.0;
    rule.discipline_share = 30.0;
    let (status, _) = app.patch("/api/v1/settings", &admin, json!({ "tpp": rule })).await;
    assert_eq!(status, StatusCode::OK);
    let (status, e) = app
        .patch("/api/v1/settings", &admin, json!({ "tpp": { "performance_share": 70.0, "discipline_share": 40.0,
            "monthly_minutes_target": 6750, "lateness_bands": [{ "up_to_minutes": null, "percent": 1.0 }], "absence_percent": 3.0 } }))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{e}");
    let dukcapil = app.unit_id("DUKCAPIL").await;
    let head = app.token("kadisdukcapil").await;
    let (status, report) = app.get(&format!("/api/v1/reports/tpp?unit_id={dukcapil}&month={month}"), &head).await;
    assert_eq!(status, StatusCode::OK, "{report}");
    assert_eq!(report["total"], 6, "only the head's subtree");
    let row = ahmad_row(&report);
    assert_eq!((row["discipline"].as_f64(), row["tpp_percent"].as_f64()), (Some(25.75), Some(25.75)));
    // CSV agrees with JSON.
    let res = app
        .client
        .get(app.url(&format!("/api/v1/reports/tpp?unit_id={dukcapil}&month={month}&format=csv")))
        .bearer_auth(&head)
        .send()
        .await
        .unwrap();
    let text = res.text().await.unwrap();
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers = reader.headers().unwrap().clone();
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    assert_eq!(rows.len(), 6);
    for (i, r) in rows.iter().enumerate() {
        let j = &report["items"][i];
        assert_eq!(&r[0], j["nip"].as_str().unwrap());
        let pct = headers.iter().position(|h| h == "tpp_percent").unwrap();
        assert_eq!(r[pct].parse::<f64>().unwrap(), j["tpp_percent"].as_f64().unwrap());
    }
}

async fn who_imports_and_who_reads_the_tpp(app: TestApp) {
    let (month, first) = last_month();
    let csv = format!("nip,date,status\n{},{},alpa\n", demo::AHMAD, first);
    // Not a head or an employee; a city-wide token with write access on this route may.
    assert_eq!(import(&app, &app.token("kadisdukcapil").await, &csv).await.0, StatusCode::FORBIDDEN);
    let admin = app.token("admin").await;
    let (_, t) = app
        .post(
            "/api/v1/api-tokens",
            &admin,
            json!({ "name": "Presensi", "access": "write", "routes": ["/api/v1/attendance/import", "/api/v1/reports"] }),
        )
        .await;
    let token = t["token"].as_str().unwrap();
    assert_eq!(import(&app, token, &csv).await.0, StatusCode::OK);
    assert_eq!(app.get(&format!("/api/v1/reports/tpp?month={month}"), token).await.0, StatusCode::OK);
    // Heads name their unit; another dinas is 404; a bad month is 422.
    let dinkes = app.unit_id("DINKES").await;
    let head = app.token("kadisdukcapil").await;
    assert_eq!(app.get(&format!("/api/v1/reports/tpp?month={month}"), &head).await.0, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        app.get(&format!("/api/v1/reports/tpp?unit_id={dinkes}&month={month}"), &head).await.0,
        StatusCode::NOT_FOUND
    );
    assert_eq!(app.get("/api/v1/reports/tpp?month=2026-Q1", &admin).await.0, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        app.get(&format!("/api/v1/reports/tpp?month={month}"), &app.token("ahmad").await).await.0,
        StatusCode::UNPROCESSABLE_ENTITY
    );
}

/// A Perkada that also prices leaving early and a missed apel, and pays the performance part by
/// the predikat of the month's rating period: the worked example of the domain on real imports.
async fn early_leave_apel_and_the_predikat(app: TestApp) {
    let admin = app.token("admin").await;
    let (month, first) = last_month();
    let day = |n: i64| (first + Duration::days(n)).to_string();
    let csv = format!(
        "nip,date,status,late_minutes,early_minutes,missed_apel\n{a},{},hadir,0,20,ya\n{a},{},hadir,0,70,1\n{a},{},hadir,0,0,tidak\n",
        day(0), day(1), day(2), a = demo::AHMAD
    );
    let (status, r) = import(&app, &admin, &csv).await;
    assert_eq!((status, r["created"].as_u64()), (StatusCode::OK, Some(3)), "{r}");
    let bad = format!("nip,date,status,early_minutes,missed_apel\n{},{},hadir,5000,mungkin\n", demo::AHMAD, day(3));
    let (status, refused) = import(&app, &admin, &bad).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{refused}");
    assert_eq!(refused["rows"].as_array().unwrap().len(), 2, "both bad cells named: {refused}");
    // Ahmad was rated Butuh Perbaikan in the month's rating period; the rule pays that 75 %.
    let ahmad = app.employee_id(demo::AHMAD).await;
    let quarter = format!("{}-Q{}", first.year(), (first.month() - 1) / 3 + 1);
    {
        use kinerja_api::entities::{assessments, employees};
        use kinerja_domain::{AssessmentStatus, Predikat, Rating};
        use sea_orm::{ActiveModelTrait, EntityTrait, Set};
        let e = employees::Entity::find_by_id(ahmad).one(&app.db).await.unwrap().unwrap();
        assessments::ActiveModel {
            employee_id: Set(ahmad),
            penilai_id: Set(e.supervisor_id.unwrap()),
            atasan_penilai_id: Set(None),
            unit_id: Set(e.unit_id),
            period: Set(quarter),
            result_rating: Set(Rating::DiBawah),
            behavior_rating: Set(Rating::Sesuai),
            behavior_notes: Set("{}".into()),
            predikat: Set(Predikat::ButuhPerbaikan),
            status: Set(AssessmentStatus::Finalized),
            finalized_at: Set(Some(Utc::now())),
            created_at: Set(Utc::now()),
            updated_at: Set(Utc::now()),
            ..Default::default()
        }
        .insert(&app.db)
        .await
        .unwrap();
    }
    let mut rule = kinerja_types::PemdaSettings::default().tpp;
    rule.performance_by_predikat = Some([(kinerja_domain::Predikat::ButuhPerbaikan, 75.0)].into());
    assert_eq!(app.patch("/api/v1/settings", &admin, json!({ "tpp": rule })).await.0, StatusCode::OK);
    let (_, report) = app.get(&format!("/api/v1/reports/tpp?month={month}"), &admin).await;
    let row = report["items"].as_array().unwrap().iter().find(|x| x["nip"] == demo::AHMAD).unwrap().clone();
    // Left early 20 and 70 minutes: 0.5 + 1.25; two apel missed: 2 × 0.5; 40 - 2.75 = 37.25.
    assert_eq!(
        (
            row["early_leave_days"].as_u64(),
            row["early_leave_deduction"].as_f64(),
            row["missed_apel"].as_u64(),
            row["apel_deduction"].as_f64()
        ),
        (Some(2), Some(1.75), Some(2), Some(1.0)),
        "{row}"
    );
    assert_eq!((row["discipline"].as_f64(), row["predikat"].as_str()), (Some(37.25), Some("butuh_perbaikan")));
    rule.performance_by_predikat = Some([(kinerja_domain::Predikat::Kurang, 130.0)].into());
    let (status, e) = app.patch("/api/v1/settings", &admin, json!({ "tpp": rule })).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{e}");
}

db_tests!(attendance_and_the_monthly_tpp, who_imports_and_who_reads_the_tpp, early_leave_apel_and_the_predikat);
