//! The Tim Penilai Kinerja: teams (formed by an admin), the assessments in a team's scope, the
//! team's reviews of them, and the penilai's answer to a flag.

use super::client;
use super::ApiError;
use gloo_net::http::Method;
use kinerja_domain::Period;
use kinerja_types::{AssessmentReview, EvaluationTeam, NewEvaluationTeam, NewReview, ReviewResponse, TeamAssessment};

/// `GET /evaluation-teams`: every team for admins and auditors, one's own for members.
pub async fn list() -> Result<Vec<EvaluationTeam>, ApiError> {
    client::items("/evaluation-teams", &[]).await
}

/// `POST /evaluation-teams` (admin).
pub async fn create(body: &NewEvaluationTeam) -> Result<EvaluationTeam, ApiError> {
    client::send(Method::POST, "/evaluation-teams", body).await
}

/// `PUT /evaluation-teams/{id}` (admin).
pub async fn update(id: i64, body: &NewEvaluationTeam) -> Result<EvaluationTeam, ApiError> {
    client::send(Method::PUT, &format!("/evaluation-teams/{id}"), body).await
}

/// `GET /evaluation-teams/{id}/assessments?period=`.
pub async fn assessments(team_id: i64, period: Option<Period>) -> Result<Vec<TeamAssessment>, ApiError> {
    let query: Vec<(&str, String)> = period.map(|p| ("period", p.to_string())).into_iter().collect();
    client::items(&format!("/evaluation-teams/{team_id}/assessments"), &query).await
}

/// `GET /assessments/{id}/reviews`.
pub async fn reviews(assessment_id: i64) -> Result<Vec<AssessmentReview>, ApiError> {
    client::items(&format!("/assessments/{assessment_id}/reviews"), &[]).await
}

/// `POST /assessments/{id}/reviews` (a member of a team whose scope holds the employee).
pub async fn review(assessment_id: i64, body: &NewReview) -> Result<AssessmentReview, ApiError> {
    client::send(Method::POST, &format!("/assessments/{assessment_id}/reviews"), body).await
}

/// `GET /assessment-reviews?open_flags=`: the reviews the caller may read.
pub async fn visible(open_flags: bool) -> Result<Vec<AssessmentReview>, ApiError> {
    let query: Vec<(&str, String)> = if open_flags { vec![("open_flags", "true".to_owned())] } else { Vec::new() };
    client::items("/assessment-reviews", &query).await
}

/// `POST /assessment-reviews/{id}/response`: the penilai answers a flag.
pub async fn respond(review_id: i64, body: &ReviewResponse) -> Result<AssessmentReview, ApiError> {
    client::send(Method::POST, &format!("/assessment-reviews/{review_id}/response"), body).await
}
