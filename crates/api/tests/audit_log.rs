//! The audit log records writes and detects a tampered or deleted row.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::TestApp;
use reqwest::StatusCode;
use sea_orm::ConnectionTrait;
use serde_json::json;

async fn writes_are_recorded_and_the_chain_verifies(app: TestApp) {
    let admin = app.token("admin").await;
    let unit = app.unit_id("DINKES").await;
    app.patch(&format!("/api/v1/units/{unit}"), &admin, json!({ "name": "Dinas Kesehatan Kota" })).await;
    let (status, page) = app.get("/api/v1/audit?entity=unit", &admin).await;
    assert_eq!(status, StatusCode::OK);
    let entry = &page["items"][0];
    assert_eq!(entry["action"], "unit.update");
    assert_eq!(entry["actor"], "admin");
    assert_eq!(entry["before"]["name"], "Dinas Kesehatan");
    assert_eq!(entry["after"]["name"], "Dinas Kesehatan Kota");
    let (_, verdict) = app.get("/api/v1/audit/verify", &admin).await;
    assert_eq!(verdict["intact"], true, "{verdict}");
    assert!(verdict["checked"].as_u64().unwrap() >= 2);
}

async fn a_tampered_row_is_detected(app: TestApp) {
    let admin = app.token("admin").await;
    for name in ["A", "B", "C"] {
        let unit = app.unit_id("BKPSDM").await;
        app.patch(&format!("/api/v1/units/{unit}"), &admin, json!({ "name": format!("BKPSDM {name}") })).await;
    }
    let (_, page) = app.get("/api/v1/audit?action=unit.update", &admin).await;
    let middle = page["items"][1]["id"].as_i64().unwrap();
    app.db
        .execute_unprepared(&format!("UPDATE audit_log SET after = '{{\"name\":\"dipalsukan\"}}' WHERE id = {middle}"))
        .await
        .unwrap();
    let (_, verdict) = app.get("/api/v1/audit/verify", &admin).await;
    assert_eq!(verdict["intact"], false);
    assert_eq!(verdict["first_broken_id"], middle);
}

async fn a_deleted_row_is_detected(app: TestApp) {
    let admin = app.token("admin").await;
    for name in ["A", "B"] {
        let unit = app.unit_id("BKPSDM").await;
        app.patch(&format!("/api/v1/units/{unit}"), &admin, json!({ "name": format!("BKPSDM {name}") })).await;
    }
    let (_, page) = app.get("/api/v1/audit?action=unit.update", &admin).await;
    let older = page["items"][1]["id"].as_i64().unwrap();
    let newer = page["items"][0]["id"].as_i64().unwrap();
    app.db.execute_unprepared(&format!("DELETE FROM audit_log WHERE id = {older}")).await.unwrap();
    let (_, verdict) = app.get("/api/v1/audit/verify", &admin).await;
    assert_eq!(verdict["intact"], false);
    assert_eq!(verdict["first_broken_id"], newer);
}

db_tests!(writes_are_recorded_and_the_chain_verifies, a_tampered_row_is_detected, a_deleted_row_is_detected);
