//! Indicator feeds over HTTP: another system posts what it counted for an RHK indicator with a
//! scoped API token; nothing counts until the penilai accepts the feed (once), then the value shows
//! in the realisation with its source; a CSV does the same, all or nothing; tokens outside the
//! unit, read-only or without the route get nothing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use chrono::{Datelike, Duration, Utc};
use common::{Backend, TestApp};
use reqwest::StatusCode;
use serde_json::{json, Value};

backend_tests!(a_fed_value_counts_in_the_realisation_once_accepted, feeds_stay_within_the_token_and_the_tree);

const ROUTE: &str = "/api/v1/indicator-feeds";

/// This month in the Pemda's time, as a period.
fn this_month() -> String {
    let today = (Utc::now() + Duration::hours(7)).date_naive();
    format!("{}-{:02}", today.year(), today.month())
}

/// A token made by the admin: its secret.
async fn token(app: &TestApp, access: &str, unit: Option<&str>, routes: &[&str]) -> String {
    let admin = app.token("admin").await;
    let unit_id = match unit {
        Some(code) => json!(app.unit_id(code).await),
        None => Value::Null,
    };
    let body =
        json!({ "name": format!("Sistem {access} {unit:?}"), "access": access, "unit_id": unit_id, "routes": routes });
    let (status, created) = app.post("/api/v1/api-tokens", &admin, body).await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    created["token"].as_str().unwrap().to_owned()
}

/// Dedi's approved SKP of this year and its first `kuantitas` indicator: (skp id, indicator id).
async fn dedi_indicator(app: &TestApp) -> (i64, i64) {
    let dedi = app.token("dedi").await;
    let year = (Utc::now() + Duration::hours(7)).year();
    let me: Value = app.get("/api/v1/me", &dedi).await.1;
    let (_, plans) = app.get(&format!("/api/v1/skps?year={year}&status=approved"), &dedi).await;
    let skp = plans["items"].as_array().unwrap().iter().find(|s| s["employee_id"] == me["employee"]["id"]).unwrap();
    let (_, full) = app.get(&format!("/api/v1/skps/{}", skp["id"]), &dedi).await;
    let indicator = full["rhk"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|r| r["indicators"].as_array().unwrap().iter())
        .find(|i| i["aspect"] == "kuantitas")
        .expect("a kuantitas indicator");
    (skp["id"].as_i64().unwrap(), indicator["id"].as_i64().unwrap())
}

/// The indicator's realisation this month.
async fn realized(app: &TestApp, who: &str, skp: i64, indicator: i64) -> Value {
    let t = app.token(who).await;
    let (status, r) = app.get(&format!("/api/v1/skps/{skp}/realization?period={}", this_month()), &t).await;
    assert_eq!(status, StatusCode::OK, "{r}");
    r["rhk"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|r| r["indicators"].as_array().unwrap().clone())
        .find(|i| i["indicator_id"] == indicator)
        .unwrap()
}

async fn a_fed_value_counts_in_the_realisation_once_accepted(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (skp, indicator) = dedi_indicator(&app).await;
    let system = token(&app, "write", Some("DINKES"), &[ROUTE]).await;
    let before = realized(&app, "dedi", skp, indicator).await;
    let base = before["realized"].as_f64().unwrap();
    assert_eq!(before["fed"], json!([]));

    // Posted: a pending feed, which counts for nothing yet.
    let value = |v: f64, reference: &str| json!({ "indicator_id": indicator, "period": this_month(), "value": v, "source": "e-Puskesmas", "reference": reference });
    let (status, posted) = app.post(ROUTE, &system, value(40.0, "RUJ-01")).await;
    assert_eq!(status, StatusCode::CREATED, "{posted}");
    assert_eq!(posted["status"], "pending");
    assert!(posted["posted_by"].as_str().unwrap().starts_with("token:"), "{posted}");
    // The same reference again corrects the value rather than adding one.
    let (status, corrected) = app.post(ROUTE, &system, value(42.0, "RUJ-01")).await;
    assert_eq!(status, StatusCode::OK, "{corrected}");
    assert_eq!(corrected["id"], posted["id"]);
    assert_eq!(
        realized(&app, "dedi", skp, indicator).await["realized"].as_f64().unwrap(),
        base,
        "pending counts nothing"
    );

    // The penilai sees it waiting; the owner cannot decide on it.
    let kasi = app.token("kasi.rujukan").await;
    let (status, feeds) = app.get(&format!("{ROUTE}?skp_id={skp}&status=pending"), &kasi).await;
    assert_eq!(status, StatusCode::OK, "{feeds}");
    assert_eq!(feeds["total"], 1, "{feeds}");
    let feed = &feeds["items"][0];
    assert_eq!((feed["values"].as_u64(), feed["total"].as_f64()), (Some(1), Some(42.0)), "{feed}");
    let decision = format!("{ROUTE}/{}/decision", feed["id"]);
    let dedi = app.token("dedi").await;
    assert_eq!(app.post(&decision, &dedi, json!({ "accept": true })).await.0, StatusCode::FORBIDDEN);
    // A refusal needs its reason.
    let (status, problem) = app.post(&decision, &kasi, json!({ "accept": false })).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(problem["errors"][0]["code"], "feed_refusal_reason", "{problem}");
    // Accepted once: the same answer again is harmless, the other one is refused.
    let (status, accepted) = app.post(&decision, &kasi, json!({ "accept": true })).await;
    assert_eq!(status, StatusCode::OK, "{accepted}");
    let kasi_name = app.get("/api/v1/me", &kasi).await.1["employee"]["name"].clone();
    assert!(kasi_name.is_string());
    assert_eq!((&accepted["status"], &accepted["decided_by"]), (&json!("accepted"), &kasi_name), "decided, by name");
    assert_eq!(app.post(&decision, &kasi, json!({ "accept": true })).await.0, StatusCode::OK);
    let (status, _) = app.post(&decision, &kasi, json!({ "accept": false, "reason": "salah hitung" })).await;
    assert_eq!(status, StatusCode::CONFLICT);

    // Now it counts, shown with where it came from.
    let after = realized(&app, "dedi", skp, indicator).await;
    assert_eq!(after["realized"].as_f64().unwrap(), base + 42.0, "{after}");
    let fed = &after["fed"][0];
    assert_eq!((fed["source"].as_str(), fed["reference"].as_str()), (Some("e-Puskesmas"), Some("RUJ-01")), "{after}");
    assert_eq!((fed["value"].as_f64(), &fed["accepted_by"]), (Some(42.0), &kasi_name));

    // A CSV does the same, all or nothing: a bad row is named and nothing is written.
    let month = this_month();
    let bad = format!(
        "indicator_id,period,value,source,reference\n{indicator},{month},5,e-Puskesmas,RUJ-02\n999999,{month},3,e-Puskesmas,RUJ-03\n{indicator},{month},-1,e-Puskesmas,RUJ-04\n"
    );
    let (status, problem) = app.post_csv(&format!("{ROUTE}/import"), &system, &bad).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
    let lines: Vec<(u64, &str)> = problem["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["line"].as_u64().unwrap(), r["code"].as_str().unwrap()))
        .collect();
    assert_eq!(lines, [(3, "indicator_unknown"), (4, "feed_value")], "{problem}");
    assert_eq!(
        realized(&app, "dedi", skp, indicator).await["realized"].as_f64().unwrap(),
        base + 42.0,
        "nothing written"
    );
    let good = format!(
        "indicator_id;period;value;source;reference\n{indicator};{month};5;e-Puskesmas;RUJ-02\n{indicator};{month};2,5;e-Puskesmas;RUJ-03\n"
    );
    let (status, report) = app.post_csv(&format!("{ROUTE}/import"), &system, &good).await;
    assert_eq!(status, StatusCode::OK, "{report}");
    assert_eq!((report["created"].as_u64(), report["updated"].as_u64()), (Some(2), Some(0)));
    let last = realized(&app, "kasi.rujukan", skp, indicator).await;
    assert_eq!(last["realized"].as_f64().unwrap(), base + 49.5, "{last}");
    assert_eq!(last["fed"].as_array().unwrap().len(), 3);

    // The feed's values, and the trail.
    let (_, values) = app.get(&format!("{ROUTE}/{}/values", feed["id"]), &dedi).await;
    assert_eq!(values["total"], 3, "{values}");
    let admin = app.token("admin").await;
    let (_, log) = app.get("/api/v1/audit?per_page=100&entity=indicator_feed", &admin).await;
    let actions: Vec<&str> = log["items"].as_array().unwrap().iter().filter_map(|e| e["action"].as_str()).collect();
    for a in ["indicator_feed.post", "indicator_feed.correct", "indicator_feed.decide"] {
        assert!(actions.contains(&a), "{a} in {actions:?}");
    }
}

async fn feeds_stay_within_the_token_and_the_tree(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (skp, indicator) = dedi_indicator(&app).await;
    let body = |source: &str| json!({ "indicator_id": indicator, "period": this_month(), "value": 1, "source": source, "reference": "X-1" });
    // Another unit's token does not see the indicator.
    let other = token(&app, "write", Some("DUKCAPIL"), &[ROUTE]).await;
    assert_eq!(app.post(ROUTE, &other, body("SIAK")).await.0, StatusCode::NOT_FOUND);
    // A read-only token, or one whose routes do not name the feed route, posts nothing.
    let reader = token(&app, "read", Some("DINKES"), &[]).await;
    assert_eq!(app.post(ROUTE, &reader, body("SIAK")).await.0, StatusCode::FORBIDDEN);
    let elsewhere = token(&app, "write", Some("DINKES"), &["/api/v1/attendance"]).await;
    assert_eq!(app.post(ROUTE, &elsewhere, body("SIAK")).await.0, StatusCode::FORBIDDEN);
    // People post nothing (an admin may, for a source's file); a pegawai is refused.
    let dedi = app.token("dedi").await;
    assert_eq!(app.post(ROUTE, &dedi, body("SIAK")).await.0, StatusCode::FORBIDDEN);
    let admin = app.token("admin").await;
    assert_eq!(app.post(ROUTE, &admin, body("Rekap manual")).await.0, StatusCode::CREATED);
    // Wrong values are refused by field.
    let system = token(&app, "write", Some("DINKES"), &[ROUTE]).await;
    let mut wrong = body("SIAK");
    wrong["period"] = json!("2019-01");
    let (status, problem) = app.post(ROUTE, &system, wrong).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(problem["errors"][0]["code"], "period_outside_skp_year", "{problem}");
    let mut wrong = body("SIAK");
    wrong["value"] = json!(-3);
    assert_eq!(app.post(ROUTE, &system, wrong).await.1["errors"][0]["code"], "feed_value");
    // A source that sends months cannot also send a quarter (the same work would count twice).
    assert_eq!(app.post(ROUTE, &system, body("SIAK")).await.0, StatusCode::CREATED);
    let mut quarter = body("SIAK");
    quarter["reference"] = json!("X-Q");
    quarter["period"] =
        json!(format!("{}-Q{}", &this_month()[..4], (this_month()[5..].parse::<u32>().unwrap() - 1) / 3 + 1));
    let (status, problem) = app.post(ROUTE, &system, quarter).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
    assert_eq!(problem["errors"][0]["code"], "feed_period_kind");
    // A city-wide token reads; it feeds nothing.
    let city = token(&app, "write", None, &[ROUTE]).await;
    assert_eq!(app.post(ROUTE, &city, body("SIAK")).await.0, StatusCode::FORBIDDEN);
    // Outside the tree, the feeds are not there.
    let (_, feeds) = app.get(&format!("{ROUTE}?skp_id={skp}"), &admin).await;
    let id = feeds["items"][0]["id"].as_i64().unwrap();
    let outsider = app.token("kadisdukcapil").await;
    assert_eq!(app.get(&format!("{ROUTE}?skp_id={skp}"), &outsider).await.0, StatusCode::NOT_FOUND);
    assert_eq!(app.get(&format!("{ROUTE}/{id}/values"), &outsider).await.0, StatusCode::NOT_FOUND);
    let decision = json!({ "accept": true });
    assert_eq!(app.post(&format!("{ROUTE}/{id}/decision"), &outsider, decision).await.0, StatusCode::NOT_FOUND);
    let (_, mine) = app.get(ROUTE, &outsider).await;
    assert_eq!(mine["total"], 0, "{mine}");
}
