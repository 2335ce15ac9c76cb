//! Citizens' surveys and complaints: the IKM of the regulation, abuse resistance, the tracking code
//! that reveals nothing else, the staff workflow with working-day deadlines, and who sees what.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{demo, TestApp};
use reqwest::{Method, StatusCode};
use sea_orm::ConnectionTrait;
use serde_json::{json, Value};

async fn anon(app: &TestApp, method: Method, path: &str, body: Value) -> (StatusCode, Value) {
    app.call(method, path, None, Some(body)).await
}

fn survey(unit: i64, answers: &[u8]) -> Value {
    json!({ "unit_id": unit, "answers": answers, "age_band": "25-34", "sex": "P" })
}

async fn the_ikm_of_the_regulation(app: TestApp) {
    let pkm = app.unit_id("PKM-SUKAJADI").await;
    // The hand-worked example of the domain tests: IKM 83.33, grade B.
    for a in [
        [4, 4, 3, 4, 3, 4, 4, 3, 4],
        [3, 3, 3, 4, 3, 3, 3, 3, 3],
        [3, 4, 3, 3, 4, 3, 4, 3, 3],
        [3, 3, 3, 4, 3, 4, 3, 3, 3],
    ] {
        let (status, body) = anon(&app, Method::POST, "/api/v1/public/surveys", survey(pkm, &a)).await;
        assert_eq!(status, StatusCode::CREATED, "{body}");
    }
    let head = app.token("kapkm.sukajadi").await;
    let (status, ikm) = app.get(&format!("/api/v1/units/{pkm}/ikm"), &head).await;
    assert_eq!(status, StatusCode::OK, "{ikm}");
    assert_eq!(ikm["respondents"], 4);
    assert_eq!(ikm["nrr"], json!([3.25, 3.5, 3.0, 3.75, 3.25, 3.5, 3.5, 3.0, 3.25]));
    assert_eq!(ikm["ikm"], 83.33);
    assert_eq!(ikm["grade"], "B");
    assert_eq!(ikm["grade_label"], "baik");
    // Not public until published.
    let year = ikm["period"].as_str().unwrap().to_owned();
    assert_eq!(
        app.call(Method::GET, &format!("/api/v1/public/units/{pkm}/ikm?period={year}"), None, None).await.0,
        StatusCode::NOT_FOUND
    );
    // Without a population the sample's sufficiency is unknown: publishing needs a confirmation.
    assert_eq!(ikm["sample_sufficient"], Value::Null);
    let publish = format!("/api/v1/units/{pkm}/ikm/publish");
    assert_eq!(app.post(&publish, &head, json!({ "period": year })).await.0, StatusCode::CONFLICT);
    // Four service users in all: every one of them is the sample.
    let population = format!("/api/v1/units/{pkm}/ikm-population");
    let (status, sized) =
        app.call(Method::PUT, &population, Some(&head), Some(json!({ "period": year, "population": 4 }))).await;
    assert_eq!(
        (status, sized["required_sample"].as_u64(), sized["sample_sufficient"].as_bool()),
        (StatusCode::OK, Some(4), Some(true))
    );
    let (status, _) = app.post(&publish, &head, json!({ "period": year })).await;
    assert_eq!(status, StatusCode::OK);
    let (status, public) =
        app.call(Method::GET, &format!("/api/v1/public/units/{pkm}/ikm?period={year}"), None, None).await;
    assert_eq!((status, public["ikm"].as_f64()), (StatusCode::OK, Some(83.33)));
    assert_eq!(public["published_with_insufficient_sample"], false);
    // Custom weights must sum to 1, and change the index.
    let bad = json!({ "weights": [0.2, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.2] });
    assert_eq!(
        app.call(Method::PUT, &format!("/api/v1/units/{pkm}/ikm-weights"), Some(&head), Some(bad)).await.0,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    let good = json!({ "weights": [0.2, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1] });
    assert_eq!(
        app.call(Method::PUT, &format!("/api/v1/units/{pkm}/ikm-weights"), Some(&head), Some(good)).await.0,
        StatusCode::NO_CONTENT
    );
    let (_, weighted) = app.get(&format!("/api/v1/units/{pkm}/ikm"), &head).await;
    // 25 × (3.25×0.2 + (3.5+3.0+3.75+3.25+3.5+3.5+3.0+3.25)×0.1) = 25 × 3.325 = 83.13
    assert_eq!(weighted["ikm"], 83.13);
    // Staff outside the unit's subtree see nothing; the head of the dinas does.
    for outsider in ["kadisdukcapil", "dedi", "kabid.yankes"] {
        assert_eq!(
            app.get(&format!("/api/v1/units/{pkm}/ikm"), &app.token(outsider).await).await.0,
            StatusCode::NOT_FOUND,
            "{outsider}"
        );
    }
    assert_eq!(app.get(&format!("/api/v1/units/{pkm}/ikm"), &app.token("kadinkes").await).await.0, StatusCode::OK);
}

async fn surveys_resist_abuse_but_serve_a_kiosk(app: TestApp) {
    let pkm = app.unit_id("PKM-SUKAJADI").await;
    let (status, body) = anon(&app, Method::POST, "/api/v1/public/surveys", survey(pkm, &[4; 8])).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let (_, body) = anon(&app, Method::POST, "/api/v1/public/surveys", survey(pkm, &[4, 4, 5, 4, 4, 4, 4, 4, 4])).await;
    assert_eq!(body["errors"][0]["field"], "answers[2]");
    // Not a service unit.
    let bkpsdm = app.unit_id("BKPSDM").await;
    assert_eq!(
        anon(&app, Method::POST, "/api/v1/public/surveys", survey(bkpsdm, &[4; 9])).await.0,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    // The honeypot: accepted, not counted.
    let mut bot = survey(pkm, &[1; 9]);
    bot["website"] = json!("http://spam.example");
    assert_eq!(anon(&app, Method::POST, "/api/v1/public/surveys", bot).await.0, StatusCode::CREATED);
    // A duplicate from the same address is refused.
    assert_eq!(anon(&app, Method::POST, "/api/v1/public/surveys", survey(pkm, &[4; 9])).await.0, StatusCode::CREATED);
    assert_eq!(anon(&app, Method::POST, "/api/v1/public/surveys", survey(pkm, &[4; 9])).await.0, StatusCode::CONFLICT);
    // Per-address limit: 20 an hour, then 429 with Retry-After.
    let mut last = StatusCode::CREATED;
    for i in 0..25u8 {
        let answers = [1 + i % 4, 1 + (i / 4) % 4, 1 + (i / 16) % 4, 2, 2, 2, 2, 2, 3];
        let res = app.client.post(app.url("/api/v1/public/surveys")).json(&survey(pkm, &answers)).send().await.unwrap();
        last = res.status();
        if last == StatusCode::TOO_MANY_REQUESTS {
            assert!(res.headers().get("retry-after").is_some());
            break;
        }
    }
    assert_eq!(last, StatusCode::TOO_MANY_REQUESTS);
    // A registered counter kiosk takes a whole queue from the same address, same answers included.
    let operator = app.token("kapkm.sukajadi").await;
    let (status, kiosk) =
        app.post(&format!("/api/v1/units/{pkm}/kiosks"), &operator, json!({ "name": "Tablet loket 1" })).await;
    assert_eq!(status, StatusCode::CREATED, "{kiosk}");
    let token = kiosk["token"].as_str().unwrap();
    for _ in 0..30 {
        assert_eq!(from_kiosk(&app, token, survey(pkm, &[3; 9])).await, StatusCode::CREATED);
    }
    // A kiosk token is bound to its unit.
    let other = app.unit_id("PKM-CIBEUNYING").await;
    assert_eq!(from_kiosk(&app, token, survey(other, &[3; 9])).await, StatusCode::FORBIDDEN);
    let (_, ikm) = app.get(&format!("/api/v1/units/{pkm}/ikm"), &operator).await;
    // From the address: 20 counted requests, of which one duplicate was refused (the invalid ones,
    // the honeypot and the 429 stored nothing); then 30 from the kiosk.
    assert_eq!(ikm["respondents"], 19 + 30);
    // Only the unit's staff register kiosks.
    assert_eq!(
        app.post(&format!("/api/v1/units/{pkm}/kiosks"), &app.token("dedi").await, json!({ "name": "x" })).await.0,
        StatusCode::NOT_FOUND
    );
    // The unit lists its kiosks (never their tokens) and revokes a lost tablet: its token stops.
    let (status, listed) = app.get(&format!("/api/v1/units/{pkm}/kiosks"), &operator).await;
    assert_eq!(status, StatusCode::OK);
    let mine = listed["items"].as_array().unwrap().iter().find(|k| k["id"] == kiosk["id"]).unwrap().clone();
    assert_eq!((mine["name"].as_str(), mine["revoked_at"].is_null()), (Some("Tablet loket 1"), true));
    assert!(!listed.to_string().contains(token), "the list never shows a token");
    let revoke = format!("/api/v1/units/{pkm}/kiosks/{}", kiosk["id"]);
    // Not through another unit's path.
    let elsewhere = format!("/api/v1/units/{other}/kiosks/{}", kiosk["id"]);
    assert_eq!(
        app.call(Method::DELETE, &elsewhere, Some(&app.token("admin").await), None).await.0,
        StatusCode::NOT_FOUND
    );
    assert_eq!(app.call(Method::DELETE, &revoke, Some(&operator), None).await.0, StatusCode::NO_CONTENT);
    assert_eq!(app.call(Method::DELETE, &revoke, Some(&operator), None).await.0, StatusCode::NO_CONTENT);
    let status = from_kiosk(&app, token, survey(pkm, &[4; 9])).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "a revoked kiosk sends no more surveys");
    let (_, listed) = app.get(&format!("/api/v1/units/{pkm}/kiosks"), &operator).await;
    assert!(
        !listed["items"].as_array().unwrap().iter().find(|k| k["id"] == kiosk["id"]).unwrap()["revoked_at"].is_null()
    );
}

/// A survey sent by the kiosk holding `token`: the status.
async fn from_kiosk(app: &TestApp, token: &str, body: Value) -> StatusCode {
    let req = app.client.post(app.url("/api/v1/public/surveys")).header("x-kiosk-token", token).json(&body);
    req.send().await.unwrap().status()
}

async fn file(app: &TestApp, unit: i64, text: &str, nip: Option<&str>) -> (StatusCode, Value) {
    let body = json!({ "unit_id": unit, "category": "pengaduan", "text": text, "employee_nip": nip, "contact": "0812-0000-1111" });
    anon(app, Method::POST, "/api/v1/public/complaints", body).await
}

async fn a_complaint_from_filing_to_closed(app: TestApp) {
    let pkm = app.unit_id("PKM-SUKAJADI").await;
    let (status, receipt) =
        file(&app, pkm, "Antrean pendaftaran sangat lama dan petugas tidak ramah", Some(demo::DEDI)).await;
    assert_eq!(status, StatusCode::CREATED, "{receipt}");
    let code = receipt["tracking_code"].as_str().unwrap().to_owned();
    assert!(code.starts_with("ADU-") && code.len() == 16);
    // The tracking code reveals the status and public response, nothing else.
    let (status, public) = app.call(Method::GET, &format!("/api/v1/public/complaints/{code}"), None, None).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(public["status"], "received");
    let keys: Vec<&str> = public.as_object().unwrap().keys().map(String::as_str).collect();
    for hidden in ["text", "contact", "employee_nip", "employee_id", "unit_id", "id"] {
        assert!(!keys.contains(&hidden), "{hidden} leaked: {public}");
    }
    assert_eq!(
        app.call(Method::GET, "/api/v1/public/complaints/ADU-TIDAKADA2345", None, None).await.0,
        StatusCode::NOT_FOUND
    );
    // Typed back as people do: without its prefix, in small letters, in groups.
    let typed = format!("{}%20{}", code[4..10].to_lowercase(), &code[10..]);
    let (status, again) = app.call(Method::GET, &format!("/api/v1/public/complaints/{typed}"), None, None).await;
    assert_eq!((status, again["tracking_code"].as_str()), (StatusCode::OK, Some(code.as_str())), "{typed}");
    // The same complaint again is refused, naming the first code.
    let (status, body) =
        file(&app, pkm, "Antrean  pendaftaran sangat LAMA dan petugas tidak ramah", Some(demo::DEDI)).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(body["detail"].as_str().unwrap().contains(&code));
    // Staff of the unit handle it, with the contact.
    let operator = app.token("kapkm.sukajadi").await;
    let (_, queue) = app.get("/api/v1/complaints", &operator).await;
    let item = queue["items"].as_array().unwrap().iter().find(|c| c["tracking_code"] == code).unwrap().clone();
    assert_eq!(item["contact"], "0812-0000-1111");
    assert!(item["deadline"].is_string());
    let id = item["id"].as_i64().unwrap();
    let step = |to: &str, extra: Value| {
        let mut b = json!({ "to": to });
        b.as_object_mut().unwrap().extend(extra.as_object().unwrap().clone());
        b
    };
    let path = format!("/api/v1/complaints/{id}/transition");
    assert_eq!(app.post(&path, &operator, step("responded", json!({}))).await.0, StatusCode::CONFLICT);
    let (status, body) = app.post(&path, &operator, step("verified", json!({}))).await;
    assert_eq!((status, body["errors"][0]["field"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some("class")));
    assert_eq!(app.post(&path, &operator, step("verified", json!({ "class": "normatif" }))).await.0, StatusCode::OK);
    let (status, body) = app.post(&path, &operator, step("dispositioned", json!({}))).await;
    assert_eq!((status, body["errors"][0]["field"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some("unit_id")));
    assert_eq!(app.post(&path, &operator, step("dispositioned", json!({ "unit_id": pkm }))).await.0, StatusCode::OK);
    assert_eq!(app.post(&path, &operator, step("responded", json!({}))).await.0, StatusCode::UNPROCESSABLE_ENTITY);
    let answer = "Terima kasih; jam layanan pendaftaran ditambah dan petugas telah dibina.";
    assert_eq!(
        app.post(&path, &operator, step("responded", json!({ "public_response": answer }))).await.0,
        StatusCode::OK
    );
    let (status, closed) = app.post(&path, &operator, step("closed", json!({}))).await;
    assert_eq!((status, closed["status"].as_str()), (StatusCode::OK, Some("closed")));
    let (_, public) = app.call(Method::GET, &format!("/api/v1/public/complaints/{code}"), None, None).await;
    assert_eq!(public["status"], "closed");
    assert_eq!(public["public_response"], answer);
    // The employee's penilai sees it as evidence, without the contact; a colleague and another
    // dinas do not; the penilai cannot handle it.
    let dedi_id = app.employee_id(demo::DEDI).await;
    let kasi = app.token("kasi.rujukan").await;
    let (_, evidence) = app.get(&format!("/api/v1/complaints?employee_id={dedi_id}"), &kasi).await;
    assert_eq!(evidence["total"], 1);
    assert_eq!(evidence["items"][0]["contact"], Value::Null);
    assert_eq!(app.post(&path, &kasi, step("closed", json!({}))).await.0, StatusCode::FORBIDDEN);
    let (_, none) = app.get(&format!("/api/v1/complaints?employee_id={dedi_id}"), &app.token("sri").await).await;
    assert_eq!(none["total"], 0);
    assert_eq!(app.get(&format!("/api/v1/complaints/{id}"), &app.token("maya").await).await.0, StatusCode::NOT_FOUND);
    assert_eq!(app.get(&format!("/api/v1/complaints/{id}"), &app.token("sri").await).await.0, StatusCode::NOT_FOUND);
}

async fn rejection_needs_a_reason_and_overdue_ones_come_first(app: TestApp) {
    let dukcapil = app.unit_id("DUKCAPIL").await;
    let (_, a) = file(&app, dukcapil, "Mohon informasi syarat membuat akta kelahiran anak", None).await;
    let (_, b) = file(&app, dukcapil, "KTP-el saya belum jadi sejak tiga bulan yang lalu", None).await;
    let operator = app.token("maya").await;
    let (_, queue) = app.get("/api/v1/complaints", &operator).await;
    assert_eq!(queue["total"], 2);
    let id_of = |code: &Value| {
        queue["items"].as_array().unwrap().iter().find(|c| c["tracking_code"] == *code).unwrap()["id"].as_i64().unwrap()
    };
    let (first, second) = (id_of(&a["tracking_code"]), id_of(&b["tracking_code"]));
    // The second was filed long ago: its verification deadline passed.
    app.db
        .execute_unprepared(&format!("UPDATE complaints SET filed_on = '2026-01-05' WHERE id = {second}"))
        .await
        .unwrap();
    let (_, queue) = app.get("/api/v1/complaints", &operator).await;
    assert_eq!(queue["items"][0]["id"], second);
    assert_eq!(queue["items"][0]["overdue"], true);
    assert_eq!(queue["items"][1]["overdue"], false);
    let (_, only) = app.get("/api/v1/complaints?overdue=true", &operator).await;
    assert_eq!(only["total"], 1);
    let path = format!("/api/v1/complaints/{first}/transition");
    let (status, body) = app.post(&path, &operator, json!({ "to": "rejected" })).await;
    assert_eq!((status, body["errors"][0]["field"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some("note")));
    let (status, rejected) = app
        .post(&path, &operator, json!({ "to": "rejected", "note": "Informasi tidak cukup untuk ditindaklanjuti" }))
        .await;
    assert_eq!((status, rejected["status"].as_str()), (StatusCode::OK, Some("rejected")));
    assert_eq!(app.post(&path, &operator, json!({ "to": "verified" })).await.0, StatusCode::CONFLICT);
    // Complaints per address are limited too, and a honeypot stores nothing.
    let mut bot = json!({ "unit_id": dukcapil, "category": "aspirasi", "text": "beli obat murah di sini sekarang juga", "website": "x" });
    assert_eq!(anon(&app, Method::POST, "/api/v1/public/complaints", bot.take()).await.0, StatusCode::CREATED);
    let (_, queue) = app.get("/api/v1/complaints", &operator).await;
    assert_eq!(queue["total"], 2);
    let mut last = StatusCode::CREATED;
    for i in 0..12 {
        last = file(&app, dukcapil, &format!("Keluhan nomor {i} tentang layanan loket"), None).await.0;
    }
    assert_eq!(last, StatusCode::TOO_MANY_REQUESTS);
    // Without a session the staff queue is closed.
    assert_eq!(app.call(Method::GET, "/api/v1/complaints", None, None).await.0, StatusCode::UNAUTHORIZED);
}

async fn the_public_list_of_service_units(app: TestApp) {
    let (status, list) = app.call(Method::GET, "/api/v1/public/units", None, None).await;
    assert_eq!(status, StatusCode::OK);
    let codes: Vec<&str> = list["items"].as_array().unwrap().iter().map(|u| u["code"].as_str().unwrap()).collect();
    assert!(codes.contains(&"PKM-SUKAJADI") && codes.contains(&"DUKCAPIL"));
    assert!(!codes.contains(&"BKPSDM"));
    let (_, one) = app.call(Method::GET, "/api/v1/public/units?code=pkm-sukajadi", None, None).await;
    assert_eq!(one["total"], 1);
    assert_eq!(one["items"][0]["code"], "PKM-SUKAJADI");
    let (status, info) = app.call(Method::GET, "/api/v1/public/info", None, None).await;
    assert_eq!((status, info["pemda_name"].as_str()), (StatusCode::OK, Some("Pemerintah Kota Sukamaju")));
}

/// PermenPANRB 14/2017: the minimum sample from the Krejcie–Morgan table on the unit's population
/// of service users; an insufficient sample is published only when confirmed, and the public answer
/// says so; each unsur has its converted value, interval value and grade.
async fn the_ikm_needs_its_minimum_sample(app: TestApp) {
    let unit = app.unit_id("DUKCAPIL").await;
    let head = app.token("kadisdukcapil").await;
    for a in [[4u8, 4, 4, 4, 4, 4, 4, 4, 2], [4, 3, 3, 3, 3, 3, 3, 3, 2], [3, 3, 3, 3, 3, 3, 3, 3, 1]] {
        assert_eq!(anon(&app, Method::POST, "/api/v1/public/surveys", survey(unit, &a)).await.0, StatusCode::CREATED);
    }
    let (_, ikm) = app.get(&format!("/api/v1/units/{unit}/ikm"), &head).await;
    let year = ikm["period"].as_str().unwrap().to_owned();
    // U1: answers 4, 4, 3 → NRR 3.67, × 25 = 91.67 (interval 4, A); U9: 2, 2, 1 → 41.67 (1, D).
    assert_eq!(ikm["unsur"].as_array().unwrap().len(), 9);
    assert_eq!(
        (&ikm["unsur"][0]["code"], &ikm["unsur"][0]["value"], &ikm["unsur"][0]["interval"], &ikm["unsur"][0]["grade"]),
        (&json!("U1"), &json!(91.67), &json!(4), &json!("A"))
    );
    assert_eq!(
        (&ikm["unsur"][8]["value"], &ikm["unsur"][8]["interval"], &ikm["unsur"][8]["grade"]),
        (&json!(41.67), &json!(1), &json!("D"))
    );
    let population = format!("/api/v1/units/{unit}/ikm-population");
    let set =
        |n: Value| app.call(Method::PUT, &population, Some(&head), Some(json!({ "period": year, "population": n })));
    assert_eq!(set(json!(0)).await.0, StatusCode::UNPROCESSABLE_ENTITY);
    for (population, required) in [(100, 80), (1_000, 278), (10_000, 370), (250_000, 384)] {
        let (status, r) = set(json!(population)).await;
        assert_eq!((status, r["required_sample"].as_u64()), (StatusCode::OK, Some(required)), "{population}");
        assert_eq!(r["sample_sufficient"], false);
    }
    // Another dinas's head may not record it.
    let outsider = app
        .call(
            Method::PUT,
            &population,
            Some(&app.token("kadinkes").await),
            Some(json!({ "period": year, "population": 5 })),
        )
        .await
        .0;
    assert!(matches!(outsider, StatusCode::NOT_FOUND | StatusCode::FORBIDDEN), "{outsider}");
    let publish = format!("/api/v1/units/{unit}/ikm/publish");
    let (status, refused) = app.post(&publish, &head, json!({ "period": year })).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(refused["detail"].as_str().unwrap().contains("384"), "{refused}");
    let (status, out) = app.post(&publish, &head, json!({ "period": year, "confirm_insufficient_sample": true })).await;
    assert_eq!((status, out["published_with_insufficient_sample"].as_bool()), (StatusCode::OK, Some(true)));
    let (_, public) =
        app.call(Method::GET, &format!("/api/v1/public/units/{unit}/ikm?period={year}"), None, None).await;
    assert_eq!(
        (public["published_with_insufficient_sample"].as_bool(), public["required_sample"].as_u64()),
        (Some(true), Some(384))
    );
}

/// Moves a complaint as `token` would.
async fn move_to(app: &TestApp, token: &str, id: i64, body: Value) -> (StatusCode, Value) {
    app.post(&format!("/api/v1/complaints/{id}/transition"), token, body).await
}

/// Sets a complaint's filing (and disposition) date, as if it had been filed then.
async fn backdate(app: &TestApp, id: i64, filed: &str, dispositioned: Option<&str>) {
    use kinerja_api::entities::complaints;
    use sea_orm::{ActiveModelTrait, EntityTrait, IntoActiveModel, Set};
    let day = |d: &str| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap();
    let row = complaints::Entity::find_by_id(id).one(&app.db).await.unwrap().unwrap();
    let mut row = row.into_active_model();
    row.filed_on = Set(day(filed));
    if let Some(d) = dispositioned {
        row.dispositioned_on = Set(Some(day(d)));
    }
    row.update(&app.db).await.unwrap();
}

/// The complaint clocks of PermenPANRB 62/2018 and SP4N-LAPOR!: verifying and forwarding share
/// the 3 working days from filing (a verified complaint nobody forwards still falls due); the
/// follow-up runs on its class's working days (settable) or to a documented postponement; what is
/// not the unit's authority is referred, and the citizen's tracking page shows all of it.
async fn complaint_clocks_never_stop_early(app: TestApp) {
    let dukcapil = app.unit_id("DUKCAPIL").await;
    let (_, a) = file(&app, dukcapil, "Petugas loket tidak ada di tempat pada jam pelayanan", None).await;
    let (_, b) = file(&app, dukcapil, "Jalan berlubang di depan kantor dinas belum diperbaiki", None).await;
    let operator = app.token("maya").await;
    let (_, queue) = app.get("/api/v1/complaints", &operator).await;
    let id_of = |code: &Value| {
        queue["items"].as_array().unwrap().iter().find(|c| c["tracking_code"] == *code).unwrap()["id"].as_i64().unwrap()
    };
    let (first, second) = (id_of(&a["tracking_code"]), id_of(&b["tracking_code"]));
    let code = a["tracking_code"].as_str().unwrap().to_owned();
    let (status, v) = move_to(&app, &operator, first, json!({ "to": "verified", "class": "ringan" })).await;
    assert_eq!((status, v["class"].as_str()), (StatusCode::OK, Some("ringan")));
    backdate(&app, first, "2026-12-07", None).await;
    let (_, c) = app.get(&format!("/api/v1/complaints/{first}"), &operator).await;
    assert_eq!(c["deadline"], "2026-12-10", "verifying and forwarding share the clock");
    let (_, tracked) = app.call(Method::GET, &format!("/api/v1/public/complaints/{code}"), None, None).await;
    assert_eq!((tracked["class_label"].as_str(), tracked["deadline"].as_str()), (Some("ringan"), Some("2026-12-10")));
    backdate(&app, first, "2026-01-05", None).await;
    let (_, c) = app.get(&format!("/api/v1/complaints/{first}"), &operator).await;
    assert_eq!(c["overdue"], true, "a verified complaint nobody forwards falls due: {c}");
    // Forwarded on Wednesday 2 December 2026: ringan is due two working days later, Friday 4;
    // a Pemda that gives ringan 4 days sees Tuesday 8.
    assert_eq!(
        move_to(&app, &operator, first, json!({ "to": "dispositioned", "unit_id": dukcapil })).await.0,
        StatusCode::OK
    );
    backdate(&app, first, "2026-12-01", Some("2026-12-02")).await;
    let (_, c) = app.get(&format!("/api/v1/complaints/{first}"), &operator).await;
    assert_eq!(c["deadline"], "2026-12-04");
    let admin = app.token("admin").await;
    let days = json!({ "complaint_class_days": { "ringan": 4, "normatif": 5, "tidak_berkadar_pengawasan": 14, "berkadar_pengawasan": 60 } });
    assert_eq!(app.patch("/api/v1/settings", &admin, days).await.0, StatusCode::OK);
    let (_, c) = app.get(&format!("/api/v1/complaints/{first}"), &operator).await;
    assert_eq!(c["deadline"], "2026-12-08");
    // A documented postponement: a later date with a reason the citizen reads.
    let postpone = format!("/api/v1/complaints/{first}/postpone");
    let today = (chrono::Utc::now() + chrono::Duration::hours(7)).date_naive();
    let (status, _) =
        app.post(&postpone, &operator, json!({ "until": today, "reason": "Menunggu hasil pemeriksaan" })).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "not today");
    let until = (today + chrono::Duration::days(10)).to_string();
    let reason = "Menunggu hasil pemeriksaan lapangan oleh inspektorat";
    let (status, p) = app.post(&postpone, &operator, json!({ "until": until, "reason": reason })).await;
    assert_eq!(
        (status, p["deadline"].as_str(), p["overdue"].as_bool()),
        (StatusCode::OK, Some(until.as_str()), Some(false)),
        "{p}"
    );
    let (_, tracked) = app.call(Method::GET, &format!("/api/v1/public/complaints/{code}"), None, None).await;
    assert_eq!(
        (tracked["postponed_until"].as_str(), tracked["postpone_reason"].as_str()),
        (Some(until.as_str()), Some(reason))
    );
    // Once only: a second postponement is refused, so a deadline cannot slide for ever.
    let (status, again) = app.post(&postpone, &operator, json!({ "until": until, "reason": reason })).await;
    assert_eq!(status, StatusCode::CONFLICT, "{again}");
    assert_eq!(
        app.post(&postpone, &app.token("kadinkes").await, json!({ "until": until, "reason": reason })).await.0,
        StatusCode::NOT_FOUND
    );
    // Not the unit's authority: referred, not rejected; the citizen is told where.
    let (status, body) = move_to(&app, &operator, second, json!({ "to": "referred" })).await;
    assert_eq!((status, body["errors"][0]["field"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some("referred_to")));
    let (status, r) = move_to(
        &app,
        &operator,
        second,
        json!({ "to": "referred", "referred_to": "Dinas Pekerjaan Umum dan Penataan Ruang" }),
    )
    .await;
    assert_eq!((status, r["status"].as_str(), r["deadline"].as_str()), (StatusCode::OK, Some("referred"), None));
    let (_, tracked) = app
        .call(Method::GET, &format!("/api/v1/public/complaints/{}", b["tracking_code"].as_str().unwrap()), None, None)
        .await;
    assert_eq!(
        (tracked["status_label"].as_str(), tracked["referred_to"].as_str()),
        (Some("Dirujuk ke pihak yang berwenang"), Some("Dinas Pekerjaan Umum dan Penataan Ruang"))
    );
    assert_eq!(
        move_to(&app, &operator, second, json!({ "to": "verified", "class": "ringan" })).await.0,
        StatusCode::CONFLICT,
        "final"
    );
}

/// Citizens know a face or a counter, not a NIP: the unit's officers are offered by name and
/// position (never a NIP), one picked is linked, one described is kept in the citizen's words.
async fn a_citizen_names_an_officer_without_a_nip(app: TestApp) {
    let pkm = app.unit_id("PKM-SUKAJADI").await;
    let (status, officers) = app.call(Method::GET, &format!("/api/v1/public/units/{pkm}/officers"), None, None).await;
    assert_eq!(status, StatusCode::OK, "{officers}");
    let list = officers["items"].as_array().unwrap();
    assert!(!list.is_empty(), "the puskesmas has staff");
    for o in list {
        let keys: Vec<&str> = o.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(keys, ["id", "name", "position"], "no NIP: {o}");
    }
    let picked = list[0]["id"].as_i64().unwrap();
    let body = |employee: Option<i64>, text: &str| {
        json!({ "unit_id": pkm, "category": "pengaduan", "text": text,
                "officer": "petugas loket 2, berkacamata", "employee_id": employee })
    };
    let send = |employee: i64, text: &'static str| {
        let body = body(Some(employee), text);
        async { anon(&app, Method::POST, "/api/v1/public/complaints", body).await }
    };
    let (status, receipt) = send(picked, "Petugas loket meminta uang tambahan").await;
    assert_eq!(status, StatusCode::CREATED, "{receipt}");
    // Someone of another unit cannot be named through this one, nor an unknown id.
    let outsider = app.employee_id(demo::KADISDUKCAPIL).await;
    for wrong in [outsider, 999_999] {
        let (status, refused) = send(wrong, "Petugas lain di unit lain sekali").await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{refused}");
        assert_eq!(refused["errors"][0]["field"], "employee_id");
    }
    // A unit that is not a service unit has no public list.
    let bkpsdm = app.unit_id("BKPSDM").await;
    let (status, _) = app.call(Method::GET, &format!("/api/v1/public/units/{bkpsdm}/officers"), None, None).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    // The operator reads the officer as described and the one linked.
    let operator = app.token("kapkm.sukajadi").await;
    let (_, queue) = app.get("/api/v1/complaints", &operator).await;
    let code = receipt["tracking_code"].as_str().unwrap();
    let item = queue["items"].as_array().unwrap().iter().find(|c| c["tracking_code"] == code).unwrap().clone();
    assert_eq!(
        (item["officer"].as_str(), item["employee_id"].as_i64()),
        (Some("petugas loket 2, berkacamata"), Some(picked))
    );
    assert!(item["employee_nip"].is_string(), "the linked officer's NIP, for staff");
}

db_tests!(
    a_citizen_names_an_officer_without_a_nip,
    complaint_clocks_never_stop_early,
    the_ikm_needs_its_minimum_sample,
    the_ikm_of_the_regulation,
    surveys_resist_abuse_but_serve_a_kiosk,
    a_complaint_from_filing_to_closed,
    rejection_needs_a_reason_and_overdue_ones_come_first,
    the_public_list_of_service_units,
);

async fn the_demo_city_has_every_grade_and_every_state(app: TestApp) {
    let extras = kinerja_api::seed::demo::Extras { citizen_feedback: true, ..Default::default() };
    kinerja_api::seed::demo::run_with(&app.db, &extras).await.unwrap();
    let admin = app.token("admin").await;
    let mut grades = Vec::new();
    for code in ["DUKCAPIL", "PKM-SUKAJADI", "PKM-CIBEUNYING", "KEC-SUKASARI"] {
        let unit = app.unit_id(code).await;
        let (_, ikm) = app.get(&format!("/api/v1/units/{unit}/ikm"), &admin).await;
        grades.push(ikm["grade"].as_str().unwrap().to_owned());
    }
    assert_eq!(grades, vec!["A", "B", "C", "D"]);
    let (_, queue) = app.get("/api/v1/complaints?per_page=50", &admin).await;
    let states: std::collections::BTreeSet<&str> =
        queue["items"].as_array().unwrap().iter().map(|c| c["status"].as_str().unwrap()).collect();
    assert_eq!(states.len(), kinerja_domain::ComplaintStatus::ALL.len(), "every state: {states:?}");
    assert_eq!(queue["items"][0]["overdue"], true, "overdue ones first");
}

db_tests!(the_demo_city_has_every_grade_and_every_state);
