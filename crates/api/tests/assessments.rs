//! Ratings: the server computes the predikat; the flow and its wrong transitions; only the right
//! person acts; the objection deadline; the organisation predikat and calibration; the report.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{demo, TestApp};
use reqwest::StatusCode;
use sea_orm::ConnectionTrait;
use serde_json::{json, Value};

const PERIOD: &str = "2026-Q3";

fn rate(employee: i64, result: &str, behavior: &str) -> Value {
    json!({ "employee_id": employee, "period": PERIOD, "result_rating": result, "behavior_rating": behavior,
            "behavior_notes": { "akuntabel": "Laporan selalu tepat waktu" }, "note": "Kinerja triwulan III" })
}

async fn the_server_computes_the_predikat_and_runs_the_flow(app: TestApp) {
    let dedi = app.employee_id(demo::DEDI).await;
    let kasi = app.token("kasi.rujukan").await;
    // Only the direct supervisor rates: not the employee, not the supervisor's supervisor.
    assert_eq!(
        app.post("/api/v1/assessments", &app.token("dedi").await, rate(dedi, "sesuai", "sesuai")).await.0,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        app.post("/api/v1/assessments", &app.token("kabid.yankes").await, rate(dedi, "sesuai", "sesuai")).await.0,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        app.post("/api/v1/assessments", &app.token("ahmad").await, rate(dedi, "sesuai", "sesuai")).await.0,
        StatusCode::NOT_FOUND
    );
    let mut bad = rate(dedi, "sesuai", "sesuai");
    bad["period"] = json!("2026-07");
    assert_eq!(
        app.post("/api/v1/assessments", &kasi, bad).await.0,
        StatusCode::UNPROCESSABLE_ENTITY,
        "quarterly Pemda"
    );
    let mut forged = rate(dedi, "di_bawah", "di_bawah");
    forged["predikat"] = json!("sangat_baik");
    let (status, a) = app.post("/api/v1/assessments", &kasi, forged).await;
    assert_eq!(status, StatusCode::CREATED, "{a}");
    assert_eq!(a["predikat"], "sangat_kurang", "the penilai cannot set the predikat");
    assert_eq!(app.post("/api/v1/assessments", &kasi, rate(dedi, "sesuai", "sesuai")).await.0, StatusCode::CONFLICT);
    let id = a["id"].as_i64().unwrap();
    let path = |s: &str| format!("/api/v1/assessments/{id}/{s}");
    let (status, a) = app
        .call(
            reqwest::Method::PUT,
            &format!("/api/v1/assessments/{id}"),
            Some(&kasi),
            Some(rate(dedi, "di_atas", "sesuai")),
        )
        .await;
    assert_eq!((status, a["predikat"].as_str()), (StatusCode::OK, Some("baik")));
    let dedi_t = app.token("dedi").await;
    assert_eq!(app.post(&path("acknowledge"), &dedi_t, json!({})).await.0, StatusCode::CONFLICT, "not finalized yet");
    assert_eq!(app.post(&path("finalize"), &dedi_t, json!({})).await.0, StatusCode::FORBIDDEN);
    let (status, f) = app.post(&path("finalize"), &kasi, json!({})).await;
    assert_eq!((status, f["status"].as_str()), (StatusCode::OK, Some("finalized")));
    assert!(f["objection_deadline"].is_string());
    assert_eq!(
        app.call(
            reqwest::Method::PUT,
            &format!("/api/v1/assessments/{id}"),
            Some(&kasi),
            Some(rate(dedi, "di_atas", "di_atas"))
        )
        .await
        .0,
        StatusCode::CONFLICT
    );
    let (_, inbox) = app.get("/api/v1/notifications", &dedi_t).await;
    assert_eq!(inbox["items"][0]["kind"], "assessment.finalized");
    // The employee objects; only the atasan penilai decides.
    assert_eq!(
        app.post(&path("object"), &dedi_t, json!({ "reason": "pendek" })).await.0,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    let (status, o) =
        app.post(&path("object"), &dedi_t, json!({ "reason": "Target kuantitas sudah tercapai 110 persen" })).await;
    assert_eq!((status, o["status"].as_str()), (StatusCode::OK, Some("objected")));
    assert_eq!(
        app.post(&path("decide"), &kasi, json!({ "outcome": "upheld", "reason": "tetap" })).await.0,
        StatusCode::FORBIDDEN
    );
    let kabid = app.token("kabid.yankes").await;
    let (_, queue) = app.get("/api/v1/assessments?to_decide=true", &kabid).await;
    assert_eq!(queue["items"][0]["id"], id);
    // The decision waits for the penilai's written response.
    let (status, early) = app.post(&path("decide"), &kabid, json!({ "outcome": "upheld", "reason": "tetap" })).await;
    assert_eq!(status, StatusCode::CONFLICT, "{early}");
    let answer = json!({ "response": "Capaian kuantitas benar, tetapi kualitas laporan belum memenuhi standar." });
    assert_eq!(app.post(&path("respond"), &dedi_t, answer.clone()).await.0, StatusCode::FORBIDDEN);
    let (status, r) = app.post(&path("respond"), &kasi, answer.clone()).await;
    assert_eq!((status, r["status"].as_str()), (StatusCode::OK, Some("objected")), "{r}");
    assert_eq!(app.post(&path("respond"), &kasi, answer).await.0, StatusCode::CONFLICT, "once");
    let (status, d) = app
        .post(&path("decide"), &kabid, json!({ "outcome": "changed", "result_rating": "di_atas", "behavior_rating": "di_atas", "reason": "Bukti capaian mendukung" }))
        .await;
    assert_eq!(
        (status, d["status"].as_str(), d["predikat"].as_str(), d["decider"].as_str()),
        (StatusCode::OK, Some("decided"), Some("sangat_baik"), Some("atasan"))
    );
    // Decided is final.
    assert_eq!(
        app.post(&path("decide"), &kabid, json!({ "outcome": "upheld", "reason": "lagi" })).await.0,
        StatusCode::CONFLICT
    );
    assert_eq!(app.post(&path("acknowledge"), &dedi_t, json!({})).await.0, StatusCode::CONFLICT);
    let admin = app.token("admin").await;
    let (_, log) = app.get(&format!("/api/v1/audit?entity=assessment&entity_id={id}"), &admin).await;
    let actions: Vec<&str> = log["items"].as_array().unwrap().iter().map(|e| e["action"].as_str().unwrap()).collect();
    for a in [
        "assessment.create",
        "assessment.update",
        "assessment.finalized",
        "assessment.objected",
        "assessment.responded",
        "assessment.decided",
    ] {
        assert!(actions.contains(&a), "{a} in {actions:?}");
    }
    // A colleague sees nothing.
    assert_eq!(app.get(&format!("/api/v1/assessments/{id}"), &app.token("sri").await).await.0, StatusCode::NOT_FOUND);
}

async fn an_objection_after_the_deadline_is_refused(app: TestApp) {
    let sri = app.employee_id(demo::SRI).await;
    let kasi = app.token("kasi.rujukan").await;
    let (_, a) = app.post("/api/v1/assessments", &kasi, rate(sri, "sesuai", "sesuai")).await;
    let id = a["id"].as_i64().unwrap();
    app.post(&format!("/api/v1/assessments/{id}/finalize"), &kasi, json!({})).await;
    let long_ago =
        if app.backend == common::Backend::Postgres { "'2026-01-02T00:00:00Z'" } else { "'2026-01-02T00:00:00+00:00'" };
    app.db
        .execute_unprepared(&format!("UPDATE assessments SET finalized_at = {long_ago} WHERE id = {id}"))
        .await
        .unwrap();
    let (status, body) = app
        .post(
            &format!("/api/v1/assessments/{id}/object"),
            &app.token("sri").await,
            json!({ "reason": "Saya keberatan dengan rating perilaku" }),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert!(body["detail"].as_str().unwrap().contains("14 hari"));
    assert_eq!(
        app.post(&format!("/api/v1/assessments/{id}/acknowledge"), &app.token("sri").await, json!({})).await.0,
        StatusCode::OK
    );
}

async fn calibration_and_the_report(app: TestApp) {
    let kasi = app.token("kasi.rujukan").await;
    for (nip, r, b) in [(demo::DEDI, "di_atas", "di_atas"), (demo::SRI, "sesuai", "sesuai")] {
        let e = app.employee_id(nip).await;
        assert_eq!(app.post("/api/v1/assessments", &kasi, rate(e, r, b)).await.0, StatusCode::CREATED);
    }
    let ruj = app.unit_id("DINKES-RUJ").await;
    let head = app.token("kadinkes").await;
    // The organisation predikat: the head of the parent unit or an admin.
    assert_eq!(
        app.call(
            reqwest::Method::PUT,
            &format!("/api/v1/units/{ruj}/org-predikat"),
            Some(&kasi),
            Some(json!({ "period": PERIOD, "predikat": "baik" }))
        )
        .await
        .0,
        StatusCode::FORBIDDEN
    );
    let (status, _) = app
        .call(
            reqwest::Method::PUT,
            &format!("/api/v1/units/{ruj}/org-predikat"),
            Some(&head),
            Some(json!({ "period": PERIOD, "predikat": "baik" })),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    // Drafts do not count; finalized ratings do.
    let (_, d) = app.get(&format!("/api/v1/units/{ruj}/distribution?period={PERIOD}"), &head).await;
    assert_eq!(d["total"], 0, "drafts are not counted: {d}");
    let (_, drafts) = app.get(&format!("/api/v1/assessments?period={PERIOD}&status=draft"), &kasi).await;
    for a in drafts["items"].as_array().unwrap() {
        let path = format!("/api/v1/assessments/{}/finalize", a["id"]);
        assert_eq!(app.post(&path, &kasi, json!({})).await.0, StatusCode::OK);
    }
    let (status, d) = app.get(&format!("/api/v1/units/{ruj}/distribution?period={PERIOD}"), &head).await;
    assert_eq!(status, StatusCode::OK, "{d}");
    assert_eq!(d["counts"]["sangat_baik"], 1);
    assert_eq!(d["counts"]["baik"], 1);
    assert_eq!(d["shares"]["baik"], 0.5);
    assert_eq!(d["org_predikat"], "baik");
    // SE 3/2023 under Baik: most staff Baik (here half: not most), and someone below it.
    assert_eq!(
        d["deviations"],
        json!([
            "Baik 50 %, belum sebagian besar (lebih dari 50 %)",
            "belum ada pegawai dengan predikat Butuh Perbaikan atau Kurang/Misconduct"
        ])
    );
    assert_eq!(d["grid"], json!([[0, 0, 1], [0, 1, 0], [0, 0, 0]]));
    assert_eq!(d["total"], 2);
    let texts: Vec<&str> = d["expected"].as_array().unwrap().iter().map(|r| r["text"].as_str().unwrap()).collect();
    assert_eq!(
        texts,
        [
            "Baik sebagian besar (lebih dari 50 %)",
            "Baik paling banyak 70 %",
            "Butuh Perbaikan atau Kurang/Misconduct paling sedikit 1 orang"
        ]
    );
    assert_eq!(d["expected"][1]["percent"], 70);
    // The Pemda's own pattern for Baik replaces the circular's; a broken one is refused.
    let admin = app.token("admin").await;
    let own = json!({ "distribution_patterns": [{ "org_predikat": "baik", "rules": [
        { "predikat": ["baik", "sangat_baik"], "bound": { "kind": "at_least", "percent": 100 } } ] }] });
    let (status, saved) = app.patch("/api/v1/settings", &admin, own).await;
    assert_eq!(status, StatusCode::OK, "{saved}");
    let (_, d) = app.get(&format!("/api/v1/units/{ruj}/distribution?period={PERIOD}"), &head).await;
    assert_eq!((d["deviations"].clone(), d["expected"].as_array().unwrap().len()), (json!([]), 1), "{d}");
    let broken = json!({ "distribution_patterns": [{ "org_predikat": "baik", "rules": [
        { "predikat": ["baik"], "bound": { "kind": "at_most", "percent": 120 } } ] }] });
    let (status, refused) = app.patch("/api/v1/settings", &admin, broken).await;
    assert_eq!(
        (status, refused["errors"][0]["code"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("pattern_percent"))
    );
    // SE 3/2023 counts the staff placed in the unit at the end of the period: Sri, moved away
    // today (after the quarter), still counts here and not where she went.
    let sri = app.employee_id(demo::SRI).await;
    let elsewhere = app.unit_id("DUKCAPIL").await;
    let (status, moved) = app.patch(&format!("/api/v1/employees/{sri}"), &admin, json!({ "unit_id": elsewhere })).await;
    assert_eq!(status, StatusCode::OK, "{moved}");
    let (_, d) = app.get(&format!("/api/v1/units/{ruj}/distribution?period={PERIOD}"), &head).await;
    assert_eq!((d["total"].as_u64(), d["counts"]["baik"].as_u64()), (Some(2), Some(1)), "{d}");
    let (_, there) = app.get(&format!("/api/v1/units/{elsewhere}/distribution?period={PERIOD}"), &admin).await;
    assert_eq!(there["counts"]["baik"].as_u64(), Some(0), "not counted where she went: {there}");
    // The unit dashboard of the quarter agrees.
    let (_, board) = app.get(&format!("/api/v1/dashboard/units/{ruj}?period={PERIOD}"), &head).await;
    let counted: u64 = board["predikat"].as_object().map(|m| m.values().filter_map(Value::as_u64).sum()).unwrap_or(0);
    assert_eq!(counted, 2, "{}", board["predikat"]);
    app.patch(&format!("/api/v1/employees/{sri}"), &admin, json!({ "unit_id": ruj })).await;
    // Who may look: heads, admin, auditor.
    assert_eq!(
        app.get(&format!("/api/v1/units/{ruj}/distribution?period={PERIOD}"), &app.token("dedi").await).await.0,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        app.get(&format!("/api/v1/units/{ruj}/distribution?period={PERIOD}"), &app.token("kadisdukcapil").await)
            .await
            .0,
        StatusCode::NOT_FOUND
    );
    // The report in JSON and CSV agree.
    let (_, json_report) = app.get(&format!("/api/v1/reports/assessments?unit_id={ruj}&period={PERIOD}"), &head).await;
    assert_eq!(json_report["total"], 2);
    let res = app
        .client
        .get(app.url(&format!("/api/v1/reports/assessments?unit_id={ruj}&period={PERIOD}&format=csv")))
        .bearer_auth(&head)
        .send()
        .await
        .unwrap();
    let text = res.text().await.unwrap();
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    assert_eq!(rows.len(), 2);
    for (i, row) in rows.iter().enumerate() {
        let j = &json_report["items"][i];
        assert_eq!(&row[0], j["nip"].as_str().unwrap());
        assert_eq!(&row[7], j["predikat"].as_str().unwrap());
    }
    let (status, _) = app.get(&format!("/api/v1/reports/assessments?period={PERIOD}"), &head).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "a head names the unit");
    assert_eq!(
        app.get(&format!("/api/v1/reports/assessments?period={PERIOD}"), &app.token("auditor").await).await.0,
        StatusCode::OK
    );
}

/// Today in the Pemda's time zone (WIB by default) and its quarter, as the server sees them.
fn local_today() -> chrono::NaiveDate {
    (chrono::Utc::now() + chrono::Duration::hours(7)).date_naive()
}

fn this_quarter() -> String {
    use chrono::Datelike;
    let d = local_today();
    format!("{}-Q{}", d.year(), (d.month() - 1) / 3 + 1)
}

async fn the_evidence_view_gathers_the_period(app: TestApp) {
    let dedi_id = app.employee_id(demo::DEDI).await;
    let dedi = app.token("dedi").await;
    let kasi = app.token("kasi.rujukan").await;
    let year = local_today().format("%Y").to_string();
    let (_, plans) = app.get(&format!("/api/v1/skps?year={year}&status=approved&employee_id={dedi_id}"), &dedi).await;
    let skp = plans["items"].as_array().unwrap().iter().find(|s| s["employee_id"] == dedi_id).unwrap().clone();
    let (_, full) = app.get(&format!("/api/v1/skps/{}", skp["id"]), &dedi).await;
    let rhk = full["rhk"][0]["id"].as_i64().unwrap();
    // Two activities today, one approved; a feedback note; a complaint naming Dedi.
    let mut ids = Vec::new();
    for minutes in [30, 45] {
        let body = json!({ "date": local_today().to_string(), "minutes": minutes, "description": "Rekap data rujukan",
                           "rhk_id": rhk, "output_qty": 2, "submit": true });
        let (status, a) = app.post("/api/v1/activities", &dedi, body).await;
        assert_eq!(status, StatusCode::CREATED, "{a}");
        ids.push(a["id"].as_i64().unwrap());
    }
    assert_eq!(app.post(&format!("/api/v1/activities/{}/approve", ids[0]), &kasi, json!({})).await.0, StatusCode::OK);
    let (status, _) = app
        .post("/api/v1/feedback", &kasi, json!({ "employee_id": dedi_id, "text": "Rekap rujukan sudah rapi" }))
        .await;
    assert_eq!(status, StatusCode::CREATED);
    let pkm = app.unit_id("PKM-SUKAJADI").await;
    let complaint = json!({ "unit_id": pkm, "category": "pengaduan", "text": "Petugas rujukan tidak datang tepat waktu",
                            "employee_nip": demo::DEDI, "contact": "0812-0000-2222" });
    let (status, _) = app.call(reqwest::Method::POST, "/api/v1/public/complaints", None, Some(complaint)).await;
    assert_eq!(status, StatusCode::CREATED);

    let path = format!("/api/v1/employees/{dedi_id}/rating-evidence?period={}", this_quarter());
    let (status, ev) = app.get(&path, &kasi).await;
    assert_eq!(status, StatusCode::OK, "{ev}");
    assert_eq!(ev["skp_id"], skp["id"]);
    assert_eq!(ev["skp_status"], "approved");
    let t = &ev["activities"];
    assert_eq!((t["approved"].as_u64(), t["submitted"].as_u64()), (Some(1), Some(1)));
    assert_eq!((t["minutes_approved"].as_u64(), t["minutes_total"].as_u64()), (Some(30), Some(75)));
    assert_eq!(t["days"], 1);
    let row = ev["realization"]["rhk"].as_array().unwrap().iter().find(|r| r["rhk_id"] == rhk).unwrap().clone();
    assert_eq!(row["activities"], 1, "only approved work counts towards realisation");
    assert_eq!(ev["feedback"][0]["text"], "Rekap rujukan sudah rapi");
    assert_eq!(ev["complaints"].as_array().unwrap().len(), 1);
    assert!(ev["complaints"][0]["contact"].is_null(), "the complainant's contact stays with the complaint handlers");
    assert!(ev["assessment"].is_null());
    // The employee sees their own evidence without the complaints; outsiders get 404; a period
    // that does not follow the Pemda's frequency is 422.
    let (status, own) = app.get(&path, &dedi).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(own["complaints"], json!([]));
    assert_eq!(app.get(&path, &app.token("ahmad").await).await.0, StatusCode::NOT_FOUND);
    assert_eq!(
        app.get(&format!("/api/v1/employees/{dedi_id}/rating-evidence?period=2026-07"), &kasi).await.0,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    // Once rated, the assessment is part of the view.
    let mut body = rate(dedi_id, "sesuai", "sesuai");
    body["period"] = json!(this_quarter());
    assert_eq!(app.post("/api/v1/assessments", &kasi, body).await.0, StatusCode::CREATED);
    assert_eq!(app.get(&path, &kasi).await.1["assessment"]["predikat"], "baik");
}

/// The quarter before this one.
fn last_quarter() -> String {
    use chrono::Datelike;
    let d = local_today();
    let q = (d.month() - 1) / 3 + 1;
    if q == 1 {
        format!("{}-Q4", d.year() - 1)
    } else {
        format!("{}-Q{}", d.year(), q - 1)
    }
}

async fn the_demo_city_has_rated_the_last_period(app: TestApp) {
    let extras = kinerja_api::seed::demo::Extras { past_ratings: true, ..Default::default() };
    kinerja_api::seed::demo::run_with(&app.db, &extras).await.unwrap();
    kinerja_api::seed::demo::run_with(&app.db, &extras).await.unwrap();
    let period = last_quarter();
    let admin = app.token("admin").await;
    let (_, all) = app.get(&format!("/api/v1/assessments?period={period}&per_page=100"), &admin).await;
    let n = all["total"].as_u64().unwrap();
    assert!(n >= 20, "every employee with a penilai is rated once, even when seeded twice: {n}");
    // Dedi's objection waits for his atasan penilai; Ahmad's was decided.
    let (_, queue) = app.get("/api/v1/assessments?to_decide=true", &app.token("kabid.yankes").await).await;
    assert_eq!(queue["items"][0]["employee_name"], "Dedi Kurniawan");
    assert_eq!(queue["items"][0]["period"], period);
    let ahmad = app.employee_id(demo::AHMAD).await;
    let (_, mine) = app.get(&format!("/api/v1/assessments?employee_id={ahmad}"), &app.token("ahmad").await).await;
    assert_eq!(mine["items"][0]["status"], "decided");
    assert_eq!(mine["items"][0]["predikat"], "butuh_perbaikan");
    // Objections the BKPSDM decided for the PPK: the Kabid Yankes's (his penilai, the head of
    // dinas, has no atasan) and the head of Disdukcapil's (rated by the Sekda, who has none).
    for (nip, outcome) in [(demo::KABID_YANKES, "changed"), (demo::KADISDUKCAPIL, "upheld")] {
        let e = app.employee_id(nip).await;
        let (_, rated) = app.get(&format!("/api/v1/assessments?employee_id={e}&period={period}"), &admin).await;
        let a = &rated["items"][0];
        assert_eq!(
            (a["status"].as_str(), a["decider"].as_str(), a["decision_outcome"].as_str()),
            (Some("decided"), Some("ppk"), Some(outcome)),
            "{a}"
        );
        assert!(a["penilai_response"].is_string(), "{a}");
    }
    // The Dinas Kesehatan deviates from the pattern of its org predikat; Disdukcapil does not.
    let head = app.token("kadinkes").await;
    let dinkes = app.unit_id("DINKES").await;
    let (_, d) = app.get(&format!("/api/v1/units/{dinkes}/distribution?period={period}"), &head).await;
    assert_eq!(d["org_predikat"], "baik");
    assert!(!d["deviations"].as_array().unwrap().is_empty(), "{d}");
    let dukcapil = app.unit_id("DUKCAPIL").await;
    let (_, d) = app
        .get(&format!("/api/v1/units/{dukcapil}/distribution?period={period}"), &app.token("kadisdukcapil").await)
        .await;
    assert_eq!(d["deviations"], json!([]), "{d}");
}

/// PP 30/2019 Pasal 59: where the penilai has no atasan in the system (a kabid rated by the head
/// of dinas), the BKPSDM decides for the PPK, after the penilai's written response or once its
/// time has passed, within a deadline that the dashboard watches.
async fn an_objection_always_reaches_a_decider(app: TestApp) {
    // The penilai's time to respond must end before the time to decide.
    let late = json!({ "objection_response_days": 20 });
    let (status, refused) = app.patch("/api/v1/settings", &app.token("admin").await, late).await;
    assert_eq!(
        (status, refused["errors"][0]["code"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("objection_days_order"))
    );
    let bambang = app.employee_id(demo::KABID_YANKES).await;
    let head = app.token("kadinkes").await;
    let (status, a) = app.post("/api/v1/assessments", &head, rate(bambang, "sesuai", "sesuai")).await;
    assert_eq!(status, StatusCode::CREATED, "{a}");
    let id = a["id"].as_i64().unwrap();
    let path = |s: &str| format!("/api/v1/assessments/{id}/{s}");
    assert_eq!(a["decider"], "ppk", "the head of dinas has no atasan in the system");
    assert_eq!(app.post(&path("finalize"), &head, json!({})).await.0, StatusCode::OK);
    let kabid = app.token("kabid.yankes").await;
    let reason = json!({ "reason": "Capaian rujukan terintegrasi 112 persen dari target triwulan" });
    let (status, o) = app.post(&path("object"), &kabid, reason).await;
    assert_eq!(status, StatusCode::OK, "{o}");
    // The deadlines count from the Pemda's local date of the objection, not the UTC one.
    let offset = app.get("/api/v1/settings", &head).await.1["utc_offset_minutes"].as_i64().unwrap();
    let at = chrono::DateTime::parse_from_rfc3339(o["objected_at"].as_str().unwrap()).unwrap();
    let today = (at.naive_utc() + chrono::Duration::minutes(offset)).date();
    let in_days = |n: i64| json!((today + chrono::Duration::days(n)).to_string());
    // The defaults: 7 days for the penilai's response, 14 for the decision.
    assert_eq!((&o["response_deadline"], &o["decision_deadline"]), (&in_days(7), &in_days(14)));
    assert_eq!(o["decision_overdue"], false);

    let admin = app.token("admin").await;
    let decide = json!({ "outcome": "changed", "result_rating": "di_atas", "behavior_rating": "sesuai", "reason": "Capaian terverifikasi" });
    // Nobody else decides: not the penilai, not an auditor, not the objector.
    for who in ["kadinkes", "auditor", "kabid.yankes"] {
        let (status, _) = app.post(&path("decide"), &app.token(who).await, decide.clone()).await;
        assert!(matches!(status, StatusCode::FORBIDDEN | StatusCode::NOT_FOUND), "{who}: {status}");
    }
    // The BKPSDM finds it in its queue and is told; it waits for the penilai's response.
    let (_, queue) = app.get("/api/v1/assessments?to_decide=true", &admin).await;
    assert!(queue["items"].as_array().unwrap().iter().any(|q| q["id"] == id), "{queue}");
    let (_, kabid_queue) = app.get("/api/v1/assessments?to_decide=true", &kabid).await;
    assert!(!kabid_queue["items"].as_array().unwrap().iter().any(|q| q["id"] == id), "not his own");
    let (_, inbox) = app.get("/api/v1/notifications", &admin).await;
    assert_eq!(inbox["items"][0]["kind"], "assessment.objected", "{inbox}");
    let (_, head_inbox) = app.get("/api/v1/notifications", &head).await;
    assert!(head_inbox["items"][0]["title"].as_str().unwrap().starts_with("Tanggapi keberatan"), "{head_inbox}");
    assert_eq!(app.post(&path("decide"), &admin, decide.clone()).await.0, StatusCode::CONFLICT);
    let answer = json!({ "response": "Capaian di atas target, tetapi laporan triwulan terlambat dua minggu." });
    let (status, r) = app.post(&path("respond"), &head, answer).await;
    assert_eq!((status, r["penilai_response"].is_string()), (StatusCode::OK, true));
    let (status, d) = app.post(&path("decide"), &admin, decide.clone()).await;
    assert_eq!(
        (status, d["status"].as_str(), d["result_rating"].as_str(), d["predikat"].as_str()),
        (StatusCode::OK, Some("decided"), Some("di_atas"), Some("baik"))
    );
    let (_, log) = app.get(&format!("/api/v1/audit?entity=assessment&entity_id={id}"), &admin).await;
    let by: Vec<&str> = log["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["action"] == "assessment.decided")
        .map(|e| e["actor"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(by.len(), 1, "{log}");

    // A silent penilai does not stall an objection, and a late decision shows on the dashboard.
    let kasi = app.token("kasi.rujukan").await;
    let dedi = app.employee_id(demo::DEDI).await;
    let (_, a) = app.post("/api/v1/assessments", &kasi, rate(dedi, "sesuai", "sesuai")).await;
    let late = a["id"].as_i64().unwrap();
    let late_path = |s: &str| format!("/api/v1/assessments/{late}/{s}");
    assert_eq!(app.post(&late_path("finalize"), &kasi, json!({})).await.0, StatusCode::OK);
    let reason = json!({ "reason": "Target kuantitas sudah tercapai 110 persen" });
    assert_eq!(app.post(&late_path("object"), &app.token("dedi").await, reason).await.0, StatusCode::OK);
    let dinkes = app.unit_id("DINKES").await;
    let (_, board) = app.get(&format!("/api/v1/dashboard/units/{dinkes}"), &head).await;
    assert_eq!(
        (board["oversight"]["objections_waiting"].as_u64(), board["oversight"]["objections_overdue"].as_u64()),
        (Some(1), Some(0))
    );
    // Before its deadline only the atasan penilai decides: the BKPSDM neither sees nor decides it.
    let (_, objected) = app.get(&format!("/api/v1/assessments/{late}"), &kabid).await;
    assert_eq!((objected["status"].as_str(), objected["decider"].as_str()), (Some("objected"), Some("atasan")));
    let upheld = json!({ "outcome": "upheld", "reason": "Tetap sesuai" });
    assert_eq!(app.post(&late_path("decide"), &admin, upheld.clone()).await.0, StatusCode::FORBIDDEN);
    let in_queue = |q: &Value| q["items"].as_array().unwrap().iter().any(|q| q["id"] == late);
    assert!(!in_queue(&app.get("/api/v1/assessments?to_decide=true", &admin).await.1));
    // Twenty days ago, as far as the clock of the objection goes.
    {
        use kinerja_api::entities::assessments;
        use sea_orm::{ActiveModelTrait, EntityTrait, IntoActiveModel, Set};
        let row = assessments::Entity::find_by_id(late).one(&app.db).await.unwrap().unwrap();
        let at = row.objected_at.unwrap() - chrono::Duration::days(20);
        let mut row = row.into_active_model();
        row.objected_at = Set(Some(at));
        row.update(&app.db).await.unwrap();
    }
    let (_, a) = app.get(&format!("/api/v1/assessments/{late}"), &kabid).await;
    assert_eq!(a["decision_overdue"], true, "{a}");
    // Past the deadline an atasan who left or stays silent cannot stall it: the BKPSDM may decide.
    assert_eq!(a["decider"], "atasan_or_ppk");
    assert!(in_queue(&app.get("/api/v1/assessments?to_decide=true", &admin).await.1));
    assert!(in_queue(&app.get("/api/v1/assessments?to_decide=true", &kabid).await.1));
    for who in ["auditor", "kasi.rujukan", "dedi"] {
        let (status, _) = app.post(&late_path("decide"), &app.token(who).await, upheld.clone()).await;
        assert!(matches!(status, StatusCode::FORBIDDEN | StatusCode::NOT_FOUND), "{who}: {status}");
    }
    let (_, board) = app.get(&format!("/api/v1/dashboard/units/{dinkes}"), &head).await;
    assert_eq!(board["oversight"]["objections_overdue"], 1, "{}", board["oversight"]);
    assert_eq!(board["oversight"]["overdue_objections"][0]["assessment_id"], late);
    let (status, d) = app.post(&late_path("decide"), &admin, upheld).await;
    assert_eq!(
        (status, d["status"].as_str(), d["decider"].as_str()),
        (StatusCode::OK, Some("decided"), Some("ppk")),
        "no response needed after its deadline; the page names who decided"
    );
}

/// SE MenPANRB 3/2023: a unit head's Rating Hasil Kerja follows the unit's organisation predikat
/// (Istimewa → Di Atas); the rating form proposes it, and departing from it needs a reason.
async fn a_unit_head_result_follows_the_organisation(app: TestApp) {
    let ruj = app.unit_id("DINKES-RUJ").await;
    let head = app.token("kadinkes").await;
    let org = json!({ "period": PERIOD, "predikat": "istimewa" });
    let path = format!("/api/v1/units/{ruj}/org-predikat");
    assert_eq!(app.call(reqwest::Method::PUT, &path, Some(&head), Some(org)).await.0, StatusCode::OK);
    let kabid = app.token("kabid.yankes").await;
    let rina = app.employee_id(demo::KASI_RUJUKAN).await;
    let (_, evidence) = app.get(&format!("/api/v1/employees/{rina}/rating-evidence?period={PERIOD}"), &kabid).await;
    assert_eq!(
        (evidence["proposed_result"]["org_predikat"].as_str(), evidence["proposed_result"]["result_rating"].as_str()),
        (Some("istimewa"), Some("di_atas")),
        "{evidence}"
    );
    // Dedi heads nothing: no proposal for him.
    let dedi = app.employee_id(demo::DEDI).await;
    let (_, his) = app
        .get(&format!("/api/v1/employees/{dedi}/rating-evidence?period={PERIOD}"), &app.token("kasi.rujukan").await)
        .await;
    assert_eq!(his["proposed_result"], Value::Null);
    let (status, refused) = app.post("/api/v1/assessments", &kabid, rate(rina, "sesuai", "sesuai")).await;
    assert_eq!(
        (status, refused["errors"][0]["field"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("result_departure_reason")),
        "{refused}"
    );
    let mut departing = rate(rina, "sesuai", "sesuai");
    departing["result_departure_reason"] = json!("Capaian seksi ditopang tim lain; capaian pribadi sesuai target.");
    let (status, a) = app.post("/api/v1/assessments", &kabid, departing).await;
    assert_eq!((status, a["result_departure_reason"].is_string()), (StatusCode::CREATED, true), "{a}");
    // Following the proposal needs no reason, and keeps none.
    let put = format!("/api/v1/assessments/{}", a["id"]);
    let (status, a) = app.call(reqwest::Method::PUT, &put, Some(&kabid), Some(rate(rina, "di_atas", "sesuai"))).await;
    assert_eq!((status, &a["result_departure_reason"]), (StatusCode::OK, &Value::Null), "{a}");
}

db_tests!(
    a_unit_head_result_follows_the_organisation,
    an_objection_always_reaches_a_decider,
    the_demo_city_has_rated_the_last_period,
    the_evidence_view_gathers_the_period,
    the_server_computes_the_predikat_and_runs_the_flow,
    an_objection_after_the_deadline_is_refused,
    calibration_and_the_report
);
