//! Security basics over HTTP: the headers on every answer, CORS only for configured origins, HSTS
//! when TLS ends in front, a JWT secret rotation that signs nobody out, and rate limits that
//! believe `X-Forwarded-For` only from a trusted proxy.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::TestApp;
use reqwest::{Method, StatusCode};

const PORTAL: &str = "https://portal.sukamaju.go.id";

async fn headers_cors_and_hsts(app: TestApp) {
    // Every answer, by default: no sniffing, no framing, no HSTS (plain HTTP on a laptop), no CORS.
    let res = app.client.get(app.url("/health")).header("Origin", PORTAL).send().await.unwrap();
    assert_eq!(res.headers()["x-content-type-options"], "nosniff");
    assert_eq!(res.headers()["x-frame-options"], "DENY");
    let csp = res.headers()["content-security-policy"].to_str().unwrap();
    assert!(csp.contains("default-src 'self'") && csp.contains("frame-ancestors 'none'"), "{csp}");
    assert!(!csp.contains("'unsafe-eval'") && csp.contains("'wasm-unsafe-eval'"), "{csp}");
    assert!(res.headers().get("strict-transport-security").is_none());
    assert!(res.headers().get("access-control-allow-origin").is_none());
    // Configured: the portal may call the API from a browser, another site may not; HSTS is sent.
    let tuned = TestApp::spawn_with(app.backend, true, |c| {
        c.cors_origins = vec![PORTAL.to_owned()];
        c.hsts = true;
    })
    .await;
    let preflight = |origin: &'static str| {
        tuned
            .client
            .request(Method::OPTIONS, tuned.url("/api/v1/me"))
            .header("Origin", origin)
            .header("Access-Control-Request-Method", "GET")
            .header("Access-Control-Request-Headers", "authorization")
            .send()
    };
    let ok = preflight(PORTAL).await.unwrap();
    assert!(ok.status().is_success(), "{}", ok.status());
    assert_eq!(ok.headers()["access-control-allow-origin"], PORTAL);
    let evil = preflight("https://evil.example").await.unwrap();
    assert!(evil.headers().get("access-control-allow-origin").is_none());
    let token = tuned.token("dedi").await;
    let res =
        tuned.client.get(tuned.url("/api/v1/me")).bearer_auth(&token).header("Origin", PORTAL).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()["access-control-allow-origin"], PORTAL);
    assert!(res.headers()["strict-transport-security"].to_str().unwrap().starts_with("max-age="));
}

async fn a_secret_rotation_signs_nobody_out(app: TestApp) {
    let old = b"old-secret-old-secret-old-secret-0".to_vec();
    let rotated = TestApp::spawn_with(app.backend, true, |c| {
        c.jwt_secret = b"new-secret-new-secret-new-secret-1".to_vec();
        c.jwt_previous_secrets = vec![old.clone()];
    })
    .await;
    let fresh = rotated.token("dedi").await;
    assert_eq!(rotated.get("/api/v1/me", &fresh).await.0, StatusCode::OK);
    let user_id = rotated.get("/api/v1/me", &fresh).await.1["id"].as_i64().unwrap();
    // A token of the same session, as a server still on the old secret signed it.
    let session = session_of(&fresh);
    let before = kinerja_api::auth::jwt::JwtKeys::new(&old).issue(user_id, session, 600).unwrap();
    let (status, me) = rotated.get("/api/v1/me", &before).await;
    assert_eq!(status, StatusCode::OK, "a token of the old key still works: {me}");
    let forged = kinerja_api::auth::jwt::JwtKeys::new(b"someone-elses-secret-someone-else")
        .issue(user_id, session, 600)
        .unwrap();
    assert_eq!(rotated.get("/api/v1/me", &forged).await.0, StatusCode::UNAUTHORIZED);
}

/// The session id an access token carries (its claims, read without checking the signature).
fn session_of(token: &str) -> i64 {
    use base64::Engine;
    let payload = token.split('.').nth(1).expect("a JWT");
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(payload).expect("base64url");
    serde_json::from_slice::<serde_json::Value>(&bytes).expect("claims")["sid"].as_i64().expect("a session id")
}

/// Asks for an unknown tracking code as `client` until the limit (60 a minute) answers 429.
async fn exhaust(app: &TestApp, client: &str) {
    // The limit counts in fixed minutes: start early in one, so that the 60 lookups and the check
    // after them fall in the same window.
    let second = chrono::Utc::now().timestamp().rem_euclid(60);
    if second > 45 {
        tokio::time::sleep(std::time::Duration::from_secs((61 - second) as u64)).await;
    }
    for _ in 0..60 {
        let res = app
            .client
            .get(app.url("/api/v1/public/complaints/ADU-TIDAKADA0000"))
            .header("X-Forwarded-For", client)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::NOT_FOUND);
    }
}

async fn status_as(app: &TestApp, client: &str) -> StatusCode {
    app.client
        .get(app.url("/api/v1/public/complaints/ADU-TIDAKADA0000"))
        .header("X-Forwarded-For", client)
        .send()
        .await
        .unwrap()
        .status()
}

async fn forwarded_addresses_only_from_a_trusted_proxy(app: TestApp) {
    // Untrusted: the header is ignored, so a forged address does not reset the limit.
    exhaust(&app, "203.0.113.1").await;
    assert_eq!(status_as(&app, "203.0.113.2").await, StatusCode::TOO_MANY_REQUESTS);
    // Behind a trusted proxy: each citizen has their own limit.
    let proxied =
        TestApp::spawn_with(app.backend, false, |c| c.trusted_proxies = vec!["127.0.0.1".parse().unwrap()]).await;
    exhaust(&proxied, "203.0.113.1").await;
    assert_eq!(status_as(&proxied, "203.0.113.1").await, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(status_as(&proxied, "203.0.113.2").await, StatusCode::NOT_FOUND);
    // The client is the last address the trusted proxy saw, not what the client claims first.
    assert_eq!(status_as(&proxied, "198.51.100.7, 203.0.113.1").await, StatusCode::TOO_MANY_REQUESTS);
}

db_tests!(headers_cors_and_hsts, a_secret_rotation_signs_nobody_out, forwarded_addresses_only_from_a_trusted_proxy);
