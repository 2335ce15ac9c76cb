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
    ] {
        assert!(spec["paths"][path].is_object(), "{path} missing from the spec");
    }
    assert!(spec["components"]["schemas"]["Problem"].is_object());
}
