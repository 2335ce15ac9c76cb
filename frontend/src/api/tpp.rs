//! TPP: the monthly allowance percentage per employee, and the attendance it is computed from.

use super::client::{self, Download};
use super::imports::{self, ImportFailure};
use super::ApiError;
use kinerja_domain::Period;
use kinerja_types::{ImportReport, Page, TppRow};

fn query(unit_id: Option<i64>, month: Period) -> Vec<(&'static str, String)> {
    let mut query = vec![("month", month.to_string())];
    if let Some(unit) = unit_id {
        query.push(("unit_id", unit.to_string()));
    }
    query
}

/// `GET /reports/tpp?unit_id=&month=`: every employee of the unit's subtree (of the city without
/// a unit: admin and auditor only).
pub async fn report(unit_id: Option<i64>, month: Period) -> Result<Page<TppRow>, ApiError> {
    client::all_pages("/reports/tpp", &query(unit_id, month)).await
}

/// The same report as a file.
pub async fn report_file(
    unit_id: Option<i64>,
    month: Period,
    format: client::FileFormat,
) -> Result<Download, ApiError> {
    let mut query = query(unit_id, month);
    query.extend(format.query());
    client::download("/reports/tpp", &query).await
}

/// `POST /attendance/import` (admin): a CSV of `nip,date,status[,late_minutes]`, all or nothing.
pub async fn import_attendance(csv: String) -> Result<ImportReport, ImportFailure> {
    imports::import("/attendance/import", csv).await
}
