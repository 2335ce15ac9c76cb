//! The working calendar drives the daily log, the reminders and the attention list: a 6-day unit
//! logs a full Saturday where an office logs only overtime; a night shift of a rota counts on the
//! day it starts and the morning after is a rest day; a Ramadan override shortens the cap; a day
//! of cuti is excused (nothing is logged on it, no reminder goes, nobody is "idle" for it); the
//! TPP's target follows each person's working minutes (holidays imported from CSV, leave the
//! BKPSDM records, an employee's own rota) and attendance off their working days costs nothing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use chrono::{DateTime, Datelike, Duration, NaiveDate, TimeZone, Utc, Weekday};
use common::{demo, TestApp};
use kinerja_api::services::reminders;
use reqwest::StatusCode;
use serde_json::{json, Value};

db_tests!(
    the_calendar_sets_each_day_of_the_log,
    leave_is_excused_from_reminders_and_the_attention_list,
    leave_holidays_and_patterns_shape_the_tpp
);

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

/// The TPP row of `nip` for `month`.
async fn tpp_row(app: &TestApp, admin: &str, month: &str, nip: &str) -> Value {
    let (status, report) = app.get(&format!("/api/v1/reports/tpp?month={month}&per_page=200"), admin).await;
    assert_eq!(status, StatusCode::OK, "{report}");
    report["items"].as_array().unwrap().iter().find(|r| r["nip"] == nip).unwrap().clone()
}

async fn leave_holidays_and_patterns_shape_the_tpp(app: TestApp) {
    let admin = app.token("admin").await;
    // Last month, every day of it in the past.
    let last = local_today().with_day(1).unwrap() - Duration::days(1);
    let first = last.with_day(1).unwrap();
    let month = first.format("%Y-%m").to_string();
    let weekdays: Vec<NaiveDate> =
        first.iter_days().take_while(|d| *d <= last).filter(|d| d.weekday().number_from_monday() <= 5).collect();
    let saturday = first.iter_days().find(|d| d.weekday() == Weekday::Sat).unwrap();

    // The year's holidays from a CSV: a bad file changes nothing and names its lines.
    let bad = format!(
        "date,name,kind\n{},Hari Besar,libur_daerah\n{},Hari Besar,\n{},,cuti_bersama\n",
        weekdays[1], weekdays[1], weekdays[2]
    );
    let (status, body) = app.post_csv("/api/v1/settings/holidays", &admin, &bad).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let lines: Vec<u64> = body["rows"].as_array().unwrap().iter().map(|r| r["line"].as_u64().unwrap()).collect();
    assert_eq!(lines, [2, 3, 4], "{body}");
    let good = format!(
        "date,name,kind\n{},Hari Besar,libur_nasional\n{},Cuti Bersama,cuti_bersama\n",
        weekdays[1], weekdays[2]
    );
    let (status, body) = app.post_csv("/api/v1/settings/holidays", &admin, &good).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!((body["holidays"].as_u64(), body["cuti_bersama"].as_u64()), (Some(1), Some(1)), "{body}");
    let (_, settings_now) = app.get("/api/v1/settings", &admin).await;
    let holidays: std::collections::HashSet<NaiveDate> =
        serde_json::from_value(settings_now["holidays"].clone()).unwrap();
    assert!(holidays.contains(&weekdays[1]) && holidays.contains(&weekdays[2]));
    let office = kinerja_domain::calendar::Calendar::office(holidays.clone());
    let full = office.expected_between(first, last);
    assert_eq!(full, (weekdays.len() as u32 - 2) * 450, "two weekdays are holidays now");

    // Sri's annual leave, recorded by the BKPSDM: five working days (weekdays 5 to 9).
    let sri = app.employee_id(demo::SRI).await;
    let leave = json!({ "employee_id": sri, "kind": "cuti_tahunan", "starts_on": weekdays[5], "ends_on": weekdays[9], "reference": "851/77-BKPSDM" });
    let (status, recorded) = app.post("/api/v1/leave", &admin, leave).await;
    assert_eq!(status, StatusCode::CREATED, "{recorded}");
    let backwards = json!({ "employee_id": sri, "kind": "sakit", "starts_on": weekdays[9], "ends_on": weekdays[5] });
    assert_eq!(app.post("/api/v1/leave", &admin, backwards).await.0, StatusCode::UNPROCESSABLE_ENTITY);
    let sri_token = app.token("sri").await;
    let (_, mine) = app.get(&format!("/api/v1/leave?employee_id={sri}"), &sri_token).await;
    assert_eq!(mine["total"], 1, "Sri reads her own leave: {mine}");
    let ahmad_token = app.token("ahmad").await;
    let (_, other) = app.get(&format!("/api/v1/leave?employee_id={sri}"), &ahmad_token).await;
    assert_eq!(other["total"], 0, "a colleague elsewhere does not: {other}");

    // Dinas luar is work done elsewhere: it neither lowers Ahmad's target nor counts as leave. A
    // month wholly on maternity leave expects nothing: the performance share is whole.
    let travel = json!({ "employee_id": app.employee_id(demo::AHMAD).await, "kind": "dinas_luar", "starts_on": weekdays[12], "ends_on": weekdays[13] });
    assert_eq!(app.post("/api/v1/leave", &admin, travel).await.0, StatusCode::CREATED);
    let lestari = app.employee_id(demo::LESTARI).await;
    let maternity = json!({ "employee_id": lestari, "kind": "cuti_melahirkan", "starts_on": first, "ends_on": last });
    assert_eq!(app.post("/api/v1/leave", &admin, maternity).await.0, StatusCode::CREATED);
    let row = tpp_row(&app, &admin, &month, demo::LESTARI).await;
    assert_eq!(
        (row["target_minutes"].as_u64(), row["excused_days"].as_u64(), row["performance"].as_f64()),
        (Some(0), Some(weekdays.len() as u64 - 2), Some(60.0)),
        "{row}"
    );

    // Attendance: Sri alpa on a day of her leave; Ahmad alpa on a Saturday and on the holiday
    // (days he does not work), and without a record on a working day (that one costs).
    attendance(
        &app,
        &admin,
        &[
            (demo::SRI, weekdays[6], "alpa"),
            (demo::AHMAD, saturday, "alpa"),
            (demo::AHMAD, weekdays[1], "alpa"),
            (demo::AHMAD, weekdays[10], "tanpa_rekam"),
        ],
    )
    .await;
    let ahmad = tpp_row(&app, &admin, &month, demo::AHMAD).await;
    assert_eq!(
        (
            ahmad["target_minutes"].as_u64(),
            ahmad["excused_days"].as_u64(),
            ahmad["absent_days"].as_u64(),
            ahmad["late_days"].as_u64()
        ),
        (Some(6750), Some(0), Some(0), Some(1)),
        "the office's full month earns the whole target; only the working day without a record costs: {ahmad}"
    );
    let row = tpp_row(&app, &admin, &month, demo::SRI).await;
    let expected = 6750 * (full - 5 * 450) / full;
    assert_eq!(
        (row["target_minutes"].as_u64(), row["excused_days"].as_u64(), row["absent_days"].as_u64()),
        (Some(u64::from(expected)), Some(5), Some(0)),
        "five days of leave lower the target and excuse the alpa: {row}"
    );
    assert_eq!(row["discipline"], 40.0);

    // Annulled, the leave excuses nothing: the whole target again, and the alpa costs.
    let (status, _) = app.delete(&format!("/api/v1/leave/{}", recorded["id"]), &admin).await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let row = tpp_row(&app, &admin, &month, demo::SRI).await;
    assert_eq!((row["target_minutes"].as_u64(), row["absent_days"].as_u64()), (Some(6750), Some(1)), "{row}");

    // Maya works her own rota (ten hours, a day off, from last month's first Saturday), over her
    // unit's office week: an unknown pattern is refused, then her month and her log follow it.
    let maya = app.employee_id(demo::MAYA).await;
    let (status, e) =
        app.patch(&format!("/api/v1/employees/{maya}"), &admin, json!({ "work_pattern": "jaga_dua_hari" })).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{e}");
    let rota = json!({ "code": "jaga_dua_hari", "name": "Jaga selang sehari", "repeat": "rota", "minutes": [600, 0], "anchor": saturday, "observes_holidays": false });
    let five = serde_json::to_value(kinerja_domain::calendar::WorkPattern::five_days()).unwrap();
    settings(&app, &admin, json!({ "work_patterns": [five, rota] })).await;
    let (status, e) =
        app.patch(&format!("/api/v1/employees/{maya}"), &admin, json!({ "work_pattern": "jaga_dua_hari" })).await;
    assert_eq!((status, e["work_pattern"].as_str()), (StatusCode::OK, Some("jaga_dua_hari")), "{e}");
    let rota_expected: u32 =
        first.iter_days().take_while(|d| *d <= last).filter(|d| (*d - saturday).num_days().rem_euclid(2) == 0).count()
            as u32
            * 600;
    let row = tpp_row(&app, &admin, &month, demo::MAYA).await;
    assert_eq!(row["target_minutes"].as_u64(), Some(u64::from(6750 * rota_expected / full)), "{row}");
    let maya_token = app.token("maya").await;
    let (_, cal) =
        app.get(&format!("/api/v1/me/calendar?from={saturday}&to={}", saturday + Duration::days(1)), &maya_token).await;
    assert_eq!(
        (cal["days"][0]["kind"].as_str(), cal["days"][0]["minutes"].as_u64(), cal["days"][1]["kind"].as_str()),
        (Some("working"), Some(600), Some("off")),
        "{cal}"
    );
    // Her pattern cannot be removed from the settings while she works by it.
    let (status, e) = app.patch("/api/v1/settings", &admin, json!({ "work_patterns": [five] })).await;
    assert_eq!(
        (status, e["errors"][0]["code"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("work_pattern_in_use")),
        "{e}"
    );
    // Back to her unit's week.
    let (status, e) = app.patch(&format!("/api/v1/employees/{maya}"), &admin, json!({ "work_pattern": null })).await;
    assert_eq!((status, e["work_pattern"].is_null()), (StatusCode::OK, true), "{e}");

    // A complaint's clock runs on its service unit's working days: a puskesmas open six days a
    // week counts its Saturdays, the office next to it does not.
    let six = serde_json::to_value(kinerja_domain::calendar::WorkPattern::six_days()).unwrap();
    let five = serde_json::to_value(kinerja_domain::calendar::WorkPattern::five_days()).unwrap();
    // Ten days to verify: any ten working days hold a Saturday, so the two clocks always differ.
    settings(
        &app,
        &admin,
        json!({ "work_patterns": [five, six], "unit_work_patterns": { "PKM-SUKAJADI": "enam_hari" }, "complaint_verify_days": 10 }),
    )
    .await;
    let (_, now) = app.get("/api/v1/settings", &admin).await;
    let holidays: std::collections::HashSet<NaiveDate> = serde_json::from_value(now["holidays"].clone()).unwrap();
    let office = kinerja_domain::calendar::Calendar::office(holidays);
    let puskesmas = kinerja_domain::calendar::Calendar {
        pattern: kinerja_domain::calendar::WorkPattern::six_days(),
        ..office.clone()
    };
    let mut dues = Vec::new();
    for (code, cal) in [("PKM-SUKAJADI", &puskesmas), ("DUKCAPIL", &office)] {
        let unit = app.unit_id(code).await;
        let complaint =
            json!({ "unit_id": unit, "category": "pengaduan", "text": "Antrean pelayanan terlalu lama hari ini" });
        let (status, receipt) =
            app.call(reqwest::Method::POST, "/api/v1/public/complaints", None, Some(complaint)).await;
        assert_eq!(status, StatusCode::CREATED, "{receipt}");
        let code_typed = receipt["tracking_code"].as_str().unwrap();
        let (_, tracked) =
            app.call(reqwest::Method::GET, &format!("/api/v1/public/complaints/{code_typed}"), None, None).await;
        let due = cal.add_working_days(local_today(), 10);
        assert_eq!(tracked["deadline"].as_str(), Some(due.to_string().as_str()), "{code}: {tracked}");
        dues.push(due);
    }
    assert_ne!(dues[0], dues[1], "ten working days always hold a Saturday");

    // The SKP deadline set on a Sunday lands on the Monday after it, when the offices open.
    let year = local_today().year();
    let sunday =
        NaiveDate::from_ymd_opt(year, 1, 1).unwrap().iter_days().find(|d| d.weekday() == Weekday::Sun).unwrap();
    settings(&app, &admin, json!({ "skp_deadline": sunday.format("%m-%d").to_string() })).await;
    let head = app.token("kadisdukcapil").await;
    let dukcapil = app.unit_id("DUKCAPIL").await;
    let period = local_today().format("%Y-%m");
    let (status, board) = app.get(&format!("/api/v1/dashboard/units/{dukcapil}?period={period}"), &head).await;
    assert_eq!(status, StatusCode::OK, "{board}");
    let monday = office.working_day_from(sunday + Duration::days(1));
    assert_eq!(board["skp"]["deadline"].as_str(), Some(monday.to_string().as_str()), "{}", board["skp"]);

    // Set on a Saturday, the deadline stays on it for the puskesmas open that day, and moves to the
    // Monday for the office.
    let saturday = sunday - Duration::days(1);
    let saturday = if saturday.year() == year { saturday } else { saturday + Duration::days(7) };
    settings(&app, &admin, json!({ "skp_deadline": saturday.format("%m-%d").to_string() })).await;
    let kapkm = app.token("kapkm.sukajadi").await;
    for (code, token, cal) in [("PKM-SUKAJADI", &kapkm, &puskesmas), ("DUKCAPIL", &head, &office)] {
        let unit = app.unit_id(code).await;
        let (status, board) = app.get(&format!("/api/v1/dashboard/units/{unit}?period={period}"), token).await;
        assert_eq!(status, StatusCode::OK, "{board}");
        let due = cal.working_day_from(saturday).to_string();
        assert_eq!(board["skp"]["deadline"].as_str(), Some(due.as_str()), "{code}: {}", board["skp"]);
        let (_, monitor) = app.get(&format!("/api/v1/units/{unit}/skp-monitoring?year={year}"), token).await;
        assert_eq!(monitor["deadline"].as_str(), Some(due.as_str()), "{code}: {monitor}");
    }

    // The days to object run to a Saturday: the midwife of the puskesmas has until that Saturday,
    // a clerk of the office until the Monday after.
    let today = local_today();
    let to_saturday = (Weekday::Sat.num_days_from_monday() + 7 - today.weekday().num_days_from_monday()) % 7;
    let objection_days = if to_saturday == 0 { 7 } else { to_saturday };
    let due_day = today + Duration::days(i64::from(objection_days));
    settings(&app, &admin, json!({ "objection_days": objection_days })).await;
    let rate = |employee: i64| {
        json!({ "employee_id": employee, "period": "2026-Q3", "result_rating": "sesuai", "behavior_rating": "sesuai",
                "behavior_notes": { "akuntabel": "Laporan selalu tepat waktu" }, "note": "Kinerja triwulan III" })
    };
    let nurhayati = app.employee_id("199403112020122007").await;
    let dedi = app.employee_id(demo::DEDI).await;
    let kasi = app.token("kasi.rujukan").await;
    let mut deadlines = Vec::new();
    for (penilai, employee, cal) in [(&kapkm, nurhayati, &puskesmas), (&kasi, dedi, &office)] {
        let (status, a) = app.post("/api/v1/assessments", penilai, rate(employee)).await;
        assert_eq!(status, StatusCode::CREATED, "{a}");
        let (status, f) = app.post(&format!("/api/v1/assessments/{}/finalize", a["id"]), penilai, json!({})).await;
        assert_eq!(status, StatusCode::OK, "{f}");
        let due = cal.working_day_from(due_day).to_string();
        assert_eq!(f["objection_deadline"].as_str(), Some(due.as_str()), "{f}");
        deadlines.push(due);
    }
    if !puskesmas.holidays.contains(&due_day) {
        assert_eq!(deadlines[0], due_day.to_string(), "the puskesmas's Saturday");
        assert_ne!(deadlines[0], deadlines[1], "the office is closed on Saturdays");
    }
}
