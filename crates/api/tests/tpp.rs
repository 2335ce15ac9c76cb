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
    // The n-th weekday of the month: attendance on a day off costs nothing.
    let weekdays: Vec<chrono::NaiveDate> =
        first.iter_days().filter(|d| d.weekday().number_from_monday() <= 5).take(8).collect();
    let day = |n: usize| weekdays[n].to_string();
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
    // The n-th weekday of the month: attendance on a day off costs nothing.
    let weekdays: Vec<chrono::NaiveDate> =
        first.iter_days().filter(|d| d.weekday().number_from_monday() <= 5).take(8).collect();
    let day = |n: usize| weekdays[n].to_string();
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

/// A disciplinary sanction in force cuts the month's TPP (PP 94/2021 Pasal 8: a medium one by 25 %,
/// the default; a heavy one by the Perkada's 100 %), and the Pemda shapes the absence deduction:
/// from the whole allowance, and no TPP from 3 days of alpa in a month.
async fn sanctions_and_the_shape_of_absence(app: TestApp) {
    let admin = app.token("admin").await;
    let (month, first) = last_month();
    // The n-th weekday of the month: attendance on a day off costs nothing.
    let weekdays: Vec<chrono::NaiveDate> =
        first.iter_days().filter(|d| d.weekday().number_from_monday() <= 5).take(8).collect();
    let day = |n: usize| weekdays[n].to_string();
    let ahmad = app.employee_id(demo::AHMAD).await;
    // Two days alpa: no approved work, so 40 - 6 = 34.
    let csv = format!(
        "nip,date,status
{a},{},alpa
{a},{},alpa
",
        day(0),
        day(1),
        a = demo::AHMAD
    );
    assert_eq!(import(&app, &admin, &csv).await.0, StatusCode::OK);
    let report = format!("/api/v1/reports/tpp?month={month}");
    let row = |r: &Value| r["items"].as_array().unwrap().iter().find(|x| x["nip"] == demo::AHMAD).unwrap().clone();
    let before = row(&app.get(&report, &admin).await.1);
    assert_eq!((before["tpp_percent"].as_f64(), before["sanction"].is_null()), (Some(34.0), true), "{before}");

    // A medium sanction from the middle of the month: 34 × 0.75 = 25.5.
    let sanction = json!({ "employee_id": ahmad, "level": "sedang", "decree_number": "800/123/BKPSDM/2026",
        "starts_on": (first + Duration::days(14)).to_string(), "ends_on": (first + Duration::days(200)).to_string(), "reason": "Tidak masuk kerja tanpa alasan yang sah" });
    for who in ["ahmad", "kadisdukcapil", "auditor"] {
        let (status, _) = app.post("/api/v1/sanctions", &app.token(who).await, sanction.clone()).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{who} records no sanction");
    }
    let mut backwards = sanction.clone();
    backwards["ends_on"] = json!(day(1));
    let (status, e) = app.post("/api/v1/sanctions", &admin, backwards).await;
    assert_eq!((status, e["errors"][0]["field"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some("ends_on")), "{e}");
    let (status, created) = app.post("/api/v1/sanctions", &admin, sanction.clone()).await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    let r = row(&app.get(&report, &admin).await.1);
    assert_eq!(
        (r["sanction"].as_str(), r["sanction_deduction"].as_f64(), r["tpp_percent"].as_f64()),
        (Some("sedang"), Some(8.5), Some(25.5)),
        "{r}"
    );
    // The month before it began is not cut.
    let earlier = (first - Duration::days(1)).format("%Y-%m").to_string();
    let r = row(&app.get(&format!("/api/v1/reports/tpp?month={earlier}"), &admin).await.1);
    assert!(r["sanction"].is_null(), "{r}");
    // A heavy one as well: the heaviest counts, and the Perkada pays nothing under it.
    let mut heavy = sanction.clone();
    heavy["level"] = json!("berat");
    heavy["starts_on"] = json!((first + Duration::days(20)).to_string());
    let (_, heavy) = app.post("/api/v1/sanctions", &admin, heavy).await;
    let r = row(&app.get(&report, &admin).await.1);
    assert_eq!((r["sanction"].as_str(), r["tpp_percent"].as_f64()), (Some("berat"), Some(0.0)), "{r}");
    assert_eq!(app.delete(&format!("/api/v1/sanctions/{}", heavy["id"]), &admin).await.0, StatusCode::NO_CONTENT);

    // Who reads them: the employee, the head of his dinas, the city; not a head elsewhere.
    let listed = |v: &Value| v["items"].as_array().unwrap().iter().any(|s| s["id"] == created["id"]);
    for who in ["ahmad", "kadisdukcapil", "auditor"] {
        let (status, list) = app.get(&format!("/api/v1/sanctions?month={month}"), &app.token(who).await).await;
        assert_eq!((status, listed(&list)), (StatusCode::OK, true), "{who}: {list}");
    }
    let (_, list) = app.get(&format!("/api/v1/sanctions?employee_id={ahmad}"), &app.token("kadinkes").await).await;
    assert!(!listed(&list), "a head outside the tree sees none: {list}");
    // By unit, as the TPP page asks: a unit's staff only, and only a unit the caller may read.
    let (dukcapil, dinkes) = (app.unit_id("DUKCAPIL").await, app.unit_id("DINKES").await);
    let (_, list) = app.get(&format!("/api/v1/sanctions?month={month}&unit_id={dukcapil}"), &admin).await;
    assert!(listed(&list), "{list}");
    let (_, list) = app.get(&format!("/api/v1/sanctions?month={month}&unit_id={dinkes}"), &admin).await;
    assert!(!listed(&list), "{list}");
    let (status, _) = app.get(&format!("/api/v1/sanctions?unit_id={dinkes}"), &app.token("kadisdukcapil").await).await;
    assert!(matches!(status, StatusCode::FORBIDDEN | StatusCode::NOT_FOUND), "{status}");
    assert_eq!(
        app.delete(&format!("/api/v1/sanctions/{}", created["id"]), &app.token("kadisdukcapil").await).await.0,
        StatusCode::FORBIDDEN
    );
    let (_, log) = app.get("/api/v1/audit?entity=sanction", &admin).await;
    let actions: Vec<&str> = log["items"].as_array().unwrap().iter().filter_map(|e| e["action"].as_str()).collect();
    assert!(actions.contains(&"sanction.create") && actions.contains(&"sanction.annul"), "{actions:?}");
    // Annulled (lifted on appeal): kept on record, cuts nothing.
    assert_eq!(app.delete(&format!("/api/v1/sanctions/{}", created["id"]), &admin).await.0, StatusCode::NO_CONTENT);
    let (_, list) = app.get(&format!("/api/v1/sanctions?employee_id={ahmad}"), &admin).await;
    assert!(list["items"].as_array().unwrap().iter().all(|s| s["annulled_at"].is_string()), "{list}");
    assert!(row(&app.get(&report, &admin).await.1)["sanction"].is_null());

    // The absence taken from the whole allowance, and forfeited from 3 days: 2 days still pay.
    let mut rule = kinerja_types::PemdaSettings::default().tpp;
    rule.absence_from = kinerja_domain::tpp::AbsenceBase::Total;
    rule.absence_forfeit_days = Some(3);
    assert_eq!(app.patch("/api/v1/settings", &admin, json!({ "tpp": rule })).await.0, StatusCode::OK);
    let r = row(&app.get(&report, &admin).await.1);
    assert_eq!(
        (r["absence_forfeited"].as_bool(), r["discipline"].as_f64(), r["tpp_percent"].as_f64()),
        (Some(false), Some(40.0), Some(34.0)),
        "{r}"
    );
    let third = format!(
        "nip,date,status
{},{},alpa
",
        demo::AHMAD,
        day(2)
    );
    assert_eq!(import(&app, &admin, &third).await.0, StatusCode::OK);
    let r = row(&app.get(&report, &admin).await.1);
    assert_eq!((r["absence_forfeited"].as_bool(), r["tpp_percent"].as_f64()), (Some(true), Some(0.0)), "{r}");
    rule.absence_forfeit_days = Some(0);
    let (status, e) = app.patch("/api/v1/settings", &admin, json!({ "tpp": rule })).await;
    assert_eq!(
        (status, e["errors"][0]["code"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("tpp_forfeit_days")),
        "{e}"
    );
}

db_tests!(
    attendance_and_the_monthly_tpp,
    who_imports_and_who_reads_the_tpp,
    early_leave_apel_and_the_predikat,
    sanctions_and_the_shape_of_absence
);
