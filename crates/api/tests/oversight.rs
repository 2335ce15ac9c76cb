//! Oversight beside the direct superior (issue #10): the independent evaluation team reviews and
//! flags but never rates; evaluation sessions with follow-ups tracked to done and overdue ones on
//! the dashboard; public dialogue forums from announcement to a closed commitment, with citizen
//! aspirasi under the complaint protections; who sees what; and the demo city.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use chrono::{Datelike, Duration, NaiveDate, Utc};
use common::{demo, TestApp};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

fn local_today() -> NaiveDate {
    (Utc::now() + Duration::hours(7)).date_naive()
}

async fn put(app: &TestApp, path: &str, token: &str, body: Value) -> (StatusCode, Value) {
    app.call(Method::PUT, path, Some(token), Some(body)).await
}

async fn public_post(app: &TestApp, path: &str, body: Value) -> (StatusCode, Value) {
    app.call(Method::POST, path, None, Some(body)).await
}

async fn public_get(app: &TestApp, path: &str) -> (StatusCode, Value) {
    app.call(Method::GET, path, None, None).await
}

async fn audited(app: &TestApp, admin: &str, action: &str) -> usize {
    let (_, log) = app.get(&format!("/api/v1/audit?action={action}"), admin).await;
    log["items"].as_array().map_or(0, Vec::len)
}

async fn oversight(app: &TestApp, unit: i64, token: &str) -> Value {
    let (status, d) = app.get(&format!("/api/v1/dashboard/units/{unit}"), token).await;
    assert_eq!(status, StatusCode::OK, "{d}");
    d["oversight"].clone()
}

async fn the_team_reviews_and_flags_but_never_rates(app: TestApp) {
    let admin = app.token("admin").await;
    let kasi = app.token("kasi.rujukan").await;
    let camat = app.token("camat.sukasari").await;
    let dedi_token = app.token("dedi").await;
    let dedi = app.employee_id(demo::DEDI).await;
    let camat_id = app.employee_id(demo::CAMAT_SUKASARI).await;
    let kasi_id = app.employee_id(demo::KASI_RUJUKAN).await;
    let dinkes = app.unit_id("DINKES").await;

    // Kasi rates Dedi for last year; the draft is not the team's yet.
    let rate = json!({ "employee_id": dedi, "period": (local_today().year() - 1).to_string(), "result_rating": "sesuai", "behavior_rating": "sesuai" });
    let (status, rated) = app.post("/api/v1/assessments", &kasi, rate).await;
    assert_eq!(status, StatusCode::CREATED, "{rated}");
    let assessment = rated["id"].as_i64().unwrap();

    // The admin forms the team; nobody else may, and a team needs real members and units.
    let team = json!({ "name": "Tim Penilai Kinerja Kota", "decree": "800/1/2026", "member_ids": [camat_id], "unit_ids": [dinkes] });
    assert_eq!(app.post("/api/v1/evaluation-teams", &kasi, team.clone()).await.0, StatusCode::FORBIDDEN);
    let empty = json!({ "name": "Tim Kosong", "member_ids": [], "unit_ids": [dinkes] });
    assert_eq!(app.post("/api/v1/evaluation-teams", &admin, empty).await.0, StatusCode::UNPROCESSABLE_ENTITY);
    let ghost = json!({ "name": "Tim Hantu", "member_ids": [camat_id], "unit_ids": [987_654] });
    assert_eq!(app.post("/api/v1/evaluation-teams", &admin, ghost).await.0, StatusCode::UNPROCESSABLE_ENTITY);
    let (status, formed) = app.post("/api/v1/evaluation-teams", &admin, team).await;
    assert_eq!(status, StatusCode::CREATED, "{formed}");
    let team_id = formed["id"].as_i64().unwrap();
    assert_eq!(formed["members"][0]["employee_id"], camat_id);
    assert_eq!(formed["units"][0]["name"], "Dinas Kesehatan");
    let (_, me) = app.get("/api/v1/me", &camat).await;
    assert_eq!(me["is_team_member"], true);
    let (_, mine) = app.get("/api/v1/evaluation-teams", &camat).await;
    assert_eq!(mine["items"].as_array().unwrap().len(), 1);
    let (_, none) = app.get("/api/v1/evaluation-teams", &dedi_token).await;
    assert_eq!(none["items"], json!([]));

    // A draft cannot be reviewed; once finalized it is in the team's list, with its evidence.
    let review_path = format!("/api/v1/assessments/{assessment}/reviews");
    let note = json!({ "note": "Bukti realisasi lengkap dan konsisten", "recommendation": "development" });
    assert_eq!(app.post(&review_path, &camat, note.clone()).await.0, StatusCode::CONFLICT);
    let (status, _) = app.post(&format!("/api/v1/assessments/{assessment}/finalize"), &kasi, json!({})).await;
    assert_eq!(status, StatusCode::OK);
    let (status, list) = app.get(&format!("/api/v1/evaluation-teams/{team_id}/assessments"), &camat).await;
    assert_eq!(status, StatusCode::OK, "{list}");
    assert!(list["items"]
        .as_array()
        .unwrap()
        .iter()
        .any(|a| a["assessment_id"] == assessment && a["penilai_id"] == kasi_id));
    let evidence = format!("/api/v1/employees/{dedi}/rating-evidence?period={}", local_today().year() - 1);
    assert_eq!(app.get(&evidence, &camat).await.0, StatusCode::OK);
    assert_eq!(app.get(&evidence, &app.token("kadisdukcapil").await).await.0, StatusCode::NOT_FOUND);
    // ... and this year's SKP with its realisation, read only.
    let (_, current) =
        app.get(&format!("/api/v1/employees/{dedi}/rating-evidence?period={}", local_today().year()), &camat).await;
    let skp = current["skp_id"].as_i64().expect("Dedi has an SKP this year");
    // A draft rating stays the penilai's: the team sees it once submitted, not before.
    let quarter = format!("{}-Q{}", local_today().year(), (local_today().month() - 1) / 3 + 1);
    let body = json!({ "employee_id": dedi, "period": quarter, "result_rating": "sesuai", "behavior_rating": "sesuai",
                       "behavior_notes": { "akuntabel": "Laporan tepat waktu" } });
    let (status, draft) = app.post("/api/v1/assessments", &kasi, body).await;
    assert_eq!((status, draft["status"].clone()), (StatusCode::CREATED, json!("draft")), "{draft}");
    let evidence = format!("/api/v1/employees/{dedi}/rating-evidence?period={quarter}");
    assert_eq!(app.get(&evidence, &kasi).await.1["assessment"]["status"], "draft");
    let (status, seen) = app.get(&evidence, &camat).await;
    assert_eq!(status, StatusCode::OK);
    assert!(seen["assessment"].is_null(), "the team read a draft: {seen}");
    assert_eq!(app.get(&format!("/api/v1/skps/{skp}"), &camat).await.0, StatusCode::OK);
    assert_eq!(app.get(&format!("/api/v1/skps/{skp}/realization"), &camat).await.0, StatusCode::OK);
    assert_eq!(app.post(&format!("/api/v1/skps/{skp}/revise"), &camat, json!({})).await.0, StatusCode::NOT_FOUND);
    assert_eq!(
        app.get(&format!("/api/v1/skps/{skp}"), &app.token("kadisdukcapil").await).await.0,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.get(&format!("/api/v1/evaluation-teams/{team_id}/assessments"), &kasi).await.0,
        StatusCode::NOT_FOUND
    );

    // Only team members review; a flag needs its reason; the rating stays as the penilai gave it.
    assert_eq!(app.post(&review_path, &kasi, note.clone()).await.0, StatusCode::FORBIDDEN);
    assert_eq!(app.post(&review_path, &app.token("ahmad").await, note.clone()).await.0, StatusCode::NOT_FOUND);
    let bare_flag = json!({ "note": "Perlu ditinjau", "flag": true, "reason": "kurang" });
    assert_eq!(app.post(&review_path, &camat, bare_flag).await.0, StatusCode::UNPROCESSABLE_ENTITY);
    let (status, plain) = app.post(&review_path, &camat, note).await;
    assert_eq!(status, StatusCode::CREATED, "{plain}");
    assert_eq!((plain["flag"].as_bool(), &plain["flag_status"]), (Some(false), &Value::Null));
    let flag = json!({ "note": "Predikat tidak didukung bukti realisasi", "recommendation": "development", "flag": true, "reason": "Realisasi RHK kedua belum ada buktinya" });
    let (status, flagged) = app.post(&review_path, &camat, flag).await;
    assert_eq!(status, StatusCode::CREATED, "{flagged}");
    assert_eq!((flagged["flag_status"].as_str(), flagged["author_name"].is_string()), (Some("open"), true));
    let (_, after) = app.get(&format!("/api/v1/assessments/{assessment}"), &kasi).await;
    assert_eq!((after["result_rating"].as_str(), after["predikat"].as_str()), (Some("sesuai"), Some("baik")));

    // Read by the employee, the penilai, the head, the team; not by a colleague or another dinas.
    for who in ["dedi", "kasi.rujukan", "kadinkes", "camat.sukasari", "auditor"] {
        let (status, notes) = app.get(&review_path, &app.token(who).await).await;
        assert_eq!(status, StatusCode::OK, "{who}: {notes}");
        assert_eq!(notes["items"].as_array().unwrap().len(), 2, "{who}");
    }
    assert_eq!(app.get(&review_path, &app.token("sri").await).await.0, StatusCode::NOT_FOUND);
    assert_eq!(app.get(&review_path, &app.token("kadisdukcapil").await).await.0, StatusCode::NOT_FOUND);
    let (_, inbox) = app.get("/api/v1/notifications", &kasi).await;
    assert!(inbox["items"].as_array().unwrap().iter().any(|n| n["kind"] == "assessment_review"), "{inbox}");
    let (_, open) = app.get("/api/v1/assessment-reviews?open_flags=true", &kasi).await;
    assert_eq!(open["items"].as_array().unwrap().len(), 1, "{open}");
    let (_, theirs) = app.get("/api/v1/assessment-reviews", &app.token("sri").await).await;
    assert_eq!(theirs["items"], json!([]));
    assert_eq!(oversight(&app, dinkes, &admin).await["flags_open"], 1);

    // Only the penilai answers the flag, once; a plain note is no flag.
    let respond = |id: &Value| format!("/api/v1/assessment-reviews/{id}/response");
    let answer = json!({ "response": "Sudah saya tinjau bersama bukti; predikat tetap" });
    assert_eq!(app.post(&respond(&flagged["id"]), &dedi_token, answer.clone()).await.0, StatusCode::FORBIDDEN);
    assert_eq!(app.post(&respond(&flagged["id"]), &camat, answer.clone()).await.0, StatusCode::FORBIDDEN);
    assert_eq!(app.post(&respond(&plain["id"]), &kasi, answer.clone()).await.0, StatusCode::CONFLICT);
    let (status, answered) = app.post(&respond(&flagged["id"]), &kasi, answer.clone()).await;
    assert_eq!(status, StatusCode::OK, "{answered}");
    assert_eq!(answered["flag_status"], "answered");
    assert_eq!(app.post(&respond(&flagged["id"]), &kasi, answer).await.0, StatusCode::CONFLICT);
    assert_eq!(oversight(&app, dinkes, &admin).await["flags_open"], 0);
    assert_eq!(audited(&app, &admin, "assessment_review.create").await, 2);
    assert_eq!(audited(&app, &admin, "assessment_review.respond").await, 1);

    // Independence: a member never reviews an assessment they gave; a retired team reviews nothing.
    let both = json!({ "name": "Tim Penilai Kinerja Kota", "member_ids": [camat_id, kasi_id], "unit_ids": [dinkes] });
    assert_eq!(put(&app, &format!("/api/v1/evaluation-teams/{team_id}"), &admin, both).await.0, StatusCode::OK);
    let own = json!({ "note": "Catatan atas penilaian sendiri" });
    assert_eq!(app.post(&review_path, &kasi, own.clone()).await.0, StatusCode::FORBIDDEN);
    let retired =
        json!({ "name": "Tim Penilai Kinerja Kota", "member_ids": [camat_id], "unit_ids": [dinkes], "active": false });
    assert_eq!(put(&app, &format!("/api/v1/evaluation-teams/{team_id}"), &admin, retired).await.0, StatusCode::OK);
    assert_eq!(app.post(&review_path, &camat, own).await.0, StatusCode::NOT_FOUND);
    assert_eq!(audited(&app, &admin, "evaluation_team.update").await, 2);
}

async fn sessions_track_follow_ups_to_done(app: TestApp) {
    let admin = app.token("admin").await;
    let kadinkes = app.token("kadinkes").await;
    let dedi_token = app.token("dedi").await;
    let dinkes = app.unit_id("DINKES").await;
    let dedi = app.employee_id(demo::DEDI).await;
    let kabid = app.employee_id(demo::KABID_YANKES).await;
    let ahmad = app.employee_id(demo::AHMAD).await;
    let today = local_today();
    let day = |d: i64| (today + Duration::days(d)).to_string();
    let session = |held: i64, follow_ups: Value, people: Value| {
        json!({ "unit_id": dinkes, "kind": "annual", "held_on": day(held), "title": "Rapat Evaluasi Kinerja Tahunan",
                "attendees": ["Kepala Dinas", "Sekretaris", "  "], "employee_ids": people,
                "decisions": "Capaian IKU 92%; imunisasi perlu rencana aksi", "follow_ups": follow_ups })
    };
    let good = json!([
        { "description": "Rencana aksi imunisasi", "owner_id": kabid, "due_on": day(-1) },
        { "description": "Pendampingan bukti dukung", "owner_id": dedi, "due_on": day(20) }
    ]);

    // Rules: a meeting is recorded after it took place, follow-ups fall after it and belong to
    // people of the unit, and so do the people discussed.
    let post = |body: Value, token: String| {
        let app = &app;
        async move { app.post("/api/v1/evaluation-sessions", &token, body).await }
    };
    assert_eq!(
        post(session(1, good.clone(), json!([dedi])), kadinkes.clone()).await.0,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    let early = json!([{ "description": "Terlalu awal", "owner_id": dedi, "due_on": day(-30) }]);
    assert_eq!(post(session(-10, early, json!([])), kadinkes.clone()).await.0, StatusCode::UNPROCESSABLE_ENTITY);
    let outsider = json!([{ "description": "Bukan pegawai dinas", "owner_id": ahmad, "due_on": day(5) }]);
    assert_eq!(post(session(-10, outsider, json!([])), kadinkes.clone()).await.0, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        post(session(-10, json!([]), json!([ahmad])), kadinkes.clone()).await.0,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    // Who: the head of the unit (or admin), not an employee, another head or the auditor.
    assert_eq!(post(session(-10, good.clone(), json!([dedi])), dedi_token.clone()).await.0, StatusCode::FORBIDDEN);
    assert_eq!(
        post(session(-10, good.clone(), json!([dedi])), app.token("kadisdukcapil").await).await.0,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        post(session(-10, good.clone(), json!([dedi])), app.token("auditor").await).await.0,
        StatusCode::FORBIDDEN
    );
    let (status, made) = post(session(-10, good, json!([dedi])), kadinkes.clone()).await;
    assert_eq!(status, StatusCode::CREATED, "{made}");
    assert_eq!(made["attendees"], json!(["Kepala Dinas", "Sekretaris"]));
    assert_eq!(made["employees"][0]["employee_id"], dedi);
    let follow_ups = made["follow_ups"].as_array().unwrap();
    assert_eq!(follow_ups.len(), 2);
    assert_eq!((follow_ups[0]["overdue"].as_bool(), follow_ups[1]["overdue"].as_bool()), (Some(true), Some(false)));

    // Read by heads, admin and auditor; not by employees or another dinas.
    let (status, list) = app
        .get(
            &format!("/api/v1/evaluation-sessions?unit_id={dinkes}&year={}", today.year()),
            &app.token("auditor").await,
        )
        .await;
    assert_eq!((status, list["items"].as_array().unwrap().len()), (StatusCode::OK, 1), "{list}");
    assert_eq!(app.get("/api/v1/evaluation-sessions", &dedi_token).await.0, StatusCode::FORBIDDEN);
    let one = format!("/api/v1/evaluation-sessions/{}", made["id"]);
    assert_eq!(app.get(&one, &app.token("kadisdukcapil").await).await.0, StatusCode::NOT_FOUND);
    let (_, theirs) = app.get("/api/v1/evaluation-sessions", &app.token("kadisdukcapil").await).await;
    assert_eq!(theirs["items"], json!([]));

    // The overdue follow-up is on the dashboard, up to the city.
    let figures = oversight(&app, dinkes, &kadinkes).await;
    assert_eq!((figures["follow_ups_open"].as_u64(), figures["follow_ups_overdue"].as_u64()), (Some(2), Some(1)));
    assert_eq!(figures["overdue_follow_ups"][0]["description"], "Rencana aksi imunisasi");
    assert_eq!(figures["overdue_follow_ups"][0]["source_title"], "Rapat Evaluasi Kinerja Tahunan");
    let (_, city) = app.get("/api/v1/dashboard/city", &admin).await;
    assert_eq!(city["oversight"]["follow_ups_overdue"], 1);

    // The owner sees and closes their own, with a note; the head reopens; another employee cannot.
    let (_, mine) = app.get("/api/v1/evaluation-follow-ups", &dedi_token).await;
    let mine = mine["items"].as_array().unwrap();
    assert_eq!(mine.len(), 1);
    let path = format!("/api/v1/evaluation-follow-ups/{}", mine[0]["id"]);
    assert_eq!(put(&app, &path, &dedi_token, json!({ "status": "done" })).await.0, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        put(&app, &path, &app.token("sri").await, json!({ "status": "done", "note": "Bukan milik saya" })).await.0,
        StatusCode::FORBIDDEN
    );
    let (status, done) =
        put(&app, &path, &dedi_token, json!({ "status": "done", "note": "Bukti dukung sudah lengkap" })).await;
    assert_eq!((status, done["status"].as_str()), (StatusCode::OK, Some("done")), "{done}");
    assert!(done["done_at"].is_string());
    assert_eq!(oversight(&app, dinkes, &kadinkes).await["follow_ups_open"], 1);
    let (status, reopened) = put(&app, &path, &kadinkes, json!({ "status": "open" })).await;
    assert_eq!((status, &reopened["done_note"]), (StatusCode::OK, &Value::Null));
    // A later follow-up, added by the head.
    let more = json!({ "description": "Laporan capaian triwulan", "owner_id": kabid, "due_on": day(3) });
    let (status, added) = app.post(&format!("{one}/follow-ups"), &kadinkes, more).await;
    assert_eq!(status, StatusCode::CREATED, "{added}");
    assert_eq!(oversight(&app, dinkes, &kadinkes).await["follow_ups_open"], 3);
    assert_eq!(audited(&app, &admin, "evaluation_session.create").await, 1);
    assert_eq!(audited(&app, &admin, "evaluation_follow_up.update").await, 2);
}

async fn a_forum_from_announcement_to_closed_commitment(app: TestApp) {
    let admin = app.token("admin").await;
    let operator = app.token("kapkm.sukajadi").await;
    let pkm = app.unit_id("PKM-SUKAJADI").await;
    let dinkes = app.unit_id("DINKES").await;
    let today = local_today();
    let day = |d: i64| (today + Duration::days(d)).to_string();
    let announce = |date: String| json!({ "unit_id": pkm, "topic": "Forum Konsultasi Publik Puskesmas", "date": date, "place": "Aula Puskesmas Sukajadi" });

    // The unit's operator announces; not for a past date, not by another dinas or an employee.
    assert_eq!(app.post("/api/v1/forums", &operator, announce(day(-1))).await.0, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        app.post("/api/v1/forums", &app.token("kadisdukcapil").await, announce(day(7))).await.0,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.post("/api/v1/forums", &app.token("auditor").await, announce(day(7))).await.0,
        StatusCode::FORBIDDEN
    );
    let (status, forum) = app.post("/api/v1/forums", &operator, announce(day(7))).await;
    assert_eq!(status, StatusCode::CREATED, "{forum}");
    let id = forum["id"].as_i64().unwrap();
    assert_eq!(forum["status"], "announced");

    // On the public pages, open for aspirasi.
    let (_, list) = public_get(&app, "/api/v1/public/forums").await;
    let listed = list["items"].as_array().unwrap().iter().find(|f| f["id"] == id).cloned().unwrap();
    assert_eq!(
        (listed["accepts_input"].as_bool(), listed["status_label"].as_str()),
        (Some(true), Some("Akan dilaksanakan"))
    );

    // Citizens send aspirasi without an account: length-checked, honeypot, no duplicates.
    let send = format!("/api/v1/public/forums/{id}/inputs");
    assert_eq!(public_post(&app, &send, json!({ "text": "pendek" })).await.0, StatusCode::UNPROCESSABLE_ENTITY);
    let (status, _) =
        public_post(&app, &send, json!({ "text": "Iklan obat murah hubungi kami", "website": "http://spam" })).await;
    assert_eq!(status, StatusCode::CREATED);
    let wish =
        json!({ "text": "Antrean pendaftaran lansia sangat panjang, mohon loket khusus", "contact": "0812-3456-7890" });
    let (status, receipt) = public_post(&app, &send, wish.clone()).await;
    assert_eq!(status, StatusCode::CREATED, "{receipt}");
    let code = receipt["tracking_code"].as_str().unwrap().to_owned();
    assert!(code.starts_with("ASP-"));
    assert_eq!(public_post(&app, &send, wish).await.0, StatusCode::CONFLICT);
    let (status, tracked) = public_get(&app, &format!("/api/v1/public/forum-inputs/{code}")).await;
    assert_eq!((status, tracked["status_label"].as_str()), (StatusCode::OK, Some("Diterima")));
    // Without its prefix and in small letters, it is still the aspirasi's code.
    let typed = code[4..].to_lowercase();
    assert_eq!(public_get(&app, &format!("/api/v1/public/forum-inputs/{typed}")).await.0, StatusCode::OK);
    let (status, rude) = public_post(&app, &send, json!({ "text": "Kata-kata kasar dan nomor pribadi 0812000" })).await;
    assert_eq!(status, StatusCode::CREATED);
    let rude_code = rude["tracking_code"].as_str().unwrap().to_owned();

    // Staff see contacts; the public never does. The honeypot kept nothing.
    let forum_path = format!("/api/v1/forums/{id}");
    let (_, staff) = app.get(&forum_path, &operator).await;
    let inputs = staff["inputs"].as_array().unwrap();
    assert_eq!(inputs.len(), 2, "{staff}");
    let citizen = inputs.iter().find(|i| i["tracking_code"] == code.as_str()).unwrap()["id"].as_i64().unwrap();
    let rude_id = inputs.iter().find(|i| i["tracking_code"] == rude_code.as_str()).unwrap()["id"].as_i64().unwrap();
    assert_eq!(inputs.iter().find(|i| i["id"] == citizen).unwrap()["contact"], "0812-3456-7890");
    let (_, public) = public_get(&app, &format!("/api/v1/public/forums/{id}")).await;
    assert!(!public.to_string().contains("0812-3456-7890"), "{public}");
    assert_eq!(app.get(&forum_path, &app.token("kadisdukcapil").await).await.0, StatusCode::NOT_FOUND);
    assert_eq!(app.get(&forum_path, &app.token("dedi").await).await.0, StatusCode::NOT_FOUND);
    assert_eq!(app.get(&forum_path, &app.token("auditor").await).await.0, StatusCode::OK);

    // Abuse is hidden from the public; a decline must say why.
    let input_path = |i: i64| format!("/api/v1/forum-inputs/{i}");
    assert_eq!(
        put(&app, &input_path(rude_id), &operator, json!({ "status": "declined" })).await.0,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    assert_eq!(
        put(&app, &input_path(rude_id), &operator, json!({ "status": "committed" })).await.0,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    assert_eq!(put(&app, &input_path(rude_id), &operator, json!({ "status": "hidden" })).await.0, StatusCode::OK);
    assert_eq!(public_get(&app, &format!("/api/v1/public/forum-inputs/{rude_code}")).await.0, StatusCode::NOT_FOUND);
    let (_, public) = public_get(&app, &format!("/api/v1/public/forums/{id}")).await;
    assert_eq!(public["inputs"].as_array().unwrap().len(), 1, "{public}");

    // What was said in the room; the minutes wait until the forum is held.
    let room = json!({ "text": "Jadwal dokter gigi sering berubah tanpa pemberitahuan", "speaker": "Ibu Euis, RW 04" });
    let (status, said) = app.post(&format!("{forum_path}/inputs"), &operator, room).await;
    assert_eq!(
        (status, said["status"].as_str(), said["source"].as_str()),
        (StatusCode::CREATED, Some("discussed"), Some("room"))
    );
    let minutes = "Forum dihadiri 40 warga; antrean lansia dan jadwal dokter gigi dibahas.";
    assert_eq!(put(&app, &forum_path, &operator, json!({ "minutes": minutes })).await.0, StatusCode::CONFLICT);
    let (status, held) = put(&app, &forum_path, &operator, json!({ "status": "held", "minutes": minutes })).await;
    assert_eq!((status, held["status"].as_str()), (StatusCode::OK, Some("held")), "{held}");
    assert_eq!(put(&app, &forum_path, &operator, json!({ "place": "Tempat lain" })).await.0, StatusCode::CONFLICT);
    assert_eq!(put(&app, &forum_path, &operator, json!({ "status": "cancelled" })).await.0, StatusCode::CONFLICT);
    // Once held, aspirasi come through the room, not online.
    let late = json!({ "text": "Aspirasi yang terlambat dikirim setelah forum" });
    assert_eq!(public_post(&app, &send, late).await.0, StatusCode::CONFLICT);

    // A commitment answers the citizen's aspirasi (only aspirasi of this forum).
    let commit = |inputs: Value, due: String| json!({ "description": "Membuka loket pendaftaran khusus lansia", "owner": "Kepala UPT Puskesmas Sukajadi", "due_on": due, "input_ids": inputs });
    assert_eq!(
        app.post(&format!("{forum_path}/commitments"), &operator, commit(json!([citizen]), day(-1))).await.0,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    assert_eq!(
        app.post(&format!("{forum_path}/commitments"), &operator, commit(json!([999_999]), day(30))).await.0,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    let (status, promise) =
        app.post(&format!("{forum_path}/commitments"), &operator, commit(json!([citizen]), day(30))).await;
    assert_eq!(status, StatusCode::CREATED, "{promise}");
    let (_, tracked) = public_get(&app, &format!("/api/v1/public/forum-inputs/{code}")).await;
    assert_eq!(tracked["status_label"], "Menjadi komitmen");
    assert_eq!(
        put(
            &app,
            &input_path(citizen),
            &operator,
            json!({ "status": "declined", "response": "Tidak jadi ditindaklanjuti" })
        )
        .await
        .0,
        StatusCode::CONFLICT
    );
    let figures = oversight(&app, dinkes, &app.token("kadinkes").await).await;
    assert_eq!(figures["commitments_open"], 1);
    assert_eq!(figures["open_commitments"][0]["source_title"], "Forum Konsultasi Publik Puskesmas");

    // Tracked to completion, with a public note.
    let promise_path = format!("/api/v1/forum-commitments/{}", promise["id"]);
    assert_eq!(
        put(&app, &promise_path, &operator, json!({ "status": "done" })).await.0,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    assert_eq!(
        put(&app, &promise_path, &app.token("kadisdukcapil").await, json!({ "status": "done", "note": "x y z" }))
            .await
            .0,
        StatusCode::NOT_FOUND
    );
    let (status, closed) =
        put(&app, &promise_path, &operator, json!({ "status": "done", "note": "Loket 3 melayani lansia sejak Senin" }))
            .await;
    assert_eq!((status, closed["status"].as_str()), (StatusCode::OK, Some("done")), "{closed}");
    let (_, public) = public_get(&app, &format!("/api/v1/public/forums/{id}")).await;
    assert_eq!(public["minutes"], minutes);
    assert_eq!(public["commitments"][0]["status_label"], "Selesai");
    assert_eq!(public["commitments"][0]["done_note"], "Loket 3 melayani lansia sejak Senin");
    assert_eq!((public["input_count"].as_u64(), public["open_commitments"].as_u64()), (Some(2), Some(0)));
    assert_eq!(oversight(&app, dinkes, &admin).await["commitments_open"], 0);
    for action in ["forum.create", "forum.update", "forum_input.send", "forum_commitment.update"] {
        assert!(audited(&app, &admin, action).await >= 1, "{action} audited");
    }

    // A cancelled forum is not held afterwards, and the same address cannot flood aspirasi.
    let (_, other) = app.post("/api/v1/forums", &operator, announce(day(14))).await;
    let other_path = format!("/api/v1/forums/{}", other["id"]);
    assert_eq!(put(&app, &other_path, &operator, json!({ "status": "cancelled" })).await.0, StatusCode::OK);
    assert_eq!(put(&app, &other_path, &operator, json!({ "status": "held" })).await.0, StatusCode::CONFLICT);
    let (_, third) = app.post("/api/v1/forums", &operator, announce(day(21))).await;
    let third_send = format!("/api/v1/public/forums/{}/inputs", third["id"]);
    let mut statuses = Vec::new();
    for n in 0..12 {
        let (status, _) =
            public_post(&app, &third_send, json!({ "text": format!("Aspirasi warga nomor {n} tentang layanan") }))
                .await;
        statuses.push(status);
    }
    assert!(statuses.contains(&StatusCode::TOO_MANY_REQUESTS), "{statuses:?}");
}

/// The demo city (seeded twice: idempotent) has a team review, an annual session with tracked
/// follow-ups and a forum whose aspirasi and commitments the public sees.
async fn the_demo_city_shows_oversight(app: TestApp) {
    let extras = kinerja_api::seed::demo::Extras { past_ratings: true, ..Default::default() };
    kinerja_api::seed::demo::run_with(&app.db, &extras).await.unwrap();
    kinerja_api::seed::demo::run_with(&app.db, &extras).await.unwrap();
    let camat = app.token("camat.sukasari").await;
    let (_, teams) = app.get("/api/v1/evaluation-teams", &camat).await;
    assert_eq!(teams["items"].as_array().unwrap().len(), 1, "{teams}");
    let team = teams["items"][0]["id"].as_i64().unwrap();
    let (_, rated) = app.get(&format!("/api/v1/evaluation-teams/{team}/assessments"), &camat).await;
    assert!(rated["items"].as_array().unwrap().iter().any(|a| a["reviews"].as_u64() > Some(0)), "{rated}");
    assert!(rated["items"].as_array().unwrap().iter().any(|a| a["open_flags"] == 1), "{rated}");

    let kadinkes = app.token("kadinkes").await;
    let dinkes = app.unit_id("DINKES").await;
    let (_, sessions) = app.get(&format!("/api/v1/evaluation-sessions?unit_id={dinkes}"), &kadinkes).await;
    let annual = sessions["items"].as_array().unwrap().iter().find(|s| s["kind"] == "annual").unwrap();
    let states: Vec<(&str, bool)> = annual["follow_ups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["status"].as_str().unwrap(), f["overdue"].as_bool().unwrap()))
        .collect();
    assert!(states.contains(&("done", false)) && states.contains(&("open", true)), "{states:?}");
    let figures = oversight(&app, dinkes, &kadinkes).await;
    assert!(figures["follow_ups_overdue"].as_u64() >= Some(1) && figures["commitments_open"].as_u64() >= Some(1));
    assert_eq!(figures["flags_open"], 1);

    let (_, list) = public_get(&app, "/api/v1/public/forums").await;
    let held = list["items"].as_array().unwrap().iter().find(|f| f["status"] == "held").unwrap();
    let (_, forum) = public_get(&app, &format!("/api/v1/public/forums/{}", held["id"])).await;
    assert!(forum["minutes"].is_string());
    let inputs = forum["inputs"].as_array().unwrap();
    assert!(inputs.iter().any(|i| i["source"] == "online") && inputs.iter().any(|i| i["status"] == "committed"));
    let commitments = forum["commitments"].as_array().unwrap();
    assert!(commitments.iter().any(|c| c["status"] == "done") && commitments.iter().any(|c| c["status"] == "open"));
    assert!(list["items"].as_array().unwrap().iter().any(|f| f["accepts_input"] == true), "an announced forum");
}

db_tests!(
    the_team_reviews_and_flags_but_never_rates,
    sessions_track_follow_ups_to_done,
    a_forum_from_announcement_to_closed_commitment,
    the_demo_city_shows_oversight
);
