//! Daily activities: the logging rules, verification one by one and in bulk, evidence uploads and
//! who may download them, the team view, realisation, feedback and dialogues.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use chrono::{Duration, Utc};
use common::{demo, TestApp};
use reqwest::StatusCode;
use serde_json::{json, Value};

/// Today in the Pemda's time zone (WIB by default), as the server sees it.
fn local_today() -> chrono::NaiveDate {
    (Utc::now() + Duration::hours(7)).date_naive()
}

/// The latest Monday to Friday not after today: a working day of the demo's offices, whose full
/// hours may be logged (a weekend holds the overtime only; `calendar.rs` tests those).
fn working_day() -> chrono::NaiveDate {
    let mut d = local_today();
    while matches!(chrono::Datelike::weekday(&d), chrono::Weekday::Sat | chrono::Weekday::Sun) {
        d -= Duration::days(1);
    }
    d
}

fn today() -> String {
    working_day().to_string()
}

/// The first RHK of the user's approved SKP of this year (seeded for every demo employee).
async fn my_rhk(app: &TestApp, token: &str) -> (i64, i64) {
    let year = local_today().format("%Y").to_string();
    let (_, plans) = app.get(&format!("/api/v1/skps?year={year}&status=approved"), token).await;
    let me: Value = app.get("/api/v1/me", token).await.1;
    let skp =
        plans["items"].as_array().unwrap().iter().find(|s| s["employee_id"] == me["employee"]["id"]).unwrap().clone();
    let (_, full) = app.get(&format!("/api/v1/skps/{}", skp["id"]), token).await;
    (full["id"].as_i64().unwrap(), full["rhk"][0]["id"].as_i64().unwrap())
}

fn entry(rhk: i64, minutes: u32, date: &str) -> Value {
    json!({ "date": date, "minutes": minutes, "description": "Menyusun rekap data rujukan", "rhk_id": rhk, "output_qty": 2 })
}

async fn log(app: &TestApp, token: &str, body: Value) -> (StatusCode, Value) {
    app.post("/api/v1/activities", token, body).await
}

async fn every_logging_rule_with_its_message(app: TestApp) {
    let dedi = app.token("dedi").await;
    let (_, rhk) = my_rhk(&app, &dedi).await;
    let tomorrow = (local_today() + Duration::days(1)).to_string();
    let (status, body) = log(&app, &dedi, entry(rhk, 60, &tomorrow)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body["errors"][0]["message"].as_str().unwrap().contains("masa depan"), "{body}");
    let old = (local_today() - Duration::days(20)).to_string();
    let (_, body) = log(&app, &dedi, entry(rhk, 60, &old)).await;
    assert!(body["errors"][0]["message"].as_str().unwrap().contains("7 hari kerja"), "{body}");
    assert_eq!(log(&app, &dedi, entry(rhk, 700, &today())).await.0, StatusCode::CREATED);
    let (status, body) = log(&app, &dedi, entry(rhk, 30, &today())).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body["errors"][0]["message"].as_str().unwrap().contains("720 menit"), "{body}");
    // Someone else's RHK is refused with a hint.
    let sri = app.token("sri").await;
    let (_, sri_rhk) = my_rhk(&app, &sri).await;
    let (_, body) = log(&app, &dedi, entry(sri_rhk, 10, &today())).await;
    assert_eq!(body["errors"][0]["field"], "rhk_id");
    // Start and end instead of minutes.
    let mut timed = entry(rhk, 0, &today());
    timed["minutes"] = Value::Null;
    timed["start"] = json!("07:30");
    timed["end"] = json!("07:50");
    let (status, created) = log(&app, &sri, {
        let mut t = timed.clone();
        t["rhk_id"] = json!(sri_rhk);
        t
    })
    .await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    assert_eq!(created["minutes"], 20);
    timed["end"] = json!("07:00");
    assert_eq!(log(&app, &dedi, timed).await.0, StatusCode::UNPROCESSABLE_ENTITY);
    // The limits come from the settings.
    let admin = app.token("admin").await;
    app.patch("/api/v1/settings", &admin, json!({ "activity_max_minutes_per_day": 710 })).await;
    let (_, body) = log(&app, &dedi, entry(rhk, 15, &today())).await;
    assert!(body["errors"][0]["message"].as_str().unwrap().contains("710"), "{body}");
}

async fn verification_one_by_one_and_in_bulk(app: TestApp) {
    let dedi = app.token("dedi").await;
    let kasi = app.token("kasi.rujukan").await;
    let (_, rhk) = my_rhk(&app, &dedi).await;
    let (_, a) = log(&app, &dedi, entry(rhk, 60, &today())).await;
    let id = a["id"].as_i64().unwrap();
    assert_eq!(a["status"], "draft");
    // Approving a draft is a wrong transition; only the penilai decides.
    assert_eq!(app.post(&format!("/api/v1/activities/{id}/approve"), &kasi, json!({})).await.0, StatusCode::CONFLICT);
    assert_eq!(app.post(&format!("/api/v1/activities/{id}/submit"), &dedi, json!({})).await.0, StatusCode::OK);
    assert_eq!(app.post(&format!("/api/v1/activities/{id}/approve"), &dedi, json!({})).await.0, StatusCode::FORBIDDEN);
    let kabid = app.token("kabid.yankes").await;
    assert_eq!(app.post(&format!("/api/v1/activities/{id}/approve"), &kabid, json!({})).await.0, StatusCode::FORBIDDEN);
    // The queue shows it.
    let (_, queue) = app.get("/api/v1/activities?queue=true", &kasi).await;
    assert_eq!(queue["items"][0]["id"], id);
    // Reject with a note, correct, resubmit.
    assert_eq!(
        app.post(&format!("/api/v1/activities/{id}/reject"), &kasi, json!({ "note": "" })).await.0,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    let (_, rejected) =
        app.post(&format!("/api/v1/activities/{id}/reject"), &kasi, json!({ "note": "Lampirkan rekapnya" })).await;
    assert_eq!(rejected["status"], "rejected");
    let (_, inbox) = app.get("/api/v1/notifications?unread=true", &dedi).await;
    assert_eq!(inbox["items"][0]["kind"], "activity.rejected");
    let mut fixed = entry(rhk, 90, &today());
    fixed["submit"] = json!(true);
    let (status, resubmitted) = app.patch(&format!("/api/v1/activities/{id}"), &dedi, fixed).await;
    assert_eq!(status, StatusCode::OK, "{resubmitted}");
    assert_eq!((resubmitted["status"].as_str(), resubmitted["minutes"].as_u64()), (Some("submitted"), Some(90)));
    // Bulk: a batch with someone else's activity is refused whole, naming the offending id.
    let ahmad = app.token("ahmad").await;
    let (_, ahmad_rhk) = my_rhk(&app, &ahmad).await;
    let mut other = entry(ahmad_rhk, 30, &today());
    other["submit"] = json!(true);
    let (_, foreign) = log(&app, &ahmad, other).await;
    let foreign_id = foreign["id"].as_i64().unwrap();
    let mut second = entry(rhk, 30, &today());
    second["submit"] = json!(true);
    let (_, b) = log(&app, &dedi, second).await;
    let second_id = b["id"].as_i64().unwrap();
    let (status, body) =
        app.post("/api/v1/activities/bulk-approve", &kasi, json!({ "ids": [id, second_id, foreign_id] })).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let offending: Vec<&str> =
        body["errors"].as_array().unwrap().iter().map(|e| e["field"].as_str().unwrap()).collect();
    assert_eq!(offending, vec![foreign_id.to_string().as_str()]);
    let (_, still) = app.get(&format!("/api/v1/activities/{id}"), &dedi).await;
    assert_eq!(still["status"], "submitted", "nothing approved");
    let (status, ok) = app.post("/api/v1/activities/bulk-approve", &kasi, json!({ "ids": [id, second_id] })).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(ok["approved"], json!([id.min(second_id), id.max(second_id)]));
    // Approved is final for the owner too.
    assert_eq!(
        app.patch(&format!("/api/v1/activities/{id}"), &dedi, entry(rhk, 10, &today())).await.0,
        StatusCode::CONFLICT
    );
    // Lists filter and answer CSV.
    let (_, mine) = app.get(&format!("/api/v1/activities?status=approved&rhk_id={rhk}"), &dedi).await;
    assert_eq!(mine["total"], 2);
    let res = app.client.get(app.url("/api/v1/activities?format=csv")).bearer_auth(&dedi).send().await.unwrap();
    let text = res.text().await.unwrap();
    assert!(text.starts_with("id,date,employee_id"), "{text}");
    // Outside the tree: 404.
    assert_eq!(app.get(&format!("/api/v1/activities/{id}"), &ahmad).await.0, StatusCode::NOT_FOUND);
    assert_eq!(app.get(&format!("/api/v1/activities/{id}"), &app.token("sri").await).await.0, StatusCode::NOT_FOUND);
}

/// "Batalkan" after an approval: only the penilai's own, only just given, all or nothing; the
/// activity waits in the queue again, and the count of waiting work says so.
async fn an_approval_is_undone_at_once(app: TestApp) {
    let dedi = app.token("dedi").await;
    let kasi = app.token("kasi.rujukan").await;
    let (_, rhk) = my_rhk(&app, &dedi).await;
    let mut ids = Vec::new();
    for minutes in [45, 30] {
        let mut e = entry(rhk, minutes, &today());
        e["submit"] = json!(true);
        ids.push(log(&app, &dedi, e).await.1["id"].as_i64().unwrap());
    }
    let waiting = |token: String| {
        let app = &app;
        async move {
            let (status, w) = app.get("/api/v1/me/waiting", &token).await;
            assert_eq!(status, StatusCode::OK, "{w}");
            let (_, queue) = app.get("/api/v1/activities?queue=true&per_page=1", &token).await;
            assert_eq!(w["activities"], queue["total"], "the count is the queue's");
            w["activities"].as_u64().unwrap()
        }
    };
    let before = waiting(kasi.clone()).await;
    assert!(before >= 2);
    assert_eq!(app.post(&format!("/api/v1/activities/{}/approve", ids[0]), &kasi, json!({})).await.0, StatusCode::OK);
    assert_eq!(waiting(kasi.clone()).await, before - 1);

    // Someone else cannot take it back, nor can the penilai take back what was not approved.
    let kabid = app.token("kabid.yankes").await;
    let undo = "/api/v1/activities/undo-approval";
    let (status, body) = app.post(undo, &kabid, json!({ "ids": [ids[0]] })).await;
    assert_eq!(
        (status, body["errors"][0]["code"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("activity_not_undoable"))
    );
    let (status, body) = app.post(undo, &kasi, json!({ "ids": [ids[0], ids[1]] })).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "all or nothing: {body}");
    assert_eq!(body["errors"][0]["field"], ids[1].to_string());
    assert_eq!(body["errors"][0]["code"], "activity_not_undoable");
    let (_, still) = app.get(&format!("/api/v1/activities/{}", ids[0]), &dedi).await;
    assert_eq!(still["status"], "approved", "nothing changed");

    let (status, body) = app.post(undo, &kasi, json!({ "ids": [ids[0]] })).await;
    assert_eq!((status, body["reopened"].clone()), (StatusCode::OK, json!([ids[0]])));
    let (_, back) = app.get(&format!("/api/v1/activities/{}", ids[0]), &dedi).await;
    assert_eq!(back["status"], "submitted");
    assert_eq!(waiting(kasi.clone()).await, before);
    assert_eq!(app.post(undo, &kasi, json!({ "ids": [ids[0]] })).await.0, StatusCode::UNPROCESSABLE_ENTITY, "once");

    // A batch is taken back as a batch.
    assert_eq!(app.post("/api/v1/activities/bulk-approve", &kasi, json!({ "ids": ids })).await.0, StatusCode::OK);
    assert_eq!(waiting(kasi.clone()).await, before - 2);
    let (status, body) = app.post(undo, &kasi, json!({ "ids": ids })).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(waiting(kasi.clone()).await, before);
    let (_, log) = app.get("/api/v1/audit?per_page=50", &app.token("admin").await).await;
    assert!(log.to_string().contains("activity.undo_approval"));
    // Someone without an employee record has no work of their own waiting; the objections the
    // BKPSDM decides are those of its list.
    let admin = app.token("admin").await;
    let (_, none) = app.get("/api/v1/me/waiting", &admin).await;
    assert_eq!((none["activities"].as_u64(), none["skps"].as_u64()), (Some(0), Some(0)));
    let (_, to_decide) = app.get("/api/v1/assessments?to_decide=true&per_page=1", &admin).await;
    assert_eq!(none["objections"], to_decide["total"]);
}

async fn upload(app: &TestApp, token: &str, name: &str, bytes: Vec<u8>) -> (StatusCode, Value) {
    app.upload_evidence(token, name, bytes).await
}

fn png() -> Vec<u8> {
    let mut b = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x02\0\0\0".to_vec();
    b.extend_from_slice(&[0u8; 64]);
    b
}

async fn evidence_is_checked_and_kept_in_the_chain(app: TestApp) {
    let dedi = app.token("dedi").await;
    let (status, pdf) =
        upload(&app, &dedi, "rekap.pdf", b"%PDF-1.4\n%\xe2\xe3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF".to_vec()).await;
    assert_eq!(status, StatusCode::CREATED, "{pdf}");
    assert_eq!(pdf["content_type"], "application/pdf");
    let (status, image) = upload(&app, &dedi, "foto kegiatan.png", png()).await;
    assert_eq!(status, StatusCode::CREATED);
    assert_eq!(image["sha256"].as_str().unwrap().len(), 64);
    // A renamed executable is refused by its content.
    let (status, body) =
        upload(&app, &dedi, "laporan.pdf", b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x02\0>\0".to_vec()).await;
    assert_eq!(status, StatusCode::UNSUPPORTED_MEDIA_TYPE, "{body}");
    let (status, _) = upload(&app, &dedi, "catatan.txt", b"hanya teks biasa".to_vec()).await;
    assert_eq!(status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    // The size limit comes from the settings.
    app.patch("/api/v1/settings", &app.token("admin").await, json!({ "evidence_max_bytes": 2048 })).await;
    let mut big = png();
    big.extend(vec![0u8; 4096]);
    assert_eq!(upload(&app, &dedi, "besar.png", big).await.0, StatusCode::PAYLOAD_TOO_LARGE);
    // Attach to an activity; download as the owner and the penilai, not as a colleague or outsider.
    let (_, rhk) = my_rhk(&app, &dedi).await;
    let mut e = entry(rhk, 30, &today());
    e["evidence_ids"] = json!([pdf["id"], image["id"]]);
    let (status, a) = log(&app, &dedi, e).await;
    assert_eq!(status, StatusCode::CREATED, "{a}");
    assert_eq!(a["evidence_ids"].as_array().unwrap().len(), 2);
    let url = app.url(&format!("/api/v1/evidence/{}", pdf["id"]));
    let res = app.client.get(&url).bearer_auth(&dedi).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()["content-type"], "application/pdf");
    assert!(res.headers()["content-disposition"].to_str().unwrap().starts_with("attachment"));
    assert!(res.bytes().await.unwrap().starts_with(b"%PDF"));
    let kasi = app.token("kasi.rujukan").await;
    assert_eq!(app.client.get(&url).bearer_auth(&kasi).send().await.unwrap().status(), StatusCode::OK);
    let (status, meta) = app.get(&format!("/api/v1/evidence/{}/info", pdf["id"]), &kasi).await;
    assert_eq!((status, meta["filename"].as_str()), (StatusCode::OK, Some("rekap.pdf")));
    assert_eq!(
        app.get(&format!("/api/v1/evidence/{}/info", pdf["id"]), &app.token("sri").await).await.0,
        StatusCode::NOT_FOUND
    );
    for outsider in ["sri", "ahmad", "kadisdukcapil"] {
        let t = app.token(outsider).await;
        assert_eq!(
            app.client.get(&url).bearer_auth(&t).send().await.unwrap().status(),
            StatusCode::NOT_FOUND,
            "{outsider}"
        );
    }
    // Someone else's evidence cannot be attached.
    let sri = app.token("sri").await;
    let (_, sri_rhk) = my_rhk(&app, &sri).await;
    let mut stolen = entry(sri_rhk, 10, &today());
    stolen["evidence_ids"] = json!([pdf["id"]]);
    let (_, body) = log(&app, &sri, stolen).await;
    assert_eq!(body["errors"][0]["field"], "evidence_ids");
    // Links are evidence too.
    let (status, link) = app
        .post("/api/v1/evidence/links", &dedi, json!({ "url": "https://drive.example.go.id/rekap", "title": "Rekap" }))
        .await;
    assert_eq!((status, link["kind"].as_str()), (StatusCode::CREATED, Some("link")));
    assert_eq!(
        app.post("/api/v1/evidence/links", &dedi, json!({ "url": "bukan tautan" })).await.0,
        StatusCode::UNPROCESSABLE_ENTITY
    );
}

async fn co_workers_see_approved_work_only(app: TestApp) {
    let dedi = app.token("dedi").await;
    let kasi = app.token("kasi.rujukan").await;
    let (_, rhk) = my_rhk(&app, &dedi).await;
    let mut approved = entry(rhk, 45, &today());
    approved["submit"] = json!(true);
    let (_, a) = log(&app, &dedi, approved).await;
    app.post(&format!("/api/v1/activities/{}/approve", a["id"]), &kasi, json!({})).await;
    log(&app, &dedi, entry(rhk, 30, &today())).await; // a draft
    let sri = app.token("sri").await;
    let (_, feed) = app.get("/api/v1/activities/team", &sri).await;
    assert_eq!(feed["total"], 1, "{feed}");
    assert_eq!(feed["items"][0]["id"], a["id"]);
    assert_eq!(feed["items"][0]["evidence_ids"], json!([]));
    // Someone under another supervisor sees nothing of it.
    let (_, other) = app.get("/api/v1/activities/team", &app.token("ahmad").await).await;
    assert_eq!(other["total"], 0);
    // The Pemda can turn the team view off.
    app.patch("/api/v1/settings", &app.token("admin").await, json!({ "team_view_enabled": false })).await;
    let (_, off) = app.get("/api/v1/activities/team", &sri).await;
    assert_eq!(off["total"], 0);
}

async fn realisation_sums_only_approved_output(app: TestApp) {
    let dedi = app.token("dedi").await;
    let kasi = app.token("kasi.rujukan").await;
    let (skp, rhk) = my_rhk(&app, &dedi).await;
    for (qty, approve) in [(3.0, true), (4.0, true), (50.0, false)] {
        let mut e = entry(rhk, 30, &today());
        e["output_qty"] = json!(qty);
        e["submit"] = json!(true);
        let (_, a) = log(&app, &dedi, e).await;
        if approve {
            app.post(&format!("/api/v1/activities/{}/approve", a["id"]), &kasi, json!({})).await;
        }
    }
    let month = working_day().format("%Y-%m").to_string();
    let (status, r) = app.get(&format!("/api/v1/skps/{skp}/realization?period={month}"), &dedi).await;
    assert_eq!(status, StatusCode::OK, "{r}");
    let row = r["rhk"].as_array().unwrap().iter().find(|x| x["rhk_id"] == rhk).unwrap().clone();
    assert_eq!(row["activities"], 2);
    assert_eq!(row["minutes"], 60);
    let qty = row["indicators"].as_array().unwrap().iter().find(|i| i["aspect"] == "kuantitas").unwrap().clone();
    assert_eq!(qty["realized"], 7.0);
    // A month is measured against a twelfth of the yearly target.
    let target = qty["target"].as_f64().unwrap();
    let monthly = (target / 12.0 * 100.0).round() / 100.0;
    assert_eq!(qty["period_target"].as_f64().unwrap(), monthly);
    assert_eq!(qty["percent"].as_f64().unwrap(), (7.0 / monthly * 1000.0).round() / 10.0);
    // The owner adds a narrative; a bad period is 422; outsiders get 404.
    let (status, r) = app
        .call(
            reqwest::Method::PUT,
            &format!("/api/v1/skps/{skp}/realization"),
            Some(&dedi),
            Some(json!({ "indicator_id": qty["indicator_id"], "period": month, "narrative": "Rekap selesai" })),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{r}");
    let note = r["rhk"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|x| x["indicators"].as_array().unwrap().clone())
        .find(|i| i["indicator_id"] == qty["indicator_id"])
        .unwrap();
    assert_eq!(note["narrative"], "Rekap selesai");
    // Evidence attached to the note is kept with it, and a second save replaces the list.
    let (_, first) = upload(&app, &dedi, "rekap.png", png()).await;
    let mut other = png();
    other.push(1);
    let (_, second) = upload(&app, &dedi, "rekap-2.png", other).await;
    let save = async |ids: Value| {
        let body = json!({ "indicator_id": qty["indicator_id"], "period": month, "narrative": "Rekap selesai", "evidence_ids": ids });
        let (status, r) =
            app.call(reqwest::Method::PUT, &format!("/api/v1/skps/{skp}/realization"), Some(&dedi), Some(body)).await;
        assert_eq!(status, StatusCode::OK, "{r}");
        r["rhk"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|x| x["indicators"].as_array().unwrap().clone())
            .find(|i| i["indicator_id"] == qty["indicator_id"])
            .unwrap()["evidence_ids"]
            .clone()
    };
    let mut both = vec![first["id"].as_i64().unwrap(), second["id"].as_i64().unwrap()];
    both.sort_unstable();
    assert_eq!(save(json!([second["id"], first["id"]])).await, json!(both));
    assert_eq!(save(json!([second["id"]])).await, json!([second["id"]]));
    assert_eq!(
        app.get(&format!("/api/v1/skps/{skp}/realization?period=1999-01"), &dedi).await.0,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    assert_eq!(
        app.get(&format!("/api/v1/skps/{skp}/realization"), &app.token("ahmad").await).await.0,
        StatusCode::NOT_FOUND
    );
}

async fn feedback_and_dialogues(app: TestApp) {
    let dedi_id = app.employee_id(demo::DEDI).await;
    let kasi = app.token("kasi.rujukan").await;
    let dedi = app.token("dedi").await;
    let (status, first) = app
        .post(
            "/api/v1/feedback",
            &kasi,
            json!({ "employee_id": dedi_id, "text": "Rekap minggu ini rapi", "core_value": "akuntabel" }),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{first}");
    let (_, inbox) = app.get("/api/v1/notifications", &dedi).await;
    assert_eq!(inbox["items"][0]["kind"], "feedback.new");
    let (status, _) = app
        .post(
            "/api/v1/feedback",
            &dedi,
            json!({ "employee_id": dedi_id, "text": "Terima kasih, Bu", "parent_id": first["id"] }),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED);
    let (_, inbox) = app.get("/api/v1/notifications", &kasi).await;
    assert_eq!(inbox["items"][0]["kind"], "feedback.new");
    assert_eq!(inbox["items"][0]["notice"]["code"], "feedback_reply");
    assert_eq!(inbox["items"][0]["notice"]["params"]["text"], "Terima kasih, Bu");
    let (_, thread) = app.get(&format!("/api/v1/feedback?employee_id={dedi_id}"), &dedi).await;
    assert_eq!(thread["total"], 2);
    assert_eq!(thread["items"][0]["core_value"], "akuntabel");
    // A colleague cannot write or read it; another dinas does not see it.
    let sri = app.token("sri").await;
    assert_eq!(
        app.post("/api/v1/feedback", &sri, json!({ "employee_id": dedi_id, "text": "hai" })).await.0,
        StatusCode::NOT_FOUND
    );
    assert_eq!(app.get(&format!("/api/v1/feedback?employee_id={dedi_id}"), &sri).await.0, StatusCode::NOT_FOUND);
    // The employee cannot open a thread on themself, only reply.
    assert_eq!(
        app.post("/api/v1/feedback", &dedi, json!({ "employee_id": dedi_id, "text": "x" })).await.0,
        StatusCode::FORBIDDEN
    );
    let (status, dialog) = app
        .post(
            "/api/v1/dialogs",
            &kasi,
            json!({ "employee_id": dedi_id, "date": today(), "notes": "Membahas target triwulan", "follow_ups": [{ "text": "Ikut pelatihan pengolahan data", "due_date": today() }] }),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{dialog}");
    let (_, seen) = app.get("/api/v1/dialogs", &dedi).await;
    assert_eq!(seen["items"][0]["follow_ups"][0]["text"], "Ikut pelatihan pengolahan data");
    assert_eq!(
        app.post("/api/v1/dialogs", &dedi, json!({ "employee_id": dedi_id, "date": today(), "notes": "x" })).await.0,
        StatusCode::FORBIDDEN
    );
}

async fn a_late_rejection_can_still_be_corrected(app: TestApp) {
    let dedi = app.token("dedi").await;
    let kasi = app.token("kasi.rujukan").await;
    let (_, rhk) = my_rhk(&app, &dedi).await;
    let day = (local_today() - Duration::days(2)).to_string();
    let mut e = entry(rhk, 60, &day);
    e["submit"] = json!(true);
    let (status, a) = log(&app, &dedi, e).await;
    assert_eq!(status, StatusCode::CREATED, "{a}");
    let id = a["id"].as_i64().unwrap();
    app.post(&format!("/api/v1/activities/{id}/reject"), &kasi, json!({ "note": "Uraian kurang jelas" })).await;
    // The Pemda shortens the window; the rejected entry is now older than allowed.
    app.patch("/api/v1/settings", &app.token("admin").await, json!({ "activity_max_days_back": 1 })).await;
    let mut fixed = entry(rhk, 60, &day);
    fixed["description"] = json!("Menyusun rekap data rujukan triwulan IV untuk rapat");
    fixed["submit"] = json!(true);
    let (status, body) = app.patch(&format!("/api/v1/activities/{id}"), &dedi, fixed.clone()).await;
    assert_eq!(status, StatusCode::OK, "correcting on its own date is allowed: {body}");
    // Moving it to another old date is not.
    app.post(&format!("/api/v1/activities/{id}/reject"), &kasi, json!({ "note": "Masih kurang" })).await;
    fixed["date"] = json!((local_today() - Duration::days(10)).to_string());
    assert_eq!(app.patch(&format!("/api/v1/activities/{id}"), &dedi, fixed).await.0, StatusCode::UNPROCESSABLE_ENTITY);
}

/// POSTs `body` to `/api/v1/activities` with an `Idempotency-Key`; the status, the replay mark and
/// the body.
async fn log_keyed(app: &TestApp, token: &str, key: &str, body: &Value) -> (StatusCode, bool, Value) {
    let res = app
        .client
        .post(app.url("/api/v1/activities"))
        .bearer_auth(token)
        .header("Idempotency-Key", key)
        .json(body)
        .send()
        .await
        .unwrap();
    let replayed = res.headers().get("idempotent-replayed").is_some_and(|v| v == "true");
    (res.status(), replayed, res.json().await.unwrap_or(Value::Null))
}

async fn upload_keyed(app: &TestApp, token: &str, key: &str, name: &str, bytes: Vec<u8>) -> (StatusCode, bool, Value) {
    let form =
        reqwest::multipart::Form::new().part("file", reqwest::multipart::Part::bytes(bytes).file_name(name.to_owned()));
    let res = app
        .client
        .post(app.url("/api/v1/evidence"))
        .bearer_auth(token)
        .header("Idempotency-Key", key)
        .multipart(form)
        .send()
        .await
        .unwrap();
    let replayed = res.headers().get("idempotent-replayed").is_some_and(|v| v == "true");
    (res.status(), replayed, res.json().await.unwrap_or(Value::Null))
}

/// How many of the caller's activities of today carry `description`.
async fn count_logged(app: &TestApp, token: &str, description: &str) -> usize {
    let (_, page) = app.get(&format!("/api/v1/activities?from={0}&to={0}&per_page=100", today()), token).await;
    page["items"].as_array().unwrap().iter().filter(|a| a["description"] == description).count()
}

async fn a_retried_sync_creates_nothing_twice(app: TestApp) {
    let dedi = app.token("dedi").await;
    let (_, rhk) = my_rhk(&app, &dedi).await;
    // Evidence: the same key and file twice is one evidence, answered again.
    let (status, replayed, photo) = upload_keyed(&app, &dedi, "antrian-1-foto", "foto.png", png()).await;
    assert_eq!((status, replayed), (StatusCode::CREATED, false), "{photo}");
    let (status, replayed, again) = upload_keyed(&app, &dedi, "antrian-1-foto", "foto.png", png()).await;
    assert_eq!((status, replayed), (StatusCode::CREATED, true));
    assert_eq!(again["id"], photo["id"]);
    // The activity: sent three times (a sync cut off before it heard the answer), created once.
    let mut body = entry(rhk, 45, &today());
    body["description"] = json!("Pelayanan posyandu keliling (luring)");
    body["evidence_ids"] = json!([photo["id"]]);
    let (status, replayed, first) = log_keyed(&app, &dedi, "antrian-1", &body).await;
    assert_eq!((status, replayed), (StatusCode::CREATED, false), "{first}");
    for _ in 0..2 {
        let (status, replayed, again) = log_keyed(&app, &dedi, "antrian-1", &body).await;
        assert_eq!((status, replayed), (StatusCode::CREATED, true));
        assert_eq!(again, first);
    }
    assert_eq!(count_logged(&app, &dedi, "Pelayanan posyandu keliling (luring)").await, 1);
    // Another request under a used key is refused, naming the header; a malformed key too.
    let mut other = body.clone();
    other["minutes"] = json!(50);
    let (status, _, problem) = log_keyed(&app, &dedi, "antrian-1", &other).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(problem["errors"][0]["field"], "Idempotency-Key");
    for bad in ["dengan spasi", &"x".repeat(129), "kunci/miring"] {
        let (status, _, problem) = log_keyed(&app, &dedi, bad, &body).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{bad}");
        assert_eq!(problem["errors"][0]["code"], "idempotency_key_format", "{problem}");
    }
    // Keys are per user: the same key from a colleague is a request of its own.
    let sri = app.token("sri").await;
    let (_, sri_rhk) = my_rhk(&app, &sri).await;
    let mut hers = entry(sri_rhk, 30, &today());
    hers["description"] = json!("Pelayanan posyandu keliling (luring)");
    let (status, replayed, _) = log_keyed(&app, &sri, "antrian-1", &hers).await;
    assert_eq!((status, replayed), (StatusCode::CREATED, false));
    // A refused entry keeps nothing under its key: fixed, it goes through under the same key.
    let mut over = entry(rhk, 1000, &today());
    over["description"] = json!("Jaga malam puskesmas (luring)");
    let (status, _, problem) = log_keyed(&app, &dedi, "antrian-2", &over).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
    over["minutes"] = json!(60);
    assert_eq!(log_keyed(&app, &dedi, "antrian-2", &over).await.0, StatusCode::CREATED);
    // Racing copies of one request, each over half of what the day has left: a copy checked again
    // instead of waiting for the first would be refused over the cap. All answer the one activity.
    let mut raced = entry(rhk, 400, &today());
    raced["description"] = json!("Rapat koordinasi lintas sektor (luring)");
    let copies = (0..6).map(|_| log_keyed(&app, &dedi, "antrian-3", &raced));
    let answers = futures_util::future::join_all(copies).await;
    assert!(answers.iter().all(|a| a.0 == StatusCode::CREATED), "{answers:?}");
    assert!(answers.iter().all(|a| a.2["id"] == answers[0].2["id"]), "{answers:?}");
    assert_eq!(answers.iter().filter(|a| !a.1).count(), 1, "one made it, the others were answered again");
    assert_eq!(count_logged(&app, &dedi, "Rapat koordinasi lintas sektor (luring)").await, 1);
}

db_tests!(
    a_retried_sync_creates_nothing_twice,
    a_late_rejection_can_still_be_corrected,
    every_logging_rule_with_its_message,
    verification_one_by_one_and_in_bulk,
    an_approval_is_undone_at_once,
    evidence_is_checked_and_kept_in_the_chain,
    co_workers_see_approved_work_only,
    realisation_sums_only_approved_output,
    feedback_and_dialogues,
);
