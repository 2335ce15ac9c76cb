//! The layering of the API crate, read from its sources: handlers (`src/routes`) neither query
//! entities nor compare roles, and nothing below them (services, the seed, the command line,
//! the policy) imports from routes. A file that breaks the rule is named.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out
}

fn src(dir: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src").join(dir)
}

/// Every `(file, line)` of the files under `dir` that contains one of `needles`.
fn offending(dir: &str, needles: &[&str]) -> Vec<String> {
    let mut found = Vec::new();
    for file in rust_files(&src(dir)) {
        let text = std::fs::read_to_string(&file).unwrap();
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            if needles.iter().any(|needle| code.contains(needle)) {
                found.push(format!("{}:{}: {}", file.display(), n + 1, line.trim()));
            }
        }
    }
    found
}

#[test]
fn handlers_run_no_queries() {
    let found = offending(
        "routes",
        &["sea_orm", "crate::entities", "Entity::", "ActiveModel", "Statement::", "execute_unprepared"],
    );
    assert!(found.is_empty(), "queries belong in services:\n{}", found.join("\n"));
}

#[test]
fn handlers_compare_no_roles() {
    let found = offending("routes", &["Role::", "roles().contains", "roles().iter"]);
    assert!(found.is_empty(), "authorization belongs in crate::policy:\n{}", found.join("\n"));
}

#[test]
fn nothing_below_routes_imports_them() {
    for dir in ["services", "seed", "cli", "policy", "auth"] {
        let found = offending(dir, &["crate::routes", "routes::"]);
        assert!(found.is_empty(), "{dir} must not depend on routes:\n{}", found.join("\n"));
    }
}

#[test]
fn the_checks_see_the_files() {
    assert!(rust_files(&src("routes")).len() > 30, "the routes folder was not found");
    assert!(!offending("routes", &["viewer.require("]).is_empty(), "the scan reads no code");
}

/// Authorization never decides on the raw request path, which may be percent-encoded or spelt
/// otherwise than the route the router chose: the policy, the sign-in code and the handlers
/// read `match_pattern()` instead.
#[test]
fn authorization_never_reads_the_raw_path() {
    for dir in ["policy", "auth", "routes", "services"] {
        let found = offending(dir, &["req.path()", "uri().path()", ".path().starts_with", "request.path()"]);
        assert!(found.is_empty(), "{dir} reads the raw path:\n{}", found.join("\n"));
    }
}
