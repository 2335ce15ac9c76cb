//! A unit's planning: its Perjanjian Kinerja goals, the performance tree built on them and how
//! far its people are with their SKP.

use super::client;
use super::ApiError;
use gloo_net::http::Method;
use kinerja_types::{CascadeTree, NewPkGoal, Page, PkGoal, SkpMonitoring};

/// `GET /units/{id}/pk?year=`.
pub async fn goals(unit_id: i64, year: i32) -> Result<Page<PkGoal>, ApiError> {
    client::all_pages(&format!("/units/{unit_id}/pk"), &[("year", year.to_string())]).await
}

/// `POST /units/{id}/pk` (kepala unit of the subtree, or admin).
pub async fn add_goal(unit_id: i64, goal: &NewPkGoal) -> Result<PkGoal, ApiError> {
    client::send(Method::POST, &format!("/units/{unit_id}/pk"), goal).await
}

/// `GET /units/{id}/cascade?year=`: the Peta Kinerja.
pub async fn tree(unit_id: i64, year: i32) -> Result<CascadeTree, ApiError> {
    client::get(&format!("/units/{unit_id}/cascade"), &[("year", year.to_string())]).await
}

/// `GET /units/{id}/skp-monitoring?year=`.
pub async fn monitoring(unit_id: i64, year: i32) -> Result<SkpMonitoring, ApiError> {
    client::get(&format!("/units/{unit_id}/skp-monitoring"), &[("year", year.to_string())]).await
}
