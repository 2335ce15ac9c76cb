//! SKP planning: Perjanjian Kinerja, the cascade rule, the flow, revisions, bulk cascade, the
//! Peta Kinerja and monitoring, and who may see and do what.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use chrono::Datelike;
use common::{demo, TestApp};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

fn this_year() -> i32 {
    chrono::Utc::now().year()
}

/// A year without any seeded plan.
fn next_year() -> i32 {
    this_year() + 1
}

fn rhk(text: &str, parent: Option<i64>, goal: Option<i64>) -> Value {
    json!({
        "text": text, "kind": "utama", "parent_rhk_id": parent, "pk_goal_id": goal,
        "indicators": [{ "aspect": "kuantitas", "text": "Jumlah laporan", "target": 12, "unit": "laporan" }]
    })
}

async fn create_skp(app: &TestApp, token: &str, year: i32) -> Value {
    let (status, skp) = app.post("/api/v1/skps", token, json!({ "year": year, "approach": "kuantitatif" })).await;
    assert_eq!(status, StatusCode::CREATED, "{skp}");
    skp
}

async fn add_rhk(app: &TestApp, token: &str, skp: &Value, body: Value) -> (StatusCode, Value) {
    app.post(&format!("/api/v1/skps/{}/rhk", skp["id"]), token, body).await
}

/// The chain kadinkes → kabid.yankes → kasi.rujukan for next year, each with one RHK.
/// Returns (kasi's token, kasi's SKP, kasi's RHK id, kabid's RHK id, the PK goal id).
async fn chain(app: &TestApp) -> (String, Value, i64, i64, i64) {
    let year = next_year();
    let head = app.token("kadinkes").await;
    let dinkes = app.unit_id("DINKES").await;
    let (status, goal) = app
        .post(
            &format!("/api/v1/units/{dinkes}/pk"),
            &head,
            json!({ "year": year, "text": "Meningkatnya mutu layanan rujukan", "indicators": [{ "text": "Rujukan tepat waktu", "target": 90, "unit": "%" }] }),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{goal}");
    let goal_id = goal["id"].as_i64().unwrap();
    let head_skp = create_skp(app, &head, year).await;
    let (status, head_rhk) =
        add_rhk(app, &head, &head_skp, rhk("Mutu layanan rujukan meningkat", None, Some(goal_id))).await;
    assert_eq!(status, StatusCode::CREATED, "{head_rhk}");
    let kabid = app.token("kabid.yankes").await;
    let kabid_skp = create_skp(app, &kabid, year).await;
    let (_, kabid_rhk) =
        add_rhk(app, &kabid, &kabid_skp, rhk("Program rujukan terlaksana", head_rhk["id"].as_i64(), None)).await;
    let kasi = app.token("kasi.rujukan").await;
    let kasi_skp = create_skp(app, &kasi, year).await;
    let (status, kasi_rhk) =
        add_rhk(app, &kasi, &kasi_skp, rhk("Kegiatan rujukan terlaksana", kabid_rhk["id"].as_i64(), None)).await;
    assert_eq!(status, StatusCode::CREATED, "{kasi_rhk}");
    (kasi, kasi_skp, kasi_rhk["id"].as_i64().unwrap(), kabid_rhk["id"].as_i64().unwrap(), goal_id)
}

async fn every_transition_and_every_wrong_one(app: TestApp) {
    let (kasi, _, kasi_rhk, _, _) = chain(&app).await;
    let dedi = app.token("dedi").await;
    let skp = create_skp(&app, &dedi, next_year()).await;
    assert_eq!(skp["status"], "draft");
    assert_eq!(skp["penilai_id"], app.employee_id(demo::KASI_RUJUKAN).await);
    assert_eq!(skp["atasan_penilai_id"], app.employee_id(demo::KABID_YANKES).await);
    assert_eq!(skp["behaviors"].as_array().unwrap().len(), 7);
    let id = skp["id"].as_i64().unwrap();
    let path = |a: &str| format!("/api/v1/skps/{id}/{a}");
    // Nothing to submit yet.
    assert_eq!(app.post(&path("submit"), &dedi, json!({})).await.0, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        add_rhk(&app, &dedi, &skp, rhk("Data rujukan tersusun", Some(kasi_rhk), None)).await.0,
        StatusCode::CREATED
    );
    // Approving a draft is a wrong transition.
    assert_eq!(app.post(&path("approve"), &kasi, json!({})).await.0, StatusCode::CONFLICT);
    let (status, submitted) = app.post(&path("submit"), &dedi, json!({})).await;
    assert_eq!((status, submitted["status"].as_str()), (StatusCode::OK, Some("submitted")));
    assert_eq!(app.post(&path("submit"), &dedi, json!({})).await.0, StatusCode::CONFLICT);
    // Locked while submitted.
    assert_eq!(add_rhk(&app, &dedi, &skp, rhk("x", Some(kasi_rhk), None)).await.0, StatusCode::CONFLICT);
    // Only the direct supervisor decides: not the owner, not the supervisor's supervisor, not the head.
    assert_eq!(app.post(&path("approve"), &dedi, json!({})).await.0, StatusCode::FORBIDDEN);
    assert_eq!(app.post(&path("approve"), &app.token("kabid.yankes").await, json!({})).await.0, StatusCode::FORBIDDEN);
    assert_eq!(app.post(&path("approve"), &app.token("kadinkes").await, json!({})).await.0, StatusCode::FORBIDDEN);
    assert_eq!(app.post(&path("approve"), &app.token("admin").await, json!({})).await.0, StatusCode::FORBIDDEN);
    // The penilai was told.
    let (_, inbox) = app.get("/api/v1/notifications", &kasi).await;
    assert_eq!(inbox["items"][0]["kind"], "skp.submitted");
    // Return needs a reason.
    assert_eq!(app.post(&path("return"), &kasi, json!({ "reason": "" })).await.0, StatusCode::UNPROCESSABLE_ENTITY);
    let (status, returned) =
        app.post(&path("return"), &kasi, json!({ "reason": "Target kuantitas terlalu rendah" })).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(returned["status"], "returned");
    assert_eq!(returned["return_reason"], "Target kuantitas terlalu rendah");
    let (_, inbox) = app.get("/api/v1/notifications?unread=true", &dedi).await;
    assert_eq!(inbox["items"][0]["kind"], "skp.returned");
    // The notice is a code with parameters (the SPA words it in the reader's language); the
    // Indonesian title and body are rendered from it for API clients.
    let notice: kinerja_types::Notice = serde_json::from_value(inbox["items"][0]["notice"].clone()).unwrap();
    assert_eq!(notice.code, kinerja_types::NoticeCode::SkpReturned);
    assert_eq!(notice.params["reason"], "Target kuantitas terlalu rendah");
    assert_eq!(inbox["items"][0]["body"], "Catatan pejabat penilai: Target kuantitas terlalu rendah");
    assert_eq!(notice.render(true).1, "Appraising official's note: Target kuantitas terlalu rendah");
    assert_eq!(notice.render(false).0, inbox["items"][0]["title"].as_str().unwrap());
    let note = inbox["items"][0]["id"].as_i64().unwrap();
    assert_eq!(
        app.post(&format!("/api/v1/notifications/{note}/read"), &dedi, json!({})).await.0,
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        app.post(&format!("/api/v1/notifications/{note}/read"), &kasi, json!({})).await.0,
        StatusCode::NOT_FOUND
    );
    // Returned is editable again, then resubmitted and approved.
    assert_eq!(
        add_rhk(&app, &dedi, &skp, rhk("Laporan rujukan bulanan", Some(kasi_rhk), None)).await.0,
        StatusCode::CREATED
    );
    assert_eq!(app.post(&path("submit"), &dedi, json!({})).await.0, StatusCode::OK);
    let (status, approved) = app.post(&path("approve"), &kasi, json!({})).await;
    assert_eq!((status, approved["status"].as_str()), (StatusCode::OK, Some("approved")));
    assert!(approved["approved_at"].is_string());
    assert_eq!(approved["rhk"].as_array().unwrap().len(), 2);
    // Approved is locked.
    assert_eq!(app.post(&path("approve"), &kasi, json!({})).await.0, StatusCode::CONFLICT);
    assert_eq!(app.post(&path("return"), &kasi, json!({ "reason": "lagi" })).await.0, StatusCode::CONFLICT);
    assert_eq!(add_rhk(&app, &dedi, &skp, rhk("x", Some(kasi_rhk), None)).await.0, StatusCode::CONFLICT);
    let (_, inbox) = app.get("/api/v1/notifications?unread=true", &dedi).await;
    assert_eq!(inbox["items"][0]["kind"], "skp.approved");
    // Every step is in the audit log.
    let admin = app.token("admin").await;
    let (_, log) = app.get(&format!("/api/v1/audit?entity=skp&entity_id={id}&per_page=50"), &admin).await;
    let actions: Vec<&str> = log["items"].as_array().unwrap().iter().map(|e| e["action"].as_str().unwrap()).collect();
    for a in ["skp.create", "skp.submit", "skp.return", "skp.approve"] {
        assert!(actions.contains(&a), "{a} in {actions:?}");
    }
    // One SKP per year and position.
    assert_eq!(app.post("/api/v1/skps", &dedi, json!({ "year": next_year() })).await.0, StatusCode::CONFLICT);
}

async fn the_cascade_rule_says_what_to_pick(app: TestApp) {
    let (_, _, kasi_rhk, kabid_rhk, goal) = chain(&app).await;
    let dedi = app.token("dedi").await;
    let skp = create_skp(&app, &dedi, next_year()).await;
    // A parent that is not the direct supervisor's.
    let (status, body) = add_rhk(&app, &dedi, &skp, rhk("x", Some(kabid_rhk), None)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["errors"][0]["field"], "parent_rhk_id");
    assert!(body["errors"][0]["message"].as_str().unwrap().contains("atasan langsung"), "{body}");
    // A parent from another year (the supervisor's seeded SKP of this year).
    let (_, this_years) = app.get(&format!("/api/v1/me/parent-rhk?year={}", this_year()), &dedi).await;
    let old_parent = this_years["items"][0]["id"].as_i64().unwrap();
    let (status, body) = add_rhk(&app, &dedi, &skp, rhk("x", Some(old_parent), None)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body["errors"][0]["message"].as_str().unwrap().contains(&next_year().to_string()), "{body}");
    // No parent at all, or a goal instead of a parent.
    let (_, body) = add_rhk(&app, &dedi, &skp, rhk("x", None, None)).await;
    assert!(body["errors"][0]["message"].as_str().unwrap().contains("parent_rhk_id"), "{body}");
    assert_eq!(add_rhk(&app, &dedi, &skp, rhk("x", None, Some(goal))).await.0, StatusCode::UNPROCESSABLE_ENTITY);
    // The choices offered are exactly the supervisor's RHK of that year.
    let (_, options) = app.get(&format!("/api/v1/me/parent-rhk?year={}", next_year()), &dedi).await;
    assert_eq!(options["items"][0]["id"], kasi_rhk);
    // A JPT must name a PK goal of its own unit.
    let head = app.token("kadisdukcapil").await;
    let head_skp = create_skp(&app, &head, next_year()).await;
    let (status, body) = add_rhk(&app, &head, &head_skp, rhk("x", None, None)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["errors"][0]["field"], "pk_goal_id");
    let (status, _) = add_rhk(&app, &head, &head_skp, rhk("x", None, Some(goal))).await; // Dinkes' goal
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    // Kuantitatif needs an indicator.
    let mut bare = rhk("x", Some(kasi_rhk), None);
    bare["indicators"] = json!([]);
    let (_, body) = add_rhk(&app, &dedi, &skp, bare).await;
    assert_eq!(body["errors"][0]["field"], "indicators");
}

async fn who_may_read_and_act(app: TestApp) {
    let dedi_token = app.token("dedi").await;
    let (_, mine) = app.get(&format!("/api/v1/skps?year={}", this_year()), &dedi_token).await;
    assert_eq!(mine["total"], 1, "a pegawai lists only their own");
    let dedi_skp = mine["items"][0]["id"].as_i64().unwrap();
    let path = format!("/api/v1/skps/{dedi_skp}");
    // A colleague, another dinas: 404. The head and the supervisor chain read it.
    assert_eq!(app.get(&path, &app.token("sri").await).await.0, StatusCode::NOT_FOUND);
    assert_eq!(app.get(&path, &app.token("ahmad").await).await.0, StatusCode::NOT_FOUND);
    assert_eq!(app.get(&path, &app.token("kadisdukcapil").await).await.0, StatusCode::NOT_FOUND);
    assert_eq!(app.get(&path, &app.token("kadinkes").await).await.0, StatusCode::OK);
    assert_eq!(app.get(&path, &app.token("kabid.yankes").await).await.0, StatusCode::OK);
    assert_eq!(app.get(&path, &app.token("auditor").await).await.0, StatusCode::OK);
    // A subordinate cannot read the supervisor's SKP.
    let kasi = app.employee_id(demo::KASI_RUJUKAN).await;
    let (_, hers) = app.get(&format!("/api/v1/skps?employee_id={kasi}"), &app.token("kasi.rujukan").await).await;
    let kasi_skp = hers["items"][0]["id"].as_i64().unwrap();
    assert_eq!(app.get(&format!("/api/v1/skps/{kasi_skp}"), &dedi_token).await.0, StatusCode::NOT_FOUND);
    // Nobody else revises someone's SKP; outside the tree it does not even exist.
    assert_eq!(
        app.post(&format!("{path}/revise"), &app.token("kadinkes").await, json!({})).await.0,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        app.post(&format!("{path}/revise"), &app.token("ahmad").await, json!({})).await.0,
        StatusCode::NOT_FOUND
    );
    // Creating someone else's SKP is an admin's job.
    let sri = app.employee_id(demo::SRI).await;
    let (status, _) = app
        .post("/api/v1/skps", &app.token("kasi.rujukan").await, json!({ "employee_id": sri, "year": next_year() }))
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    // PK goals: the head of the unit or an admin.
    let dinkes = app.unit_id("DINKES").await;
    let goal = json!({ "year": next_year(), "text": "Sasaran", "indicators": [] });
    assert_eq!(
        app.post(&format!("/api/v1/units/{dinkes}/pk"), &app.token("kabid.yankes").await, goal.clone()).await.0,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        app.post(&format!("/api/v1/units/{dinkes}/pk"), &app.token("ahmad").await, goal.clone()).await.0,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.post(&format!("/api/v1/units/{dinkes}/pk"), &app.token("admin").await, goal).await.0,
        StatusCode::CREATED
    );
}

async fn a_change_after_approval_is_a_new_revision(app: TestApp) {
    let dedi = app.token("dedi").await;
    let (_, mine) = app.get(&format!("/api/v1/skps?year={}", this_year()), &dedi).await;
    let first = mine["items"][0]["id"].as_i64().unwrap();
    let (status, second) = app.post(&format!("/api/v1/skps/{first}/revise"), &dedi, json!({})).await;
    assert_eq!(status, StatusCode::CREATED, "{second}");
    assert_eq!(second["revision"], 2);
    assert_eq!(second["status"], "draft");
    assert_eq!(second["previous_id"], first);
    assert_eq!(second["rhk"].as_array().unwrap().len(), 2, "RHK copied");
    assert_eq!(app.post(&format!("/api/v1/skps/{first}/revise"), &dedi, json!({})).await.0, StatusCode::CONFLICT);
    // The approved one stays in force and readable while the revision is worked on.
    let (_, old) = app.get(&format!("/api/v1/skps/{first}"), &dedi).await;
    assert_eq!((old["status"].as_str(), old["superseded"].as_bool()), (Some("approved"), Some(false)));
    let head = app.token("kadinkes").await;
    let dinkes = app.unit_id("DINKES").await;
    let (_, monitoring) = app.get(&format!("/api/v1/units/{dinkes}/skp-monitoring"), &head).await;
    assert_eq!(monitoring["approved"], 13, "{monitoring}");
    let id = second["id"].as_i64().unwrap();
    let parent = second["rhk"][0]["parent_rhk_id"].as_i64();
    let (status, _) = app.post(&format!("/api/v1/skps/{id}/rhk"), &dedi, rhk("Laporan tambahan", parent, None)).await;
    assert_eq!(status, StatusCode::CREATED);
    assert_eq!(app.post(&format!("/api/v1/skps/{id}/submit"), &dedi, json!({})).await.0, StatusCode::OK);
    assert_eq!(
        app.post(&format!("/api/v1/skps/{id}/approve"), &app.token("kasi.rujukan").await, json!({})).await.0,
        StatusCode::OK
    );
    let (_, old) = app.get(&format!("/api/v1/skps/{first}"), &dedi).await;
    assert_eq!(old["superseded"], true);
    assert_eq!(old["rhk"].as_array().unwrap().len(), 2, "the old revision is unchanged");
    let (_, history) = app.get(&format!("/api/v1/skps/{id}/revisions"), &dedi).await;
    let revs: Vec<i64> = history["items"].as_array().unwrap().iter().map(|s| s["revision"].as_i64().unwrap()).collect();
    assert_eq!(revs, vec![1, 2]);
    let (_, current) = app.get(&format!("/api/v1/skps?year={}", this_year()), &dedi).await;
    assert_eq!(current["total"], 1);
    assert_eq!(current["items"][0]["id"], id);
    // The tree follows the revision: still complete.
    let (_, tree) = app.get(&format!("/api/v1/units/{dinkes}/cascade"), &head).await;
    assert_eq!(tree["orphan_rhk"], json!([]), "{tree}");
}

async fn bulk_cascade_hands_an_rhk_down(app: TestApp) {
    let (kasi, _, kasi_rhk, _, _) = chain(&app).await;
    let dedi_id = app.employee_id(demo::DEDI).await;
    let sri_id = app.employee_id(demo::SRI).await;
    let ahmad_id = app.employee_id(demo::AHMAD).await;
    let url = format!("/api/v1/rhk/{kasi_rhk}/cascade");
    // Someone who is not a direct subordinate spoils the whole request.
    let (status, body) = app.post(&url, &kasi, json!({ "employee_ids": [dedi_id, ahmad_id] })).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body["errors"][0]["message"].as_str().unwrap().contains(&ahmad_id.to_string()));
    // Sri already submitted her plan: she is skipped; Dedi gets a new draft SKP with the RHK.
    let sri = app.token("sri").await;
    let sri_skp = create_skp(&app, &sri, next_year()).await;
    add_rhk(&app, &sri, &sri_skp, rhk("Analisis rujukan", Some(kasi_rhk), None)).await;
    app.post(&format!("/api/v1/skps/{}/submit", sri_skp["id"]), &sri, json!({})).await;
    let (status, result) = app.post(&url, &kasi, json!({ "employee_ids": [dedi_id, sri_id] })).await;
    assert_eq!(status, StatusCode::OK, "{result}");
    assert_eq!(result["created"].as_array().unwrap().len(), 1);
    assert_eq!(result["created"][0]["parent_rhk_id"], kasi_rhk);
    assert_eq!(result["skipped"][0]["employee_id"], sri_id);
    let dedi = app.token("dedi").await;
    let (_, plans) = app.get(&format!("/api/v1/skps?year={}", next_year()), &dedi).await;
    let skp_id = plans["items"][0]["id"].as_i64().unwrap();
    let (_, skp) = app.get(&format!("/api/v1/skps/{skp_id}"), &dedi).await;
    assert_eq!(skp["status"], "draft");
    assert_eq!(skp["rhk"][0]["text"], "Kegiatan rujukan terlaksana");
    assert_eq!(skp["rhk"][0]["indicators"][0]["aspect"], "kuantitas");
    let (_, inbox) = app.get("/api/v1/notifications", &dedi).await;
    assert_eq!(inbox["items"][0]["kind"], "rhk.cascaded");
    // Only the owner of the RHK hands it down.
    assert_eq!(
        app.post(&url, &app.token("kabid.yankes").await, json!({ "employee_ids": [dedi_id] })).await.0,
        StatusCode::FORBIDDEN
    );
}

async fn the_tree_flags_uncarried_goals_and_orphans(app: TestApp) {
    let head = app.token("kadinkes").await;
    let dinkes = app.unit_id("DINKES").await;
    let (_, tree) = app.get(&format!("/api/v1/units/{dinkes}/cascade"), &head).await;
    assert_eq!(tree["goals"].as_array().unwrap().len(), 2);
    assert_eq!(tree["uncarried_goals"], json!([]), "the demo tree is complete");
    assert_eq!(tree["orphan_rhk"], json!([]));
    let top = &tree["goals"][0]["rhk"][0];
    assert_eq!(top["employee_name"], "dr. Siti Rahmawati, M.Kes.");
    assert!(top["children"].as_array().unwrap().len() >= 4);
    // A new goal nobody carries is flagged.
    let (status, goal) = app
        .post(
            &format!("/api/v1/units/{dinkes}/pk"),
            &head,
            json!({ "year": this_year(), "text": "Sasaran baru", "indicators": [] }),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED);
    let (_, tree) = app.get(&format!("/api/v1/units/{dinkes}/cascade"), &head).await;
    assert_eq!(tree["uncarried_goals"][0]["id"], goal["id"]);
    // A bidang's tree starts from RHK carried from above.
    let yankes = app.unit_id("DINKES-YANKES").await;
    let (_, sub) = app.get(&format!("/api/v1/units/{yankes}/cascade"), &head).await;
    assert!(!sub["roots"].as_array().unwrap().is_empty(), "{sub}");
    assert_eq!(sub["orphan_rhk"], json!([]));
    // An approved RHK whose parent is in a plan nobody approved yet is an orphan.
    let (kasi, kasi_skp, kasi_rhk, _, goal) = chain(&app).await;
    let kasi_id = kasi_skp["id"].as_i64().unwrap();
    assert_eq!(app.post(&format!("/api/v1/skps/{kasi_id}/submit"), &kasi, json!({})).await.0, StatusCode::OK);
    let kabid = app.token("kabid.yankes").await;
    assert_eq!(app.post(&format!("/api/v1/skps/{kasi_id}/approve"), &kabid, json!({})).await.0, StatusCode::OK);
    let (_, next) = app.get(&format!("/api/v1/units/{dinkes}/cascade?year={}", next_year()), &head).await;
    assert_eq!(next["orphan_rhk"][0]["rhk_id"], kasi_rhk, "{next}");
    assert_eq!(next["uncarried_goals"][0]["id"], goal);
    // Who may look: heads, admin, auditor; a supervisor who is no head gets 403; another dinas 404.
    assert_eq!(
        app.get(&format!("/api/v1/units/{dinkes}/cascade"), &app.token("kabid.yankes").await).await.0,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        app.get(&format!("/api/v1/units/{dinkes}/cascade"), &app.token("kadisdukcapil").await).await.0,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.get(&format!("/api/v1/units/{dinkes}/cascade"), &app.token("auditor").await).await.0,
        StatusCode::OK
    );
}

async fn monitoring_counts_against_the_deadline(app: TestApp) {
    let head = app.token("kadinkes").await;
    let dinkes = app.unit_id("DINKES").await;
    let year = next_year();
    let (_, m) = app.get(&format!("/api/v1/units/{dinkes}/skp-monitoring?year={year}"), &head).await;
    assert_eq!((m["headcount"].as_u64(), m["none"].as_u64()), (Some(13), Some(13)));
    // 31 January, or the next working day when the offices are closed on it.
    let office = kinerja_domain::calendar::Calendar::office(Default::default());
    let deadline = office.working_day_from(chrono::NaiveDate::from_ymd_opt(year, 1, 31).unwrap());
    assert_eq!(m["deadline"], deadline.to_string());
    assert_eq!(m["past_deadline"], false);
    let dedi = app.token("dedi").await;
    create_skp(&app, &dedi, year).await;
    let (_, m) = app.get(&format!("/api/v1/units/{dinkes}/skp-monitoring?year={year}"), &head).await;
    assert_eq!((m["none"].as_u64(), m["draft"].as_u64()), (Some(12), Some(1)));
    let row = m["employees"].as_array().unwrap().iter().find(|r| r["name"] == "Dedi Kurniawan").unwrap().clone();
    assert_eq!(row["status"], "draft");
    // The deadline comes from the settings.
    app.patch("/api/v1/settings", &app.token("admin").await, json!({ "skp_deadline": "02-15" })).await;
    let (_, m) = app.get(&format!("/api/v1/units/{dinkes}/skp-monitoring?year={year}"), &head).await;
    assert_eq!(m["deadline"], format!("{year}-02-15"));
    assert_eq!(app.get(&format!("/api/v1/units/{dinkes}/skp-monitoring"), &dedi).await.0, StatusCode::FORBIDDEN);
    let (status, _) = app.call(Method::GET, &format!("/api/v1/units/{dinkes}/skp-monitoring"), None, None).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
}

async fn an_admin_approves_when_there_is_no_penilai(app: TestApp) {
    // The Sekda leads the Pemda and has no supervisor in the system.
    let admin = app.token("admin").await;
    let sekda = app.employee_id("196804171993031006").await;
    let account = json!({ "username": "sekda", "password": "rahasia123", "employee_id": sekda });
    assert_eq!(app.post("/api/v1/users", &admin, account).await.0, StatusCode::CREATED);
    let res = app.login_raw("sekda", "rahasia123").await;
    let token = res.json::<Value>().await.unwrap()["access_token"].as_str().unwrap().to_owned();
    let skp = create_skp(&app, &token, next_year()).await;
    assert_eq!(skp["penilai_id"], Value::Null);
    let pemkot = app.unit_id("PEMKOT").await;
    let (_, goal) = app
        .post(
            &format!("/api/v1/units/{pemkot}/pk"),
            &admin,
            json!({ "year": next_year(), "text": "Tata kelola", "indicators": [] }),
        )
        .await;
    assert_eq!(
        add_rhk(&app, &token, &skp, rhk("Tata kelola membaik", None, goal["id"].as_i64())).await.0,
        StatusCode::CREATED
    );
    let id = skp["id"].as_i64().unwrap();
    assert_eq!(app.post(&format!("/api/v1/skps/{id}/submit"), &token, json!({})).await.0, StatusCode::OK);
    assert_eq!(
        app.post(&format!("/api/v1/skps/{id}/approve"), &app.token("auditor").await, json!({})).await.0,
        StatusCode::FORBIDDEN
    );
    let (status, approved) = app.post(&format!("/api/v1/skps/{id}/approve"), &admin, json!({})).await;
    assert_eq!((status, approved["status"].as_str()), (StatusCode::OK, Some("approved")));
    let (_, log) = app.get(&format!("/api/v1/audit?entity=skp&entity_id={id}"), &admin).await;
    assert_eq!(log["items"][0]["action"], "skp.approve_by_admin_for_missing_penilai", "recorded as such");
}

db_tests!(
    an_admin_approves_when_there_is_no_penilai,
    every_transition_and_every_wrong_one,
    the_cascade_rule_says_what_to_pick,
    who_may_read_and_act,
    a_change_after_approval_is_a_new_revision,
    bulk_cascade_hands_an_rhk_down,
    the_tree_flags_uncarried_goals_and_orphans,
    monitoring_counts_against_the_deadline,
);

async fn every_dinas_has_a_complete_peta_kinerja(app: TestApp) {
    let admin = app.token("admin").await;
    for code in ["PEMKOT", "DINKES", "DUKCAPIL", "BKPSDM", "INSPEKTORAT", "KEC-SUKASARI"] {
        let unit = app.unit_id(code).await;
        let (status, tree) = app.get(&format!("/api/v1/units/{unit}/cascade"), &admin).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(tree["uncarried_goals"], json!([]), "{code}: {tree}");
        assert_eq!(tree["orphan_rhk"], json!([]), "{code}: {tree}");
        let carried = tree["goals"].as_array().unwrap().iter().all(|g| !g["rhk"].as_array().unwrap().is_empty());
        assert!(carried, "{code}");
        assert!(
            !tree["goals"].as_array().unwrap().is_empty() || !tree["roots"].as_array().unwrap().is_empty(),
            "{code}"
        );
    }
}

async fn a_transfer_starts_a_new_skp_and_keeps_the_old(app: TestApp) {
    let admin = app.token("admin").await;
    let dedi_id = app.employee_id(demo::DEDI).await;
    let dedi = app.token("dedi").await;
    let (_, before) = app.get(&format!("/api/v1/skps?year={}", this_year()), &dedi).await;
    let old = before["items"][0]["id"].as_i64().unwrap();
    let p2p = app.unit_id("DINKES-P2P").await;
    let hendra = app.employee_id("198003102005011004").await;
    let moved = json!({ "unit_id": p2p, "supervisor_id": hendra, "position_title": "Pengelola Data Surveilans" });
    assert_eq!(app.patch(&format!("/api/v1/employees/{dedi_id}"), &admin, moved).await.0, StatusCode::OK);
    let (status, new) = app.post("/api/v1/skps", &dedi, json!({ "year": this_year() })).await;
    assert_eq!(status, StatusCode::CREATED, "{new}");
    assert_eq!(new["penilai_id"], hendra, "the new penilai comes from the org data");
    assert_eq!(new["position_title"], "Pengelola Data Surveilans");
    let (status, kept) = app.get(&format!("/api/v1/skps/{old}"), &dedi).await;
    assert_eq!((status, kept["status"].as_str()), (StatusCode::OK, Some("approved")));
    assert_eq!(kept["position_title"], "Pengelola Data Pelayanan Kesehatan");
}

db_tests!(every_dinas_has_a_complete_peta_kinerja, a_transfer_starts_a_new_skp_and_keeps_the_old);
