//! The working calendar drives the daily log, the reminders and the attention list: a 6-day unit
//! logs a full Saturday where an office logs only overtime; a night shift of a rota counts on the
//! day it starts and the morning after is a rest day; a Ramadan override shortens the cap; a day
//! of cuti is excused (nothing is logged on it, no reminder goes, nobody is "idle" for it).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use chrono::{DateTime, Datelike, Duration, NaiveDate, TimeZone, Utc, Weekday};
use common::{demo, TestApp};
use kinerja_api::services::reminders;
use reqwest::StatusCode;
use serde_json::{json, Value};

db_tests!(the_calendar_sets_each_day_of_the_log, leave_is_excused_from_reminders_and_the_attention_list);

/// Today in the Pemda's time zone (WIB by default), as the server sees it.
fn local_today() -> NaiveDate {
    (Utc::now() + Duration::hours(7)).date_naive()
}

/// The latest `weekday` not after today.
fn latest(weekday: Weekday) -> NaiveDate {
    let mut d = local_today();
    while d.weekday() != weekday {
        d -= Duration::days(1);
    }
    d
}

/// `hh:mm` of the Pemda's day `date` (WIB) as a moment.
fn at(date: NaiveDate, hh: u32, mm: u32) -> DateTime<Utc> {
    Utc.from_utc_datetime(&date.and_hms_opt(hh, mm, 0).unwrap()) - Duration::hours(7)
}

/// The first RHK of the user's approved SKP of `year`.
async fn rhk_of(app: &TestApp, token: &str, year: i32) -> i64 {
    let (_, plans) = app.get(&format!("/api/v1/skps?year={year}&status=approved"), token).await;
    let me: Value = app.get("/api/v1/me", token).await.1;
    let skp =
        plans["items"].as_array().unwrap().iter().find(|s| s["employee_id"] == me["employee"]["id"]).unwrap().clone();
    let (_, full) = app.get(&format!("/api/v1/skps/{}", skp["id"]), token).await;
    full["rhk"][0]["id"].as_i64().unwrap()
}

/// Logs `minutes` on `date` as the holder of `token`: the status and the first error's message.
async fn log(app: &TestApp, token: &str, date: NaiveDate, minutes: u32) -> (StatusCode, String) {
    let rhk = rhk_of(app, token, date.year()).await;
    let body = json!({ "date": date.to_string(), "minutes": minutes, "description": "Pelayanan pasien dan pencatatan", "rhk_id": rhk });
    let (status, body) = app.post("/api/v1/activities", token, body).await;
    (status, body["errors"][0]["message"].as_str().unwrap_or_default().to_owned())
}

async fn settings(app: &TestApp, admin: &str, changes: Value) {
    let (status, body) = app.patch("/api/v1/settings", admin, changes).await;
    assert_eq!(status, StatusCode::OK, "{body}");
}

async fn the_calendar_sets_each_day_of_the_log(app: TestApp) {
    let admin = app.token("admin").await;
    let (dedi, puskesmas) = (app.token("dedi").await, app.token("kapkm.sukajadi").await);
    // The puskesmas works six days; the dinas office five (the first pattern).
    settings(&app, &admin, json!({ "unit_work_patterns": { "PKM-SUKAJADI": "enam_hari" } })).await;
    let saturday = latest(Weekday::Sat);
    let (status, message) = log(&app, &puskesmas, saturday, 400).await;
    assert_eq!(status, StatusCode::CREATED, "a Saturday of the 6-day unit: 6.25 hours and overtime: {message}");
    let (status, message) = log(&app, &dedi, saturday, 400).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(message.contains("batas 270 menit"), "an office's Saturday holds the overtime only: {message}");
    assert_eq!(log(&app, &dedi, saturday, 200).await.0, StatusCode::CREATED);
    // Each person's calendar says the same, day by day, for the daily log's page.
    let day_of = |token: String| {
        let app = &app;
        async move {
            let path = format!("/api/v1/me/calendar?from={saturday}&to={saturday}");
            let (status, cal) = app.get(&path, &token).await;
            assert_eq!(status, StatusCode::OK, "{cal}");
            cal["days"][0].clone()
        }
    };
    let shift = day_of(puskesmas.clone()).await;
    assert_eq!(
        (shift["kind"].as_str(), shift["minutes"].as_u64(), shift["cap"].as_u64()),
        (Some("working"), Some(375), Some(645))
    );
    let office = day_of(dedi.clone()).await;
    assert_eq!(
        (office["kind"].as_str(), office["cap"].as_u64(), office["loggable"].as_bool()),
        (Some("off"), Some(270), Some(true))
    );
    let far = format!("/api/v1/me/calendar?from={}&to={saturday}", saturday - Duration::days(70));
    let (status, body) = app.get(&far, &dedi).await;
    assert_eq!((status, body["errors"][0]["code"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some("calendar_span")));

    // A Ramadan override on the latest weekday shortens its cap: 5 hours and the overtime.
    let weekday = latest(Weekday::Thu);
    let ramadan =
        json!([{ "name": "Ramadan", "from": weekday.to_string(), "to": weekday.to_string(), "minutes": 300 }]);
    settings(&app, &admin, json!({ "calendar_overrides": ramadan })).await;
    let (status, message) = log(&app, &dedi, weekday, 600).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(message.contains("batas 570 menit"), "{message}");
    assert_eq!(log(&app, &dedi, weekday, 570).await.0, StatusCode::CREATED);

    // A rota of the puskesmas: a night shift (21:00–07:00, 10 hours) two days ago, the morning
    // after a rest day, then another night. The night counts on the day it starts.
    let night = local_today() - Duration::days(2);
    let rota = json!({ "code": "rota_malam", "name": "Rota jaga malam", "repeat": "rota", "minutes": [600, 0],
                       "anchor": night.to_string(), "observes_holidays": false });
    let patterns = json!([
        { "code": "lima_hari", "name": "5 hari kerja", "repeat": "week", "minutes": [450, 450, 450, 450, 450, 0, 0] },
        rota
    ]);
    settings(
        &app,
        &admin,
        json!({ "work_patterns": patterns, "unit_work_patterns": { "PKM-SUKAJADI": "rota_malam" } }),
    )
    .await;
    // (300 minutes: more than a rest day's 270, and room beside Saturday's 400 when the night is it.)
    let (status, message) = log(&app, &puskesmas, night, 300).await;
    assert_eq!(status, StatusCode::CREATED, "the night shift's day: {message}");
    let (status, message) = log(&app, &puskesmas, night + Duration::days(1), 300).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(message.contains("batas 270 menit"), "the rest day after the night: {message}");

    // Patterns that cannot be used are refused by field.
    let bad = json!([{ "code": "rota", "name": "Rota tanpa awal", "repeat": "rota", "minutes": [600, 0] }]);
    let (status, body) = app.patch("/api/v1/settings", &admin, json!({ "work_patterns": bad })).await;
    assert_eq!((status, body["errors"][0]["code"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some("work_pattern")));
    let (status, body) =
        app.patch("/api/v1/settings", &admin, json!({ "unit_work_patterns": { "PKM-SUKAJADI": "tidak_ada" } })).await;
    assert_eq!(
        (status, body["errors"][0]["code"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("work_pattern_unknown"))
    );
    let (status, body) =
        app.patch("/api/v1/settings", &admin, json!({ "unit_work_patterns": { "TIDAK-ADA": "lima_hari" } })).await;
    assert_eq!(
        (status, body["errors"][0]["code"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("unit_code_unknown"))
    );
    let backwards = json!([{ "name": "Terbalik", "from": "2027-03-09", "to": "2027-02-08", "minutes": 300 }]);
    let (status, body) = app.patch("/api/v1/settings", &admin, json!({ "calendar_overrides": backwards })).await;
    assert_eq!(
        (status, body["errors"][0]["code"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("calendar_override"))
    );
}

/// Whether the dashboard at `path` lists `employee` as idle.
async fn idle(app: &TestApp, head: &str, path: &str, employee: i64) -> bool {
    let (status, d) = app.get(path, head).await;
    assert_eq!(status, StatusCode::OK, "{d}");
    d["attention"]
        .as_array()
        .unwrap()
        .iter()
        .any(|x| x["employee_id"] == employee && x["reasons"].as_array().unwrap().iter().any(|r| r["code"] == "idle"))
}

/// Imports the attendance rows `(nip, date, status)`.
async fn attendance(app: &TestApp, admin: &str, rows: &[(&str, NaiveDate, &str)]) {
    let mut csv = String::from("nip,date,status,late_minutes\n");
    for (nip, date, status) in rows {
        csv.push_str(&format!("{nip},{date},{status},0\n"));
    }
    let (status, body) = app.post_csv("/api/v1/attendance/import", admin, &csv).await;
    assert!(status.is_success(), "{status} {body}");
}

async fn leave_is_excused_from_reminders_and_the_attention_list(app: TestApp) {
    let admin = app.token("admin").await;
    let (dedi, sri) = (app.token("dedi").await, app.token("sri").await);
    let weekday = latest(Weekday::Wed);

    // Sri is on cuti that Wednesday: nothing is logged on it, and the day's reminder passes her by.
    attendance(&app, &admin, &[(demo::SRI, weekday, "cuti")]).await;
    let (status, message) = log(&app, &sri, weekday, 60).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(message.contains("cuti"), "{message}");
    let (_, cal) = app.get(&format!("/api/v1/me/calendar?from={weekday}&to={weekday}"), &sri).await;
    let day = &cal["days"][0];
    assert_eq!(
        (day["kind"].as_str(), day["excuse"].as_str(), day["loggable"].as_bool()),
        (Some("excused"), Some("cuti"), Some(false))
    );
    let codes = |token: String| {
        let app = &app;
        async move {
            let (_, inbox) = app.get("/api/v1/notifications?per_page=200", &token).await;
            let items = inbox["items"].as_array().unwrap().clone();
            items.iter().filter(|n| n["notice"]["code"] == "reminder_daily_log").count()
        }
    };
    reminders::run(&app.db, at(weekday, 15, 30)).await.unwrap();
    assert_eq!(codes(sri.clone()).await, 0, "on leave");
    assert_eq!(codes(dedi.clone()).await, 1, "at work, nothing logged");
    // A Sunday: no one of the offices is reminded.
    reminders::run(&app.db, at(latest(Weekday::Sun), 15, 30)).await.unwrap();
    assert_eq!(codes(dedi.clone()).await, 1);

    // The attention list counts expected working days: Maya logged fifteen working days ago, then
    // took leave; she is not idle for the days of her leave.
    settings(&app, &admin, json!({ "activity_max_days_back": 20 })).await;
    let maya = app.token("maya").await;
    let office = kinerja_domain::calendar::Calendar::office(Default::default());
    let logged_on = office.working_days_back(local_today(), 15);
    let (status, message) = log(&app, &maya, logged_on, 60).await;
    assert_eq!(status, StatusCode::CREATED, "{message}");
    let maya_id = app.employee_id(demo::MAYA).await;
    let dukcapil = app.unit_id("DUKCAPIL").await;
    let head = app.token("kadisdukcapil").await;
    let month = local_today().format("%Y-%m").to_string();
    let path = format!("/api/v1/dashboard/units/{dukcapil}?period={month}");
    assert!(idle(&app, &head, &path, maya_id).await, "fifteen working days without a log");
    let leave: Vec<(&str, NaiveDate, &str)> = logged_on
        .succ_opt()
        .unwrap()
        .iter_days()
        .take_while(|d| *d <= local_today())
        .map(|d| (demo::MAYA, d, "cuti"))
        .collect();
    attendance(&app, &admin, &leave).await;
    assert!(!idle(&app, &head, &path, maya_id).await, "on leave since");
}
