//! Sign-in: login, same error for unknown user and wrong password, throttling, refresh rotation,
//! logout, `me`, and refusal of bad tokens.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::TestApp;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

async fn login_gives_tokens_and_me(app: TestApp) {
    let res = app.login_raw("kadinkes", "kinerja2026").await;
    assert_eq!(res.status(), StatusCode::OK);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["token_type"], "Bearer");
    assert!(body["expires_in"].as_i64().unwrap() <= 15 * 60);
    let token = body["access_token"].as_str().unwrap();
    let (status, me) = app.get("/api/v1/me", token).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(me["username"], "kadinkes");
    assert_eq!(me["display_name"], "dr. Siti Rahmawati, M.Kes.");
    assert_eq!(me["roles"], json!(["kepala_unit"]));
    assert_eq!(me["employee"]["nip"], common::demo::KADINKES);
    assert_eq!(me["is_supervisor"], true);
    // Usernames are case-insensitive.
    assert_eq!(app.login_raw("KaDinKes", "kinerja2026").await.status(), StatusCode::OK);
}

async fn unknown_user_and_wrong_password_look_the_same(app: TestApp) {
    let wrong = app.login_raw("kadinkes", "salah-sandi-1").await;
    assert_eq!(wrong.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(wrong.headers()["content-type"], "application/problem+json");
    let wrong: Value = wrong.json().await.unwrap();
    let unknown: Value = app.login_raw("tidak.ada", "salah-sandi-1").await.json().await.unwrap();
    assert_eq!(wrong, unknown);
    assert_eq!(wrong["detail"], "Nama pengguna atau kata sandi salah");
}

async fn five_failures_throttle_the_username(app: TestApp) {
    for _ in 0..5 {
        assert_eq!(app.login_raw("dedi", "bukan-sandinya-1").await.status(), StatusCode::UNAUTHORIZED);
    }
    // Even the right password is refused now, with a Retry-After.
    let res = app.login_raw("dedi", "kinerja2026").await;
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    let retry: u64 = res.headers()["retry-after"].to_str().unwrap().parse().unwrap();
    assert!(retry > 0 && retry <= 15 * 60, "{retry}");
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["code"], "rate_limited");
    // Another username is not affected.
    assert_eq!(app.login_raw("sri", "kinerja2026").await.status(), StatusCode::OK);
}

async fn refresh_rotates_and_reuse_ends_all_sessions(app: TestApp) {
    let first: Value = app.login_raw("sri", "kinerja2026").await.json().await.unwrap();
    let r1 = first["refresh_token"].as_str().unwrap();
    let (status, second) =
        app.call(Method::POST, "/api/v1/auth/refresh", None, Some(json!({ "refresh_token": r1 }))).await;
    assert_eq!(status, StatusCode::OK);
    let r2 = second["refresh_token"].as_str().unwrap();
    assert_ne!(r1, r2);
    assert_eq!(app.get("/api/v1/me", second["access_token"].as_str().unwrap()).await.0, StatusCode::OK);
    // The used token no longer works...
    let (status, body) =
        app.call(Method::POST, "/api/v1/auth/refresh", None, Some(json!({ "refresh_token": r1 }))).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(body["code"], "unauthorized");
    // ...and its reuse revoked the newer one too.
    let (status, _) = app.call(Method::POST, "/api/v1/auth/refresh", None, Some(json!({ "refresh_token": r2 }))).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    // Refresh tokens are stored as digests, never in clear.
    use kinerja_api::entities::refresh_tokens;
    use sea_orm::EntityTrait;
    let stored = refresh_tokens::Entity::find().all(&app.db).await.unwrap();
    assert!(!stored.is_empty());
    assert!(stored.iter().all(|t| t.token_hash != r1 && t.token_hash != r2 && t.token_hash.len() == 64));
}

async fn logout_revokes_the_refresh_token(app: TestApp) {
    let pair: Value = app.login_raw("ahmad", "kinerja2026").await.json().await.unwrap();
    let access = pair["access_token"].as_str().unwrap();
    let refresh = pair["refresh_token"].as_str().unwrap();
    let (status, _) = app.post("/api/v1/auth/logout", access, json!({ "refresh_token": refresh })).await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let (status, _) =
        app.call(Method::POST, "/api/v1/auth/refresh", None, Some(json!({ "refresh_token": refresh }))).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
}

async fn bad_tokens_are_refused(app: TestApp) {
    let (status, body) = app.call(Method::GET, "/api/v1/me", None, None).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(body["code"], "unauthorized");
    assert_eq!(app.get("/api/v1/me", "not-a-jwt").await.0, StatusCode::UNAUTHORIZED);
    // alg "none" with a valid-looking payload.
    let none =
        "eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJzdWIiOiIxIiwiaWF0IjoxLCJleHAiOjk5OTk5OTk5OTksInR5cCI6ImFjY2VzcyJ9.";
    assert_eq!(app.get("/api/v1/me", none).await.0, StatusCode::UNAUTHORIZED);
    // A token signed with another secret.
    let other = kinerja_api::auth::jwt::JwtKeys::new(b"another-secret-another-secret-another").issue(1, 600).unwrap();
    assert_eq!(app.get("/api/v1/me", &other).await.0, StatusCode::UNAUTHORIZED);
}

db_tests!(
    login_gives_tokens_and_me,
    unknown_user_and_wrong_password_look_the_same,
    five_failures_throttle_the_username,
    refresh_rotates_and_reuse_ends_all_sessions,
    logout_revokes_the_refresh_token,
    bad_tokens_are_refused,
);
