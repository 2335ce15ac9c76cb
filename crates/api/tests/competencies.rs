//! Competencies and development: the catalogue, position standards (API and CSV), assessed levels
//! with gaps and the job-person match, development plans (mandatory after Butuh Perbaikan,
//! suggested from the largest gaps), trainings and their hours, the heat map, and who may do what.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use chrono::{Datelike, Duration, Utc};
use common::{demo, TestApp};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

fn local_today() -> chrono::NaiveDate {
    (Utc::now() + Duration::hours(7)).date_naive()
}

const DEDI_TITLE: &str = "Pengelola Data Pelayanan Kesehatan";

async fn competency_id(app: &TestApp, token: &str, code: &str) -> i64 {
    let (status, list) = app.get("/api/v1/competencies", token).await;
    assert_eq!(status, StatusCode::OK, "{list}");
    list["items"].as_array().unwrap().iter().find(|c| c["code"] == code).unwrap()["id"].as_i64().unwrap()
}

async fn import(app: &TestApp, token: &str, csv: &str) -> (StatusCode, Value) {
    app.post_csv("/api/v1/imports/position-standards", token, csv).await
}

async fn assess(app: &TestApp, token: &str, employee: i64, competency: i64, level: u8, source: &str) -> StatusCode {
    let body = json!({ "competency_id": competency, "level": level, "assessed_on": local_today().to_string(),
                       "source": source, "evidence": "hasil uji" });
    let (status, answer) = app.post(&format!("/api/v1/employees/{employee}/competency-assessments"), token, body).await;
    if status == StatusCode::UNPROCESSABLE_ENTITY {
        eprintln!("{answer}");
    }
    status
}

async fn catalogue_standards_gaps_and_plans(app: TestApp) {
    let admin = app.token("admin").await;
    // The catalogue of PermenPANRB 38/2017 is there, with five levels each, and editable.
    let (_, list) = app.get("/api/v1/competencies", &admin).await;
    let codes: Vec<&str> = list["items"].as_array().unwrap().iter().map(|c| c["code"].as_str().unwrap()).collect();
    for code in ["M1", "M2", "M3", "M4", "M5", "M6", "M7", "M8", "SK1"] {
        assert!(codes.contains(&code), "{code} missing from {codes:?}");
    }
    assert_eq!(list["items"][0]["levels"].as_array().unwrap().len(), 5);
    let teknis = json!({ "code": "T-DATA", "kind": "teknis", "name": "Pengelolaan Data Kesehatan",
        "description": "Mengelola data pelayanan kesehatan", "levels": ["a", "b", "c", "d", "e"] });
    let (status, created) = app.post("/api/v1/competencies", &admin, teknis.clone()).await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    assert_eq!(app.post("/api/v1/competencies", &admin, teknis).await.0, StatusCode::CONFLICT);
    let short = json!({ "code": "T-X", "kind": "teknis", "name": "X", "description": "", "levels": ["a"] });
    assert_eq!(app.post("/api/v1/competencies", &admin, short).await.0, StatusCode::UNPROCESSABLE_ENTITY);

    // Standards: a bad CSV writes nothing and lists every bad line; a good one sets the levels.
    let (status, refused) =
        import(&app, &admin, &format!("position_title,code,level\n{DEDI_TITLE},M1,3\n{DEDI_TITLE},ZZ,2\n,M2,9\n"))
            .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{refused}");
    assert_eq!(refused["rows"].as_array().unwrap().len(), 3, "{refused}");
    let (_, none) = app.get("/api/v1/position-standards", &admin).await;
    assert_eq!(none["items"], json!([]), "nothing written");
    let csv = format!(
        "position_title,code,level\n{DEDI_TITLE},M1,3\n{DEDI_TITLE},M3,3\n{DEDI_TITLE},M5,4\n{DEDI_TITLE},T-DATA,3\n"
    );
    let (status, report) = import(&app, &admin, &csv).await;
    assert_eq!((status, report["created"].as_u64()), (StatusCode::OK, Some(4)), "{report}");

    // Assessed levels: Dedi rates himself; his penilai and an assessment centre too. Others may not.
    let dedi_id = app.employee_id(demo::DEDI).await;
    let dedi = app.token("dedi").await;
    let kasi = app.token("kasi.rujukan").await;
    let sri = app.token("sri").await;
    let (m1, m3, m5, tdata) = (
        competency_id(&app, &dedi, "M1").await,
        competency_id(&app, &dedi, "M3").await,
        competency_id(&app, &dedi, "M5").await,
        competency_id(&app, &dedi, "T-DATA").await,
    );
    assert_eq!(assess(&app, &dedi, dedi_id, m1, 3, "self_assessment").await, StatusCode::CREATED);
    assert_eq!(assess(&app, &dedi, dedi_id, m1, 5, "supervisor").await, StatusCode::FORBIDDEN, "not his own penilai");
    assert_eq!(assess(&app, &kasi, dedi_id, m3, 1, "supervisor").await, StatusCode::CREATED);
    assert_eq!(assess(&app, &admin, dedi_id, m5, 3, "assessment_centre").await, StatusCode::CREATED);
    assert_eq!(assess(&app, &admin, dedi_id, tdata, 4, "assessment_centre").await, StatusCode::CREATED);
    assert_eq!(
        assess(&app, &sri, dedi_id, m1, 1, "self_assessment").await,
        StatusCode::NOT_FOUND,
        "a colleague sees nothing"
    );
    assert_eq!(assess(&app, &kasi, dedi_id, m1, 6, "supervisor").await, StatusCode::UNPROCESSABLE_ENTITY);

    // The profile: gaps M3 2, M5 1, M1 0, T-DATA 0 (exceeds); match (3+1+3+3)/(3+3+4+3) = 76.9 %.
    let (status, p) = app.get(&format!("/api/v1/employees/{dedi_id}/competencies"), &dedi).await;
    assert_eq!(status, StatusCode::OK, "{p}");
    let gap = |code: &str| p["lines"].as_array().unwrap().iter().find(|l| l["code"] == code).unwrap()["gap"].clone();
    assert_eq!((gap("M1"), gap("M3"), gap("M5"), gap("T-DATA")), (json!(0), json!(2), json!(1), json!(0)));
    assert_eq!(p["job_person_match"], 76.9);
    assert_eq!(p["match_category"], "kurang_optimal");
    // A fifth requirement never assessed meets nothing: (3+1+3+3+0)/(3+3+4+3+3) = 62.5 %.
    let csv5 = format!("{csv}{DEDI_TITLE},M2,3\n");
    let (status, report) = import(&app, &admin, &csv5).await;
    assert_eq!(status, StatusCode::OK, "{report}");
    let (_, p5) = app.get(&format!("/api/v1/employees/{dedi_id}/competencies"), &dedi).await;
    assert_eq!(
        (p5["job_person_match"].as_f64(), p5["lines"].as_array().unwrap().len() >= 5),
        (Some(62.5), true),
        "{p5}"
    );
    assert_eq!(p["suggested_focus"], json!(["M3", "M5"]));
    assert_eq!((p["training_jp"].as_u64(), p["training_jp_target"].as_u64()), (Some(0), Some(20)));

    // A plan by the penilai: suggested focus by default; one open plan a year; the employee may
    // not make one, a colleague sees nothing.
    let year = local_today().year();
    let plan_body = json!({ "year": year, "goals": "Meningkatkan komunikasi dan pelayanan publik" });
    let url = format!("/api/v1/employees/{dedi_id}/development-plans");
    assert_eq!(app.post(&url, &dedi, plan_body.clone()).await.0, StatusCode::FORBIDDEN);
    assert_eq!(app.post(&url, &sri, plan_body.clone()).await.0, StatusCode::NOT_FOUND);
    let (status, plan) = app.post(&url, &kasi, plan_body.clone()).await;
    assert_eq!(status, StatusCode::CREATED, "{plan}");
    assert_eq!((plan["focus"].clone(), plan["status"].clone()), (json!(["M3", "M5"]), json!("active")));
    assert_eq!(app.post(&url, &kasi, plan_body).await.0, StatusCode::CONFLICT);
    let plan_id = plan["id"].as_i64().unwrap();

    // Trainings: 12 + 10 JP; completing needs evidence; only then the plan may be completed.
    let start = local_today() - Duration::days(3);
    let training = |course: &str, jp: u32| {
        json!({ "course": course, "provider": "BPSDM Provinsi", "jp": jp, "start_on": start.to_string(),
                "end_on": local_today().to_string(), "competency_id": m3 })
    };
    let turl = format!("/api/v1/development-plans/{plan_id}/trainings");
    let (status, t1) = app.post(&turl, &kasi, training("Pelatihan Komunikasi Efektif", 12)).await;
    assert_eq!(status, StatusCode::CREATED, "{t1}");
    let (_, t2) = app.post(&turl, &kasi, training("Pelatihan Pelayanan Prima", 10)).await;
    let mut backwards = training("Mundur", 2);
    backwards["end_on"] = json!((start - Duration::days(1)).to_string());
    assert_eq!(app.post(&turl, &kasi, backwards).await.0, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        app.patch(&format!("/api/v1/development-plans/{plan_id}"), &kasi, json!({ "status": "completed" })).await.0,
        StatusCode::CONFLICT,
        "no completed training yet"
    );
    let t1_url = format!("/api/v1/trainings/{}", t1["id"]);
    assert_eq!(
        app.patch(&t1_url, &dedi, json!({ "status": "completed" })).await.0,
        StatusCode::UNPROCESSABLE_ENTITY,
        "evidence required"
    );
    let (status, done) =
        app.patch(&t1_url, &dedi, json!({ "status": "completed", "evidence": "Sertifikat 123/BPSDM/2026" })).await;
    assert_eq!((status, done["status"].clone()), (StatusCode::OK, json!("completed")), "{done}");
    assert_eq!(app.patch(&t1_url, &dedi, json!({ "status": "cancelled" })).await.0, StatusCode::CONFLICT);
    let t2_url = format!("/api/v1/trainings/{}", t2["id"]);
    assert_eq!(app.patch(&t2_url, &sri, json!({ "status": "cancelled" })).await.0, StatusCode::NOT_FOUND);
    let (_, p) = app.get(&format!("/api/v1/employees/{dedi_id}/competencies"), &kasi).await;
    assert_eq!(p["training_jp"], 12, "only completed training counts");
    let (status, closed) =
        app.patch(&format!("/api/v1/development-plans/{plan_id}"), &kasi, json!({ "status": "completed" })).await;
    assert_eq!((status, closed["jp_completed"].as_u64()), (StatusCode::OK, Some(12)), "{closed}");

    // The heat map for the head of the dinas: Seksi Rujukan's branch has Dedi's gaps.
    let dinkes = app.unit_id("DINKES").await;
    let kadinkes = app.token("kadinkes").await;
    let (status, map) = app.get(&format!("/api/v1/units/{dinkes}/competency-gaps"), &kadinkes).await;
    assert_eq!(status, StatusCode::OK, "{map}");
    let cell = map["cells"].as_array().unwrap().iter().find(|c| c["competency_id"] == m3).unwrap().clone();
    assert_eq!(
        (cell["assessed"].as_u64(), cell["with_gap"].as_u64(), cell["mean_gap"].as_f64()),
        (Some(1), Some(1), Some(2.0))
    );
    let dedi_jp = map["training"].as_array().unwrap().iter().find(|r| r["employee_id"] == dedi_id).unwrap().clone();
    assert_eq!(
        (dedi_jp["jp"].as_u64(), dedi_jp["jp_target"].as_u64(), dedi_jp["meets_target"].as_bool()),
        (Some(12), Some(20), Some(false))
    );
    // Heads elsewhere and plain employees may not.
    let kadis = app.token("kadisdukcapil").await;
    assert_eq!(app.get(&format!("/api/v1/units/{dinkes}/competency-gaps"), &kadis).await.0, StatusCode::NOT_FOUND);
    assert_eq!(app.get(&format!("/api/v1/units/{dinkes}/competency-gaps"), &dedi).await.0, StatusCode::FORBIDDEN);
    assert_eq!(app.get(&format!("/api/v1/employees/{dedi_id}/competencies"), &kadis).await.0, StatusCode::NOT_FOUND);
    // Every change is audited.
    let (_, audit) = app.get("/api/v1/audit?per_page=200", &admin).await;
    let actions: Vec<&str> = audit["items"].as_array().unwrap().iter().filter_map(|e| e["action"].as_str()).collect();
    for a in [
        "competency.create",
        "position_standard.import",
        "competency.assess",
        "development_plan.create",
        "training.update",
    ] {
        assert!(actions.contains(&a), "{a} not audited");
    }
}

async fn a_plan_is_mandatory_after_butuh_perbaikan(app: TestApp) {
    let year = local_today().year();
    let quarter = format!("{year}-Q{}", (local_today().month() - 1) / 3 + 1);
    let dedi_id = app.employee_id(demo::DEDI).await;
    let kasi = app.token("kasi.rujukan").await;
    let rating = json!({ "employee_id": dedi_id, "period": quarter, "result_rating": "di_bawah",
                         "behavior_rating": "sesuai", "behavior_notes": {} });
    let (status, a) = app.post("/api/v1/assessments", &kasi, rating).await;
    assert_eq!(status, StatusCode::CREATED, "{a}");
    let (_, p) = app.get(&format!("/api/v1/employees/{dedi_id}/competencies"), &kasi).await;
    assert_eq!(p["plan_required"], false, "a draft rating does not count yet");
    let (status, f) = app
        .call(Method::POST, &format!("/api/v1/assessments/{}/finalize", a["id"]), Some(&kasi), Some(json!({})))
        .await;
    assert_eq!(status, StatusCode::OK, "{f}");
    let (_, p) = app.get(&format!("/api/v1/employees/{dedi_id}/competencies"), &kasi).await;
    assert_eq!((p["latest_predikat"].clone(), p["plan_required"].clone()), (json!("butuh_perbaikan"), json!(true)));
    let (_, plan) = app
        .post(
            &format!("/api/v1/employees/{dedi_id}/development-plans"),
            &kasi,
            json!({ "year": year, "goals": "Perbaikan kinerja" }),
        )
        .await;
    assert_eq!(plan["mandatory"], true, "{plan}");
}

/// The demo city (seeded twice: idempotent): every employee rated Butuh Perbaikan or worse has a
/// mandatory plan, and the head of the Dinas Kesehatan sees where the gaps are.
async fn the_demo_city_has_gaps_and_plans(app: TestApp) {
    let extras = kinerja_api::seed::demo::Extras { past_ratings: true, ..Default::default() };
    kinerja_api::seed::demo::run_with(&app.db, &extras).await.unwrap();
    kinerja_api::seed::demo::run_with(&app.db, &extras).await.unwrap();
    let admin = app.token("admin").await;
    let (_, rated) = app.get("/api/v1/assessments?per_page=100", &admin).await;
    let weak: Vec<i64> = rated["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| ["butuh_perbaikan", "kurang", "sangat_kurang"].contains(&r["predikat"].as_str().unwrap_or("")))
        .filter_map(|r| r["employee_id"].as_i64())
        .collect();
    assert!(!weak.is_empty(), "the demo city rates someone Butuh Perbaikan: {rated}");
    for employee in weak {
        let (_, plans) = app.get(&format!("/api/v1/employees/{employee}/development-plans"), &admin).await;
        let plans = plans["items"].as_array().unwrap();
        assert_eq!(plans.len(), 1, "one plan each, even when seeded twice: {plans:?}");
        assert_eq!((plans[0]["mandatory"].as_bool(), plans[0]["status"].as_str()), (Some(true), Some("active")));
        assert!(!plans[0]["trainings"].as_array().unwrap().is_empty());
    }
    let dinkes = app.unit_id("DINKES").await;
    let (status, map) = app.get(&format!("/api/v1/units/{dinkes}/competency-gaps"), &app.token("kadinkes").await).await;
    assert_eq!(status, StatusCode::OK, "{map}");
    assert!(map["cells"].as_array().unwrap().iter().any(|c| c["with_gap"].as_u64() > Some(0)), "{map}");
    assert!(map["training"].as_array().unwrap().iter().any(|r| r["jp"].as_u64() > Some(0)));
    let (_, d) = app.get(&format!("/api/v1/dashboard/units/{dinkes}"), &admin).await;
    assert_eq!(d["training"]["jp_target"], 20, "{}", d["training"]);
    assert!(d["training"]["jp_per_employee"].as_f64() > Some(0.0), "{}", d["training"]);
}

/// PP 11/2017 Pasal 203: a PNS has at least 20 JP a year; PP 49/2018 Pasal 39 gives a PPPK at most
/// 24 JP and no minimum, so the target reaches PPPK only where the Pemda applies it, capped at 24.
async fn the_jp_target_follows_the_employment_type(app: TestApp) {
    let admin = app.token("admin").await;
    let putri = app.employee_id(demo::PUTRI_PPPK).await;
    let ahmad = app.employee_id(demo::AHMAD).await;
    let target = |p: &Value| p["training_jp_target"].as_u64();
    let profile = |id: i64| format!("/api/v1/employees/{id}/competencies");
    assert_eq!(target(&app.get(&profile(ahmad), &admin).await.1), Some(20), "a PNS");
    assert_eq!(target(&app.get(&profile(putri), &admin).await.1), None, "no PPPK target by default");
    let dukcapil = app.unit_id("DUKCAPIL").await;
    let board = format!("/api/v1/dashboard/units/{dukcapil}");
    let before = app.get(&board, &admin).await.1["training"].clone();
    let (status, s) = app
        .patch("/api/v1/settings", &admin, json!({ "development_jp_for_pppk": true, "development_jp_target": 30 }))
        .await;
    assert_eq!(status, StatusCode::OK, "{s}");
    assert_eq!(target(&app.get(&profile(ahmad), &admin).await.1), Some(30));
    assert_eq!(target(&app.get(&profile(putri), &admin).await.1), Some(24), "at most 24 JP for a PPPK");
    let after = app.get(&board, &admin).await.1["training"].clone();
    assert_eq!(after["jp_target"], 30, "{after}");
    assert_eq!(
        after["with_target"].as_u64(),
        before["with_target"].as_u64().map(|n| n + 1),
        "the unit's one PPPK now counts: {before} {after}"
    );
    let map = app.get(&format!("/api/v1/units/{dukcapil}/competency-gaps"), &admin).await.1;
    let row = map["training"].as_array().unwrap().iter().find(|r| r["employee_id"] == putri).unwrap().clone();
    assert_eq!((row["employment_type"].as_str(), row["jp_target"].as_u64()), (Some("pppk"), Some(24)), "{row}");
    let (status, _) = app.patch("/api/v1/settings", &admin, json!({ "development_jp_target": 0 })).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
}

db_tests!(
    the_jp_target_follows_the_employment_type,
    catalogue_standards_gaps_and_plans,
    a_plan_is_mandatory_after_butuh_perbaikan,
    the_demo_city_has_gaps_and_plans
);
