//! Combined roles (issue #16): reading the whole city never widens where one writes. An Inspektur
//! holds `auditor` and heads the Inspektorat: they read every unit, and write PK goals and
//! evaluation sessions for the Inspektorat only. An auditor who also operates Disdukcapil's counter
//! registers kiosks and IKM weights there, and nowhere else.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use chrono::{Datelike, Duration, Utc};
use common::TestApp;
use reqwest::StatusCode;
use serde_json::json;

const INSPEKTUR_NIP: &str = "196912121994031005";

async fn account(app: &TestApp, admin: &str, username: &str, roles: &[&str], unit: &str, nip: Option<&str>) -> String {
    let employee_id = match nip {
        Some(n) => Some(app.employee_id(n).await),
        None => None,
    };
    let body = json!({ "username": username, "password": kinerja_api::seed::demo::DEMO_PASSWORD, "roles": roles,
        "unit_id": app.unit_id(unit).await, "employee_id": employee_id });
    let (status, created) = app.post("/api/v1/users", admin, body).await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    app.token(username).await
}

async fn reading_the_city_never_widens_writing(app: TestApp) {
    let admin = app.token("admin").await;
    let inspektur =
        account(&app, &admin, "inspektur", &["auditor", "kepala_unit"], "INSPEKTORAT", Some(INSPEKTUR_NIP)).await;
    let (own, ruj) = (app.unit_id("INSPEKTORAT").await, app.unit_id("DINKES-RUJ").await);
    let year = (Utc::now() + Duration::hours(7)).year();
    let goal = json!({ "year": year, "text": "Meningkatnya mutu pengawasan", "indicators": [{ "text": "Temuan ditindaklanjuti", "target": 90, "unit": "%" }] });

    // Reads everywhere, as an auditor.
    assert_eq!(app.get(&format!("/api/v1/units/{ruj}/pk?year={year}"), &inspektur).await.0, StatusCode::OK);
    assert_eq!(app.get(&format!("/api/v1/dashboard/units/{ruj}"), &inspektur).await.0, StatusCode::OK);
    // Writes at home, as its head...
    let (status, body) = app.post(&format!("/api/v1/units/{own}/pk"), &inspektur, goal.clone()).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let today = (Utc::now() + Duration::hours(7)).date_naive().to_string();
    let session = |unit: i64| json!({ "unit_id": unit, "kind": "periodic", "held_on": today, "title": "Evaluasi triwulan", "attendees": ["Inspektur"], "employee_ids": [], "decisions": "Dibahas capaian" });
    let (status, body) = app.post("/api/v1/evaluation-sessions", &inspektur, session(own)).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    // ...and nowhere else.
    assert_eq!(app.post(&format!("/api/v1/units/{ruj}/pk"), &inspektur, goal).await.0, StatusCode::FORBIDDEN);
    assert_eq!(app.post("/api/v1/evaluation-sessions", &inspektur, session(ruj)).await.0, StatusCode::FORBIDDEN);
    let predikat = json!({ "period": year.to_string(), "predikat": "baik" });
    let (status, _) = app
        .call(reqwest::Method::PUT, &format!("/api/v1/units/{ruj}/org-predikat"), Some(&inspektur), Some(predikat))
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    // An auditor who operates Disdukcapil's counter.
    let counter = account(&app, &admin, "auditor.loket", &["auditor", "operator_layanan"], "DUKCAPIL", None).await;
    let (dukcapil, pkm) = (app.unit_id("DUKCAPIL").await, app.unit_id("PKM-SUKAJADI").await);
    let kiosk = json!({ "name": "Tablet loket" });
    let (status, body) = app.post(&format!("/api/v1/units/{dukcapil}/kiosks"), &counter, kiosk.clone()).await;
    assert!(status.is_success(), "{status} {body}");
    assert_eq!(app.post(&format!("/api/v1/units/{pkm}/kiosks"), &counter, kiosk).await.0, StatusCode::FORBIDDEN);
    let weights = json!({ "weights": null });
    let put = async |unit: i64| {
        let path = format!("/api/v1/units/{unit}/ikm-weights");
        app.call(reqwest::Method::PUT, &path, Some(&counter), Some(weights.clone())).await
    };
    assert!(put(dukcapil).await.0.is_success());
    assert_eq!(put(pkm).await.0, StatusCode::FORBIDDEN);
    assert_eq!(app.get(&format!("/api/v1/units/{pkm}/ikm"), &counter).await.0, StatusCode::OK, "reads as an auditor");
}

db_tests!(reading_the_city_never_widens_writing);
