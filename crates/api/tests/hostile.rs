//! Hostile input (issue 17), one test per class, each on SQLite and PostgreSQL: formula cells in
//! CSV, numbers out of range and a cap that parallel entries cannot pass, authorization on the
//! route rather than the raw path, control characters, the spec's limits, methods a path lacks,
//! and password guessing counted before any hash.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use chrono::{Duration, Utc};
use common::TestApp;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

fn today() -> String {
    (Utc::now() + Duration::hours(7)).date_naive().to_string()
}

async fn my_rhk(app: &TestApp, token: &str) -> i64 {
    let year = &today()[..4];
    let (_, plans) = app.get(&format!("/api/v1/skps?year={year}&status=approved"), token).await;
    let me: Value = app.get("/api/v1/me", token).await.1;
    let skp = plans["items"].as_array().unwrap().iter().find(|s| s["employee_id"] == me["employee"]["id"]).unwrap();
    let (_, full) = app.get(&format!("/api/v1/skps/{}", skp["id"]), token).await;
    full["rhk"][0]["id"].as_i64().unwrap()
}

async fn csv(app: &TestApp, path: &str, token: &str) -> String {
    let res = app.client.get(app.url(path)).bearer_auth(token).header("accept", "text/csv").send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK, "{path}");
    res.text().await.unwrap()
}

async fn formula_cells_are_written_as_text(app: TestApp) {
    let dedi = app.token("dedi").await;
    let rhk = my_rhk(&app, &dedi).await;
    let formula = "=HYPERLINK(\"http://contoh.invalid\",\"klik\")";
    let body = json!({ "date": today(), "minutes": 45, "description": formula, "rhk_id": rhk });
    assert_eq!(app.post("/api/v1/activities", &dedi, body).await.0, StatusCode::CREATED);
    let body = json!({ "date": today(), "minutes": 30, "description": "@SUM(1+1)*cmd", "rhk_id": rhk });
    assert_eq!(app.post("/api/v1/activities", &dedi, body).await.0, StatusCode::CREATED);
    // A citizen's complaint, in the complaints report of the admin.
    let unit = app.unit_id("PKM-SUKAJADI").await;
    let complaint = json!({ "unit_id": unit, "category": "pengaduan", "text": "+cmd|' /C calc'!A0 antrean lama" });
    assert_eq!(app.call(Method::POST, "/api/v1/public/complaints", None, Some(complaint)).await.0, StatusCode::CREATED);
    let admin = app.token("admin").await;
    let month = &today()[..7];
    for (path, token, risky) in [
        ("/api/v1/activities".to_owned(), &dedi, "\"'=HYPERLINK("),
        ("/api/v1/activities".to_owned(), &dedi, "'@SUM(1+1)*cmd"),
        (format!("/api/v1/reports/activities?period={month}"), &admin, "'@SUM(1+1)*cmd"),
        (format!("/api/v1/reports/complaints?period={month}"), &admin, "'+cmd|"),
    ] {
        let text = csv(&app, &path, token).await;
        assert!(text.contains(risky), "{path} should hold {risky}:\n{text}");
        assert!(!text.contains(",=HYPERLINK") && !text.contains(",@SUM") && !text.contains(",+cmd"), "{text}");
    }
    // Figures stay figures: the minutes column is not quoted or prefixed.
    let text = csv(&app, "/api/v1/activities", &dedi).await;
    assert!(text.contains(",45,") && !text.contains("'45"), "{text}");
}

async fn numbers_are_bounded_and_the_day_cap_holds(app: TestApp) {
    let dedi = app.token("dedi").await;
    let rhk = my_rhk(&app, &dedi).await;
    // 2^32 - 1 minutes used to wrap around the 32-bit sum and pass the cap.
    for minutes in [json!(4_294_967_295u64), json!(2_147_483_648u64), json!(1441), json!(0)] {
        let body = json!({ "date": today(), "minutes": minutes, "description": "Angka raksasa", "rhk_id": rhk });
        let (status, body) = app.post("/api/v1/activities", &dedi, body).await;
        assert!(status == StatusCode::UNPROCESSABLE_ENTITY, "{minutes}: {status} {body}");
    }
    // Ten entries of 100 minutes at once against a 720-minute day: at most 7 are stored.
    let mut sent = Vec::new();
    for i in 0..10 {
        let body = json!({ "date": today(), "minutes": 100, "description": format!("Bersamaan {i}"), "rhk_id": rhk });
        sent.push(app.post("/api/v1/activities", &dedi, body));
    }
    let created = futures_util::future::join_all(sent).await.iter().filter(|(s, _)| *s == StatusCode::CREATED).count();
    assert!(created <= 7, "{created} entries of 100 minutes passed a 720-minute cap");
    let (_, mine) = app.get(&format!("/api/v1/activities?from={0}&to={0}&per_page=200", today()), &dedi).await;
    let total: i64 = mine["items"].as_array().unwrap().iter().map(|a| a["minutes"].as_i64().unwrap()).sum();
    assert!(total <= 720 && total > 0, "the day holds {total} minutes");
    // The database itself refuses such numbers, whoever writes them.
    use sea_orm::ConnectionTrait;
    for (what, sql) in [
        ("negative minutes", "UPDATE activities SET minutes = -5 WHERE id = (SELECT MIN(id) FROM activities)"),
        ("a day of 2,000 minutes", "UPDATE activities SET minutes = 2000 WHERE id = (SELECT MIN(id) FROM activities)"),
        ("the year 1900", "UPDATE skps SET year = 1900 WHERE id = (SELECT MIN(id) FROM skps)"),
    ] {
        assert!(app.db.execute_unprepared(sql).await.is_err(), "the database stored {what}");
    }
    // Settings: the TPP monthly target took 2^31.
    let admin = app.token("admin").await;
    let (_, mut settings) = app.get("/api/v1/settings", &admin).await;
    settings["tpp"]["monthly_minutes_target"] = json!(2_147_483_648u64);
    let (status, body) = app.patch("/api/v1/settings", &admin, json!({ "tpp": settings["tpp"] })).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
}

async fn authorization_reads_the_route_not_the_raw_path(app: TestApp) {
    let admin = app.token("admin").await;
    let (status, created) =
        app.post("/api/v1/api-tokens", &admin, json!({ "name": "Gudang data", "access": "read" })).await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    let secret = created["token"].as_str().unwrap().to_owned();
    for path in ["/api/v1/me", "/api/v1/m%65", "/api/v1/%6De", "/api/v1/notifications", "/api/v1/notific%61tions"] {
        let res = app.client.get(app.url(path)).bearer_auth(&secret).send().await.unwrap();
        assert_eq!(res.status(), StatusCode::FORBIDDEN, "{path}");
    }
    // The same token still reads what it may.
    assert_eq!(app.get("/api/v1/units", &secret).await.0, StatusCode::OK);
    assert_eq!(app.get("/api/v1/un%69ts", &secret).await.0, StatusCode::OK);
}

async fn control_characters_are_refused(app: TestApp) {
    let admin = app.token("admin").await;
    let parent = app.unit_id("DINKES").await;
    for (field, body) in [
        ("code", json!({ "code": "NUL\u{0}", "name": "Unit", "kind": "bidang", "parent_id": parent })),
        ("name", json!({ "code": "ESC-1", "name": "Unit \u{1b}[31m", "kind": "bidang", "parent_id": parent })),
    ] {
        let (status, problem) = app.post("/api/v1/units", &admin, body).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
        assert_eq!(problem["errors"][0]["field"], field);
        assert_eq!(problem["errors"][0]["code"], "control_character");
    }
    let unit = app.unit_id("PKM-SUKAJADI").await;
    let complaint = json!({ "unit_id": unit, "category": "pengaduan", "text": "antrean panjang\u{0} sekali hari ini" });
    let (status, problem) = app.call(Method::POST, "/api/v1/public/complaints", None, Some(complaint)).await;
    assert_eq!((status, problem["errors"][0]["field"].clone()), (StatusCode::UNPROCESSABLE_ENTITY, json!("text")));
    // Tab and line breaks are text.
    let ok = json!({ "unit_id": unit, "category": "pengaduan", "text": "baris satu\r\nbaris dua\tdan tab" });
    assert_eq!(app.call(Method::POST, "/api/v1/public/complaints", None, Some(ok)).await.0, StatusCode::CREATED);
    // In the query and the path.
    let (status, problem) = app.get("/api/v1/employees?q=a%00b", &admin).await;
    assert_eq!((status, problem["errors"][0]["field"].clone()), (StatusCode::UNPROCESSABLE_ENTITY, json!("q")));
    assert_eq!(app.get("/api/v1/public/complaints/ADU-%00", &admin).await.0, StatusCode::NOT_FOUND);
}

async fn the_spec_limits_hold_and_methods_are_named(app: TestApp) {
    let admin = app.token("admin").await;
    for q in ["per_page=201", "per_page=0", "per_page=9223372036854775808", "page=0"] {
        let (status, body) = app.get(&format!("/api/v1/units?{q}"), &admin).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{q}: {body}");
    }
    assert_eq!(app.get("/api/v1/units?per_page=200", &admin).await.0, StatusCode::OK);
    // A path that exists answers 405 with Allow for a method it lacks; an unknown one 404.
    let res = app.client.delete(app.url("/api/v1/units/1")).bearer_auth(&admin).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(res.headers()["allow"], "GET, PATCH");
    let res = app.client.patch(app.url("/api/v1/activities/bulk-approve")).bearer_auth(&admin).send().await.unwrap();
    assert_eq!((res.status(), res.headers()["allow"].to_str().unwrap()), (StatusCode::METHOD_NOT_ALLOWED, "POST"));
    let res = app.client.request(Method::TRACE, app.url("/health")).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(app.get("/api/v1/tidak-ada", &admin).await.0, StatusCode::NOT_FOUND);
}

async fn login(app: &TestApp, username: &str, password: &str, from: &str) -> StatusCode {
    app.client
        .post(app.url("/api/v1/auth/login"))
        .header("X-Forwarded-For", from)
        .json(&json!({ "username": username, "password": password }))
        .send()
        .await
        .unwrap()
        .status()
}

async fn guesses_are_counted_before_hashing(app: TestApp) {
    let app = TestApp::spawn_with(app.backend, true, |c| c.trusted_proxies = vec!["127.0.0.1".parse().unwrap()]).await;
    // The counters are fixed 15-minute windows: do not start in the last half minute of one.
    let second = Utc::now().timestamp().rem_euclid(900);
    if second > 870 {
        tokio::time::sleep(std::time::Duration::from_secs((901 - second) as u64)).await;
    }
    // 24 parallel guesses at one account from one address: 5 are evaluated, the rest get 429.
    let words: Vec<String> = (0..24).map(|i| format!("tebakan-{i}")).collect();
    let guesses: Vec<_> = words.iter().map(|w| login(&app, "dedi", w, "203.0.113.9")).collect();
    let answers = futures_util::future::join_all(guesses).await;
    let evaluated = answers.iter().filter(|s| **s == StatusCode::UNAUTHORIZED).count();
    assert!(evaluated <= 5, "{evaluated} guesses were hashed: {answers:?}");
    assert!(answers.iter().all(|s| *s == StatusCode::UNAUTHORIZED || *s == StatusCode::TOO_MANY_REQUESTS));
    // The attacker's lock does not keep the owner out from elsewhere.
    assert_eq!(login(&app, "dedi", "kinerja2026", "198.51.100.20").await, StatusCode::OK);
    // Spraying one password over many usernames from one address is throttled too.
    let mut statuses = Vec::new();
    for i in 0..35 {
        statuses.push(login(&app, &format!("orang{i}"), "kinerja2026", "203.0.113.50").await);
    }
    assert_eq!(statuses.last(), Some(&StatusCode::TOO_MANY_REQUESTS), "{statuses:?}");
    // Wrong current passwords are counted per account, before the hash.
    let sri = app.token("sri").await;
    let mut last = StatusCode::OK;
    for i in 0..7 {
        let body = json!({ "current_password": format!("salah-{i}-sandi"), "new_password": "Sandi-Baru-2026!" });
        last = app.post("/api/v1/me/password", &sri, body).await.0;
    }
    assert_eq!(last, StatusCode::TOO_MANY_REQUESTS);
}

async fn a_session_ends_at_its_absolute_lifetime(app: TestApp) {
    let app = TestApp::spawn_with(app.backend, true, |c| c.session_lifetime = std::time::Duration::from_secs(2)).await;
    let pair: Value = app.login_raw("dedi", "kinerja2026").await.json().await.unwrap();
    let refresh =
        |token: Value| app.client.post(app.url("/api/v1/auth/refresh")).json(&json!({ "refresh_token": token })).send();
    let res = refresh(pair["refresh_token"].clone()).await.unwrap();
    assert_eq!(res.status(), StatusCode::OK, "within the lifetime a refresh works");
    let next: Value = res.json().await.unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(2500)).await;
    assert_eq!(refresh(next["refresh_token"].clone()).await.unwrap().status(), StatusCode::UNAUTHORIZED);
}

fn png(extra: usize) -> Vec<u8> {
    let mut b = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x02\0\0\0".to_vec();
    b.extend(vec![0u8; extra]);
    b
}

async fn send_form(app: &TestApp, token: &str, form: reqwest::multipart::Form) -> (StatusCode, Value) {
    let res = app.client.post(app.url("/api/v1/evidence")).bearer_auth(token).multipart(form).send().await.unwrap();
    let status = res.status();
    (status, res.json().await.unwrap_or(Value::Null))
}

fn file_part(bytes: Vec<u8>) -> reqwest::multipart::Part {
    reqwest::multipart::Part::bytes(bytes).file_name("foto.png")
}

async fn uploads_are_one_file_streamed_within_limits(app: TestApp) {
    use reqwest::multipart::{Form, Part};
    // A quota of 5,000 bytes per employee.
    let app = TestApp::spawn_with(app.backend, true, |c| c.evidence_quota = 5_000).await;
    let dedi = app.token("dedi").await;
    // Exactly one part, named `file`.
    let two = Form::new().part("file", file_part(png(100))).part("file", file_part(png(200)));
    let (status, body) = send_form(&app, &dedi, two).await;
    assert_eq!((status, body["errors"][0]["code"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some("one_file_part")));
    let extra = Form::new().part("note", Part::text("x")).part("file", file_part(png(100)));
    assert_eq!(send_form(&app, &dedi, extra).await.0, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(send_form(&app, &dedi, Form::new()).await.0, StatusCode::UNPROCESSABLE_ENTITY);
    // Past the size limit of the settings the upload stops, and nothing stays behind.
    app.patch("/api/v1/settings", &app.token("admin").await, json!({ "evidence_max_bytes": 2048 })).await;
    let (status, _) = send_form(&app, &dedi, Form::new().part("file", file_part(png(1_000_000)))).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    let incoming = app.data_dir().join("evidence/incoming");
    let left = std::fs::read_dir(&incoming).map(|d| d.count()).unwrap_or(0);
    assert_eq!(left, 0, "a refused upload leaves no staged file");
    // The quota: two files of 2,000 bytes fit, the third does not.
    for i in 0..2 {
        let (status, body) = send_form(&app, &dedi, Form::new().part("file", file_part(png(1_970 + i)))).await;
        assert_eq!(status, StatusCode::CREATED, "{body}");
    }
    let (status, body) = send_form(&app, &dedi, Form::new().part("file", file_part(png(1_990)))).await;
    assert_eq!((status, body["errors"][0]["code"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some("storage_quota")));
    // Someone else's room is their own.
    let sri = app.token("sri").await;
    assert_eq!(send_form(&app, &sri, Form::new().part("file", file_part(png(1_990)))).await.0, StatusCode::CREATED);
}

async fn read(app: &TestApp, path: &str) -> (StatusCode, Value) {
    app.call(Method::GET, path, None, None).await
}

async fn public_reads_are_cached_and_limited_per_address(app: TestApp) {
    let app = TestApp::spawn_with(app.backend, true, |c| {
        c.public_cache = std::time::Duration::from_secs(600);
        c.public_reads_per_minute = 12;
    })
    .await;
    let operator = app.token("kapkm.sukajadi").await;
    let pkm = app.unit_id("PKM-SUKAJADI").await;
    let date = (Utc::now() + Duration::days(7)).date_naive().to_string();
    let forum = json!({ "unit_id": pkm, "topic": "Forum Konsultasi Publik", "date": date, "place": "Aula Puskesmas" });
    let (status, forum) = app.post("/api/v1/forums", &operator, forum).await;
    assert_eq!(status, StatusCode::CREATED, "{forum}");
    let id = forum["id"].as_i64().unwrap();
    let one = format!("/api/v1/public/forums/{id}");
    assert_eq!(read(&app, &one).await.1["topic"], "Forum Konsultasi Publik");
    assert_eq!(read(&app, "/api/v1/public/forums").await.0, StatusCode::OK);
    // Changed behind this replica's back (as another replica would): the cached answer stays.
    use sea_orm::ConnectionTrait;
    let sql = format!("UPDATE forums SET topic = 'Diubah di replika lain' WHERE id = {id}");
    app.db.execute_unprepared(&sql).await.unwrap();
    assert_eq!(read(&app, &one).await.1["topic"], "Forum Konsultasi Publik");
    let listed = read(&app, "/api/v1/public/forums").await.1;
    assert!(listed["items"].as_array().unwrap().iter().any(|f| f["topic"] == "Forum Konsultasi Publik"), "{listed}");
    // A change made here is seen at once.
    let rename = json!({ "topic": "Forum Pelayanan Lansia" });
    let (status, _) = app.call(Method::PUT, &format!("/api/v1/forums/{id}"), Some(&operator), Some(rename)).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(read(&app, &one).await.1["topic"], "Forum Pelayanan Lansia");
    // The published index answers from the same cache, and shares the address's limit: 12 reads
    // a minute (five made above), then 429 with Retry-After on every public read.
    let year = &today()[..4];
    let ikm = format!("/api/v1/public/units/{pkm}/ikm?period={year}");
    let mut answered = 5;
    loop {
        let res = app.client.get(app.url(&ikm)).send().await.unwrap();
        if res.status() == StatusCode::TOO_MANY_REQUESTS {
            let wait: u64 = res.headers()["retry-after"].to_str().unwrap().parse().unwrap();
            assert!((1..=60).contains(&wait), "{wait}");
            break;
        }
        assert!(matches!(res.status(), StatusCode::OK | StatusCode::NOT_FOUND), "{}", res.status());
        answered += 1;
        assert!(answered <= 12, "the limit of 12 public reads a minute did not hold");
    }
    assert_eq!(answered, 12);
    for path in ["/api/v1/public/info".to_owned(), "/api/v1/public/units".into(), one] {
        assert_eq!(read(&app, &path).await.0, StatusCode::TOO_MANY_REQUESTS, "{path}");
    }
}

db_tests!(
    public_reads_are_cached_and_limited_per_address,
    uploads_are_one_file_streamed_within_limits,
    a_session_ends_at_its_absolute_lifetime,
    formula_cells_are_written_as_text,
    numbers_are_bounded_and_the_day_cap_holds,
    authorization_reads_the_route_not_the_raw_path,
    control_characters_are_refused,
    the_spec_limits_hold_and_methods_are_named,
    guesses_are_counted_before_hashing,
);
