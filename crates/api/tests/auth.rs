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
    let other: Value = app.login_raw("ahmad", "kinerja2026").await.json().await.unwrap();
    let other_access = other["access_token"].as_str().unwrap();
    let (status, _) = app.post("/api/v1/auth/logout", access, json!({ "refresh_token": refresh })).await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    // The signed-out session's access token stops working too; another session goes on.
    assert_eq!(app.get("/api/v1/me", access).await.0, StatusCode::UNAUTHORIZED);
    assert_eq!(app.get("/api/v1/me", other_access).await.0, StatusCode::OK);
    // Refreshing keeps the session: the new access token works, and signing it out ends it.
    let (status, renewed) = app
        .call(Method::POST, "/api/v1/auth/refresh", None, Some(json!({ "refresh_token": other["refresh_token"] })))
        .await;
    assert_eq!(status, StatusCode::OK, "{renewed}");
    let renewed_access = renewed["access_token"].as_str().unwrap();
    assert_eq!(app.get("/api/v1/me", other_access).await.0, StatusCode::OK, "the old access token of a live session");
    let (status, _) =
        app.post("/api/v1/auth/logout", renewed_access, json!({ "refresh_token": renewed["refresh_token"] })).await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    assert_eq!(app.get("/api/v1/me", other_access).await.0, StatusCode::UNAUTHORIZED);
    assert_eq!(app.get("/api/v1/me", renewed_access).await.0, StatusCode::UNAUTHORIZED);
    // The signed-out refresh token is refused.
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
    let other =
        kinerja_api::auth::jwt::JwtKeys::new(b"another-secret-another-secret-another").issue(1, 1, 600).unwrap();
    assert_eq!(app.get("/api/v1/me", &other).await.0, StatusCode::UNAUTHORIZED);
}

async fn changing_a_password_ends_other_sessions(app: TestApp) {
    let elsewhere: Value = app.login_raw("dedi", "kinerja2026").await.json().await.unwrap();
    let pair: Value = app.login_raw("dedi", "kinerja2026").await.json().await.unwrap();
    let access = pair["access_token"].as_str().unwrap();
    let change = |current: &str, new: &str| json!({ "current_password": current, "new_password": new });
    let (status, body) = app.post("/api/v1/me/password", access, change("salah-sandi-9", "Rahasia-Baru-2026")).await;
    assert_eq!(
        (status, body["errors"][0]["field"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("current_password"))
    );
    let (status, body) = app.post("/api/v1/me/password", access, change("kinerja2026", "pendek1")).await;
    assert_eq!((status, body["errors"][0]["field"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some("new_password")));
    let (status, _) = app.post("/api/v1/me/password", access, change("kinerja2026", "kinerja2026")).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "the same password again");
    let (status, _) = app.post("/api/v1/me/password", access, change("kinerja2026", "Rahasia-Baru-2026")).await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    assert_eq!(app.login_raw("dedi", "kinerja2026").await.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(app.login_raw("dedi", "Rahasia-Baru-2026").await.status(), StatusCode::OK);
    let (status, _) = app
        .call(Method::POST, "/api/v1/auth/refresh", None, Some(json!({ "refresh_token": pair["refresh_token"] })))
        .await;
    assert_eq!(status, StatusCode::OK, "the session that changed the password goes on");
    assert_eq!(app.get("/api/v1/me", access).await.0, StatusCode::OK);
    let stale = elsewhere["access_token"].as_str().unwrap();
    assert_eq!(app.get("/api/v1/me", stale).await.0, StatusCode::UNAUTHORIZED, "the other session is over");
    // (Presenting its revoked refresh token now would be taken as theft and end every session.)
    let (_, log) = app.get("/api/v1/audit?per_page=50", &app.token("admin").await).await;
    assert!(log.to_string().contains("user.password_change"));
    assert!(!log.to_string().contains("Rahasia-Baru-2026"), "never a password in the log");
}

async fn an_admin_reset_forces_a_change(app: TestApp) {
    let admin = app.token("admin").await;
    let sri = app.token("sri").await;
    let (_, users) = app.get("/api/v1/users?per_page=100", &admin).await;
    let id = users["items"].as_array().unwrap().iter().find(|u| u["username"] == "sri").unwrap()["id"].clone();
    let path = format!("/api/v1/users/{id}/reset-password");
    assert_eq!(app.post(&path, &sri, json!({ "new_password": "Sementara-2026" })).await.0, StatusCode::FORBIDDEN);
    assert_eq!(app.post(&path, &admin, json!({ "new_password": "x1" })).await.0, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(app.post(&path, &admin, json!({ "new_password": "Sementara-2026" })).await.0, StatusCode::NO_CONTENT);
    let res = app.login_raw("sri", "Sementara-2026").await;
    assert_eq!(res.status(), StatusCode::OK);
    let temp: Value = res.json().await.unwrap();
    let temp = temp["access_token"].as_str().unwrap();
    let (_, me) = app.get("/api/v1/me", temp).await;
    assert_eq!(me["must_change_password"], true);
    assert_eq!(app.get("/api/v1/skps", temp).await.0, StatusCode::FORBIDDEN, "nothing else until changed");
    let body = json!({ "current_password": "Sementara-2026", "new_password": "Pilihan-Sri-2026" });
    assert_eq!(app.post("/api/v1/me/password", temp, body).await.0, StatusCode::NO_CONTENT);
    let (_, me) = app.get("/api/v1/me", temp).await;
    assert_eq!(me["must_change_password"], false);
    assert_eq!(app.get("/api/v1/skps", temp).await.0, StatusCode::OK);
}

/// A session begun after the identity was cached is known at once (the cache is read afresh once
/// for a session it does not hold), and a stale cache never lets an ended session back in.
async fn a_new_session_works_at_once(app: TestApp) {
    let first = app.token("dedi").await;
    assert_eq!(app.get("/api/v1/me", &first).await.0, StatusCode::OK);
    let second = app.token("dedi").await;
    assert_eq!(app.get("/api/v1/me", &second).await.0, StatusCode::OK);
    assert_eq!(app.get("/api/v1/me", &first).await.0, StatusCode::OK);
}

db_tests!(
    a_new_session_works_at_once,
    changing_a_password_ends_other_sessions,
    an_admin_reset_forces_a_change,
    login_gives_tokens_and_me,
    unknown_user_and_wrong_password_look_the_same,
    five_failures_throttle_the_username,
    refresh_rotates_and_reuse_ends_all_sessions,
    logout_revokes_the_refresh_token,
    bad_tokens_are_refused,
);
