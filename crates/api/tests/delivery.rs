//! Messages outside the app, through real peers: a citizen who leaves an e-mail address with a
//! complaint receives its tracking code, then each status change, from a real SMTP server; one
//! who leaves a WhatsApp number gets them through the gateway (a JSON POST with the bearer token),
//! retried after the gateway failed, in the Pemda's frame; a refusal for good is not retried; the
//! stop link ends them; staff choose groups per channel and a daily digest; an event is queued
//! once; two workers never take the same message.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::outside::{Gateway, SmtpServer};
use common::{Backend, TestApp};
use kinerja_api::entities::outbox;
use reqwest::{Method, StatusCode};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::json;
use std::time::Duration;

backend_tests!(
    a_citizen_hears_by_email_of_the_code_and_every_change,
    staff_get_copies_at_a_verified_address_as_they_chose,
    whatsapp_goes_through_the_gateway_and_is_retried,
    a_refusal_for_good_is_not_retried,
    a_rejected_activity_reaches_its_owner_on_whatsapp,
    a_digest_gathers_the_day_and_a_channel_can_be_kept_off,
    an_event_is_queued_once_and_a_message_taken_by_one_worker,
);

const APP: &str = "https://kinerja.contoh.go.id";

async fn file(app: &TestApp, contact: &str, text: &str) -> String {
    let pkm = app.unit_id("PKM-SUKAJADI").await;
    let body = json!({ "unit_id": pkm, "category": "pengaduan", "text": text, "contact": contact });
    let (status, receipt) = app.call(Method::POST, "/api/v1/public/complaints", None, Some(body)).await;
    assert_eq!(status, StatusCode::CREATED, "{receipt}");
    receipt["tracking_code"].as_str().unwrap().to_owned()
}

/// The codes of the person's notices.
async fn notice_codes(app: &TestApp, token: &str) -> Vec<serde_json::Value> {
    let (_, inbox) = app.get("/api/v1/notifications?per_page=100", token).await;
    inbox["items"].as_array().unwrap().iter().map(|n| n["notice"]["code"].clone()).collect()
}

async fn complaint_id(app: &TestApp, token: &str, code: &str) -> i64 {
    let (_, queue) = app.get("/api/v1/complaints", token).await;
    queue["items"].as_array().unwrap().iter().find(|c| c["tracking_code"] == code).unwrap()["id"].as_i64().unwrap()
}

/// The address of the "stop messages" page in a message.
fn stop_link(text: &str) -> String {
    let start = text.find(&format!("{APP}/berhenti/")).expect("a stop link");
    text[start..].split_whitespace().next().unwrap().trim_end_matches('>').to_owned()
}

async fn a_citizen_hears_by_email_of_the_code_and_every_change(backend: Backend) {
    let smtp = SmtpServer::start();
    let app = TestApp::spawn_with(backend, true, |c| {
        c.delivery.smtp_url = Some(smtp.url());
        c.delivery.mail_from = "Pemkot Contoh <kinerja@contoh.go.id>".into();
        c.delivery.app_url = APP.into();
        c.delivery.poll = Duration::from_millis(100);
    })
    .await;
    let code = file(&app, " warga.sukajadi@contoh.id ", "Antrean pendaftaran sangat lama di loket dua").await;

    // The tracking code, to the address the citizen gave, with the links into the app.
    let first = smtp.wait_for(1).await;
    let mail = &first[0];
    assert!(mail.contains("X-Envelope-To: warga.sukajadi@contoh.id"), "{mail}");
    assert!(mail.contains("From: \"Pemkot Contoh\" <kinerja@contoh.go.id>"), "{mail}");
    assert!(mail.contains(&format!("Subject: Pengaduan Anda diterima: {code}")), "{mail}");
    assert!(mail.contains(&format!("Kode pelacakan: {code}")), "{mail}");
    assert!(mail.contains(&format!("{APP}/lacak/{code}")), "{mail}");
    let stop = stop_link(mail);
    assert!(mail.contains(&format!("List-Unsubscribe: <{stop}>")), "{mail}");
    assert!(
        mail.contains("Message-ID: <kinerja-outbox-") && mail.contains("@contoh.go.id>"),
        "a key kept across retries: {mail}"
    );
    assert!(!mail.contains("Antrean pendaftaran"), "the complaint's text is not repeated in the message");

    // Each status change the citizen can see, with the public response.
    let operator = app.token("kapkm.sukajadi").await;
    let id = complaint_id(&app, &operator, &code).await;
    let path = format!("/api/v1/complaints/{id}/transition");
    let (status, body) = app.post(&path, &operator, json!({ "to": "verified", "class": "ringan" })).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let second = smtp.wait_for(2).await;
    assert!(second[1].contains(&format!("Subject: Pengaduan {code}: ")), "{}", second[1]);
    assert!(second[1].contains(&format!("Status pengaduan {code} kini: ")), "{}", second[1]);

    // The stop page asks first (a mail scanner's visit changes nothing), then stops them.
    let local = stop.replace(APP, &app.base);
    let page = app.client.get(&local).send().await.unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    assert!(page.text().await.unwrap().contains("Hentikan pesan"));
    let unit = app.unit_id("PKM-SUKAJADI").await;
    let (status, _) = app.post(&path, &operator, json!({ "to": "dispositioned", "unit_id": unit })).await;
    assert_eq!(status, StatusCode::OK);
    smtp.wait_for(3).await;
    // The unit's other handlers (its head above) are told it is theirs; the one who sent it is not.
    assert!(notice_codes(&app, &app.token("kadinkes").await).await.contains(&json!("complaint_assigned")));
    assert!(!notice_codes(&app, &operator).await.contains(&json!("complaint_assigned")));
    let done = app.client.post(&local).send().await.unwrap();
    assert_eq!(done.status(), StatusCode::OK);
    assert!(done.text().await.unwrap().contains("sudah dihentikan"));
    let answer = "Jam layanan pendaftaran ditambah mulai pekan depan.";
    let (status, _) = app.post(&path, &operator, json!({ "to": "responded", "public_response": answer })).await;
    assert_eq!(status, StatusCode::OK);
    let queued = outbox::Entity::find()
        .filter(outbox::Column::Recipient.eq("warga.sukajadi@contoh.id"))
        .all(&app.db)
        .await
        .unwrap();
    assert_eq!(queued.len(), 3, "nothing is queued after the stop");
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(smtp.messages().len(), 3, "nothing is sent after the stop");
    assert!(queued.iter().all(|m| m.status == "sent" && m.attempts == 1), "{queued:?}");

    // The admin's log: every message, the recipient masked; a test message checks the channel.
    let admin = app.token("admin").await;
    let (status, sent) = app.post("/api/v1/deliveries/test", &admin, json!({ "to": "bkpsdm@contoh.go.id" })).await;
    assert_eq!((status, sent["recipient"].as_str()), (StatusCode::ACCEPTED, Some("b***@contoh.go.id")), "{sent}");
    let all = smtp.wait_for(4).await;
    assert!(all[3].contains("X-Envelope-To: bkpsdm@contoh.go.id") && all[3].contains("Pesan uji"), "{}", all[3]);
    let (status, body) = app.post("/api/v1/deliveries/test", &admin, json!({ "to": "0812-3456-7890" })).await;
    assert_eq!(
        (status, body["errors"][0]["code"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("channel_not_configured")),
        "{body}"
    );
    let (status, body) = app.post("/api/v1/deliveries/test", &admin, json!({ "to": "Jl. Merdeka 5" })).await;
    assert_eq!(
        (status, body["errors"][0]["code"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("contact_unreachable")),
        "{body}"
    );
    let (status, log) = app.get("/api/v1/deliveries", &admin).await;
    assert_eq!(status, StatusCode::OK);
    let items = log["items"].as_array().unwrap();
    assert_eq!(items.len(), 4, "{log}");
    assert!(items.iter().filter(|d| d["event_kind"] != "test").all(|d| d["recipient"] == "w***@contoh.id"), "{log}");
    assert!(!log.to_string().contains("warga.sukajadi@"), "no full address in the log");

    // An aspirasi to a public forum: its code, then the commitment it became.
    let pkm = app.unit_id("PKM-SUKAJADI").await;
    let today = (chrono::Utc::now() + chrono::Duration::hours(7)).date_naive().to_string(); // the Pemda's day (WIB)
    let forum = json!({ "unit_id": pkm, "topic": "Forum konsultasi publik puskesmas", "date": today, "place": "Aula Puskesmas" });
    let (status, forum) = app.post("/api/v1/forums", &operator, forum).await;
    assert_eq!(status, StatusCode::CREATED, "{forum}");
    let forum_id = forum["id"].as_i64().unwrap();
    let input = json!({ "text": "Antrean pendaftaran lansia terlalu panjang", "contact": "lansia@contoh.id" });
    let path = format!("/api/v1/public/forums/{forum_id}/inputs");
    let (status, receipt) = app.call(Method::POST, &path, None, Some(input)).await;
    assert_eq!(status, StatusCode::CREATED, "{receipt}");
    let asp = receipt["tracking_code"].as_str().unwrap().to_owned();
    let mails = smtp.wait_for(5).await;
    assert!(mails[4].contains(&format!("Subject: Aspirasi Anda diterima: {asp}")), "{}", mails[4]);
    assert!(mails[4].contains(&format!("{APP}/lacak/{asp}")), "{}", mails[4]);
    let (_, staff) = app.get(&format!("/api/v1/forums/{forum_id}"), &operator).await;
    let input_id = staff["inputs"][0]["id"].as_i64().unwrap();
    let commitment = json!({ "description": "Membuka loket khusus lansia", "owner": "Kepala Puskesmas", "due_on": today, "input_ids": [input_id] });
    let (status, body) = app.post(&format!("/api/v1/forums/{forum_id}/commitments"), &operator, commitment).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let mails = smtp.wait_for(6).await;
    assert!(mails[5].contains(&format!("Subject: Aspirasi {asp}: ")), "{}", mails[5]);

    // An unknown token is a page that says so, not an error of the server.
    let unknown = app.client.get(app.url("/berhenti/tidak-ada")).send().await.unwrap();
    assert_eq!(unknown.status(), StatusCode::NOT_FOUND);
}

/// The app sending WhatsApp through `gateway` (token `rahasia-gateway`), its worker looking every
/// 100 ms.
async fn whatsapp_app(backend: Backend, gateway: &Gateway) -> TestApp {
    let url = gateway.url.clone();
    TestApp::spawn_with(backend, true, |c| {
        c.delivery.whatsapp_url = Some(url);
        c.delivery.whatsapp_token = Some("rahasia-gateway".into());
        c.delivery.app_url = APP.into();
        c.delivery.poll = Duration::from_millis(100);
    })
    .await
}

async fn whatsapp_goes_through_the_gateway_and_is_retried(backend: Backend) {
    let gateway = Gateway::start(1).await;
    let app = whatsapp_app(backend, &gateway).await;
    let code = file(&app, "0812-3456-7890", "Petugas loket tidak ada di tempat pada jam pelayanan").await;

    // The first attempt fails: the message waits with the reason and its back-off.
    gateway.wait_for(1).await;
    let row = wait_row(&app, |m| m.attempts == 1 && m.locked_until.is_none()).await;
    assert_eq!(row.status, "pending");
    assert!(row.last_error.as_deref().unwrap_or_default().contains("HTTP 500"), "{row:?}");
    assert!(row.next_attempt_at > chrono::Utc::now() + chrono::Duration::seconds(20), "backs off: {row:?}");
    // As if the back-off had passed: the second attempt goes through.
    {
        use sea_orm::{ActiveModelTrait, IntoActiveModel, Set};
        let mut again = row.clone().into_active_model();
        again.next_attempt_at = Set(chrono::Utc::now());
        again.update(&app.db).await.unwrap();
    }
    let calls = gateway.wait_for(2).await;
    let row = wait_row(&app, |m| m.status == "sent").await;
    assert_eq!((row.attempts, row.last_error), (2, None));
    for call in &calls {
        assert_eq!(call.authorization.as_deref(), Some("Bearer rahasia-gateway"));
        assert_eq!(call.body["to"], "6281234567890", "the number in international form");
    }
    let text = calls[1].body["text"].as_str().unwrap();
    assert!(
        text.contains(&format!("Kode pelacakan: {code}")) && text.contains(&format!("{APP}/lacak/{code}")),
        "{text}"
    );
    assert!(text.contains(&format!("{APP}/berhenti/")), "{text}");
    // In the Pemda's frame (by default its name in bold above the message); the text sent is not kept.
    let admin = app.token("admin").await;
    let (_, settings) = app.get("/api/v1/settings", &admin).await;
    let pemda = settings["pemda_name"].as_str().unwrap().to_owned();
    assert!(text.starts_with(&format!("*{pemda}*\n")), "{text}");
    assert_eq!(row.body, "", "the text (with its tracking code) is dropped once sent");

    // The frame is the Pemda's to set, and must keep the message.
    let patch = |template: &str| json!({ "whatsapp_template": template });
    let (status, body) =
        app.call(Method::PATCH, "/api/v1/settings", Some(&admin), Some(patch("Salam dari {pemda}"))).await;
    assert_eq!(
        (status, body["errors"][0]["code"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("placeholder")),
        "{body}"
    );
    let frame = "Pesan resmi {pemda}:\n{pesan}\n(Mohon tidak membalas pesan ini)";
    let (status, body) = app.call(Method::PATCH, "/api/v1/settings", Some(&admin), Some(patch(frame))).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    file(&app, "0812-3456-7890", "Ruang tunggu puskesmas panas dan kipas angin rusak").await;
    let calls = gateway.wait_for(3).await;
    let text = calls[2].body["text"].as_str().unwrap();
    assert!(
        text.starts_with(&format!("Pesan resmi {pemda}:\nTerima kasih, pengaduan"))
            && text.ends_with("\n(Mohon tidak membalas pesan ini)"),
        "{text}"
    );
}

async fn a_refusal_for_good_is_not_retried(backend: Backend) {
    // The gateway refuses the number (HTTP 400): retrying cannot help, the message is given up.
    let gateway = Gateway::answering(1, 400).await;
    let url = gateway.url.clone();
    let app = TestApp::spawn_with(backend, true, |c| {
        c.delivery.whatsapp_url = Some(url);
        c.delivery.poll = Duration::from_millis(100);
    })
    .await;
    file(&app, "0812-9999-0000", "Petugas meminta biaya tambahan untuk surat keterangan").await;
    gateway.wait_for(1).await;
    let row = wait_row(&app, |m| m.status != "pending").await;
    assert_eq!((row.status.as_str(), row.attempts), ("dead", 1), "{row:?}");
    assert!(row.last_error.as_deref().unwrap_or_default().contains("HTTP 400"), "{row:?}");
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(gateway.calls().len(), 1, "not tried again");
}

async fn a_rejected_activity_reaches_its_owner_on_whatsapp(backend: Backend) {
    let gateway = Gateway::start(0).await;
    let app = whatsapp_app(backend, &gateway).await;
    let (dedi, kasi) = (app.token("dedi").await, app.token("kasi.rujukan").await);
    // Dedi verifies his number with the code the gateway carried.
    let (status, body) = app.post("/api/v1/me/messages/contact", &dedi, json!({ "address": "0812 7777 8888" })).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let calls = gateway.wait_for(1).await;
    let code = code_in(calls[0].body["text"].as_str().unwrap());
    let (status, body) =
        app.post("/api/v1/me/messages/verify", &dedi, json!({ "channel": "whatsapp", "code": code })).await;
    assert_eq!((status, body["whatsapp_verified"].as_bool()), (StatusCode::OK, Some(true)), "{body}");

    // He logs and submits a day's work; his penilai rejects it with a note.
    let today = (chrono::Utc::now() + chrono::Duration::hours(7)).date_naive();
    let dedi_id = app.employee_id(common::demo::DEDI).await;
    let (_, plans) =
        app.get(&format!("/api/v1/skps?year={}&status=approved", chrono::Datelike::year(&today)), &dedi).await;
    let skp = plans["items"].as_array().unwrap().iter().find(|s| s["employee_id"] == dedi_id).unwrap().clone();
    let (_, full) = app.get(&format!("/api/v1/skps/{}", skp["id"]), &dedi).await;
    let entry = json!({ "date": today.to_string(), "minutes": 60, "description": "Merekap data rujukan pasien",
                        "rhk_id": full["rhk"][0]["id"], "output_qty": 1, "submit": true });
    let (status, activity) = app.post("/api/v1/activities", &dedi, entry).await;
    assert_eq!(status, StatusCode::CREATED, "{activity}");
    let note = "Lampirkan rekap dari SIMRS";
    let path = format!("/api/v1/activities/{}/reject", activity["id"]);
    let (status, body) = app.post(&path, &kasi, json!({ "note": note })).await;
    assert_eq!(status, StatusCode::OK, "{body}");

    // The gateway carries the notice to his number: what waits and where, not the note or who wrote it.
    let calls = gateway.wait_for(2).await;
    let call = &calls[1];
    assert_eq!(call.body["to"], "6281277778888");
    assert_eq!(call.authorization.as_deref(), Some("Bearer rahasia-gateway"));
    assert!(call.key.as_deref().is_some_and(|k| k.starts_with("kinerja-outbox-")), "{call:?}");
    let text = call.body["text"].as_str().unwrap();
    assert!(text.contains("aktivitas harian") && text.contains(&format!("{APP}/")), "{text}");
    assert!(!text.contains(note) && !text.contains("Rina"), "{text}");
    let row = wait_row(&app, |m| m.event_kind == "activity.rejected" && m.status == "sent").await;
    assert_eq!(row.recipient, "6281277778888");
}

/// Verifies `address` for the account of `token`, with the code that arrives as mail number `n`.
async fn verify_email(app: &TestApp, smtp: &SmtpServer, token: &str, address: &str, n: usize) {
    let (status, body) = app.post("/api/v1/me/messages/contact", token, json!({ "address": address })).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let code = code_in(&smtp.wait_for(n).await[n - 1]);
    let (status, body) =
        app.post("/api/v1/me/messages/verify", token, json!({ "channel": "email", "code": code })).await;
    assert_eq!((status, body["email_verified"].as_bool()), (StatusCode::OK, Some(true)), "{body}");
}

async fn a_digest_gathers_the_day_and_a_channel_can_be_kept_off(backend: Backend) {
    use kinerja_api::services::digest;
    let smtp = SmtpServer::start();
    let app = mail_app(backend, &smtp).await;
    let (dedi, kasi) = (app.token("dedi").await, app.token("kasi.rujukan").await);
    let dedi_id = app.employee_id(common::demo::DEDI).await;
    let feedback = |text: &str| json!({ "employee_id": dedi_id, "text": text, "core_value": "akuntabel" });
    verify_email(&app, &smtp, &dedi, "dedi@dinkes.contoh.go.id", 1).await;

    // A daily digest: the day's notices wait, then go as one message that counts them.
    let prefs = |body: serde_json::Value| app.call(Method::PUT, "/api/v1/me/messages", Some(&dedi), Some(body));
    let (status, mine) = prefs(json!({ "muted": ["email:skp"], "digest": true })).await;
    assert_eq!(
        (status, mine["digest"].as_bool(), mine["muted"].clone()),
        (StatusCode::OK, Some(true), json!(["email:skp"]))
    );
    for text in ["Rekap minggu ini rapi", "Laporan rujukan lengkap"] {
        let (status, body) = app.post("/api/v1/feedback", &kasi, feedback(text)).await;
        assert_eq!(status, StatusCode::CREATED, "{body}");
    }
    let held: Vec<outbox::Model> =
        outbox::Entity::find().filter(outbox::Column::Status.eq("held")).all(&app.db).await.unwrap();
    assert_eq!(held.len(), 2, "{held:?}");
    let due = held[0].next_attempt_at;
    assert!(due > chrono::Utc::now(), "held to the digest time: {held:?}");
    assert_eq!(digest::run(&app.db, due - chrono::Duration::minutes(1)).await.unwrap(), 0, "not before its time");
    tokio::time::sleep(Duration::from_millis(400)).await;
    assert_eq!(smtp.messages().len(), 1, "nothing sent one by one");
    assert_eq!(digest::run(&app.db, due).await.unwrap(), 1);
    assert_eq!(digest::run(&app.db, due).await.unwrap(), 0, "each notice counted once");
    let mails = smtp.wait_for(2).await;
    assert!(mails[1].contains("Subject: Kinerja: ringkasan 2 pemberitahuan"), "{}", mails[1]);
    assert!(mails[1].contains("- 2 tentang umpan balik dan pengembangan"), "{}", mails[1]);
    assert!(mails[1].contains(&format!("{APP}/notifikasi")) && !mails[1].contains("Rekap minggu"), "{}", mails[1]);
    let gathered: Vec<outbox::Model> =
        outbox::Entity::find().filter(outbox::Column::Status.eq("digested")).all(&app.db).await.unwrap();
    assert_eq!(gathered.len(), 2);
    assert!(gathered.iter().all(|m| m.body.is_empty()), "{gathered:?}");

    // A group kept off one channel: nothing is queued for it there; back on, it goes at once.
    let (status, _) = prefs(json!({ "muted": ["email:feedback"], "digest": false })).await;
    assert_eq!(status, StatusCode::OK);
    let (status, _) = app.post("/api/v1/feedback", &kasi, feedback("Tetap semangat")).await;
    assert_eq!(status, StatusCode::CREATED);
    let copies = || async {
        outbox::Entity::find().filter(outbox::Column::EventKind.eq("feedback.new")).all(&app.db).await.unwrap().len()
    };
    assert_eq!(copies().await, 2, "kept off e-mail");
    let (status, _) = prefs(json!({ "muted": ["whatsapp:feedback"] })).await;
    assert_eq!(status, StatusCode::OK);
    let (status, _) = app.post("/api/v1/feedback", &kasi, feedback("Data bulan ini sudah masuk")).await;
    assert_eq!(status, StatusCode::CREATED);
    assert_eq!(copies().await, 3);
    let mails = smtp.wait_for(3).await;
    assert!(mails[2].contains("Subject: Kinerja: pemberitahuan umpan balik dan pengembangan"), "{}", mails[2]);
    let (status, body) = prefs(json!({ "muted": ["sms:feedback"] })).await;
    assert_eq!(
        (status, body["errors"][0]["code"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("message_group")),
        "{body}"
    );
}

/// The 6-digit code in a message.
fn code_in(text: &str) -> String {
    let at = text.find("Kode verifikasi Anda: ").expect("a code") + "Kode verifikasi Anda: ".len();
    text[at..at + 6].to_owned()
}

/// The app sending e-mail through `smtp`, its worker looking every 100 ms.
async fn mail_app(backend: Backend, smtp: &SmtpServer) -> TestApp {
    TestApp::spawn_with(backend, true, |c| {
        c.delivery.smtp_url = Some(smtp.url());
        c.delivery.app_url = APP.into();
        c.delivery.poll = Duration::from_millis(100);
    })
    .await
}

async fn staff_get_copies_at_a_verified_address_as_they_chose(backend: Backend) {
    let smtp = SmtpServer::start();
    let app = mail_app(backend, &smtp).await;
    let (dedi, kasi) = (app.token("dedi").await, app.token("kasi.rujukan").await);
    let dedi_id = app.employee_id(common::demo::DEDI).await;
    let feedback = |text: &str| json!({ "employee_id": dedi_id, "text": text, "core_value": "akuntabel" });

    // Before an address is verified nothing leaves the app.
    let (status, body) = app.post("/api/v1/feedback", &kasi, feedback("Rekap minggu ini rapi")).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let (status, mine) =
        app.post("/api/v1/me/messages/contact", &dedi, json!({ "address": "dedi@dinkes.contoh.go.id" })).await;
    assert_eq!((status, mine["email_verified"].as_bool()), (StatusCode::OK, Some(false)), "{mine}");
    assert_eq!(mine["channels"], json!(["email"]));
    let mails = smtp.wait_for(1).await;
    assert!(
        mails[0].contains("X-Envelope-To: dedi@dinkes.contoh.go.id")
            && mails[0].contains("Subject: Kode verifikasi Kinerja"),
        "{}",
        mails[0]
    );
    let code = code_in(&mails[0]);
    let (status, body) = app.post("/api/v1/feedback", &kasi, feedback("Laporan rujukan lengkap")).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    // A wrong code is refused; the right one verifies.
    let wrong = if code == "000000" { "111111" } else { "000000" };
    let (status, body) =
        app.post("/api/v1/me/messages/verify", &dedi, json!({ "channel": "email", "code": wrong })).await;
    assert_eq!(
        (status, body["errors"][0]["code"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("contact_code_wrong")),
        "{body}"
    );
    let (status, mine) =
        app.post("/api/v1/me/messages/verify", &dedi, json!({ "channel": "email", "code": code })).await;
    assert_eq!((status, mine["email_verified"].as_bool()), (StatusCode::OK, Some(true)), "{mine}");
    tokio::time::sleep(Duration::from_millis(400)).await;
    assert_eq!(smtp.messages().len(), 1, "the notices before the verification stay in the app");

    // Now a notice is copied: a line with its group and the link, naming no one.
    let (status, body) = app.post("/api/v1/feedback", &kasi, feedback("Presentasi kemarin jelas")).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let mails = smtp.wait_for(2).await;
    assert!(mails[1].contains("Subject: Kinerja: pemberitahuan umpan balik dan pengembangan"), "{}", mails[1]);
    assert!(mails[1].contains(&format!("{APP}/")), "{}", mails[1]);
    assert!(
        !mails[1].contains("Presentasi kemarin") && !mails[1].contains("Kepala Seksi"),
        "no one's words or name: {}",
        mails[1]
    );

    // A group kept out stays in the app; quiet hours hold the rest to their end.
    let (status, mine) =
        app.call(Method::PUT, "/api/v1/me/messages", Some(&dedi), Some(json!({ "muted": ["feedback"] }))).await;
    assert_eq!((status, mine["muted"].clone()), (StatusCode::OK, json!(["feedback"])), "{mine}");
    let (status, _) = app.post("/api/v1/feedback", &kasi, feedback("Tetap semangat")).await;
    assert_eq!(status, StatusCode::CREATED);
    let (status, body) = app
        .call(
            Method::PUT,
            "/api/v1/me/messages",
            Some(&dedi),
            Some(json!({ "quiet_from": "25:00", "quiet_to": "06:00" })),
        )
        .await;
    assert_eq!(
        (status, body["errors"][0]["code"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("quiet_hours")),
        "{body}"
    );
    let (status, body) =
        app.call(Method::PUT, "/api/v1/me/messages", Some(&dedi), Some(json!({ "muted": ["cuaca"] }))).await;
    assert_eq!(
        (status, body["errors"][0]["code"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("message_group")),
        "{body}"
    );
    // Quiet from now (the Pemda's local time) for an hour.
    let local = chrono::Utc::now() + chrono::Duration::hours(7);
    let from = local.format("%H:%M").to_string();
    let to = (local + chrono::Duration::hours(1)).format("%H:%M").to_string();
    let (status, mine) = app
        .call(
            Method::PUT,
            "/api/v1/me/messages",
            Some(&dedi),
            Some(json!({ "muted": [], "quiet_from": from, "quiet_to": to })),
        )
        .await;
    assert_eq!((status, mine["quiet_from"].as_str()), (StatusCode::OK, Some(from.as_str())), "{mine}");
    let (status, _) = app.post("/api/v1/feedback", &kasi, feedback("Data bulan ini sudah masuk")).await;
    assert_eq!(status, StatusCode::CREATED);
    let held = wait_row(&app, |m| m.event_kind == "feedback.new" && m.status == "pending").await;
    assert!(
        held.next_attempt_at > chrono::Utc::now() + chrono::Duration::minutes(50),
        "held to the end of the quiet hours: {held:?}"
    );
    tokio::time::sleep(Duration::from_millis(400)).await;
    assert_eq!(smtp.messages().len(), 2, "nothing during quiet hours, nothing of a muted group");

    // A forgotten password: the link goes to the verified address; an unknown account gets the
    // same answer and nothing is sent.
    let anon = |path: &'static str, body: serde_json::Value| app.call(Method::POST, path, None, Some(body));
    let (status, _) = anon("/api/v1/auth/forgot", json!({ "username": "tidak.ada" })).await;
    assert_eq!(status, StatusCode::ACCEPTED);
    let (status, _) = anon("/api/v1/auth/forgot", json!({ "username": "dedi" })).await;
    assert_eq!(status, StatusCode::ACCEPTED);
    let mails = smtp.wait_for(3).await;
    assert!(mails[2].contains("Subject: Atur ulang kata sandi Kinerja"), "{}", mails[2]);
    let at = mails[2].find(&format!("{APP}/atur-ulang/")).expect("a link") + format!("{APP}/atur-ulang/").len();
    let token: String = mails[2][at..].chars().take_while(char::is_ascii_alphanumeric).collect();
    let (status, body) = anon("/api/v1/auth/reset", json!({ "token": token, "new_password": "pendek" })).await;
    assert_eq!(
        (status, body["errors"][0]["field"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("new_password")),
        "{body}"
    );
    let (status, body) =
        anon("/api/v1/auth/reset", json!({ "token": token, "new_password": "SandiBaruDedi2026" })).await;
    assert_eq!(status, StatusCode::NO_CONTENT, "{body}");
    assert_eq!(app.login_raw("dedi", "SandiBaruDedi2026").await.status(), StatusCode::OK, "the new password signs in");
    assert_eq!(
        app.call(Method::GET, "/api/v1/me", Some(&dedi), None).await.0,
        StatusCode::UNAUTHORIZED,
        "old sessions ended"
    );
    let (status, body) = anon("/api/v1/auth/reset", json!({ "token": token, "new_password": "SandiLain2026x" })).await;
    assert_eq!(
        (status, body["errors"][0]["code"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("reset_link_invalid")),
        "once"
    );
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(smtp.messages().len(), 3, "nothing for an unknown account");
    let dedi = app.login_raw("dedi", "SandiBaruDedi2026").await.json::<serde_json::Value>().await.unwrap()
        ["access_token"]
        .as_str()
        .unwrap()
        .to_owned();

    // Five codes an hour at most: the form cannot flood an address.
    for n in 2..=5 {
        let (status, body) =
            app.post("/api/v1/me/messages/contact", &dedi, json!({ "address": format!("dedi{n}@contoh.id") })).await;
        assert_eq!(status, StatusCode::OK, "code {n}: {body}");
    }
    let (status, body) = app.post("/api/v1/me/messages/contact", &dedi, json!({ "address": "dedi6@contoh.id" })).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS, "{body}");
}

/// Waits until the one outbox row matches.
async fn wait_row(app: &TestApp, ok: impl Fn(&outbox::Model) -> bool) -> outbox::Model {
    let start = std::time::Instant::now();
    loop {
        let rows = outbox::Entity::find().all(&app.db).await.unwrap();
        if let Some(row) = rows.iter().find(|m| ok(m)) {
            return row.clone();
        }
        assert!(start.elapsed() < Duration::from_secs(30), "no outbox row as expected: {rows:?}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

async fn an_event_is_queued_once_and_a_message_taken_by_one_worker(backend: Backend) {
    use kinerja_api::delivery::{enqueue, outbox as queue, Outgoing};
    use kinerja_domain::Contact;
    // No channel configured: no worker runs, the test is the only one taking messages.
    let app = TestApp::spawn_with(backend, false, |_| {}).await;
    let to = Contact::parse("warga@contoh.id").unwrap();
    for _ in 0..2 {
        let message = Outgoing {
            event_key: "complaint:1:filed".into(),
            event_kind: "complaint.filed",
            to: (&to).into(),
            subject: "Uji".into(),
            body: "Uji {app}".into(),
            stop_path: None,
        };
        enqueue(&app.db, message).await.unwrap();
    }
    assert_eq!(outbox::Entity::find().all(&app.db).await.unwrap().len(), 1, "the same event is queued once");
    for n in 2..=40 {
        let message = Outgoing {
            event_key: format!("complaint:{n}:filed"),
            event_kind: "complaint.filed",
            to: (&to).into(),
            subject: "Uji".into(),
            body: "Uji".into(),
            stop_path: None,
        };
        enqueue(&app.db, message).await.unwrap();
    }
    // Two workers on their own connections, at once: every message is taken, none twice.
    let second = sea_orm::Database::connect(&app.database_url).await.unwrap();
    let now = chrono::Utc::now();
    let mut taken: Vec<i64> = Vec::new();
    loop {
        let (a, b) = tokio::join!(queue::claim(&app.db, &["email"], now, 7), queue::claim(&second, &["email"], now, 7));
        let (a, b) = (a.unwrap(), b.unwrap());
        if a.is_empty() && b.is_empty() {
            break;
        }
        taken.extend(a.iter().chain(&b).map(|m| m.id));
    }
    let mut unique = taken.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!((taken.len(), unique.len()), (40, 40), "each message taken exactly once");
    // A held message is not taken again until its lease ran out; then it is, as a new attempt.
    assert!(queue::claim(&app.db, &["email"], now, 50).await.unwrap().is_empty());
    let later = now + queue::LEASE + chrono::Duration::seconds(1);
    let again = queue::claim(&app.db, &["email"], later, 50).await.unwrap();
    assert_eq!(again.len(), 40);
    assert!(again.iter().all(|m| m.attempts == 2));
    // Only the holder of the lease records an outcome: the first worker's late "sent" changes nothing.
    let stale = outbox::Entity::find().all(&app.db).await.unwrap();
    let stale = outbox::Model { locked_until: Some(now + queue::LEASE), ..stale[0].clone() };
    queue::sent(&app.db, &stale).await.unwrap();
    let row = outbox::Entity::find_by_id(stale.id).one(&app.db).await.unwrap().unwrap();
    assert_eq!(row.status, "pending", "a lost lease records nothing");
    queue::sent(&app.db, &again[0]).await.unwrap();
    let row = outbox::Entity::find_by_id(again[0].id).one(&app.db).await.unwrap().unwrap();
    assert_eq!(row.status, "sent", "the holder's does");
    // The operator sees the depth on /ready.
    let (status, ready) = app.call(Method::GET, "/ready", None, None).await;
    assert_eq!((status, ready["outbox_pending"].as_u64()), (StatusCode::OK, Some(39)));
    // A message never tried in three days (its channel not configured) is given up; tried ones are not.
    let waiting = Contact::parse("0812-1111-2222").unwrap();
    let message = Outgoing {
        event_key: "complaint:99:filed".into(),
        event_kind: "complaint.filed",
        to: (&waiting).into(),
        subject: "Uji".into(),
        body: "Uji".into(),
        stop_path: None,
    };
    enqueue(&app.db, message).await.unwrap();
    assert_eq!(queue::expire_untried(&app.db, now + chrono::Duration::days(2)).await.unwrap(), 0);
    assert_eq!(queue::expire_untried(&app.db, now + chrono::Duration::days(4)).await.unwrap(), 1);
    let expired =
        outbox::Entity::find().filter(outbox::Column::Channel.eq("whatsapp")).one(&app.db).await.unwrap().unwrap();
    assert_eq!(expired.status, "dead", "{expired:?}");
    // A row whose every attempt was taken by a worker that never reported is given up.
    let step = queue::LEASE + chrono::Duration::seconds(1);
    for n in 3..=queue::MAX_ATTEMPTS {
        let taken = queue::claim(&app.db, &["email"], now + step * n, 50).await.unwrap();
        assert!(taken.len() == 39 && taken.iter().all(|m| m.attempts == n), "attempt {n}");
    }
    let last = queue::claim(&app.db, &["email"], now + step * (queue::MAX_ATTEMPTS + 1), 50).await.unwrap();
    assert!(last.is_empty());
    let dead = outbox::Entity::find().filter(outbox::Column::Status.eq("dead")).all(&app.db).await.unwrap();
    assert_eq!(dead.len(), 40);
    assert!(dead.iter().all(|m| !m.body.is_empty()), "kept for the admin to see what failed");
    let sent = outbox::Entity::find_by_id(again[0].id).one(&app.db).await.unwrap().unwrap();
    assert_eq!(sent.body, "", "a message's text is dropped once it is sent");
    // A month after, the text of those given up goes too.
    assert_eq!(queue::forget_old_text(&app.db, now).await.unwrap(), 0);
    assert_eq!(queue::forget_old_text(&app.db, now + chrono::Duration::days(31)).await.unwrap(), 40);
    let dead = outbox::Entity::find().filter(outbox::Column::Status.eq("dead")).all(&app.db).await.unwrap();
    assert!(dead.iter().all(|m| m.body.is_empty()));
}
