//! Competencies and development: an employee's profile and plans, assessed levels, trainings, and
//! the unit's gap heat map.

use super::client;
use super::ApiError;
use gloo_net::http::Method;
use kinerja_types::{
    CompetencyAssessment, CompetencyProfile, DevelopmentPlan, GapHeatMap, NewCompetencyAssessment, NewDevelopmentPlan,
    NewTraining, Training, TrainingPatch,
};

/// `GET /employees/{id}/competencies`: levels, gaps, match and the JP of training of the year.
pub async fn profile(employee_id: i64) -> Result<CompetencyProfile, ApiError> {
    client::get(&format!("/employees/{employee_id}/competencies"), &[]).await
}

/// `GET /employees/{id}/development-plans`, newest first.
pub async fn plans(employee_id: i64) -> Result<Vec<DevelopmentPlan>, ApiError> {
    client::items(&format!("/employees/{employee_id}/development-plans"), &[]).await
}

/// `POST /employees/{id}/competency-assessments`.
pub async fn assess(employee_id: i64, body: &NewCompetencyAssessment) -> Result<CompetencyAssessment, ApiError> {
    client::send(Method::POST, &format!("/employees/{employee_id}/competency-assessments"), body).await
}

/// `POST /employees/{id}/development-plans` (the penilai or an admin).
pub async fn create_plan(employee_id: i64, body: &NewDevelopmentPlan) -> Result<DevelopmentPlan, ApiError> {
    client::send(Method::POST, &format!("/employees/{employee_id}/development-plans"), body).await
}

/// `POST /development-plans/{id}/trainings`.
pub async fn add_training(plan_id: i64, body: &NewTraining) -> Result<Training, ApiError> {
    client::send(Method::POST, &format!("/development-plans/{plan_id}/trainings"), body).await
}

/// `PATCH /trainings/{id}`: completed with evidence, or cancelled.
pub async fn update_training(training_id: i64, body: &TrainingPatch) -> Result<Training, ApiError> {
    client::send(Method::PATCH, &format!("/trainings/{training_id}"), body).await
}

/// `GET /units/{id}/competency-gaps?year=`.
pub async fn gaps(unit_id: i64, year: i32) -> Result<GapHeatMap, ApiError> {
    client::get(&format!("/units/{unit_id}/competency-gaps"), &[("year", year.to_string())]).await
}
