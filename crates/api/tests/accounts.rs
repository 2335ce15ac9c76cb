//! Accounts from the admin's side: an employee's sign-in account with a temporary password made by
//! the server, a new temporary password for someone who forgot theirs, deactivating and
//! reactivating an account; and the NIP as people type it (grouped by spaces or dots).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::TestApp;
use reqwest::StatusCode;
use serde_json::{json, Value};

/// A temporary password as the server makes them: five letters, a dash, five digits, without
/// look-alike characters.
fn looks_temporary(secret: &str) -> bool {
    let Some((letters, digits)) = secret.split_once('-') else { return false };
    letters.len() == 5
        && digits.len() == 5
        && letters.bytes().all(|b| kinerja_domain::tracking_code::ALPHABET.contains(&b) && b.is_ascii_alphabetic())
        && digits.bytes().all(|b| kinerja_domain::tracking_code::ALPHABET.contains(&b) && b.is_ascii_digit())
}

async fn login(app: &TestApp, username: &str, password: &str) -> Option<String> {
    let res = app.login_raw(username, password).await;
    if res.status() != StatusCode::OK {
        return None;
    }
    let body: Value = res.json().await.unwrap();
    body["access_token"].as_str().map(str::to_owned)
}

async fn an_employee_gets_an_account_and_loses_it(app: TestApp) {
    let admin = app.token("admin").await;
    let kadinkes = app.token("kadinkes").await;
    let unit = app.unit_id("DINKES").await;
    // Typed as printed on a decree: grouped by spaces, and by dots.
    let new = json!({ "nip": "19930415 201903 2 011", "name": "Rina Marlina", "unit_id": unit,
        "position_title": "Pengelola Data", "position_kind": "pelaksana" });
    let (status, employee) = app.post("/api/v1/employees", &admin, new).await;
    assert_eq!(status, StatusCode::CREATED, "{employee}");
    assert_eq!(employee["nip"], "199304152019032011", "spaces are dropped");
    let dotted = json!({ "nip": "19930415.201903.2.012", "name": "Rudi Hartono", "unit_id": unit,
        "position_title": "Pengelola Data", "position_kind": "pelaksana" });
    let (status, other) = app.post("/api/v1/employees", &admin, dotted).await;
    assert_eq!((status, other["nip"].as_str()), (StatusCode::CREATED, Some("199304152019032012")), "dots too");
    let id = employee["id"].as_i64().unwrap();

    let path = format!("/api/v1/employees/{id}/account");
    assert_eq!(app.post(&path, &kadinkes, json!({})).await.0, StatusCode::FORBIDDEN, "admin only");
    assert_eq!(app.post("/api/v1/employees/987654/account", &admin, json!({})).await.0, StatusCode::NOT_FOUND);
    let (status, made) = app.post(&path, &admin, json!({})).await;
    assert_eq!(status, StatusCode::CREATED, "{made}");
    assert_eq!(made["user"]["username"], "199304152019032011", "the NIP is the sign-in name");
    assert_eq!(made["user"]["employee_id"], id);
    let first = made["temporary_password"].as_str().unwrap().to_owned();
    assert!(looks_temporary(&first), "{first}");
    assert_eq!(app.post(&path, &admin, json!({})).await.0, StatusCode::CONFLICT, "one account per employee");
    let user = made["user"]["id"].as_i64().unwrap();

    let (_, found) = app.get(&format!("/api/v1/users?employee_id={id}"), &admin).await;
    assert_eq!(found["total"], 1);
    assert_eq!(found["items"][0]["id"], user);

    let session = login(&app, "199304152019032011", &first).await.expect("the temporary password signs in");
    let (_, me) = app.get("/api/v1/me", &session).await;
    assert_eq!(me["must_change_password"], true, "and must be changed");

    let user_path = format!("/api/v1/users/{user}");
    assert_eq!(app.patch(&user_path, &kadinkes, json!({ "active": false })).await.0, StatusCode::FORBIDDEN);
    let (status, off) = app.patch(&user_path, &admin, json!({ "active": false })).await;
    assert_eq!((status, off["active"].as_bool()), (StatusCode::OK, Some(false)));
    assert_eq!(app.get("/api/v1/me", &session).await.0, StatusCode::UNAUTHORIZED, "the session ends at once");
    assert!(login(&app, "199304152019032011", &first).await.is_none(), "a deactivated account cannot sign in");
    let (status, on) = app.patch(&user_path, &admin, json!({ "active": true })).await;
    assert_eq!((status, on["active"].as_bool()), (StatusCode::OK, Some(true)));
    assert!(login(&app, "199304152019032011", &first).await.is_some(), "reactivated");

    let reset = format!("/api/v1/users/{user}/temporary-password");
    assert_eq!(app.post(&reset, &kadinkes, json!({})).await.0, StatusCode::FORBIDDEN);
    let (status, again) = app.post(&reset, &admin, json!({})).await;
    assert_eq!(status, StatusCode::OK, "{again}");
    let second = again["temporary_password"].as_str().unwrap();
    assert!(looks_temporary(second) && second != first);
    assert!(login(&app, "199304152019032011", &first).await.is_none(), "the old one is gone");
    let session = login(&app, "199304152019032011", second).await.expect("the new one signs in");
    assert_eq!(app.get("/api/v1/me", &session).await.1["must_change_password"], true);

    let (_, log) = app.get("/api/v1/audit?per_page=100", &admin).await;
    let log = log.to_string();
    assert!(log.contains("user.deactivate") && log.contains("user.activate") && log.contains("user.password_reset"));
    assert!(!log.contains(&first) && !log.contains(second), "never a password in the log");
}

async fn an_admin_cannot_lock_themselves_out(app: TestApp) {
    let admin = app.token("admin").await;
    let (_, users) = app.get("/api/v1/users?per_page=200", &admin).await;
    let me = users["items"].as_array().unwrap().iter().find(|u| u["username"] == "admin").unwrap()["id"].clone();
    let (status, body) = app.patch(&format!("/api/v1/users/{me}"), &admin, json!({ "active": false })).await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert_eq!(app.get("/api/v1/me", &admin).await.0, StatusCode::OK);
}

db_tests!(an_employee_gets_an_account_and_loses_it, an_admin_cannot_lock_themselves_out);
