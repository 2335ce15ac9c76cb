//! The data-quality index over the demo city: it lists the defects the demo seeds on purpose
//! (a birth date typed against the NIP, a sex recorded against it, a dissolved dinas still holding
//! a clerk without a supervisor, heads without the Sekda above them), each with its fix and link;
//! fixing a record takes its defect off and raises the score; the nightly run's scores show beside
//! today's; heads read their subtree only.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use chrono::{Datelike, Duration, Utc};
use common::TestApp;
use kinerja_api::entities::data_quality_scores;
use reqwest::StatusCode;
use sea_orm::sea_query::Expr;
use sea_orm::EntityTrait;
use serde_json::{json, Value};

db_tests!(the_demo_defects_are_listed_with_their_fix_and_go_when_fixed, heads_read_their_subtree_only);

const YUSUF: &str = "199205152018011002";
const WULAN: &str = "199401202020122004";
const TEGUH: &str = "199107032019031005";

async fn issues(app: &TestApp, token: &str, query: &str) -> Vec<Value> {
    let (status, page) = app.get(&format!("/api/v1/data-quality/issues?per_page=200&{query}"), token).await;
    assert_eq!(status, StatusCode::OK, "{page}");
    page["items"].as_array().unwrap().clone()
}

fn count(summary: &Value, check: &str) -> u64 {
    summary["checks"].as_array().unwrap().iter().find(|c| c["check"] == check).unwrap()["count"].as_u64().unwrap()
}

async fn the_demo_defects_are_listed_with_their_fix_and_go_when_fixed(app: TestApp) {
    let admin = app.token("admin").await;
    let (status, before) = app.get("/api/v1/data-quality", &admin).await;
    assert_eq!(status, StatusCode::OK, "{before}");
    assert!(before["score"].as_f64().unwrap() < 100.0, "{before}");
    assert_eq!(count(&before, "nip_birth_date"), 1, "{before}");
    assert_eq!(count(&before, "nip_sex"), 1);
    assert_eq!(count(&before, "inactive_unit_staff"), 1);
    // Teguh in the dissolved dinas, and the heads of Dinkes, BKPSDM and the Inspektorat.
    assert_eq!(count(&before, "no_supervisor"), 4);
    let past_deadline = (Utc::now() + Duration::hours(7)).date_naive().ordinal() > 31 + 3;
    if past_deadline {
        assert!(count(&before, "no_skp") >= 1, "Teguh has no SKP");
    }
    let lowest = &before["opds"][0];
    assert_eq!(lowest["code"], "DISPORA", "the dissolved dinas scores lowest: {}", before["opds"]);
    assert_eq!(lowest["score"], 0.0);

    let all = issues(&app, &admin, "").await;
    let yusuf = app.employee_id(YUSUF).await;
    let typo = all.iter().find(|i| i["check"] == "nip_birth_date").unwrap();
    assert_eq!((typo["record_id"].as_i64(), typo["record_kind"].as_str()), (Some(yusuf), Some("employee")));
    assert_eq!(typo["link"], format!("/pegawai/{yusuf}"));
    assert_eq!(typo["detail"], "tercatat 1992-05-25, NIP menyebut 1992-05-15");
    assert!(typo["fix"].as_str().unwrap().contains("tanggal lahir"), "{typo}");
    assert_eq!(typo["opd_name"], "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia");
    assert!(all.iter().take_while(|i| i["blocking"] == true).count() >= 6, "blocking ones first");
    let sex = issues(&app, &admin, "check=nip_sex").await;
    assert_eq!(sex.len(), 1);
    assert_eq!(sex[0]["record_id"], app.employee_id(WULAN).await);
    // The same list as CSV for scripts (machine headers; the XLSX download has Indonesian ones).
    let csv =
        app.client.get(app.url("/api/v1/data-quality/issues?format=csv")).bearer_auth(&admin).send().await.unwrap();
    assert_eq!(csv.status(), StatusCode::OK);
    let text = csv.text().await.unwrap();
    assert!(text.lines().next().unwrap().starts_with("check,title,blocking"), "{text}");
    assert!(text.contains("Tanggal lahir tidak sesuai NIP"), "{text}");

    // Fix them: the birth date as the SK has it, the clerk moved to an active unit with a supervisor.
    let (status, e) =
        app.patch(&format!("/api/v1/employees/{yusuf}"), &admin, json!({ "birth_date": "1992-05-15" })).await;
    assert_eq!(status, StatusCode::OK, "{e}");
    assert_eq!(e["birth_date"], "1992-05-15");
    let teguh = app.employee_id(TEGUH).await;
    let bkpsdm = app.unit_id("BKPSDM").await;
    let head = app.employee_id("197111301997032003").await;
    let (status, e) = app
        .patch(&format!("/api/v1/employees/{teguh}"), &admin, json!({ "unit_id": bkpsdm, "supervisor_id": head }))
        .await;
    assert_eq!(status, StatusCode::OK, "{e}");
    let (_, after) = app.get("/api/v1/data-quality", &admin).await;
    assert_eq!(count(&after, "nip_birth_date"), 0, "{after}");
    assert_eq!(count(&after, "inactive_unit_staff"), 0);
    assert_eq!(count(&after, "no_supervisor"), 3);
    assert!(after["score"].as_f64() > before["score"].as_f64(), "{} → {}", before["score"], after["score"]);

    // The nightly run keeps each OPD's score; shown the next day beside the new one.
    let settings = kinerja_api::pemda_settings::load(&app.db).await.unwrap();
    let kept = kinerja_api::services::data_quality::nightly(&app.db, &settings).await.unwrap();
    assert!(kept >= 8, "{kept}");
    data_quality_scores::Entity::update_many()
        .col_expr(data_quality_scores::Column::Day, Expr::value(settings.today() - Duration::days(1)))
        .exec(&app.db)
        .await
        .unwrap();
    let (_, next_day) = app.get("/api/v1/data-quality", &admin).await;
    assert_eq!(next_day["nightly_day"], (settings.today() - Duration::days(1)).to_string());
    let bk = next_day["opds"].as_array().unwrap().iter().find(|o| o["code"] == "BKPSDM").unwrap();
    assert_eq!(bk["previous_score"], bk["score"], "{bk}");
}

async fn heads_read_their_subtree_only(app: TestApp) {
    let head = app.token("kadisdukcapil").await;
    let dukcapil = app.unit_id("DUKCAPIL").await;
    let (status, mine) = app.get(&format!("/api/v1/data-quality?unit_id={dukcapil}"), &head).await;
    assert_eq!(status, StatusCode::OK, "{mine}");
    let codes: Vec<&str> = mine["opds"].as_array().unwrap().iter().map(|o| o["code"].as_str().unwrap()).collect();
    assert_eq!(codes, vec!["DUKCAPIL"]);
    assert!(issues(&app, &head, &format!("unit_id={dukcapil}")).await.iter().all(|i| i["opd_id"] == dukcapil));
    assert_eq!(app.get("/api/v1/data-quality", &head).await.0, StatusCode::FORBIDDEN, "not the whole city");
    let dinkes = app.unit_id("DINKES").await;
    let (status, _) = app.get(&format!("/api/v1/data-quality?unit_id={dinkes}"), &head).await;
    assert!(matches!(status, StatusCode::FORBIDDEN | StatusCode::NOT_FOUND), "{status}");
    let dedi = app.token("dedi").await;
    assert_eq!(app.get("/api/v1/data-quality/issues", &dedi).await.0, StatusCode::FORBIDDEN);
    // The auditor reads the whole city.
    assert_eq!(app.get("/api/v1/data-quality", &app.token("auditor").await).await.0, StatusCode::OK);
}
