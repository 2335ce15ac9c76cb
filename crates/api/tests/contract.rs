//! The published contract agrees with the server: every limit that a request type's `validate`
//! rules enforce is declared in its OpenAPI schema with the same numbers (so that a client
//! generated from the spec, or a fuzzer, knows it). `tests/fuzz/run.sh` then checks the other
//! direction against the running server, with schemathesis' negative-data check; the document's
//! own shape is checked in `openapi_drift.rs`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::HashSet;
use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The `name = number` pairs inside the first `call(...)` of `text`.
fn numbers(text: &str, call: &str) -> Vec<(String, String)> {
    let Some(start) = text.find(&format!("{call}(")) else { return Vec::new() };
    let inner = &text[start + call.len() + 1..];
    let inner = &inner[..inner.find(')').unwrap_or(inner.len())];
    inner
        .split(',')
        .filter_map(|part| {
            let (k, v) = part.split_once('=')?;
            let v = v.trim();
            v.starts_with(|c: char| c.is_ascii_digit() || c == '-').then(|| (k.trim().to_owned(), v.to_owned()))
        })
        .collect()
}

#[test]
fn every_validated_limit_is_declared_in_the_schema() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../");
    let mut files = Vec::new();
    rust_files(&root.join("types/src"), &mut files);
    rust_files(&root.join("domain/src"), &mut files);
    let mut missing = Vec::new();
    let mut seen = 0;
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        for (n, line) in lines.iter().enumerate() {
            let line = line.trim();
            if !line.starts_with("#[validate(") {
                continue;
            }
            let attrs: Vec<&str> =
                lines[n + 1..].iter().map(|l| l.trim()).take_while(|l| l.starts_with("#[")).collect();
            let schema = attrs.iter().find(|a| a.contains("schema(")).copied().unwrap_or("");
            let field = lines.get(n + 1 + attrs.len()).copied().unwrap_or("");
            let plural = if field.contains("Vec<") { "items" } else { "length" };
            let mut wanted = Vec::new();
            for (k, v) in numbers(line, "length") {
                match k.as_str() {
                    "equal" => {
                        wanted.push(format!("min_{plural} = {v}"));
                        wanted.push(format!("max_{plural} = {v}"));
                    }
                    other => wanted.push(format!("{other}_{plural} = {v}")),
                }
            }
            for (k, v) in numbers(line, "range") {
                wanted.push(format!("{}imum = {v}", k));
            }
            seen += usize::from(!wanted.is_empty());
            let declared: HashSet<&str> =
                schema.split(['(', ')', ',']).map(str::trim).filter(|s| s.contains('=')).collect();
            for w in wanted {
                if !declared.contains(w.as_str()) {
                    missing.push(format!("{}:{}: {w} not in the schema", file.display(), n + 1));
                }
            }
        }
    }
    assert!(seen > 90, "the check must see the request types ({seen} limits seen)");
    assert!(missing.is_empty(), "declare these limits with #[schema(...)]:\n{}", missing.join("\n"));
}
