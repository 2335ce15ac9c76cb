//! Units and employees: creation, the NIP rules, supervisors, and the tree rules.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{demo, TestApp};
use reqwest::StatusCode;
use serde_json::{json, Value};

fn new_employee(nip: &str, unit_id: i64, supervisor_id: Option<i64>) -> Value {
    json!({
        "nip": nip, "name": "Rahmat Hidayat", "unit_id": unit_id,
        "position_title": "Pengolah Data", "position_kind": "pelaksana", "supervisor_id": supervisor_id
    })
}

async fn every_nip_rule_names_the_wrong_part(app: TestApp) {
    let admin = app.token("admin").await;
    let unit = app.unit_id("DINKES-RUJ").await;
    let cases = [
        ("12345", "18 digit"),
        ("19850310201001100x", "hanya boleh berisi angka"),
        ("198502302010011002", "tanggal lahir"),
        ("198503102010131002", "TMT CPNS"),
        ("198503101980011002", "tidak boleh sebelum tahun lahir"),
        ("198503102010013002", "jenis kelamin"),
        ("198503102010011000", "nomor urut"),
    ];
    for (nip, part) in cases {
        let (status, body) = app.post("/api/v1/employees", &admin, new_employee(nip, unit, None)).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{nip}");
        assert_eq!(body["errors"][0]["field"], "nip");
        let msg = body["errors"][0]["message"].as_str().unwrap();
        assert!(msg.contains(part), "{nip}: {msg}");
    }
    // A valid NIP is accepted, and the same NIP twice is a conflict.
    let (status, created) = app.post("/api/v1/employees", &admin, new_employee("198503102010011002", unit, None)).await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    assert_eq!(created["nip"], "198503102010011002");
    let (status, _) = app.post("/api/v1/employees", &admin, new_employee("198503102010011002", unit, None)).await;
    assert_eq!(status, StatusCode::CONFLICT);
    // A PPPK number (NI PPPK) needs a real birth date, a sex digit of 1 or 2, and a sequence.
    let mut pppk = new_employee("199001012023219001", unit, None);
    pppk["employment_type"] = json!("pppk");
    let (status, refused) = app.post("/api/v1/employees", &admin, pppk.clone()).await;
    assert_eq!(
        (status, refused["errors"][0]["code"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("nip_sex")),
        "{refused}"
    );
    pppk["nip"] = json!("199001012023212001");
    assert_eq!(app.post("/api/v1/employees", &admin, pppk).await.0, StatusCode::CREATED);
}

async fn supervisor_must_exist_and_never_cycle(app: TestApp) {
    let admin = app.token("admin").await;
    let unit = app.unit_id("DINKES-RUJ").await;
    let (status, body) =
        app.post("/api/v1/employees", &admin, new_employee("198503102010011002", unit, Some(999_999))).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["errors"][0]["field"], "supervisor_id");
    // The head of Dinkes cannot be placed under someone below them.
    let head = app.employee_id(demo::KADINKES).await;
    let dedi = app.employee_id(demo::DEDI).await;
    let (status, body) =
        app.patch(&format!("/api/v1/employees/{head}"), &admin, json!({ "supervisor_id": dedi })).await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    let (status, _) = app.patch(&format!("/api/v1/employees/{dedi}"), &admin, json!({ "supervisor_id": dedi })).await;
    assert_eq!(status, StatusCode::CONFLICT);
    // A legal move works and is visible.
    let sri = app.employee_id(demo::SRI).await;
    let (status, moved) =
        app.patch(&format!("/api/v1/employees/{dedi}"), &admin, json!({ "supervisor_id": sri })).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(moved["supervisor_id"], sri);
    // null clears it.
    let (_, cleared) = app.patch(&format!("/api/v1/employees/{dedi}"), &admin, json!({ "supervisor_id": null })).await;
    assert_eq!(cleared["supervisor_id"], Value::Null);
}

async fn units_form_a_tree_without_cycles(app: TestApp) {
    let admin = app.token("admin").await;
    let dinkes = app.unit_id("DINKES").await;
    let (status, unit) = app
        .post(
            "/api/v1/units",
            &admin,
            json!({ "code": "PKM-BARU", "name": "UPT Puskesmas Baru", "parent_id": dinkes, "kind": "upt", "is_service_unit": true }),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{unit}");
    assert_eq!(unit["kind"], "upt");
    assert_eq!(unit["is_service_unit"], true);
    let id = unit["id"].as_i64().unwrap();
    // Same code again: conflict. Unknown parent and kind: 422.
    let dup = json!({ "code": "PKM-BARU", "name": "x", "parent_id": dinkes, "kind": "upt" });
    assert_eq!(app.post("/api/v1/units", &admin, dup).await.0, StatusCode::CONFLICT);
    let orphan = json!({ "code": "X1", "name": "x", "parent_id": 424242, "kind": "upt" });
    assert_eq!(app.post("/api/v1/units", &admin, orphan).await.0, StatusCode::UNPROCESSABLE_ENTITY);
    let kind = json!({ "code": "X2", "name": "x", "parent_id": dinkes, "kind": "kantor" });
    assert_eq!(app.post("/api/v1/units", &admin, kind).await.0, StatusCode::UNPROCESSABLE_ENTITY);
    // Moving Dinkes under its own descendant is 409; under itself too.
    let (status, body) = app.patch(&format!("/api/v1/units/{dinkes}"), &admin, json!({ "parent_id": id })).await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert_eq!(body["code"], "conflict");
    assert_eq!(
        app.patch(&format!("/api/v1/units/{id}"), &admin, json!({ "parent_id": id })).await.0,
        StatusCode::CONFLICT
    );
    // A rename works.
    let (status, renamed) =
        app.patch(&format!("/api/v1/units/{id}"), &admin, json!({ "name": "UPT Puskesmas Baru Jaya" })).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(renamed["name"], "UPT Puskesmas Baru Jaya");
    assert_eq!(renamed["parent_id"], dinkes);
}

async fn lists_are_paged_filtered_and_answer_csv(app: TestApp) {
    let admin = app.token("admin").await;
    let (status, page) = app.get("/api/v1/employees?per_page=5&page=2", &admin).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(page["items"].as_array().unwrap().len(), 5);
    assert_eq!(page["page"], 2);
    assert_eq!(page["total"], 27, "the demo city, with the clerk left in the dissolved dinas");
    // The hard maximum: 200, and beyond it a 400 rather than a silently smaller page.
    let (_, big) = app.get("/api/v1/employees?per_page=200", &admin).await;
    assert_eq!(big["per_page"], 200);
    assert_eq!(app.get("/api/v1/employees?per_page=100000", &admin).await.0, StatusCode::BAD_REQUEST);
    let (_, found) = app.get("/api/v1/employees?q=Wahyuni", &admin).await;
    assert_eq!(found["total"], 1);
    assert_eq!(found["items"][0]["nip"], demo::SRI);
    let res = app
        .client
        .get(app.url("/api/v1/employees?unit_id=5"))
        .bearer_auth(&admin)
        .header("accept", "text/csv")
        .send()
        .await
        .unwrap();
    assert!(res.headers()["content-type"].to_str().unwrap().starts_with("text/csv"));
    let text = res.text().await.unwrap();
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers = reader.headers().unwrap().clone();
    assert_eq!(&headers[1], "nip");
    assert!(reader.records().count() >= 1);
}

async fn users_get_roles_and_a_password_policy(app: TestApp) {
    let admin = app.token("admin").await;
    let ahmad = app.employee_id(demo::AHMAD).await;
    let weak = json!({ "username": "ahmad2", "password": "pendek", "employee_id": ahmad });
    let (status, body) = app.post("/api/v1/users", &admin, weak).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["errors"][0]["field"], "password");
    let no_unit = json!({ "username": "kabid.baru", "password": "rahasia123", "roles": ["kepala_unit"] });
    let (status, body) = app.post("/api/v1/users", &admin, no_unit).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["errors"][0]["field"], "unit_id");
    let taken = json!({ "username": "dedi", "password": "rahasia123" });
    assert_eq!(app.post("/api/v1/users", &admin, taken).await.0, StatusCode::CONFLICT);
    let unit = app.unit_id("DUKCAPIL").await;
    let ok = json!({ "username": "Operator.Baru", "password": "rahasia123", "roles": ["operator_layanan"], "unit_id": unit });
    let (status, user) = app.post("/api/v1/users", &admin, ok).await;
    assert_eq!(status, StatusCode::CREATED, "{user}");
    assert_eq!(user["username"], "operator.baru");
    assert_eq!(user["roles"], json!(["operator_layanan"]));
    assert!(user.get("password_hash").is_none() && user.get("password").is_none());
    let res = app.login_raw("operator.baru", "rahasia123").await;
    assert_eq!(res.status(), StatusCode::OK);
}

/// Every way an employee changes unit (the form's PATCH, the employee import) keeps the placement
/// left, up to the day before, so a period is counted where its staff were placed at its end.
async fn every_move_keeps_the_placement_history(app: TestApp) {
    use kinerja_api::entities::placement_history as history;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let admin = app.token("admin").await;
    let (dedi, sri) = (app.employee_id(demo::DEDI).await, app.employee_id(demo::SRI).await);
    let (ruj, capil) = (app.unit_id("DINKES-RUJ").await, app.unit_id("DUKCAPIL-CAPIL").await);
    let rows = |id: i64| {
        let db = app.db.clone();
        async move { history::Entity::find().filter(history::Column::EmployeeId.eq(id)).all(&db).await.unwrap() }
    };
    let today = app.get("/api/v1/settings", &admin).await.1;
    let offset = today["utc_offset_minutes"].as_i64().unwrap();
    let yesterday = (chrono::Utc::now() + chrono::Duration::minutes(offset)).date_naive() - chrono::Duration::days(1);
    // The same unit again is no move.
    assert_eq!(
        app.patch(&format!("/api/v1/employees/{dedi}"), &admin, json!({ "unit_id": ruj })).await.0,
        StatusCode::OK
    );
    assert!(rows(dedi).await.is_empty());
    assert_eq!(
        app.patch(&format!("/api/v1/employees/{dedi}"), &admin, json!({ "unit_id": capil })).await.0,
        StatusCode::OK
    );
    let kept = rows(dedi).await;
    assert_eq!(
        kept.iter().map(|h| (h.unit_id, h.starts_on, h.ends_on)).collect::<Vec<_>>(),
        [(ruj, None, yesterday)],
        "Rujukan since before the history, until yesterday"
    );
    // Moved on again the same day: the day in between is no placement worth keeping.
    assert_eq!(
        app.patch(&format!("/api/v1/employees/{dedi}"), &admin, json!({ "unit_id": ruj })).await.0,
        StatusCode::OK
    );
    assert_eq!(rows(dedi).await.len(), 1);
    let csv = format!(
        "nip,name,unit_code,position_title,position_kind,supervisor_nip\n{},Sri Wahyuni,DUKCAPIL-CAPIL,Analis Pelayanan Kesehatan,pelaksana,{}\n",
        demo::SRI,
        demo::KASI_RUJUKAN
    );
    let (status, report) = app.post_csv("/api/v1/employees/import", &admin, &csv).await;
    assert_eq!(status, StatusCode::OK, "{report}");
    let kept = rows(sri).await;
    assert_eq!(kept.iter().map(|h| (h.unit_id, h.ends_on)).collect::<Vec<_>>(), [(ruj, yesterday)]);
}

db_tests!(
    every_move_keeps_the_placement_history,
    every_nip_rule_names_the_wrong_part,
    supervisor_must_exist_and_never_cycle,
    units_form_a_tree_without_cycles,
    lists_are_paged_filtered_and_answer_csv,
    users_get_roles_and_a_password_policy,
);
