//! API tokens for other systems: created by an admin and shown once, stored hashed, scoped to
//! read-only or named routes and to a unit subtree, last use recorded, revocable.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::TestApp;
use reqwest::{Method, StatusCode};
use sea_orm::EntityTrait;
use serde_json::{json, Value};
use sha2::{Digest, Sha256};

async fn create(app: &TestApp, admin: &str, body: Value) -> (StatusCode, Value) {
    app.post("/api/v1/api-tokens", admin, body).await
}

async fn a_token_reads_within_its_scope_and_can_be_revoked(app: TestApp) {
    let admin = app.token("admin").await;
    // Only admins create tokens; a write token must name its routes.
    let body = json!({ "name": "Payroll TPP", "access": "read" });
    assert_eq!(create(&app, &app.token("kadinkes").await, body.clone()).await.0, StatusCode::FORBIDDEN);
    let (status, e) = create(&app, &admin, json!({ "name": "Gudang data", "access": "write" })).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{e}");
    let (status, created) = create(&app, &admin, body).await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    let secret = created["token"].as_str().unwrap().to_owned();
    assert!(secret.starts_with("knj_") && secret.len() > 40);
    // Hashed at rest; the list never shows the secret.
    let stored = kinerja_api::entities::api_tokens::Entity::find().one(&app.db).await.unwrap().unwrap().token_hash;
    assert_eq!(stored, hex::encode(Sha256::digest(secret.as_bytes())));
    let (_, list) = app.get("/api/v1/api-tokens", &admin).await;
    assert!(!list.to_string().contains(&secret));
    assert_eq!(list["items"][0]["last_used_at"], Value::Null);

    // A city-wide read token reads like an auditor and cannot write.
    let (status, employees) = app.get("/api/v1/employees?per_page=5", &secret).await;
    assert_eq!(status, StatusCode::OK, "{employees}");
    assert!(employees["total"].as_u64().unwrap() > 20);
    let unit = json!({ "code": "X-1", "name": "Unit X", "kind": "bidang" });
    assert_eq!(app.post("/api/v1/units", &secret, unit).await.0, StatusCode::FORBIDDEN);
    let (_, list) = app.get("/api/v1/api-tokens", &admin).await;
    assert!(list["items"][0]["last_used_at"].is_string(), "last use recorded");
    // Nor can it manage tokens.
    assert_eq!(app.get("/api/v1/api-tokens", &secret).await.0, StatusCode::FORBIDDEN);

    // Revoked: refused at once.
    let id = created["id"].as_i64().unwrap();
    let (status, _) = app.call(Method::DELETE, &format!("/api/v1/api-tokens/{id}"), Some(&admin), None).await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    assert_eq!(app.get("/api/v1/employees", &secret).await.0, StatusCode::UNAUTHORIZED);
    assert_eq!(app.get("/api/v1/employees", "knj_not-a-real-token").await.0, StatusCode::UNAUTHORIZED);
    let (_, log) = app.get("/api/v1/audit?per_page=100", &admin).await;
    let actions: Vec<&str> = log["items"].as_array().unwrap().iter().filter_map(|e| e["action"].as_str()).collect();
    assert!(actions.contains(&"api_token.create") && actions.contains(&"api_token.revoke"), "{actions:?}");
}

async fn a_unit_token_sees_only_its_subtree_and_routes(app: TestApp) {
    let admin = app.token("admin").await;
    let dukcapil = app.unit_id("DUKCAPIL").await;
    let dinkes = app.unit_id("DINKES").await;
    let (status, created) = create(
        &app,
        &admin,
        json!({ "name": "Laporan Disdukcapil", "access": "read", "unit_id": dukcapil, "routes": ["/api/v1/reports"] }),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    let token = created["token"].as_str().unwrap();
    let (status, r) = app.get(&format!("/api/v1/reports/assessments?unit_id={dukcapil}&period=2026-Q3"), token).await;
    assert_eq!(status, StatusCode::OK, "{r}");
    assert_eq!(
        app.get(&format!("/api/v1/reports/assessments?unit_id={dinkes}&period=2026-Q3"), token).await.0,
        StatusCode::NOT_FOUND,
        "outside its subtree"
    );
    assert_eq!(app.get("/api/v1/employees", token).await.0, StatusCode::FORBIDDEN, "outside its routes");
    // A write token writes only on its routes.
    let (_, w) = create(
        &app,
        &admin,
        json!({ "name": "Sinkron", "access": "write", "unit_id": dukcapil, "routes": ["/api/v1/reports"] }),
    )
    .await;
    let w = w["token"].as_str().unwrap();
    let unit = json!({ "code": "X-2", "name": "Unit X", "kind": "bidang", "parent_id": dukcapil });
    assert_eq!(app.post("/api/v1/units", w, unit).await.0, StatusCode::FORBIDDEN);
}

db_tests!(a_token_reads_within_its_scope_and_can_be_revoked, a_unit_token_sees_only_its_subtree_and_routes);
