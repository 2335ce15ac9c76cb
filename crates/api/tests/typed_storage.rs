//! Stored enumerations are typed columns: a value the code does not know (written behind the
//! server's back, by an old version or by hand) is an error that is logged and answered 500 —
//! never read back as a plausible default such as "draft" or "opd".
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{demo, TestApp};
use reqwest::StatusCode;
use sea_orm::{ConnectionTrait, Statement};
use serde_json::json;

async fn corrupt(app: &TestApp, sql: &str) {
    app.db.execute_raw(Statement::from_string(app.db.get_database_backend(), sql.to_owned())).await.unwrap();
}

async fn unknown_stored_values_are_errors_not_defaults(app: TestApp) {
    let dedi = app.token("dedi").await;
    let admin = app.token("admin").await;
    let (status, skps) = app
        .get(&format!("/api/v1/skps?employee_id={}&status=approved", app.employee_id(demo::DEDI).await), &dedi)
        .await;
    assert_eq!(status, StatusCode::OK, "{skps}");
    let rhk = {
        let (_, plan) = app.get(&format!("/api/v1/skps/{}", skps["items"][0]["id"]), &dedi).await;
        plan["rhk"][0]["id"].as_i64().unwrap()
    };
    let today = (chrono::Utc::now() + chrono::Duration::hours(7)).date_naive().to_string();
    let (status, activity) = app
        .post(
            "/api/v1/activities",
            &dedi,
            json!({ "date": today, "minutes": 30, "description": "Mencatat data rujukan", "rhk_id": rhk }),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{activity}");
    let id = activity["id"].as_i64().unwrap();
    let (status, read) = app.get(&format!("/api/v1/activities/{id}"), &dedi).await;
    assert_eq!((status, read["status"].as_str()), (StatusCode::OK, Some("draft")));

    corrupt(&app, &format!("UPDATE activities SET status = 'tertunda' WHERE id = {id}")).await;
    let (status, body) = app.get(&format!("/api/v1/activities/{id}"), &dedi).await;
    assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR, "an unknown status must not read as a default: {body}");
    assert!(!body.to_string().contains("tertunda"), "internals are not shown: {body}");

    let unit = app.unit_id("DINKES-RUJ").await;
    let (status, read) = app.get(&format!("/api/v1/units/{unit}"), &admin).await;
    assert_eq!((status, read["kind"].as_str()), (StatusCode::OK, Some("seksi")));
    corrupt(&app, &format!("UPDATE units SET kind = 'direktorat' WHERE id = {unit}")).await;
    let (status, body) = app.get(&format!("/api/v1/units/{unit}"), &admin).await;
    assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR, "an unknown unit kind must not read as 'opd': {body}");
}

db_tests!(unknown_stored_values_are_errors_not_defaults);
