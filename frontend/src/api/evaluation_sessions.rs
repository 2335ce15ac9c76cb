//! Evaluation sessions of a unit's leadership and their follow-ups.

use super::client;
use super::ApiError;
use gloo_net::http::Method;
use kinerja_types::{EvaluationSession, NewEvaluationSession, SessionFollowUp, TaskUpdate};

/// `GET /evaluation-sessions?unit_id=&year=`.
pub async fn list(unit_id: Option<i64>, year: i32) -> Result<Vec<EvaluationSession>, ApiError> {
    let mut query = vec![("year", year.to_string())];
    if let Some(unit) = unit_id {
        query.push(("unit_id", unit.to_string()));
    }
    client::items("/evaluation-sessions", &query).await
}

/// `POST /evaluation-sessions` (the head of the unit, or an admin).
pub async fn create(body: &NewEvaluationSession) -> Result<EvaluationSession, ApiError> {
    client::send(Method::POST, "/evaluation-sessions", body).await
}

/// `GET /evaluation-follow-ups`: the caller's own, and those of the sessions a head sees.
pub async fn follow_ups() -> Result<Vec<SessionFollowUp>, ApiError> {
    client::items("/evaluation-follow-ups", &[]).await
}

/// `PUT /evaluation-follow-ups/{id}`: done (with a note) or reopened.
pub async fn update_follow_up(id: i64, body: &TaskUpdate) -> Result<SessionFollowUp, ApiError> {
    client::send(Method::PUT, &format!("/evaluation-follow-ups/{id}"), body).await
}

/// `POST /evaluation-sessions/{id}/changes`: a rating change a calibration session agreed.
pub async fn add_change(
    session_id: i64,
    body: kinerja_types::NewCalibrationChange,
) -> Result<kinerja_types::CalibrationChange, ApiError> {
    client::send(Method::POST, &format!("/evaluation-sessions/{session_id}/changes"), &body).await
}

/// `POST /evaluation-sessions/{id}/lock`.
pub async fn lock(session_id: i64) -> Result<EvaluationSession, ApiError> {
    client::act(Method::POST, &format!("/evaluation-sessions/{session_id}/lock")).await
}
