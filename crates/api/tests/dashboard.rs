//! The unit dashboard and the city view, figure by figure, against Disdukcapil of the demo city
//! (6 employees in two bidang, every one with an approved SKP, no work logged) plus a hand-made
//! week: a new employee without a plan, two activities of Ahmad, one approved; Ahmad rated Butuh
//! Perbaikan; two surveys; a complaint. Visibility, CSV and an API token too.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use chrono::{Datelike, Duration, Utc};
use common::{demo, TestApp};
use reqwest::{Method, StatusCode};
use serde_json::json;

fn local_today() -> chrono::NaiveDate {
    (Utc::now() + Duration::hours(7)).date_naive()
}

fn this_month() -> String {
    local_today().format("%Y-%m").to_string()
}

fn this_quarter() -> String {
    let d = local_today();
    format!("{}-Q{}", d.year(), (d.month() - 1) / 3 + 1)
}

/// Sets up the week described above; returns (Ahmad's id, the new employee's id).
async fn a_week_at_disdukcapil(app: &TestApp) -> (i64, i64) {
    let admin = app.token("admin").await;
    let dafduk = app.unit_id("DUKCAPIL-DAFDUK").await;
    let dewi = app.employee_id("198102142006042003").await;
    let (status, newcomer) = app
        .post(
            "/api/v1/employees",
            &admin,
            json!({ "nip": "199802022024031001", "name": "Bayu Pratama", "unit_id": dafduk,
                    "position_title": "Pengadministrasi Umum", "position_kind": "pelaksana",
                    "supervisor_id": dewi, "employment_type": "pns" }),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{newcomer}");
    let (status, user) = app
        .post(
            "/api/v1/users",
            &admin,
            json!({ "username": "dewi", "password": kinerja_api::seed::demo::DEMO_PASSWORD, "roles": [], "employee_id": dewi }),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{user}");
    let dewi_t = app.token("dewi").await;
    let ahmad_id = app.employee_id(demo::AHMAD).await;
    let ahmad = app.token("ahmad").await;
    let year = local_today().year();
    let (_, plans) = app.get(&format!("/api/v1/skps?year={year}&employee_id={ahmad_id}"), &ahmad).await;
    let (_, skp) = app.get(&format!("/api/v1/skps/{}", plans["items"][0]["id"]), &ahmad).await;
    let rhk = skp["rhk"][0]["id"].as_i64().unwrap();
    let mut ids = Vec::new();
    for minutes in [30, 45] {
        let body = json!({ "date": local_today().to_string(), "minutes": minutes, "description": "Verifikasi berkas KTP-el",
                           "rhk_id": rhk, "output_qty": 1, "submit": true });
        let (status, a) = app.post("/api/v1/activities", &ahmad, body).await;
        assert_eq!(status, StatusCode::CREATED, "{a}");
        ids.push(a["id"].as_i64().unwrap());
    }
    assert_eq!(app.post(&format!("/api/v1/activities/{}/approve", ids[0]), &dewi_t, json!({})).await.0, StatusCode::OK);
    let rating = json!({ "employee_id": ahmad_id, "period": this_quarter(), "result_rating": "di_bawah",
                         "behavior_rating": "sesuai", "behavior_notes": {} });
    let (status, rated) = app.post("/api/v1/assessments", &dewi_t, rating).await;
    assert_eq!(status, StatusCode::CREATED);
    let finalize = format!("/api/v1/assessments/{}/finalize", rated["id"]);
    assert_eq!(app.post(&finalize, &dewi_t, json!({})).await.0, StatusCode::OK);
    let dukcapil = app.unit_id("DUKCAPIL").await;
    for a in [[4u8; 9], [3u8; 9]] {
        let body = json!({ "unit_id": dukcapil, "answers": a, "age_band": "25-34", "sex": "P" });
        assert_eq!(app.call(Method::POST, "/api/v1/public/surveys", None, Some(body)).await.0, StatusCode::CREATED);
    }
    let complaint =
        json!({ "unit_id": dukcapil, "category": "pengaduan", "text": "Antrean perekaman KTP-el sangat panjang" });
    assert_eq!(app.call(Method::POST, "/api/v1/public/complaints", None, Some(complaint)).await.0, StatusCode::CREATED);
    (ahmad_id, newcomer["id"].as_i64().unwrap())
}

async fn every_figure_of_a_unit_dashboard(app: TestApp) {
    let (ahmad, newcomer) = a_week_at_disdukcapil(&app).await;
    let dukcapil = app.unit_id("DUKCAPIL").await;
    let head = app.token("kadisdukcapil").await;
    let (status, d) = app.get(&format!("/api/v1/dashboard/units/{dukcapil}?period={}", this_month()), &head).await;
    assert_eq!(status, StatusCode::OK, "{d}");
    assert_eq!(d["period"], this_month());
    assert_eq!(d["headcount"], 7);
    assert_eq!((d["skp"]["approved"].as_u64(), d["skp"]["none"].as_u64()), (Some(6), Some(1)));
    assert_eq!(d["skp"]["completion"], 0.857);
    let a = &d["activities"];
    // Hours of work are the approved ones (30 minutes), not the waiting 45.
    assert_eq!((a["approved"].as_u64(), a["pending"].as_u64(), a["minutes"].as_u64()), (Some(1), Some(1), Some(30)));
    assert_eq!(a["minutes_per_employee"], 4.3);
    assert!(a["median_approval_hours"].as_f64().unwrap() < 1.0);
    assert_eq!(d["predikat_period"], this_quarter());
    assert_eq!(d["predikat"]["butuh_perbaikan"], 1);
    assert_eq!(d["predikat"]["baik"], 0);
    assert_eq!(d["distribution"]["total"], 1);
    assert_eq!((d["ikm"]["respondents"].as_u64(), d["ikm"]["ikm"].as_f64()), (Some(2), Some(87.5)));
    assert_eq!(d["ikm"]["grade"], "B");
    assert_eq!(d["ikm_trend"].as_array().unwrap().len(), 3);
    assert_eq!(d["complaints"], json!({ "open": 1, "overdue": 0, "closed": 0, "closed_within_sla": 0 }));
    // Attention: everyone but Ahmad has logged nothing for 7 working days; the newcomer has no plan
    // either; Ahmad is rated Butuh Perbaikan.
    assert_eq!(d["attention_count"], 7);
    let attention = d["attention"].as_array().unwrap();
    let of = |id: i64| attention.iter().find(|x| x["employee_id"] == id).unwrap()["reasons"].clone();
    assert_eq!(of(newcomer).as_array().unwrap().len(), 2, "{}", of(newcomer));
    assert_eq!(of(ahmad), json!([{ "code": "low_predikat", "predikat": "butuh_perbaikan", "period": this_quarter() }]));
    assert_eq!(attention[0]["employee_id"], newcomer, "most reasons first");
    // The chart series ends with this month.
    let last = d["series"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["month"], this_month());
    assert_eq!((last["activities_approved"].as_u64(), last["minutes"].as_u64()), (Some(1), Some(30)));
    assert_eq!((last["complaints_filed"].as_u64(), last["ikm"].as_f64()), (Some(1), Some(87.5)));
    // Drill-down: the two bidang, by name; the surveys and complaint belong to the dinas itself.
    let children = d["children"].as_array().unwrap();
    let names: Vec<&str> = children.iter().map(|c| c["unit_name"].as_str().unwrap()).collect();
    assert_eq!(names, ["Bidang Pelayanan Pencatatan Sipil", "Bidang Pelayanan Pendaftaran Penduduk"]);
    let dafduk = &children[1];
    assert_eq!((dafduk["headcount"].as_u64(), dafduk["skp"]["none"].as_u64()), (Some(4), Some(1)));
    assert_eq!(dafduk["activities"]["minutes"], 30, "approved minutes only");
    assert_eq!(dafduk["predikat"]["butuh_perbaikan"], 1);
    assert_eq!(dafduk["ikm"]["respondents"], 0);
    assert_eq!(dafduk["attention_count"], 4);
    assert_eq!(children[0]["headcount"], 2);

    // The per-child table as CSV agrees with the JSON.
    let res = app
        .client
        .get(app.url(&format!("/api/v1/dashboard/units/{dukcapil}?format=csv")))
        .bearer_auth(&head)
        .send()
        .await
        .unwrap();
    let text = res.text().await.unwrap();
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    assert_eq!(rows.len(), 2);
    assert_eq!((&rows[1][0], &rows[1][1]), ("Bidang Pelayanan Pendaftaran Penduduk", "4"));
    // A bad period is 422.
    assert_eq!(
        app.get(&format!("/api/v1/dashboard/units/{dukcapil}?period=2026-13"), &head).await.0,
        StatusCode::UNPROCESSABLE_ENTITY
    );
}

async fn who_sees_which_dashboard(app: TestApp) {
    let dukcapil = app.unit_id("DUKCAPIL").await;
    let path = format!("/api/v1/dashboard/units/{dukcapil}");
    assert_eq!(app.get(&path, &app.token("kadinkes").await).await.0, StatusCode::NOT_FOUND, "another dinas");
    assert_eq!(app.get(&path, &app.token("ahmad").await).await.0, StatusCode::FORBIDDEN, "an employee inside");
    assert_eq!(app.get(&path, &app.token("auditor").await).await.0, StatusCode::OK);
    assert_eq!(app.call(Method::GET, &path, None, None).await.0, StatusCode::UNAUTHORIZED);
    // The city view: BKPSDM (admin) and auditors; every OPD side by side.
    assert_eq!(app.get("/api/v1/dashboard/city", &app.token("kadisdukcapil").await).await.0, StatusCode::FORBIDDEN);
    let (status, city) = app.get("/api/v1/dashboard/city", &app.token("admin").await).await;
    assert_eq!(status, StatusCode::OK);
    let opd: Vec<&str> =
        city["children"].as_array().unwrap().iter().map(|c| c["unit_name"].as_str().unwrap()).collect();
    // Five OPD, and the dinas dissolved in 2026 that still holds a clerk (the data-quality index
    // flags it): its people are counted until they are moved.
    assert_eq!(opd.len(), 6, "{opd:?}");
    assert!(opd.contains(&"Dinas Pemuda dan Olahraga (digabung 2026)"), "{opd:?}");
    let total: u64 = city["children"].as_array().unwrap().iter().map(|c| c["headcount"].as_u64().unwrap()).sum();
    assert_eq!(total + 1, city["headcount"].as_u64().unwrap(), "the Sekda sits at the root");
    // A read token scoped to Disdukcapil pulls its dashboard, not another's.
    let admin = app.token("admin").await;
    let (_, t) = app
        .post("/api/v1/api-tokens", &admin, json!({ "name": "Dasbor", "access": "read", "unit_id": dukcapil }))
        .await;
    let token = t["token"].as_str().unwrap();
    assert_eq!(app.get(&path, token).await.0, StatusCode::OK);
    let dinkes = app.unit_id("DINKES").await;
    assert_eq!(app.get(&format!("/api/v1/dashboard/units/{dinkes}"), token).await.0, StatusCode::NOT_FOUND);
}

/// With the cache on (as deployed), a dashboard is computed once for its time to live and served
/// again, while who may see it is still checked on every request; with it off, every read computes.
async fn the_dashboard_cache_keeps_figures_not_permissions(app: TestApp) {
    let cached =
        TestApp::spawn_with(app.backend, true, |c| c.dashboard_cache = std::time::Duration::from_secs(600)).await;
    let dukcapil = cached.unit_id("DUKCAPIL").await;
    let path = format!("/api/v1/dashboard/units/{dukcapil}");
    let head = cached.token("kadisdukcapil").await;
    let (status, first) = cached.get(&path, &head).await;
    assert_eq!(status, StatusCode::OK, "{first}");
    let (_, again) = cached.get(&path, &head).await;
    assert_eq!(first["generated_at"], again["generated_at"], "served from the cache");
    // Cached figures are not a way around visibility.
    assert_eq!(cached.get(&path, &cached.token("kadinkes").await).await.0, StatusCode::NOT_FOUND);
    assert_eq!(cached.get(&path, &cached.token("ahmad").await).await.0, StatusCode::FORBIDDEN);
    // Another period is another entry.
    let (_, other) = cached.get(&format!("{path}?period=2025"), &head).await;
    assert_ne!(other["generated_at"], first["generated_at"]);
    // Off (the tests' default): computed every time.
    let head = app.token("kadisdukcapil").await;
    let (_, a) = app.get(&path.replace(&dukcapil.to_string(), &app.unit_id("DUKCAPIL").await.to_string()), &head).await;
    tokio::time::sleep(std::time::Duration::from_millis(5)).await;
    let (_, b) = app.get(&path.replace(&dukcapil.to_string(), &app.unit_id("DUKCAPIL").await.to_string()), &head).await;
    assert_ne!(a["generated_at"], b["generated_at"]);
}

/// Finalizes a rating as its penilai: only finalized ratings count.
async fn finalize(app: &TestApp, penilai: &str, rating: &serde_json::Value) {
    let path = format!("/api/v1/assessments/{}/finalize", rating["id"]);
    assert_eq!(app.post(&path, penilai, json!({})).await.0, StatusCode::OK);
}

/// The annual rating is the one that counts for the year: a dashboard of the year shows it, its
/// attention list names it, and the distribution (the calibration drill-down) counts it.
async fn a_year_shows_its_annual_ratings(app: TestApp) {
    let year = local_today().year().to_string();
    let dedi = app.employee_id(demo::DEDI).await;
    let kasi = app.token("kasi.rujukan").await;
    let body =
        json!({ "employee_id": dedi, "period": year, "result_rating": "di_bawah", "behavior_rating": "di_bawah" });
    let (status, a) = app.post("/api/v1/assessments", &kasi, body).await;
    assert_eq!(status, StatusCode::CREATED, "{a}");
    finalize(&app, &kasi, &a).await;
    let quarterly = json!({ "employee_id": dedi, "period": this_quarter(), "result_rating": "sesuai", "behavior_rating": "sesuai" });
    let (status, q) = app.post("/api/v1/assessments", &kasi, quarterly).await;
    assert_eq!(status, StatusCode::CREATED);
    finalize(&app, &kasi, &q).await;
    let head = app.token("kadinkes").await;
    let dinkes = app.unit_id("DINKES").await;
    let (_, d) = app.get(&format!("/api/v1/dashboard/units/{dinkes}?period={year}"), &head).await;
    assert_eq!(d["predikat_period"], year.as_str(), "{d}");
    assert_eq!(
        (d["predikat"]["sangat_kurang"].as_u64(), d["predikat"]["baik"].as_u64()),
        (Some(1), Some(0)),
        "{}",
        d["predikat"]
    );
    let reasons =
        d["attention"].as_array().unwrap().iter().find(|x| x["employee_id"] == dedi).unwrap()["reasons"].clone();
    assert!(
        reasons.as_array().unwrap().iter().any(|r| r["code"] == "low_predikat" && r["period"] == year.as_str()),
        "{reasons}"
    );
    assert_eq!(d["distribution"]["period"], year.as_str());
    assert_eq!(d["distribution"]["counts"]["sangat_kurang"], 1);
    // The quarter shows the quarter's rating.
    let (_, q) = app.get(&format!("/api/v1/dashboard/units/{dinkes}?period={}", this_quarter()), &head).await;
    assert_eq!(
        (q["predikat_period"].as_str(), q["predikat"]["baik"].as_u64()),
        (Some(this_quarter().as_str()), Some(1))
    );
}

/// A Pemda that rates per semester: `2026-S1`/`2026-S2` periods for ratings, dashboards,
/// distributions and realisation; quarters refused for periodic ratings.
async fn a_pemda_may_rate_per_semester(app: TestApp) {
    let admin = app.token("admin").await;
    let (status, s) = app.patch("/api/v1/settings", &admin, json!({ "assessment_frequency": "semester" })).await;
    assert_eq!((status, s["assessment_frequency"].as_str()), (StatusCode::OK, Some("semester")));
    let today = local_today();
    let semester = format!("{}-S{}", today.year(), if today.month() <= 6 { 1 } else { 2 });
    let kasi = app.token("kasi.rujukan").await;
    let dedi = app.employee_id(demo::DEDI).await;
    let rate = |period: &str| json!({ "employee_id": dedi, "period": period, "result_rating": "di_atas", "behavior_rating": "di_atas" });
    let (status, wrong) = app.post("/api/v1/assessments", &kasi, rate(&this_quarter())).await;
    assert_eq!(
        (status, wrong["errors"][0]["code"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("period_semester"))
    );
    let (status, bad) = app.post("/api/v1/assessments", &kasi, rate(&format!("{}-S3", today.year()))).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{bad}");
    let (status, a) = app.post("/api/v1/assessments", &kasi, rate(&semester)).await;
    assert_eq!((status, a["period"].as_str()), (StatusCode::CREATED, Some(semester.as_str())), "{a}");
    finalize(&app, &kasi, &a).await;
    let dinkes = app.unit_id("DINKES").await;
    let head = app.token("kadinkes").await;
    let (status, d) = app.get(&format!("/api/v1/dashboard/units/{dinkes}?period={semester}"), &head).await;
    assert_eq!((status, d["predikat_period"].as_str()), (StatusCode::OK, Some(semester.as_str())), "{d}");
    assert_eq!(d["predikat"]["sangat_baik"], 1);
    let (status, dist) = app.get(&format!("/api/v1/units/{dinkes}/distribution?period={semester}"), &head).await;
    assert_eq!((status, dist["counts"]["sangat_baik"].as_u64()), (StatusCode::OK, Some(1)));
    let (_, plans) = app.get(&format!("/api/v1/skps?year={}&employee_id={dedi}", today.year()), &kasi).await;
    let skp = plans["items"][0]["id"].as_i64().unwrap();
    let (status, r) = app.get(&format!("/api/v1/skps/{skp}/realization?period={semester}"), &kasi).await;
    assert_eq!((status, r["period"].as_str()), (StatusCode::OK, Some(semester.as_str())), "{r}");
}

/// The same figures wherever the page shows them: the tile's approved hours are the chart's for
/// the month, each child unit with approvals has its own median, the children add up to no more
/// than their parent, and an objection not decided yet puts its employee on the attention list.
async fn figures_agree_between_tiles_table_and_charts(app: TestApp) {
    let extras = kinerja_api::seed::demo::Extras { citizen_feedback: true, past_ratings: true, ..Default::default() };
    kinerja_api::seed::demo::run_with(&app.db, &extras).await.unwrap();
    let dedi = app.token("dedi").await;
    let kasi = app.token("kasi.rujukan").await;
    let admin = app.token("admin").await;
    let (_, plans) = app.get(&format!("/api/v1/skps?year={}&status=approved", local_today().year()), &dedi).await;
    let (_, skp) = app.get(&format!("/api/v1/skps/{}", plans["items"][0]["id"]), &dedi).await;
    // Today may be a weekend, whose cap is the overtime: room for the whole day's entries.
    app.patch("/api/v1/settings", &admin, json!({ "activity_overtime_minutes": 720 })).await;
    for minutes in [90, 45] {
        let body = json!({ "date": local_today().to_string(), "minutes": minutes, "description": "Rekap rujukan",
            "rhk_id": skp["rhk"][0]["id"], "submit": true });
        let (status, a) = app.post("/api/v1/activities", &dedi, body).await;
        assert_eq!(status, StatusCode::CREATED, "{a}");
        let (status, _) = app.post(&format!("/api/v1/activities/{}/approve", a["id"]), &kasi, json!({})).await;
        assert_eq!(status, StatusCode::OK);
    }
    // A draft and a waiting activity do not count as hours of work.
    let body = json!({ "date": local_today().to_string(), "minutes": 300, "description": "Belum selesai", "rhk_id": skp["rhk"][0]["id"] });
    assert_eq!(app.post("/api/v1/activities", &dedi, body).await.0, StatusCode::CREATED);

    let month = this_month();
    let (status, d) = app.get(&format!("/api/v1/dashboard/city?period={month}"), &admin).await;
    assert_eq!(status, StatusCode::OK, "{d}");
    let point = d["series"].as_array().unwrap().iter().find(|p| p["month"] == month).expect("this month in the chart");
    assert_eq!(d["activities"]["minutes"], point["minutes"], "the tile's hours are the chart's");
    assert!(d["activities"]["minutes"].as_u64().unwrap() >= 135);
    let children = d["children"].as_array().unwrap();
    let sum = |field: &str| children.iter().map(|c| c["activities"][field].as_u64().unwrap()).sum::<u64>();
    assert!(sum("approved") <= d["activities"]["approved"].as_u64().unwrap());
    assert!(sum("minutes") <= d["activities"]["minutes"].as_u64().unwrap());
    assert!(d["activities"]["median_approval_hours"].is_number(), "the tile has a median");
    for c in children.iter().filter(|c| c["activities"]["approved"].as_u64().unwrap() > 0) {
        assert!(c["activities"]["median_approval_hours"].is_number(), "{} has approvals and a median", c["unit_name"]);
    }
    // The default period is the last complete month.
    let (_, default) = app.get("/api/v1/dashboard/city", &admin).await;
    let last_month = (local_today().with_day(1).unwrap() - Duration::days(1)).format("%Y-%m").to_string();
    assert_eq!(default["period"], last_month);

    // Every objection not decided yet is a reason on the attention list of the city.
    let (_, objected) = app.get("/api/v1/assessments?status=objected&per_page=200", &admin).await;
    let listed: Vec<(i64, Vec<String>)> = d["attention"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            let codes =
                a["reasons"].as_array().unwrap().iter().map(|r| r["code"].as_str().unwrap().to_owned()).collect();
            (a["employee_id"].as_i64().unwrap(), codes)
        })
        .collect();
    for o in objected["items"].as_array().unwrap() {
        let employee = o["employee_id"].as_i64().unwrap();
        let on_list = listed.iter().find(|(e, _)| *e == employee);
        assert!(
            on_list.is_some_and(|(_, codes)| codes.iter().any(|c| c == "pending_objection")),
            "employee {employee} objected and is on the list with the reason"
        );
    }
}

db_tests!(
    figures_agree_between_tiles_table_and_charts,
    a_year_shows_its_annual_ratings,
    a_pemda_may_rate_per_semester,
    every_figure_of_a_unit_dashboard,
    who_sees_which_dashboard,
    the_dashboard_cache_keeps_figures_not_permissions
);
