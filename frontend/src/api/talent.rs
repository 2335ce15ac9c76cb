//! Calibration aids and talent: the rater-bias radar, the 9-box and its succession lists.

use super::client::{self, Download, FileFormat};
use super::ApiError;
use kinerja_domain::Period;
use kinerja_types::{RaterBiasReport, TalentBoard, TalentRow};

/// `GET /rater-bias?unit_id=&period=`.
pub async fn radar(unit_id: i64, period: Period) -> Result<RaterBiasReport, ApiError> {
    client::get("/rater-bias", &[("unit_id", unit_id.to_string()), ("period", period.to_string())]).await
}

/// The query of the 9-box: a unit's subtree or the city, and a year.
fn query(unit_id: Option<i64>, year: i32) -> Vec<(&'static str, String)> {
    let mut q = vec![("year", year.to_string())];
    if let Some(unit) = unit_id {
        q.push(("unit_id", unit.to_string()));
    }
    q
}

/// `GET /talent?unit_id=&year=`.
pub async fn board(unit_id: Option<i64>, year: i32) -> Result<TalentBoard, ApiError> {
    client::get("/talent", &query(unit_id, year)).await
}

/// `GET /talent/people?unit_id=&year=`: everyone on the 9-box.
pub async fn people(unit_id: Option<i64>, year: i32) -> Result<Vec<TalentRow>, ApiError> {
    client::items("/talent/people", &query(unit_id, year)).await
}

/// `GET /talent/people?format=`: the 9-box as a spreadsheet.
pub async fn people_file(unit_id: Option<i64>, year: i32, format: FileFormat) -> Result<Download, ApiError> {
    let mut q = query(unit_id, year);
    q.extend(format.query());
    client::download("/talent/people", &q).await
}
