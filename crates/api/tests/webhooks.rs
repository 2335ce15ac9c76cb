//! Outgoing webhooks against a real HTTP receiver started by the test: an approved activity
//! reaches a subscribed address as a signed event (HMAC-SHA256 of the body with the secret); an
//! event the receiver missed while it was down is retried, and the admin's replay delivers it with
//! the same event id; only the BKPSDM admin manages subscriptions and replays.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use chrono::{Datelike, Duration, Utc, Weekday};
use common::outside::{Received, Receiver};
use common::{Backend, TestApp};
use hmac::{Hmac, Mac};
use reqwest::StatusCode;
use serde_json::{json, Value};
use sha2::Sha256;

backend_tests!(
    an_approved_activity_reaches_the_subscriber_signed_and_a_missed_one_is_replayed,
    only_the_admin_subscribes
);

const SECRET: &str = "rahasia-jembatan-bkpsdm-2026";

async fn app(backend: Backend, allow_http: bool) -> TestApp {
    TestApp::spawn_with(backend, true, |c| {
        c.delivery.webhooks_allow_http = allow_http;
        c.delivery.poll = std::time::Duration::from_millis(100);
    })
    .await
}

/// The latest Monday to Friday not after today (WIB).
fn working_day() -> chrono::NaiveDate {
    let mut d = (Utc::now() + Duration::hours(7)).date_naive();
    while matches!(d.weekday(), Weekday::Sat | Weekday::Sun) {
        d -= Duration::days(1);
    }
    d
}

/// Dedi logs and submits an activity; his penilai approves it. Answers its id.
async fn approved_activity(app: &TestApp, minutes: u32) -> i64 {
    let (dedi, kasi) = (app.token("dedi").await, app.token("kasi.rujukan").await);
    let year = working_day().year();
    let (_, plans) = app.get(&format!("/api/v1/skps?year={year}&status=approved"), &dedi).await;
    let me: Value = app.get("/api/v1/me", &dedi).await.1;
    let skp = plans["items"].as_array().unwrap().iter().find(|s| s["employee_id"] == me["employee"]["id"]).unwrap();
    let (_, full) = app.get(&format!("/api/v1/skps/{}", skp["id"]), &dedi).await;
    let body = json!({ "date": working_day().to_string(), "minutes": minutes, "description": "Menyusun rekap data rujukan", "rhk_id": full["rhk"][0]["id"] });
    let (status, a) = app.post("/api/v1/activities", &dedi, body).await;
    assert_eq!(status, StatusCode::CREATED, "{a}");
    let id = a["id"].as_i64().unwrap();
    assert_eq!(app.post(&format!("/api/v1/activities/{id}/submit"), &dedi, json!({})).await.0, StatusCode::OK);
    assert_eq!(app.post(&format!("/api/v1/activities/{id}/approve"), &kasi, json!({})).await.0, StatusCode::OK);
    id
}

/// Checks the request's signature as a receiver would, with its own HMAC, and answers its event.
fn verified(r: &Received) -> Value {
    let mut mac = Hmac::<Sha256>::new_from_slice(SECRET.as_bytes()).unwrap();
    mac.update(&r.body);
    let expected = format!("sha256={}", hex::encode(mac.finalize().into_bytes()));
    assert_eq!(r.headers.get("x-kinerja-signature"), Some(&expected), "signed with the secret");
    let event: Value = serde_json::from_slice(&r.body).unwrap();
    assert_eq!(r.headers.get("x-kinerja-event-id").map(String::as_str), event["id"].as_str());
    assert_eq!(r.headers.get("x-kinerja-event").map(String::as_str), event["event"].as_str());
    assert_eq!(r.headers.get("content-type").map(String::as_str), Some("application/json"));
    event
}

async fn deliveries(app: &TestApp, admin: &str, hook: i64) -> Vec<Value> {
    let (status, page) = app.get(&format!("/api/v1/webhooks/{hook}/deliveries"), admin).await;
    assert_eq!(status, StatusCode::OK, "{page}");
    page["items"].as_array().unwrap().clone()
}

async fn an_approved_activity_reaches_the_subscriber_signed_and_a_missed_one_is_replayed(backend: Backend) {
    let app = app(backend, true).await;
    let receiver = Receiver::start().await;
    let admin = app.token("admin").await;
    let subscription = json!({ "url": receiver.url, "events": ["activity.approved"], "secret": SECRET, "description": "Jembatan TPP" });
    let (status, hook) = app.post("/api/v1/webhooks", &admin, subscription).await;
    assert_eq!(status, StatusCode::CREATED, "{hook}");
    assert!(hook.get("secret").is_none(), "the secret is never shown: {hook}");
    let hook_id = hook["id"].as_i64().unwrap();

    // Submitting is not subscribed; the approval is, and arrives signed.
    let first = approved_activity(&app, 60).await;
    let got = receiver.wait_for(1).await;
    let event = verified(&got[0]);
    assert_eq!(event["event"], "activity.approved");
    assert_eq!(
        (event["entity"].as_str(), event["entity_id"].as_str()),
        (Some("activity"), Some(first.to_string().as_str()))
    );
    assert_eq!(event["status"], "approved");
    assert_eq!(event["resource"], format!("/api/v1/activities/{first}"));
    assert!(
        event.get("description").is_none() && !String::from_utf8_lossy(&got[0].body).contains("Dedi"),
        "a thin event: {event}"
    );

    // The receiver is down: the delivery fails and waits for its retry, logged with the reason.
    receiver.set_down(true);
    let second = approved_activity(&app, 45).await;
    let got = receiver.wait_for(2).await;
    assert_eq!(got[1].status, 503);
    let missed = verified(&got[1]);
    assert_eq!(missed["entity_id"], second.to_string());
    let row = loop {
        let log = deliveries(&app, &admin, hook_id).await;
        let row = log.iter().find(|d| d["last_error"].is_string()).cloned();
        if let Some(row) = row {
            break row;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    };
    assert_eq!((row["status"].as_str(), row["attempts"].as_i64()), (Some("pending"), Some(1)), "{row}");
    assert!(row["last_error"].as_str().unwrap().contains("503"), "{row}");
    assert_eq!(row["recipient"], format!("webhook #{hook_id}"));

    // Back up, the admin replays it at once (no waiting for the back-off): the same event, signed.
    receiver.set_down(false);
    let (status, replayed) = app.post(&format!("/api/v1/deliveries/{}/replay", row["id"]), &admin, json!({})).await;
    assert_eq!(status, StatusCode::ACCEPTED, "{replayed}");
    let got = receiver.wait_for(3).await;
    assert_eq!(got[2].status, 204);
    let again = verified(&got[2]);
    assert_eq!(again, missed, "the replay carries the same event (and id)");
    assert_eq!(got[2].headers.get("x-kinerja-delivery"), got[1].headers.get("x-kinerja-delivery"));
    let log = loop {
        let log = deliveries(&app, &admin, hook_id).await;
        if log.iter().all(|d| d["status"] == "sent") {
            break log;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    };
    assert_eq!(log.len(), 2, "one delivery per event: {log:?}");
    // A sent event can be replayed again (its content is kept); a sent e-mail could not.
    let (status, _) = app.post(&format!("/api/v1/deliveries/{}/replay", log[1]["id"]), &admin, json!({})).await;
    assert_eq!(status, StatusCode::ACCEPTED);
    receiver.wait_for(4).await;

    // Switched off, it hears nothing more.
    let (status, off) = app.patch(&format!("/api/v1/webhooks/{hook_id}"), &admin, json!({ "active": false })).await;
    assert_eq!((status, off["active"].as_bool()), (StatusCode::OK, Some(false)), "{off}");
    approved_activity(&app, 30).await;
    tokio::time::sleep(std::time::Duration::from_millis(800)).await;
    assert_eq!(receiver.got().len(), 4, "nothing for a subscription turned off");
    assert_eq!(deliveries(&app, &admin, hook_id).await.len(), 2);
}

async fn only_the_admin_subscribes(backend: Backend) {
    let app = app(backend, false).await;
    let admin = app.token("admin").await;
    let good = json!({ "url": "https://jembatan.pemda.go.id/kinerja", "events": ["skp.approved"], "secret": SECRET });
    for who in ["kasi.rujukan", "kadisdukcapil", "dedi"] {
        let token = app.token(who).await;
        assert_eq!(app.post("/api/v1/webhooks", &token, good.clone()).await.0, StatusCode::FORBIDDEN, "{who}");
        assert_eq!(app.get("/api/v1/webhooks", &token).await.0, StatusCode::FORBIDDEN, "{who}");
        assert_eq!(app.post("/api/v1/deliveries/1/replay", &token, json!({})).await.0, StatusCode::FORBIDDEN, "{who}");
    }
    // Plain http is refused unless the server allows it; so are credentials in the address, an
    // unknown event, no event and a short secret, each on its field.
    let refused = [
        (json!({ "url": "http://jembatan.pemda.go.id/kinerja" }), "url", "webhook_url"),
        (json!({ "url": "https://a:b@jembatan.pemda.go.id/kinerja" }), "url", "webhook_url"),
        (json!({ "url": "ftp://jembatan.pemda.go.id/kinerja" }), "url", "webhook_url"),
        (json!({ "url": "https://127.0.0.1:8080/kinerja" }), "url", "webhook_url"),
        (json!({ "url": "https://10.20.0.5/kinerja" }), "url", "webhook_url"),
        (json!({ "url": "https://[::1]/kinerja" }), "url", "webhook_url"),
        (json!({ "url": "https://localhost/kinerja" }), "url", "webhook_url"),
        (json!({ "events": ["activity.deleted"] }), "events", "webhook_event"),
        (json!({ "events": [] }), "events", "webhook_no_events"),
    ];
    for (change, field, code) in refused {
        let mut body = good.clone();
        body.as_object_mut().unwrap().extend(change.as_object().unwrap().clone());
        let (status, e) = app.post("/api/v1/webhooks", &admin, body).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{e}");
        assert_eq!(
            (e["errors"][0]["field"].as_str(), e["errors"][0]["code"].as_str()),
            (Some(field), Some(code)),
            "{e}"
        );
    }
    let mut short = good.clone();
    short["secret"] = json!("pendek");
    assert_eq!(app.post("/api/v1/webhooks", &admin, short).await.0, StatusCode::UNPROCESSABLE_ENTITY);
    let (status, hook) = app.post("/api/v1/webhooks", &admin, good).await;
    assert_eq!(status, StatusCode::CREATED, "{hook}");
    let (_, list) = app.get("/api/v1/webhooks", &admin).await;
    assert_eq!(list["total"], 1, "{list}");
    // A sent e-mail keeps no content: nothing to replay. An unknown delivery is 404.
    assert_eq!(app.post("/api/v1/deliveries/999999/replay", &admin, json!({})).await.0, StatusCode::NOT_FOUND);
    assert_eq!(app.delete(&format!("/api/v1/webhooks/{}", hook["id"]), &admin).await.0, StatusCode::NO_CONTENT);
    assert_eq!(
        app.delete(&format!("/api/v1/webhooks/{}", hook["id"]), &admin).await.0,
        StatusCode::NO_CONTENT,
        "again: nothing changes"
    );
    assert_eq!(app.get("/api/v1/webhooks", &admin).await.1["total"], 0, "a removed subscription is not listed");
    let (status, _) = app.patch(&format!("/api/v1/webhooks/{}", hook["id"]), &admin, json!({ "active": true })).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "nor changed");
    assert_eq!(app.delete("/api/v1/webhooks/999999", &admin).await.0, StatusCode::NOT_FOUND);
}
