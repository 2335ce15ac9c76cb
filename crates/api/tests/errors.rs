//! Every error is RFC 9457 problem+json without internals: malformed JSON, oversized bodies,
//! unknown routes, wrong media types, and a database outage.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{Backend, TestApp};
use reqwest::StatusCode;
use serde_json::{json, Value};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::Mutex;
use tokio::task::JoinHandle;

async fn problem(res: reqwest::Response) -> (StatusCode, Value) {
    let status = res.status();
    let ctype = res.headers().get("content-type").map(|v| v.to_str().unwrap().to_owned());
    assert_eq!(ctype.as_deref(), Some("application/problem+json"), "status {status}");
    let body: Value = res.json().await.unwrap();
    for key in ["type", "title", "status", "detail", "code"] {
        assert!(body.get(key).is_some(), "{key} missing in {body}");
    }
    assert_eq!(body["status"], status.as_u16());
    (status, body)
}

async fn request_errors_are_problems(app: TestApp) {
    let token = app.token("admin").await;
    let c = &app.client;
    let malformed = c
        .post(app.url("/api/v1/units"))
        .bearer_auth(&token)
        .header("content-type", "application/json")
        .body("{\"code\": ")
        .send()
        .await
        .unwrap();
    assert_eq!(problem(malformed).await.0, StatusCode::BAD_REQUEST);
    let wrong_type = c
        .post(app.url("/api/v1/units"))
        .bearer_auth(&token)
        .header("content-type", "application/json")
        .body("{\"code\": 5, \"name\": \"x\", \"kind\": \"opd\"}")
        .send()
        .await
        .unwrap();
    assert_eq!(problem(wrong_type).await.0, StatusCode::UNPROCESSABLE_ENTITY);
    // Found by the fuzzer: a page far beyond the end is an empty page, not a dropped connection;
    // beyond the spec's maximum page it is refused, not clamped.
    let (status, body) = app.get("/api/v1/audit?page=10000000", &token).await;
    assert_eq!((status, body["items"].as_array().map(Vec::len)), (StatusCode::OK, Some(0)), "{body}");
    let (status, body) = app.get("/api/v1/audit?page=1000000000000000000", &token).await;
    assert_eq!((status, body["code"].as_str()), (StatusCode::BAD_REQUEST, Some("bad_request")), "{body}");
    // Found by the fuzzer: a year like -258 gave a deadline that is not a date; years are 2000-2100.
    for path in
        ["/api/v1/units/1/skp-monitoring?year=-258", "/api/v1/units/1/pk?year=99999", "/api/v1/me/parent-rhk?year=0"]
    {
        let (status, body) = app.get(path, &token).await;
        assert_eq!(
            (status, body["errors"][0]["field"].as_str()),
            (StatusCode::UNPROCESSABLE_ENTITY, Some("year")),
            "{path}: {body}"
        );
        assert_eq!(body["errors"][0]["code"], "year_range", "{path}: {body}");
    }
    // Every invalid field names its issue as a code with parameters, which clients word in their
    // own language; the message is the Indonesian wording. A hand-written rule:
    let (status, body) = app
        .post("/api/v1/units", &token, json!({ "code": "X1", "name": "Unit X", "kind": "opd", "parent_id": 987654 }))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let error: kinerja_types::FieldError = serde_json::from_value(body["errors"][0].clone()).unwrap();
    assert_eq!((error.field.as_str(), error.code.as_str()), ("parent_id", "parent_unit_missing"));
    assert_eq!(error.params["id"], "987654");
    assert_eq!(error.message, "unit induk 987654 tidak ada");
    assert_eq!(error.words(true), "parent unit 987654 does not exist");
    // A rule of the request type: its bounds as parameters, never the value sent.
    let (status, body) = app.post("/api/v1/units", &token, json!({ "code": "X2", "name": "", "kind": "opd" })).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let error: kinerja_types::FieldError = serde_json::from_value(body["errors"][0].clone()).unwrap();
    assert_eq!(error.field, "name");
    assert!(error.code.starts_with("length"), "{body}");
    assert!(!error.params.contains_key("value"), "{body}");
    assert!(!error.words(true).is_empty() && error.words(true) != error.message, "{body}");
    let big = format!("{{\"code\":\"X\",\"name\":\"{}\",\"kind\":\"opd\"}}", "a".repeat(3 * 1024 * 1024));
    let too_large = c
        .post(app.url("/api/v1/units"))
        .bearer_auth(&token)
        .header("content-type", "application/json")
        .body(big)
        .send()
        .await
        .unwrap();
    assert_eq!(problem(too_large).await.0, StatusCode::PAYLOAD_TOO_LARGE);
    let huge_csv = "x".repeat(17 * 1024 * 1024);
    let too_large = c
        .post(app.url("/api/v1/employees/import"))
        .bearer_auth(&token)
        .header("content-type", "text/csv")
        .body(huge_csv)
        .send()
        .await
        .unwrap();
    assert_eq!(problem(too_large).await.0, StatusCode::PAYLOAD_TOO_LARGE);
    let media = c
        .post(app.url("/api/v1/units"))
        .bearer_auth(&token)
        .header("content-type", "text/plain")
        .body("hello")
        .send()
        .await
        .unwrap();
    assert_eq!(problem(media).await.0, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    let unknown = c.get(app.url("/api/v1/tidak-ada")).bearer_auth(&token).send().await.unwrap();
    assert_eq!(problem(unknown).await.0, StatusCode::NOT_FOUND);
    let bad_id = c.get(app.url("/api/v1/units/abc")).bearer_auth(&token).send().await.unwrap();
    assert_eq!(problem(bad_id).await.0, StatusCode::NOT_FOUND);
    let method = c.delete(app.url("/api/v1/me")).bearer_auth(&token).send().await.unwrap();
    let (status, _) = problem(method).await;
    assert!(status == StatusCode::METHOD_NOT_ALLOWED || status == StatusCode::NOT_FOUND, "{status}");
}

async fn health_ready_and_docs(app: TestApp) {
    let (status, body) = app.call(reqwest::Method::GET, "/health", None, None).await;
    assert_eq!((status, body["status"].as_str()), (StatusCode::OK, Some("ok")));
    let res = app.client.get(app.url("/health")).send().await.unwrap();
    assert!(!res.headers()["x-request-id"].is_empty(), "every answer names its request id");
    assert_eq!(res.headers()["x-content-type-options"], "nosniff");
    assert_eq!(app.call(reqwest::Method::GET, "/ready", None, None).await.0, StatusCode::OK);
    let (status, spec) = app.call(reqwest::Method::GET, "/api/openapi.json", None, None).await;
    assert_eq!(status, StatusCode::OK);
    assert!(spec["paths"]["/api/v1/auth/login"].is_object());
    assert!(spec["components"]["securitySchemes"]["bearer"].is_object());
    let docs = app.client.get(app.url("/api/docs/")).send().await.unwrap();
    assert_eq!(docs.status(), StatusCode::OK);
    let html = docs.text().await.unwrap();
    assert!(html.contains("swagger"), "interactive docs served locally");
    assert!(!html.contains("cdn") && !html.contains("unpkg"), "no CDN");
}

db_tests!(request_errors_are_problems, health_ready_and_docs);

/// A TCP proxy in front of PostgreSQL that the test can cut and restore.
struct Proxy {
    port: u16,
    tasks: Arc<Mutex<Vec<JoinHandle<()>>>>,
    acceptor: Option<JoinHandle<()>>,
}

impl Proxy {
    async fn start(port: u16) -> Self {
        let listener = TcpListener::bind(("127.0.0.1", port)).await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let tasks: Arc<Mutex<Vec<JoinHandle<()>>>> = Arc::default();
        let spawned = tasks.clone();
        let acceptor = tokio::spawn(async move {
            while let Ok((mut inbound, _)) = listener.accept().await {
                let task = tokio::spawn(async move {
                    if let Ok(mut outbound) = TcpStream::connect("127.0.0.1:5432").await {
                        let _ = tokio::io::copy_bidirectional(&mut inbound, &mut outbound).await;
                    }
                });
                spawned.lock().await.push(task);
            }
        });
        Self { port, tasks, acceptor: Some(acceptor) }
    }

    async fn cut(&mut self) {
        if let Some(a) = self.acceptor.take() {
            a.abort();
            let _ = a.await;
        }
        for t in self.tasks.lock().await.drain(..) {
            t.abort();
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn database_outage_answers_503_quickly_and_recovers() {
    let mut proxy = Proxy::start(0).await;
    let via_proxy = format!("127.0.0.1:{}", proxy.port);
    let app = TestApp::spawn_with(Backend::Postgres, true, |c| {
        assert!(c.database_url.contains("127.0.0.1:5432"), "the test database is local");
        c.database_url = c.database_url.replace("127.0.0.1:5432", &via_proxy);
    })
    .await;
    let token = app.token("admin").await;
    // Employees are read from the database on every request (the signed-in identity and the unit
    // list may come from the process's short-lived caches).
    assert_eq!(app.get("/api/v1/employees", &token).await.0, StatusCode::OK);

    proxy.cut().await;
    let started = Instant::now();
    let res = app.client.get(app.url("/api/v1/employees")).bearer_auth(&token).send().await.unwrap();
    let (status, body) = problem(res).await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE, "{body}");
    assert_eq!(body["code"], "database_unavailable");
    assert!(!body.to_string().to_lowercase().contains("sql"), "no internals: {body}");
    assert!(started.elapsed() < Duration::from_secs(8), "answered in {:?}", started.elapsed());
    assert_eq!(app.call(reqwest::Method::GET, "/ready", None, None).await.0, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(app.call(reqwest::Method::GET, "/health", None, None).await.0, StatusCode::OK);

    // The database comes back on the same address: the server recovers without a restart.
    let _back = Proxy::start(proxy.port).await;
    let mut recovered = false;
    for _ in 0..20 {
        if app.get("/api/v1/employees", &token).await.0 == StatusCode::OK {
            recovered = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    assert!(recovered, "server recovered after the outage");
}
