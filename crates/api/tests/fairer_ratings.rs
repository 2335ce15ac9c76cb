//! Fairer ratings over HTTP, on both databases: the anonymous 360° pulse (nothing below three
//! respondents, the mean at three), the rater-bias radar with a calibration session that changes a
//! draft and is locked, the talent 9-box of the demo city with a succession list, and a forum
//! commitment that becomes an official's RHK whose progress shows on the public page.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use chrono::{Datelike, Duration, NaiveDate, Utc};
use common::{demo, Backend, TestApp};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

backend_tests!(
    the_pulse_shows_a_group_only_from_three_respondents,
    the_radar_flags_a_lenient_penilai_and_calibration_changes_the_draft,
    the_nine_box_places_the_demo_city_and_names_successors,
    a_forum_commitment_becomes_an_officials_rhk_with_public_progress
);

const AGUS: &str = "197506082000031003";
const HENDRA: &str = "198003102005011004";
const ANDI: &str = "198406222010011006";
const MARIA: &str = "198512052011012010";
const BIDAN: &str = "199403112020122007";
const PERAWAT: &str = "199512012022031008";

fn local_today() -> NaiveDate {
    (Utc::now() + Duration::hours(7)).date_naive()
}

/// The current quarter, as the demo Pemda assesses.
fn this_quarter() -> String {
    let t = local_today();
    format!("{}-Q{}", t.year(), (t.month() - 1) / 3 + 1)
}

/// The quarter before this one.
fn last_quarter() -> String {
    let t = local_today();
    let q = (t.month() - 1) / 3 + 1;
    if q == 1 {
        format!("{}-Q4", t.year() - 1)
    } else {
        format!("{}-Q{}", t.year(), q - 1)
    }
}

async fn put(app: &TestApp, path: &str, token: &str, body: Value) -> (StatusCode, Value) {
    app.call(Method::PUT, path, Some(token), Some(body)).await
}

/// Gives the demo employee an account (username `user`) and signs in.
async fn account(app: &TestApp, user: &str, nip: &str) -> String {
    let admin = app.token("admin").await;
    let employee_id = app.employee_id(nip).await;
    let body = json!({ "username": user, "password": kinerja_api::seed::demo::DEMO_PASSWORD, "roles": [], "employee_id": employee_id });
    let (status, created) = app.post("/api/v1/users", &admin, body).await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    app.token(user).await
}

/// The caller's open invitation about `subject` (by name).
async fn invitation(app: &TestApp, token: &str, subject: &str) -> Value {
    let (status, list) = app.get("/api/v1/pulse/invitations", token).await;
    assert_eq!(status, StatusCode::OK, "{list}");
    list["items"].as_array().unwrap().iter().find(|i| i["subject_name"] == subject).cloned().expect("invited")
}

/// Answers the caller's invitation about `subject` with the same score on every question.
async fn answer(app: &TestApp, token: &str, subject: &str, score: u8) -> Value {
    let inv = invitation(app, token, subject).await;
    let n = inv["questions"].as_array().unwrap().len();
    let (status, body) = app
        .post(&format!("/api/v1/pulse/invitations/{}/answer", inv["id"]), token, json!({ "scores": vec![score; n] }))
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT, "{body}");
    inv
}

/// A group of the pulse about an employee, as the reader reads it.
async fn group(app: &TestApp, token: &str, employee: i64, name: &str) -> Value {
    let (status, pulse) =
        app.get(&format!("/api/v1/employees/{employee}/pulse?period={}", this_quarter()), token).await;
    assert_eq!(status, StatusCode::OK, "{pulse}");
    pulse["groups"].as_array().unwrap().iter().find(|g| g["group"] == name).cloned().unwrap_or(Value::Null)
}

async fn the_pulse_shows_a_group_only_from_three_respondents(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let kadinkes = app.token("kadinkes").await;
    let bambang = app.employee_id(demo::KABID_YANKES).await;
    let hendra = app.employee_id(HENDRA).await;
    let agus = account(&app, "agus", AGUS).await;
    let hendra_t = account(&app, "hendra", HENDRA).await;
    let maria = account(&app, "maria", MARIA).await;
    let andi = app.token("kapkm.sukajadi").await;
    let kabid = app.token("kabid.yankes").await;
    let open = |employee: i64, service_users: bool| json!({ "employee_id": employee, "period": this_quarter(), "closes_on": local_today().to_string(), "service_users": service_users });

    // Who may open: the penilai (the head of dinas here), not a colleague, not another dinas.
    assert_eq!(app.post("/api/v1/pulse-rounds", &agus, open(bambang, false)).await.0, StatusCode::NOT_FOUND);
    assert_eq!(
        app.post("/api/v1/pulse-rounds", &app.token("kadisdukcapil").await, open(bambang, false)).await.0,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.post(
            "/api/v1/pulse-rounds",
            &kadinkes,
            json!({ "period": this_quarter(), "closes_on": local_today().to_string() })
        )
        .await
        .0,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    let (status, round_a) = app.post("/api/v1/pulse-rounds", &kadinkes, open(bambang, false)).await;
    assert_eq!(status, StatusCode::CREATED, "{round_a}");
    // Bambang's peers (the other four under the head of dinas) and his one subordinate.
    assert_eq!((round_a["invited"].as_u64(), round_a["subjects"].as_u64()), (Some(5), Some(1)), "{round_a}");
    let (_, notes) = app.get("/api/v1/notifications", &agus).await;
    assert!(notes["items"].as_array().unwrap().iter().any(|n| n["kind"] == "pulse"), "{notes}");

    // Two peers answer; wrong answers are refused and nobody answers twice or for another.
    let inv = invitation(&app, &agus, "dr. Bambang Wijaya").await;
    let path = format!("/api/v1/pulse/invitations/{}/answer", inv["id"]);
    assert_eq!(app.post(&path, &agus, json!({ "scores": [5, 5] })).await.0, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(app.post(&path, &agus, json!({ "scores": vec![9u8; 7] })).await.0, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(app.post(&path, &maria, json!({ "scores": vec![4u8; 7] })).await.0, StatusCode::NOT_FOUND);
    answer(&app, &agus, "dr. Bambang Wijaya", 5).await;
    assert_eq!(app.post(&path, &agus, json!({ "scores": vec![4u8; 7] })).await.0, StatusCode::CONFLICT);
    answer(&app, &maria, "dr. Bambang Wijaya", 3).await;
    // While the round is open nothing shows, and only its runner closes it.
    assert_eq!(group(&app, &kadinkes, bambang, "peer").await, Value::Null);
    let close_a = format!("/api/v1/pulse-rounds/{}/close", round_a["id"]);
    assert_eq!(app.post(&close_a, &kabid, json!({})).await.0, StatusCode::NOT_FOUND);
    let (status, closed) = app.post(&close_a, &kadinkes, json!({})).await;
    assert_eq!(
        (status, closed["status"].as_str(), closed["answered"].as_u64()),
        (StatusCode::OK, Some("closed"), Some(2))
    );
    assert_eq!(app.post(&close_a, &kadinkes, json!({})).await.0, StatusCode::CONFLICT);
    // Two peers answered: the count shows, no figure does.
    let peers = group(&app, &kadinkes, bambang, "peer").await;
    assert_eq!((peers["respondents"].as_u64(), peers["shown"].as_bool()), (Some(2), Some(false)), "{peers}");
    assert_eq!(peers["values"], json!([]));

    // Hendra's round, with service users: three peers answer, and one citizen.
    let (status, round_b) = app.post("/api/v1/pulse-rounds", &kadinkes, open(hendra, true)).await;
    assert_eq!(status, StatusCode::CREATED, "{round_b}");
    let code = round_b["public_code"].as_str().unwrap().to_owned();
    answer(&app, &agus, "Hendra Gunawan, S.K.M.", 5).await;
    answer(&app, &maria, "Hendra Gunawan, S.K.M.", 4).await;
    // A reminder reaches only those who have not answered.
    let (status, _) = app.post(&format!("/api/v1/pulse-rounds/{}/remind", round_b["id"]), &kadinkes, json!({})).await;
    assert_eq!(status, StatusCode::OK);
    let (_, notes) = app.get("/api/v1/notifications", &andi).await;
    assert!(notes.to_string().contains("Pengingat: survei 360°"), "{notes}");
    let (_, notes) = app.get("/api/v1/notifications", &agus).await;
    assert!(!notes.to_string().contains("Pengingat: survei 360°"), "{notes}");
    answer(&app, &andi, "Hendra Gunawan, S.K.M.", 3).await;
    let (status, form) = app.call(Method::GET, &format!("/api/v1/public/pulse/{code}"), None, None).await;
    assert_eq!((status, form["open"].as_bool()), (StatusCode::OK, Some(true)), "{form}");
    assert!(!form.to_string().contains("nip"), "{form}");
    let citizen = json!({ "employee_id": hendra, "scores": vec![4u8; 7] });
    let public = format!("/api/v1/public/pulse/{code}");
    assert_eq!(app.call(Method::POST, &public, None, Some(citizen.clone())).await.0, StatusCode::NO_CONTENT);
    // One answer a day from an address about one person.
    assert_eq!(app.call(Method::POST, &public, None, Some(citizen)).await.0, StatusCode::TOO_MANY_REQUESTS);
    let stranger = json!({ "employee_id": bambang, "scores": vec![4u8; 7] });
    assert_eq!(
        app.call(Method::POST, &format!("/api/v1/public/pulse/{code}"), None, Some(stranger)).await.0,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    let (status, _) = app.post(&format!("/api/v1/pulse-rounds/{}/close", round_b["id"]), &kadinkes, json!({})).await;
    assert_eq!(status, StatusCode::OK);
    // Three peers: the mean per value, (5 + 4 + 3) / 3; one citizen: nothing.
    let peers = group(&app, &kadinkes, hendra, "peer").await;
    assert_eq!((peers["respondents"].as_u64(), peers["shown"].as_bool()), (Some(3), Some(true)), "{peers}");
    let values = peers["values"].as_array().unwrap();
    assert_eq!(values.len(), 7);
    assert!(values.iter().all(|v| v["mean"] == 4.0), "{peers}");
    let users = group(&app, &kadinkes, hendra, "service_user").await;
    assert_eq!((users["respondents"].as_u64(), users["shown"].as_bool()), (Some(1), Some(false)), "{users}");
    // The penilai reads it in the rating evidence, as context; the answers keep no names.
    let (status, evidence) =
        app.get(&format!("/api/v1/employees/{hendra}/rating-evidence?period={}", this_quarter()), &kadinkes).await;
    assert_eq!(status, StatusCode::OK, "{evidence}");
    assert_eq!(evidence["pulse"]["groups"][0]["shown"], true, "{evidence}");
    // Hendra himself reads his own aggregate; outside the tree nobody does.
    assert_eq!(group(&app, &hendra_t, hendra, "peer").await["shown"], true);
    let (status, _) = app
        .get(&format!("/api/v1/employees/{hendra}/pulse?period={}", this_quarter()), &app.token("kadisdukcapil").await)
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    // The audit log says which rounds were answered, never by whom nor what.
    let admin = app.token("admin").await;
    let (status, log) = app.get("/api/v1/audit?action=pulse.answer", &admin).await;
    assert_eq!(status, StatusCode::OK);
    let entries = log["items"].as_array().unwrap();
    assert_eq!(entries.len(), 5, "{log}");
    for who in ["agus", "maria", "hendra", "kapkm.sukajadi", "scores"] {
        assert!(!log.to_string().contains(who), "{who} in {log}");
    }
    // One round per person and period: a second one is refused, a unit's leaves Hendra out.
    assert_eq!(app.post("/api/v1/pulse-rounds", &kadinkes, open(hendra, false)).await.0, StatusCode::CONFLICT);
    let p2p = app.unit_id("DINKES-P2P").await;
    let unit_round = json!({ "unit_id": p2p, "period": this_quarter(), "closes_on": local_today().to_string(), "service_users": true });
    let (status, round_c) = app.post("/api/v1/pulse-rounds", &kadinkes, unit_round.clone()).await;
    assert_eq!((status, round_c["subjects"].as_u64()), (StatusCode::CREATED, Some(1)), "{round_c}");
    assert_eq!(app.post("/api/v1/pulse-rounds", &kadinkes, unit_round).await.0, StatusCode::CONFLICT);
}

async fn the_radar_flags_a_lenient_penilai_and_calibration_changes_the_draft(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let kadinkes = app.token("kadinkes").await;
    let dinkes = app.unit_id("DINKES").await;
    let period = last_quarter();
    // The head of dinas rates all five of hers above expectations (drafts, before calibration).
    let mut ids = Vec::new();
    for nip in [AGUS, demo::KABID_YANKES, HENDRA, ANDI, MARIA] {
        let employee = app.employee_id(nip).await;
        let body = json!({ "employee_id": employee, "period": period, "result_rating": "di_atas", "behavior_rating": "di_atas" });
        let (status, a) = app.post("/api/v1/assessments", &kadinkes, body).await;
        assert_eq!(status, StatusCode::CREATED, "{a}");
        ids.push(a["id"].as_i64().unwrap());
    }
    let radar = format!("/api/v1/rater-bias?unit_id={dinkes}&period={period}");
    let (status, report) = app.get(&radar, &kadinkes).await;
    assert_eq!(status, StatusCode::OK, "{report}");
    let head = report["raters"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["name"] == "dr. Siti Rahmawati, M.Kes.")
        .cloned()
        .unwrap();
    assert_eq!((head["rated"].as_u64(), head["di_atas"].as_u64()), (Some(5), Some(5)), "{head}");
    let flags: Vec<&str> = head["flags"].as_array().unwrap().iter().map(|f| f["flag"].as_str().unwrap()).collect();
    assert!(flags.contains(&"leniency") && flags.contains(&"halo"), "{head}");
    let leniency = head["flags"].as_array().unwrap().iter().find(|f| f["flag"] == "leniency").unwrap();
    assert!(
        leniency["figures"].as_str().unwrap().starts_with("5 dari 5 dinilai Di Atas Ekspektasi (100 %)"),
        "{leniency}"
    );
    // The BKPSDM and the auditor read it; a colleague is refused; another dinas sees nothing.
    assert_eq!(app.get(&radar, &app.token("admin").await).await.0, StatusCode::OK);
    assert_eq!(app.get(&radar, &app.token("auditor").await).await.0, StatusCode::OK);
    assert_eq!(app.get(&radar, &app.token("dedi").await).await.0, StatusCode::FORBIDDEN);
    assert_eq!(app.get(&radar, &app.token("kapkm.sukajadi").await).await.0, StatusCode::FORBIDDEN);
    let outside = format!("/api/v1/rater-bias?unit_id={}&period={period}", app.unit_id("DINKES-RUJ").await);
    assert_eq!(app.get(&outside, &app.token("kadisdukcapil").await).await.0, StatusCode::NOT_FOUND);

    // A calibration session agrees to lower one rating, with a reason, then locks its minutes.
    let session = json!({ "unit_id": dinkes, "kind": "calibration", "held_on": local_today().to_string(), "title": "Kalibrasi penilaian triwulan", "attendees": ["dr. Siti Rahmawati, M.Kes. (Kepala Dinas)", "Tim Penilai Kinerja"], "decisions": "Penilaian Kepala Puskesmas Cibeunying diturunkan ke Sesuai Ekspektasi." });
    let (status, s) = app.post("/api/v1/evaluation-sessions", &kadinkes, session).await;
    assert_eq!(status, StatusCode::CREATED, "{s}");
    let changes = format!("/api/v1/evaluation-sessions/{}/changes", s["id"]);
    let change = json!({ "assessment_id": ids[4], "result_rating": "sesuai", "behavior_rating": "sesuai", "reason": "Capaian indikator di bawah rata-rata unit" });
    assert_eq!(app.post(&changes, &app.token("kadisdukcapil").await, change.clone()).await.0, StatusCode::NOT_FOUND);
    let (status, done) = app.post(&changes, &kadinkes, change.clone()).await;
    assert_eq!(status, StatusCode::CREATED, "{done}");
    assert_eq!(
        (done["before_predikat"].as_str(), done["after_predikat"].as_str()),
        (Some("sangat_baik"), Some("baik"))
    );
    let (_, rated) = app.get(&format!("/api/v1/assessments/{}", ids[4]), &kadinkes).await;
    assert_eq!(rated["predikat"], "baik", "{rated}");
    let (_, report) = app.get(&radar, &kadinkes).await;
    let head = report["raters"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["name"] == "dr. Siti Rahmawati, M.Kes.")
        .cloned()
        .unwrap();
    assert_eq!(head["di_atas"], 4);
    let (status, locked) =
        app.post(&format!("/api/v1/evaluation-sessions/{}/lock", s["id"]), &kadinkes, json!({})).await;
    assert_eq!(status, StatusCode::OK, "{locked}");
    assert!(locked["locked_at"].is_string());
    assert_eq!(locked["changes"].as_array().unwrap().len(), 1);
    assert_eq!(app.post(&changes, &kadinkes, change).await.0, StatusCode::CONFLICT);
    let follow_up = json!({ "description": "Tindak lanjut", "owner_id": app.employee_id(MARIA).await, "due_on": local_today().to_string() });
    assert_eq!(
        app.post(&format!("/api/v1/evaluation-sessions/{}/follow-ups", s["id"]), &kadinkes, follow_up).await.0,
        StatusCode::CONFLICT
    );
    // A rating already final changes only through an objection.
    let (status, _) = app.post(&format!("/api/v1/assessments/{}/finalize", ids[0]), &kadinkes, json!({})).await;
    assert_eq!(status, StatusCode::OK);
    let session = json!({ "unit_id": dinkes, "kind": "calibration", "held_on": local_today().to_string(), "title": "Kalibrasi kedua", "attendees": ["Kepala Dinas"], "decisions": "Penilaian yang sudah final tidak diubah di sini." });
    let (status, second) = app.post("/api/v1/evaluation-sessions", &kadinkes, session).await;
    assert_eq!(status, StatusCode::CREATED, "{second}");
    let change = json!({ "assessment_id": ids[0], "result_rating": "sesuai", "behavior_rating": "sesuai", "reason": "Tidak ada bukti dukung" });
    let (status, body) =
        app.post(&format!("/api/v1/evaluation-sessions/{}/changes", second["id"]), &kadinkes, change).await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
}

async fn the_nine_box_places_the_demo_city_and_names_successors(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let extras = kinerja_api::seed::demo::Extras { past_ratings: true, ..Default::default() };
    kinerja_api::seed::demo::run_with(&app.db, &extras).await.unwrap();
    let year: i32 = last_quarter()[..4].parse().unwrap();
    let admin = app.token("admin").await;
    let (status, board) = app.get(&format!("/api/v1/talent?year={year}"), &admin).await;
    assert_eq!(status, StatusCode::OK, "{board}");
    let placed: u64 = board["boxes"].as_array().unwrap().iter().map(|b| b["count"].as_u64().unwrap()).sum();
    assert_eq!(placed + board["unplaced"].as_u64().unwrap(), board["people"].as_u64().unwrap());
    assert!(placed >= 20, "{board}");
    // Everyone rated is placed; Sri, rated above expectations, is in box 8.
    let (_, people) = app.get(&format!("/api/v1/talent/people?year={year}&per_page=100"), &admin).await;
    let sri = people["items"].as_array().unwrap().iter().find(|r| r["nip"] == demo::SRI).cloned().unwrap();
    assert_eq!((sri["predikat"].as_str(), sri["nine_box"].as_u64()), (Some("sangat_baik"), Some(8)), "{sri}");
    // The kepala bidang post has a shortlist from boxes 7-9, with the gaps to close.
    let post = board["succession"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["position_title"] == "Kepala Bidang Pelayanan Kesehatan")
        .cloned()
        .expect("the post");
    let candidates = post["candidates"].as_array().unwrap();
    assert!(!candidates.is_empty(), "{post}");
    assert!(candidates.iter().all(|c| c["nine_box"].as_u64().unwrap() >= 7 && c["name"] != post["incumbent_name"]));
    assert!(candidates.iter().any(|c| !c["gaps"].as_array().unwrap().is_empty()), "{post}");
    // CSV as for any list; the head of Dinkes sees her dinas, not another one nor the city.
    let (status, csv) = app.get(&format!("/api/v1/talent/people?year={year}&format=csv"), &admin).await;
    assert_eq!(status, StatusCode::OK);
    assert!(csv.as_str().unwrap().lines().count() > 20, "{csv}");
    let kadinkes = app.token("kadinkes").await;
    let dinkes = app.unit_id("DINKES").await;
    let (status, own) = app.get(&format!("/api/v1/talent?unit_id={dinkes}&year={year}"), &kadinkes).await;
    assert_eq!(status, StatusCode::OK);
    assert!(own["people"].as_u64().unwrap() < board["people"].as_u64().unwrap());
    let dukcapil = app.unit_id("DUKCAPIL").await;
    assert_eq!(app.get(&format!("/api/v1/talent?unit_id={dukcapil}"), &kadinkes).await.0, StatusCode::NOT_FOUND);
    assert_eq!(app.get("/api/v1/talent", &kadinkes).await.0, StatusCode::FORBIDDEN);
    assert_eq!(app.get("/api/v1/talent", &app.token("dedi").await).await.0, StatusCode::FORBIDDEN);
}

async fn a_forum_commitment_becomes_an_officials_rhk_with_public_progress(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let operator = app.token("kapkm.sukajadi").await;
    let kadinkes = app.token("kadinkes").await;
    let pkm = app.unit_id("PKM-SUKAJADI").await;
    let today = local_today().to_string();
    let forum = json!({ "unit_id": pkm, "topic": "Forum Konsultasi Publik Puskesmas", "date": today, "place": "Aula Puskesmas" });
    let (status, f) = app.post("/api/v1/forums", &operator, forum).await;
    assert_eq!(status, StatusCode::CREATED, "{f}");
    let forum_path = format!("/api/v1/forums/{}", f["id"]);
    let (status, _) =
        put(&app, &forum_path, &operator, json!({ "status": "held", "minutes": "Warga meminta loket lansia." })).await;
    assert_eq!(status, StatusCode::OK);
    let commit = json!({ "description": "Membuka loket pendaftaran khusus lansia", "owner": "Kepala UPT Puskesmas Sukajadi", "due_on": today, "input_ids": [] });
    let (status, c) = app.post(&format!("{forum_path}/commitments"), &operator, commit).await;
    assert_eq!(status, StatusCode::CREATED, "{c}");
    let id = c["id"].as_i64().unwrap();

    // The head of dinas's RHK that the Puskesmas head's plan supports.
    let year = local_today().year();
    let (_, plans) = app.get(&format!("/api/v1/skps?year={year}&status=approved&per_page=100"), &kadinkes).await;
    let kadinkes_id = app.employee_id(demo::KADINKES).await;
    let plan = plans["items"].as_array().unwrap().iter().find(|s| s["employee_id"] == kadinkes_id).cloned().unwrap();
    let (_, full) = app.get(&format!("/api/v1/skps/{}", plan["id"]), &kadinkes).await;
    let parent = full["rhk"][0]["id"].as_i64().unwrap();
    let andi = app.employee_id(ANDI).await;
    let target = format!("/api/v1/forum-commitments/{id}/target");
    // Someone outside the forum's unit cannot carry it; another dinas cannot assign it.
    let dedi = app.employee_id(demo::DEDI).await;
    assert_eq!(
        app.post(&target, &kadinkes, json!({ "employee_id": dedi, "parent_rhk_id": parent })).await.0,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    assert_eq!(
        app.post(&target, &app.token("kadisdukcapil").await, json!({ "employee_id": andi, "parent_rhk_id": parent }))
            .await
            .0,
        StatusCode::NOT_FOUND
    );
    // The operator of the unit does not change someone's plan; the head of dinas does.
    assert_eq!(
        app.post(&target, &operator, json!({ "employee_id": andi, "parent_rhk_id": parent })).await.0,
        StatusCode::FORBIDDEN
    );
    let (status, targeted) =
        app.post(&target, &kadinkes, json!({ "employee_id": andi, "parent_rhk_id": parent })).await;
    assert_eq!(status, StatusCode::OK, "{targeted}");
    assert_eq!(targeted["official_id"], andi);
    assert!(targeted["official_name"].as_str().unwrap().starts_with("dr. Andi Pratama"));
    assert_eq!(
        app.post(&target, &kadinkes, json!({ "employee_id": andi, "parent_rhk_id": parent })).await.0,
        StatusCode::CONFLICT
    );
    // His approved plan got a revision holding the commitment as an RHK tambahan; he was told.
    let (_, mine) = app.get(&format!("/api/v1/skps?year={year}&per_page=100"), &operator).await;
    let revision = mine["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["employee_id"] == andi && s["status"] == "draft")
        .cloned()
        .expect("a draft revision");
    let (_, full) = app.get(&format!("/api/v1/skps/{}", revision["id"]), &operator).await;
    let rhk = full["rhk"].as_array().unwrap().iter().find(|r| r["id"] == targeted["rhk_id"]).cloned().expect("the RHK");
    assert_eq!((rhk["kind"].as_str(), rhk["parent_rhk_id"].as_i64()), (Some("tambahan"), Some(parent)));
    assert!(rhk["text"].as_str().unwrap().contains("loket pendaftaran khusus lansia"));
    let (_, notes) = app.get("/api/v1/notifications", &operator).await;
    assert!(notes["items"].as_array().unwrap().iter().any(|n| n["kind"] == "commitment_target"), "{notes}");

    // The official reports progress and a milestone; the public page shows both.
    let (status, m) = app
        .post(
            &format!("/api/v1/forum-commitments/{id}/milestones"),
            &kadinkes,
            json!({ "title": "Meja dan papan loket disiapkan", "due_on": today }),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{m}");
    let milestone = m["milestones"][0]["id"].as_i64().unwrap();
    let (status, _) = put(
        &app,
        &format!("/api/v1/forum-commitments/{id}/milestones/{milestone}"),
        &operator,
        json!({ "done": true }),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let progress = format!("/api/v1/forum-commitments/{id}/progress");
    assert_eq!(put(&app, &progress, &operator, json!({ "percent": 101 })).await.0, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(put(&app, &progress, &app.token("dedi").await, json!({ "percent": 40 })).await.0, StatusCode::NOT_FOUND);
    let (status, p) =
        put(&app, &progress, &operator, json!({ "percent": 40, "note": "Loket dibuka dua hari seminggu" })).await;
    assert_eq!((status, p["progress_percent"].as_u64()), (StatusCode::OK, Some(40)), "{p}");
    let (status, public) = app.call(Method::GET, &format!("/api/v1/public/forums/{}", f["id"]), None, None).await;
    assert_eq!(status, StatusCode::OK);
    let shown = &public["commitments"][0];
    assert_eq!(shown["progress_percent"], 40, "{public}");
    assert!(shown["official"].as_str().unwrap().contains("dr. Andi Pratama"), "{public}");
    assert_eq!(shown["milestones"][0]["done"], true, "{public}");
    // A second commitment: the Puskesmas head makes it his bidan's RHK as her penilai; she reports
    // its progress herself, a colleague cannot.
    let bidan = app.employee_id(BIDAN).await;
    let nurhayati = account(&app, "nurhayati", BIDAN).await;
    let fajar = account(&app, "fajar", PERAWAT).await;
    let second = json!({ "description": "Kelas ibu hamil setiap bulan", "owner": "Bidan Puskesmas", "due_on": today, "input_ids": [] });
    let (_, c2) = app.post(&format!("{forum_path}/commitments"), &operator, second).await;
    let (_, andi_plans) = app.get(&format!("/api/v1/skps?year={year}&status=approved&per_page=100"), &operator).await;
    let andi_plan = andi_plans["items"].as_array().unwrap().iter().find(|s| s["employee_id"] == andi).cloned().unwrap();
    let (_, andi_full) = app.get(&format!("/api/v1/skps/{}", andi_plan["id"]), &operator).await;
    let andi_rhk = andi_full["rhk"][0]["id"].as_i64().unwrap();
    let (status, body) = app
        .post(
            &format!("/api/v1/forum-commitments/{}/target", c2["id"]),
            &operator,
            json!({ "employee_id": bidan, "parent_rhk_id": andi_rhk }),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let progress2 = format!("/api/v1/forum-commitments/{}/progress", c2["id"]);
    assert_eq!(put(&app, &progress2, &fajar, json!({ "percent": 50 })).await.0, StatusCode::FORBIDDEN);
    let (status, mine) = put(&app, &progress2, &nurhayati, json!({ "percent": 50 })).await;
    assert_eq!((status, mine["progress_percent"].as_u64()), (StatusCode::OK, Some(50)), "{mine}");

    // Closed, it no longer takes progress.
    let (status, _) = put(
        &app,
        &format!("/api/v1/forum-commitments/{id}"),
        &operator,
        json!({ "status": "done", "note": "Loket lansia buka setiap hari" }),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(put(&app, &progress, &operator, json!({ "percent": 90 })).await.0, StatusCode::CONFLICT);
}
