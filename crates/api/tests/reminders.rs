//! Reminders before deadlines, run at chosen moments of the Pemda's time: the daily log after the
//! set hour on a working day to whoever logged nothing, the SKP before its deadline to whoever has
//! not submitted, the objection window before it closes, a penilai's queue that waited too long;
//! an overdue complaint to its handlers, an evaluation follow-up before it is due; each sent once
//! however often the task looks, and not at all when turned off.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use chrono::{DateTime, Datelike, Duration, NaiveDate, TimeZone, Utc, Weekday};
use common::{demo, TestApp};
use kinerja_api::services::reminders;
use reqwest::StatusCode;
use serde_json::{json, Value};

db_tests!(reminders_go_once_to_whom_they_concern);

/// `hh:mm` of the Pemda's day `date` (WIB) as a moment.
fn at(date: NaiveDate, hh: u32, mm: u32) -> DateTime<Utc> {
    Utc.from_utc_datetime(&date.and_hms_opt(hh, mm, 0).unwrap()) - Duration::hours(7)
}

/// The latest working day (Monday to Friday) not after today, WIB.
fn last_weekday() -> NaiveDate {
    let mut d = (Utc::now() + Duration::hours(7)).date_naive();
    while matches!(d.weekday(), Weekday::Sat | Weekday::Sun) {
        d -= Duration::days(1);
    }
    d
}

/// The codes of the person's notices, newest first.
async fn notices(app: &TestApp, token: &str) -> Vec<String> {
    let (_, inbox) = app.get("/api/v1/notifications?per_page=200", token).await;
    inbox["items"].as_array().unwrap().iter().filter_map(|n| n["notice"]["code"].as_str().map(str::to_owned)).collect()
}

fn count(codes: &[String], code: &str) -> usize {
    codes.iter().filter(|c| *c == code).count()
}

async fn reminders_go_once_to_whom_they_concern(app: TestApp) {
    let dedi = app.token("dedi").await;
    let sri = app.token("sri").await;
    let kasi = app.token("kasi.rujukan").await;
    let day = last_weekday();

    // Dedi logs and submits an activity that day; Sri logs nothing.
    let year = day.year();
    let (_, plans) = app.get(&format!("/api/v1/skps?year={year}&status=approved"), &dedi).await;
    let dedi_id = app.employee_id(demo::DEDI).await;
    let skp = plans["items"].as_array().unwrap().iter().find(|s| s["employee_id"] == dedi_id).unwrap().clone();
    let (_, full) = app.get(&format!("/api/v1/skps/{}", skp["id"]), &dedi).await;
    let rhk = full["rhk"][0]["id"].as_i64().unwrap();
    let body = json!({ "date": day.to_string(), "minutes": 90, "description": "Menyusun rekap rujukan", "rhk_id": rhk, "output_qty": 1, "submit": true });
    let (status, logged) = app.post("/api/v1/activities", &dedi, body).await;
    assert_eq!(status, StatusCode::CREATED, "{logged}");

    // Before the set hour (15:00): nothing. After it: Sri, not Dedi; a second look sends nothing more.
    reminders::run(&app.db, at(day, 14, 30)).await.unwrap();
    assert_eq!(count(&notices(&app, &sri).await, "reminder_daily_log"), 0);
    let first = reminders::run(&app.db, at(day, 15, 10)).await.unwrap();
    assert!(first >= 2, "everyone with an account who logged nothing: {first}");
    assert_eq!(reminders::run(&app.db, at(day, 15, 20)).await.unwrap(), 0, "once a day");
    assert_eq!(count(&notices(&app, &sri).await, "reminder_daily_log"), 1);
    assert_eq!(count(&notices(&app, &dedi).await, "reminder_daily_log"), 0, "Dedi logged that day");
    let (_, inbox) = app.get("/api/v1/notifications", &sri).await;
    let title = inbox["items"][0]["title"].as_str().unwrap();
    assert!(
        title.starts_with("Aktivitas ") && title.ends_with(" belum dicatat") && !title.contains(&day.to_string()),
        "{title}"
    );

    // Kasi's queue: Dedi's activity waits; four working days later it is late, once that day.
    let later = kinerja_domain::calendar::Calendar::office(Default::default()).add_working_days(day, 4);
    let sent = reminders::run(&app.db, at(later, 8, 0)).await.unwrap();
    assert!(sent >= 1);
    let kasi_codes = notices(&app, &kasi).await;
    assert_eq!(count(&kasi_codes, "reminder_queue"), 1, "{kasi_codes:?}");
    reminders::run(&app.db, at(later, 9, 0)).await.unwrap();
    assert_eq!(count(&notices(&app, &kasi).await, "reminder_queue"), 1);

    // The SKP of next year: none is submitted; a week before its deadline (31 January) everyone
    // is reminded once; ten days before, not yet.
    let deadline = NaiveDate::from_ymd_opt(year + 1, 1, 31).unwrap();
    reminders::run(&app.db, at(deadline - Duration::days(10), 7, 0)).await.unwrap();
    assert_eq!(count(&notices(&app, &dedi).await, "reminder_skp"), 0);
    reminders::run(&app.db, at(deadline - Duration::days(3), 7, 0)).await.unwrap();
    reminders::run(&app.db, at(deadline - Duration::days(2), 7, 0)).await.unwrap();
    assert_eq!(count(&notices(&app, &dedi).await, "reminder_skp"), 1);

    // A finalized rating: two days before its objection window (14 days) closes, Dedi is told.
    let rate = json!({ "employee_id": dedi_id, "period": format!("{year}-Q1"), "result_rating": "sesuai", "behavior_rating": "sesuai",
                       "behavior_notes": { "akuntabel": "Laporan tepat waktu" }, "note": "Kinerja triwulan I" });
    let (status, a) = app.post("/api/v1/assessments", &kasi, rate).await;
    assert_eq!(status, StatusCode::CREATED, "{a}");
    let (status, a): (StatusCode, Value) =
        app.post(&format!("/api/v1/assessments/{}/finalize", a["id"]), &kasi, json!({})).await;
    assert_eq!(status, StatusCode::OK, "{a}");
    let due: NaiveDate = a["objection_deadline"].as_str().unwrap().parse().unwrap();
    reminders::run(&app.db, at(due - Duration::days(5), 7, 0)).await.unwrap();
    assert_eq!(count(&notices(&app, &dedi).await, "reminder_objection"), 0);
    reminders::run(&app.db, at(due - Duration::days(1), 7, 0)).await.unwrap();
    assert_eq!(count(&notices(&app, &dedi).await, "reminder_objection"), 1);

    // A complaint to the puskesmas, not verified in time: its handlers (the operator, the head
    // of the dinas above) are told once per step, the day after its deadline; not before.
    let filed = json!({ "unit_id": app.unit_id("PKM-SUKAJADI").await, "category": "pengaduan", "text": "Antrean obat di apotek puskesmas sangat lama" });
    let (status, receipt) = app.call(reqwest::Method::POST, "/api/v1/public/complaints", None, Some(filed)).await;
    assert_eq!(status, StatusCode::CREATED, "{receipt}");
    let tracking = receipt["tracking_code"].as_str().unwrap().to_owned();
    let operator = app.token("kapkm.sukajadi").await;
    let kadinkes = app.token("kadinkes").await;
    // How often the person was told this complaint is overdue.
    let told = |token: String| {
        let tracking = tracking.clone();
        let app = &app;
        async move {
            let (_, inbox) = app.get("/api/v1/notifications?per_page=200", &token).await;
            let items = inbox["items"].as_array().unwrap().clone();
            items
                .iter()
                .filter(|n| {
                    n["notice"]["code"] == "complaint_overdue" && n["notice"]["params"]["code"] == tracking.as_str()
                })
                .count()
        }
    };
    let filed_on = (Utc::now() + Duration::hours(7)).date_naive();
    reminders::run(&app.db, at(filed_on, 16, 0)).await.unwrap();
    assert_eq!(told(operator.clone()).await, 0, "not before its deadline");
    let overdue = filed_on + Duration::days(30);
    for hour in [8, 9] {
        reminders::run(&app.db, at(overdue, hour, 0)).await.unwrap();
    }
    assert_eq!(told(operator.clone()).await, 1);
    assert_eq!(told(kadinkes.clone()).await, 1, "the head above the puskesmas too");
    assert_eq!(told(dedi.clone()).await, 0, "not someone who does not handle it");

    // A follow-up of an evaluation session, due in ten days: its owner is reminded two days before, once.
    let due_on = filed_on + Duration::days(10);
    let session = json!({ "unit_id": app.unit_id("DINKES-RUJ").await, "kind": "annual", "held_on": filed_on.to_string(),
                          "title": "Evaluasi tahunan seksi rujukan", "attendees": ["Kepala Dinas", "Kepala Seksi"],
                          "employee_ids": [dedi_id], "decisions": "Dedi menyusun rencana aksi",
                          "follow_ups": [{ "description": "Rencana aksi rujukan", "owner_id": dedi_id, "due_on": due_on.to_string() }] });
    let (status, body) = app.post("/api/v1/evaluation-sessions", &kadinkes, session).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    reminders::run(&app.db, at(due_on - Duration::days(5), 7, 0)).await.unwrap();
    assert_eq!(count(&notices(&app, &dedi).await, "reminder_follow_up"), 0);
    reminders::run(&app.db, at(due_on - Duration::days(2), 7, 0)).await.unwrap();
    reminders::run(&app.db, at(due_on - Duration::days(1), 7, 0)).await.unwrap();
    assert_eq!(count(&notices(&app, &dedi).await, "reminder_follow_up"), 1);

    // Turned off in the settings: nothing of those kinds.
    let admin = app.token("admin").await;
    let off = json!({ "reminders": { "daily_log_at": "", "skp_days_before": 0, "objection_days_before": 0, "queue_working_days": 0, "follow_up_days_before": 0, "digest_at": "07:00" } });
    let (status, body) = app.call(reqwest::Method::PATCH, "/api/v1/settings", Some(&admin), Some(off)).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let next = kinerja_domain::calendar::Calendar::office(Default::default()).add_working_days(later, 1);
    let kinds = ["reminder_daily_log", "reminder_queue", "reminder_skp", "reminder_objection", "reminder_follow_up"];
    let tally = |codes: Vec<String>| kinds.iter().map(|k| count(&codes, k)).sum::<usize>();
    let (sri_before, kasi_before) = (tally(notices(&app, &sri).await), tally(notices(&app, &kasi).await));
    reminders::run(&app.db, at(next, 16, 0)).await.unwrap();
    assert_eq!((tally(notices(&app, &sri).await), tally(notices(&app, &kasi).await)), (sri_before, kasi_before));
    let bad = json!({ "reminders": { "daily_log_at": "25:00", "skp_days_before": 7, "objection_days_before": 2, "queue_working_days": 3 } });
    let (status, body) = app.call(reqwest::Method::PATCH, "/api/v1/settings", Some(&admin), Some(bad)).await;
    assert_eq!(
        (status, body["errors"][0]["code"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("time_of_day")),
        "{body}"
    );
}
