//! Employee CSV import: all or nothing, every bad line reported.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{demo, TestApp};
use reqwest::StatusCode;
use serde_json::Value;

async fn send_csv(app: &TestApp, token: &str, body: &str) -> (StatusCode, Value) {
    app.post_csv("/api/v1/employees/import", token, body).await
}

async fn count(app: &TestApp) -> u64 {
    use kinerja_api::entities::employees;
    use sea_orm::{EntityTrait, PaginatorTrait};
    employees::Entity::find().count(&app.db).await.unwrap()
}

async fn bad_rows_import_nothing_and_are_all_listed(app: TestApp) {
    let admin = app.token("admin").await;
    let before = count(&app).await;
    let csv = format!(
        "nip,name,unit_code,position_title,position_kind,supervisor_nip\n\
         198601012010011001,Anton Wijaya,DINKES-RUJ,Pengolah Data,pelaksana,{kasi}\n\
         198602302010011001,Tanggal Salah,DINKES-RUJ,Pengolah Data,pelaksana,\n\
         198603012010011001,Unit Salah,TIDAK-ADA,Pengolah Data,pelaksana,\n\
         198604012010011001,Jenis Salah,DINKES-RUJ,Pengolah Data,kepala,\n\
         198605012010011001,Atasan Salah,DINKES-RUJ,Pengolah Data,pelaksana,199999999999999999\n\
         198601012010011001,Dobel,DINKES-RUJ,Pengolah Data,pelaksana,\n",
        kasi = demo::KASI_RUJUKAN
    );
    let (status, body) = send_csv(&app, &admin, &csv).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let lines: Vec<(u64, String)> = body["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["line"].as_u64().unwrap(), r["field"].as_str().unwrap().to_owned()))
        .collect();
    assert_eq!(
        lines,
        vec![
            (3, "nip".into()),
            (4, "unit_code".into()),
            (5, "position_kind".into()),
            (6, "supervisor_nip".into()),
            (7, "nip".into()),
        ]
    );
    // Each bad cell names its issue as a code with parameters (the SPA words it in English), with
    // the Indonesian message for the command line and API clients.
    let codes: Vec<&str> = body["rows"].as_array().unwrap().iter().map(|r| r["code"].as_str().unwrap()).collect();
    assert_eq!(codes, ["nip_birth_date", "unit_code_unknown", "unknown_choice", "supervisor_nip_unknown", "nip_twice"]);
    let kind: kinerja_types::ImportError = serde_json::from_value(body["rows"][2].clone()).unwrap();
    assert_eq!(kind.params["value"], "kepala");
    assert!(kind.message.starts_with("'kepala' tidak dikenal; pilih salah satu: "), "{}", kind.message);
    assert!(kind.words(true).starts_with("'kepala' is unknown; choose one of: "), "{}", kind.words(true));
    assert!(body["detail"].as_str().unwrap().contains("tidak ada data yang diimpor"));
    assert_eq!(count(&app).await, before, "nothing written");
}

async fn a_clean_file_imports_with_supervisors_in_any_order(app: TestApp) {
    let admin = app.token("admin").await;
    let before = count(&app).await;
    // The subordinate comes before the new supervisor; one existing employee is updated.
    let csv = format!(
        "nip,name,unit_code,position_title,position_kind,supervisor_nip\n\
         198601012010011001,Anton Wijaya,DINKES-P2P,Pengolah Data,pelaksana,198001012005011002\n\
         198001012005011002,Bu Kasi Baru,DINKES-P2P,Kepala Seksi Surveilans,pengawas,{kabid}\n\
         {sri},Sri Wahyuni,DINKES-RUJ,Analis Pelayanan Kesehatan Ahli,pelaksana,{kasi}\n",
        kabid = "198003102005011004",
        sri = demo::SRI,
        kasi = demo::KASI_RUJUKAN
    );
    let (status, body) = send_csv(&app, &admin, &csv).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["created"], 2);
    assert_eq!(body["updated"], 1);
    assert_eq!(count(&app).await, before + 2);
    let anton = app.employee_id("198601012010011001").await;
    let kasi = app.employee_id("198001012005011002").await;
    let (_, a) = app.get(&format!("/api/v1/employees/{anton}"), &admin).await;
    assert_eq!(a["supervisor_id"], kasi);
    let sri = app.employee_id(demo::SRI).await;
    let (_, s) = app.get(&format!("/api/v1/employees/{sri}"), &admin).await;
    assert_eq!(s["position_title"], "Analis Pelayanan Kesehatan Ahli");
}

async fn cycles_in_a_file_are_refused(app: TestApp) {
    let admin = app.token("admin").await;
    let csv = "nip,name,unit_code,position_title,position_kind,supervisor_nip\n\
               198601012010011001,A,DINKES-P2P,Staf,pelaksana,198602012010011001\n\
               198602012010011001,B,DINKES-P2P,Staf,pelaksana,198601012010011001\n";
    let (status, body) = send_csv(&app, &admin, csv).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["rows"].as_array().unwrap().len(), 2, "{body}");
}

async fn import_needs_admin_and_csv(app: TestApp) {
    let head = app.token("kadinkes").await;
    assert_eq!(send_csv(&app, &head, "nip\n").await.0, StatusCode::FORBIDDEN);
    let admin = app.token("admin").await;
    let res = app
        .client
        .post(app.url("/api/v1/employees/import"))
        .bearer_auth(&admin)
        .header("content-type", "application/json")
        .body("{}")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);
    let (status, body) = send_csv(&app, &admin, "nama,jabatan\nx,y\n").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["rows"][0]["line"], 1);
}

db_tests!(
    bad_rows_import_nothing_and_are_all_listed,
    a_clean_file_imports_with_supervisors_in_any_order,
    cycles_in_a_file_are_refused,
    import_needs_admin_and_csv,
);
