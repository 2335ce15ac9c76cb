//! Pemda settings: defaults of the domain guide, admin changes, validation, audit.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::TestApp;
use reqwest::StatusCode;
use serde_json::json;

async fn defaults_then_an_audited_change(app: TestApp) {
    let dedi = app.token("dedi").await;
    let (status, s) = app.get("/api/v1/settings", &dedi).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(s["skp_deadline"], "01-31");
    assert_eq!(s["activity_max_days_back"], 7);
    assert_eq!(s["activity_max_minutes_per_day"], 720);
    assert_eq!(s["objection_days"], 14);
    assert_eq!(s["assessment_frequency"], "quarterly");
    assert_eq!(s["pemda_name"], "Pemerintah Kota Sukamaju");
    // Only admins change them.
    assert_eq!(app.patch("/api/v1/settings", &dedi, json!({ "objection_days": 10 })).await.0, StatusCode::FORBIDDEN);
    let admin = app.token("admin").await;
    let (status, s) =
        app.patch("/api/v1/settings", &admin, json!({ "objection_days": 10, "holidays": ["2026-12-25"] })).await;
    assert_eq!(status, StatusCode::OK, "{s}");
    assert_eq!(s["objection_days"], 10);
    assert_eq!(app.get("/api/v1/settings", &dedi).await.1["holidays"], json!(["2026-12-25"]));
    let (_, audit) = app.get("/api/v1/audit?entity=settings", &admin).await;
    assert_eq!(audit["items"][0]["before"], json!({ "objection_days": 14, "holidays": [] }));
    assert_eq!(audit["items"][0]["after"], json!({ "objection_days": 10, "holidays": ["2026-12-25"] }));
}

async fn bad_values_are_refused_by_field(app: TestApp) {
    let admin = app.token("admin").await;
    for (body, field) in [
        (json!({ "objection_days": 0 }), "objection_days"),
        (json!({ "objection_days": "lima" }), "objection_days"),
        (json!({ "skp_deadline": "13-45" }), "skp_deadline"),
        (json!({ "nothing_like_this": 1 }), "nothing_like_this"),
        (json!({ "holidays": ["besok"] }), "holidays"),
        // A nested rule is named by its path, as the settings form shows it.
        (
            json!({ "complaint_class_days": { "ringan": 0, "normatif": 5, "tidak_berkadar_pengawasan": 14, "berkadar_pengawasan": 60 } }),
            "complaint_class_days.ringan",
        ),
        (json!({ "development_jp_target": 0 }), "development_jp_target"),
    ] {
        let (status, problem) = app.patch("/api/v1/settings", &admin, body.clone()).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        assert_eq!(problem["errors"][0]["field"], field, "{problem}");
    }
    let (_, s) = app.get("/api/v1/settings", &admin).await;
    assert_eq!(s["objection_days"], 14, "nothing changed");
}

/// A forgotten password is reset by the BKPSDM: the sign-in page (through the public info) says
/// where to ask, as the admin set it; nothing when it is blank.
async fn the_help_desk_is_public(app: TestApp) {
    let info = || async { app.call(reqwest::Method::GET, "/api/v1/public/info", None, None).await.1 };
    assert!(info().await["helpdesk_contact"].as_str().unwrap().contains("BKPSDM"), "the demo city's");
    let admin = app.token("admin").await;
    let contact = "Ruang 201 · WA 0812-9999-0000";
    let (status, s) = app.patch("/api/v1/settings", &admin, json!({ "helpdesk_contact": contact })).await;
    assert_eq!(status, StatusCode::OK, "{s}");
    assert_eq!(info().await["helpdesk_contact"], contact);
    app.patch("/api/v1/settings", &admin, json!({ "helpdesk_contact": "  " })).await;
    assert!(info().await["helpdesk_contact"].is_null());
    let long = "x".repeat(201);
    let (status, problem) = app.patch("/api/v1/settings", &admin, json!({ "helpdesk_contact": long })).await;
    assert_eq!(
        (status, problem["errors"][0]["field"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("helpdesk_contact"))
    );
}

db_tests!(defaults_then_an_audited_change, bad_values_are_refused_by_field, the_help_desk_is_public);
