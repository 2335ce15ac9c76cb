//! Visibility follows the organisation tree: outside it, 404; visible but not allowed, 403.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{demo, TestApp};
use reqwest::StatusCode;
use serde_json::{json, Value};
use std::collections::BTreeSet;

fn ids(page: &Value) -> BTreeSet<i64> {
    page["items"].as_array().unwrap().iter().map(|i| i["id"].as_i64().unwrap()).collect()
}

async fn a_pegawai_cannot_read_another_dinas(app: TestApp) {
    let ahmad = app.token("ahmad").await; // Disdukcapil
    let dedi = app.employee_id(demo::DEDI).await; // Dinkes
    let (status, body) = app.get(&format!("/api/v1/employees/{dedi}"), &ahmad).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(body["code"], "not_found");
    // The same 404 as an id that does not exist at all.
    let (_, missing) = app.get("/api/v1/employees/987654", &ahmad).await;
    assert_eq!(body, missing);
    // A plain employee sees only themself.
    let (_, page) = app.get("/api/v1/employees", &ahmad).await;
    assert_eq!(ids(&page), BTreeSet::from([app.employee_id(demo::AHMAD).await]));
    // Nor the other dinas's units.
    let dinkes = app.unit_id("DINKES").await;
    assert_eq!(app.get(&format!("/api/v1/units/{dinkes}"), &ahmad).await.0, StatusCode::NOT_FOUND);
}

async fn a_supervisor_sees_the_chain_below(app: TestApp) {
    let kabid = app.token("kabid.yankes").await;
    let (_, page) = app.get("/api/v1/employees", &kabid).await;
    let expected = BTreeSet::from([
        app.employee_id(demo::KABID_YANKES).await,
        app.employee_id(demo::KASI_RUJUKAN).await,
        app.employee_id(demo::DEDI).await,
        app.employee_id(demo::SRI).await,
    ]);
    assert_eq!(ids(&page), expected);
    // A colleague in another bidang of the same dinas is outside the chain.
    let lestari = app.employee_id(demo::LESTARI).await;
    assert_eq!(app.get(&format!("/api/v1/employees/{lestari}"), &kabid).await.0, StatusCode::NOT_FOUND);
    // A subordinate cannot read the supervisor.
    let dedi = app.token("dedi").await;
    let kasi = app.employee_id(demo::KASI_RUJUKAN).await;
    assert_eq!(app.get(&format!("/api/v1/employees/{kasi}"), &dedi).await.0, StatusCode::NOT_FOUND);
}

async fn a_kepala_unit_sees_exactly_its_subtree(app: TestApp) {
    let head = app.token("kadinkes").await;
    let (_, page) = app.get("/api/v1/employees?per_page=200", &head).await;
    let admin = app.token("admin").await;
    let mut expected = BTreeSet::new();
    for code in ["DINKES", "DINKES-SEK", "DINKES-YANKES", "DINKES-RUJ", "DINKES-P2P", "PKM-SUKAJADI", "PKM-CIBEUNYING"]
    {
        let unit = app.unit_id(code).await;
        let (_, members) = app.get(&format!("/api/v1/employees?unit_id={unit}&per_page=200"), &admin).await;
        expected.extend(ids(&members));
    }
    assert_eq!(ids(&page), expected);
    assert_eq!(expected.len(), 13);
    // Units: the subtree plus the path up to the Pemda, nothing of other dinas.
    let (_, units) = app.get("/api/v1/units?per_page=200", &head).await;
    let codes: BTreeSet<String> =
        units["items"].as_array().unwrap().iter().map(|u| u["code"].as_str().unwrap().to_owned()).collect();
    assert!(codes.contains("PKM-CIBEUNYING") && codes.contains("PEMKOT"));
    assert!(!codes.contains("DUKCAPIL") && !codes.contains("BKPSDM"));
    // Outside the subtree: 404.
    let ahmad = app.employee_id(demo::AHMAD).await;
    assert_eq!(app.get(&format!("/api/v1/employees/{ahmad}"), &head).await.0, StatusCode::NOT_FOUND);
}

async fn writes_need_the_admin_role(app: TestApp) {
    let head = app.token("kadinkes").await;
    let dedi = app.employee_id(demo::DEDI).await;
    // Visible but not allowed: 403.
    let (status, body) = app.patch(&format!("/api/v1/employees/{dedi}"), &head, json!({ "name": "X" })).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(body["code"], "forbidden");
    let unit = app.unit_id("DINKES").await;
    assert_eq!(
        app.patch(&format!("/api/v1/units/{unit}"), &head, json!({ "name": "X" })).await.0,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        app.post("/api/v1/units", &head, json!({ "code": "Z", "name": "Z", "kind": "opd" })).await.0,
        StatusCode::FORBIDDEN
    );
    assert_eq!(app.get("/api/v1/users", &head).await.0, StatusCode::FORBIDDEN);
    assert_eq!(app.get("/api/v1/audit", &head).await.0, StatusCode::FORBIDDEN);
    // Outside the tree, a write is 404 as well: nothing reveals that it exists.
    let ahmad = app.employee_id(demo::AHMAD).await;
    assert_eq!(
        app.patch(&format!("/api/v1/employees/{ahmad}"), &head, json!({ "name": "X" })).await.0,
        StatusCode::NOT_FOUND
    );
    // The auditor reads everything and writes nothing.
    let auditor = app.token("auditor").await;
    let (_, all) = app.get("/api/v1/employees?per_page=200", &auditor).await;
    assert_eq!(all["total"], 27, "the whole demo city");
    assert_eq!(
        app.patch(&format!("/api/v1/employees/{ahmad}"), &auditor, json!({ "name": "X" })).await.0,
        StatusCode::FORBIDDEN
    );
    assert_eq!(app.get("/api/v1/audit", &auditor).await.0, StatusCode::OK);
}

db_tests!(
    a_pegawai_cannot_read_another_dinas,
    a_supervisor_sees_the_chain_below,
    a_kepala_unit_sees_exactly_its_subtree,
    writes_need_the_admin_role,
);
