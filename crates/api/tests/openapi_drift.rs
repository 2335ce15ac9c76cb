//! The committed spec under openapi/ must equal the one generated from the code.
//! Regenerate with `cargo xtask openapi`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[test]
fn committed_spec_matches_the_code() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../openapi/openapi.json");
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    let generated = kinerja_api::openapi::to_json();
    assert!(
        committed == generated,
        "openapi/openapi.json is out of date with the code: run `cargo xtask openapi` and commit the result"
    );
}

#[test]
fn every_route_is_documented_with_problem_errors() {
    let spec: serde_json::Value = serde_json::from_str(&kinerja_api::openapi::to_json()).unwrap();
    for path in [
        "/health",
        "/ready",
        "/api/v1/auth/login",
        "/api/v1/auth/refresh",
        "/api/v1/auth/logout",
        "/api/v1/me",
        "/api/v1/units",
        "/api/v1/units/{id}",
        "/api/v1/employees",
        "/api/v1/employees/{id}",
        "/api/v1/employees/import",
        "/api/v1/users",
        "/api/v1/audit",
        "/api/v1/audit/verify",
        "/api/v1/settings",
        "/api/v1/units/{id}/pk",
        "/api/v1/units/{id}/cascade",
        "/api/v1/units/{id}/skp-monitoring",
        "/api/v1/skps",
        "/api/v1/skps/{id}",
        "/api/v1/skps/{id}/revisions",
        "/api/v1/skps/{id}/rhk",
        "/api/v1/skps/{id}/submit",
        "/api/v1/skps/{id}/approve",
        "/api/v1/skps/{id}/return",
        "/api/v1/skps/{id}/revise",
        "/api/v1/skps/{id}/behaviors",
        "/api/v1/skps/{id}/realization",
        "/api/v1/rhk/{id}",
        "/api/v1/rhk/{id}/cascade",
        "/api/v1/me/parent-rhk",
        "/api/v1/notifications",
        "/api/v1/notifications/{id}/read",
        "/api/v1/activities",
        "/api/v1/activities/{id}",
        "/api/v1/activities/{id}/submit",
        "/api/v1/activities/{id}/approve",
        "/api/v1/activities/{id}/reject",
        "/api/v1/activities/bulk-approve",
        "/api/v1/activities/team",
        "/api/v1/evidence",
        "/api/v1/evidence/{id}",
        "/api/v1/evidence/links",
        "/api/v1/feedback",
        "/api/v1/dialogs",
        "/api/v1/public/complaints",
        "/api/v1/complaints",
        "/api/v1/units/{id}/ikm",
        "/api/v1/assessments",
        "/api/v1/assessments/{id}/decide",
        "/api/v1/units/{id}/distribution",
        "/api/v1/reports/assessments",
        "/api/v1/employees/{id}/rating-evidence",
        "/api/v1/api-tokens",
        "/api/v1/api-tokens/{id}",
        "/api/v1/dashboard/units/{id}",
        "/api/v1/dashboard/city",
        "/api/v1/attendance/import",
        "/api/v1/reports/tpp",
        "/api/v1/reports/activities",
        "/api/v1/reports/skps",
        "/api/v1/reports/ikm",
        "/api/v1/reports/complaints",
        "/api/v1/exports/siasn",
        "/api/v1/competencies",
        "/api/v1/position-standards",
        "/api/v1/imports/position-standards",
        "/api/v1/employees/{id}/competencies",
        "/api/v1/employees/{id}/development-plans",
        "/api/v1/trainings/{id}",
        "/api/v1/units/{id}/competency-gaps",
        "/api/v1/evaluation-teams",
        "/api/v1/evaluation-teams/{id}",
        "/api/v1/evaluation-teams/{id}/assessments",
        "/api/v1/assessments/{id}/reviews",
        "/api/v1/assessment-reviews",
        "/api/v1/assessment-reviews/{id}/response",
        "/api/v1/evaluation-sessions",
        "/api/v1/evaluation-sessions/{id}",
        "/api/v1/evaluation-sessions/{id}/follow-ups",
        "/api/v1/evaluation-follow-ups",
        "/api/v1/evaluation-follow-ups/{id}",
        "/api/v1/forums",
        "/api/v1/forums/{id}",
        "/api/v1/forums/{id}/inputs",
        "/api/v1/forums/{id}/commitments",
        "/api/v1/forum-inputs/{id}",
        "/api/v1/forum-commitments/{id}",
        "/api/v1/public/forums",
        "/api/v1/public/forums/{id}",
        "/api/v1/public/forums/{id}/inputs",
        "/api/v1/public/forum-inputs/{tracking_code}",
    ] {
        assert!(spec["paths"][path].is_object(), "{path} missing from the spec");
    }
    assert!(spec["components"]["schemas"]["Problem"].is_object());
}

/// Every list is paged like the others (`{"items", "total", "page", "per_page"}`): no read answers
/// a bare array, and every such page takes `page` and `per_page`.
#[test]
fn every_list_is_paged() {
    let spec: serde_json::Value = serde_json::from_str(&kinerja_api::openapi::to_json()).unwrap();
    let mut bare = Vec::new();
    let mut unpaged = Vec::new();
    for (path, item) in spec["paths"].as_object().unwrap() {
        let Some(get) = item.get("get") else { continue };
        let schema = &get["responses"]["200"]["content"]["application/json"]["schema"];
        if schema["type"] == "array" {
            bare.push(path.clone());
        }
        let reference = schema["$ref"].as_str().unwrap_or_default();
        if reference.starts_with("#/components/schemas/Page") {
            let params: Vec<&str> = get["parameters"]
                .as_array()
                .map(|ps| ps.iter().filter_map(|p| p["name"].as_str()).collect())
                .unwrap_or_default();
            if !(params.contains(&"page") && params.contains(&"per_page")) {
                unpaged.push(path.clone());
            }
        }
    }
    assert!(bare.is_empty(), "lists answering a bare array instead of a page: {bare:?}");
    assert!(unpaged.is_empty(), "pages without page/per_page parameters: {unpaged:?}");
}

/// What OpenAPI 3.1 and client generators require: a description on every response and unique
/// operation ids.
#[test]
fn the_document_is_well_formed() {
    let doc: serde_json::Value = serde_json::from_str(&kinerja_api::openapi::to_json()).unwrap();
    let mut ids = std::collections::HashSet::new();
    let mut problems = Vec::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            let Some(responses) = op.get("responses").and_then(|r| r.as_object()) else { continue };
            let id = op["operationId"].as_str().unwrap_or_default().to_owned();
            if !ids.insert(id.clone()) {
                problems.push(format!("{method} {path}: operation id {id} repeats"));
            }
            for (status, r) in responses {
                if r.get("description").and_then(|d| d.as_str()).is_none_or(str::is_empty) {
                    problems.push(format!("{method} {path} {status}: no description"));
                }
            }
        }
    }
    assert!(ids.len() > 100);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
