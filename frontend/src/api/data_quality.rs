//! The data-quality index: the scores and the defects to fix.

use super::client::{self, Download, FileFormat};
use super::ApiError;
use kinerja_types::{DataQuality, DataQualityIssue, Page};

fn scope(unit_id: Option<i64>, check: Option<&str>) -> Vec<(&'static str, String)> {
    let mut query = Vec::new();
    if let Some(unit) = unit_id {
        query.push(("unit_id", unit.to_string()));
    }
    if let Some(check) = check {
        query.push(("check", check.to_owned()));
    }
    query
}

/// `GET /data-quality?unit_id=`.
pub async fn summary(unit_id: Option<i64>) -> Result<DataQuality, ApiError> {
    client::get("/data-quality", &scope(unit_id, None)).await
}

/// `GET /data-quality/issues?unit_id=&check=&page=&per_page=`.
pub async fn issues(
    unit_id: Option<i64>,
    check: Option<String>,
    page: u64,
    per_page: u64,
) -> Result<Page<DataQualityIssue>, ApiError> {
    let mut query = scope(unit_id, check.as_deref());
    query.extend([("page", page.to_string()), ("per_page", per_page.to_string())]);
    client::get("/data-quality/issues", &query).await
}

/// The defects as a file.
pub async fn issues_file(unit_id: Option<i64>, format: FileFormat) -> Result<Download, ApiError> {
    let mut query = scope(unit_id, None);
    query.extend(format.query());
    client::download("/data-quality/issues", &query).await
}
