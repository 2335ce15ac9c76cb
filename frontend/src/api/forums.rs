//! Public dialogue forums as staff run them: the announcement, the aspirasi (online and said in
//! the room), the minutes once held, and the commitments with their follow-up.

use super::client;
use super::ApiError;
use gloo_net::http::Method;
use kinerja_domain::oversight::ForumStatus;
use kinerja_types::{
    Forum, ForumCommitment, ForumInput, ForumPatch, InputUpdate, NewCommitment, NewForum, NewRoomInput, TaskUpdate,
};

/// `GET /forums?status=`: the forums of the caller's units, without their inputs and commitments.
pub async fn list(status: Option<ForumStatus>) -> Result<Vec<Forum>, ApiError> {
    let query: Vec<(&str, String)> = status.map(|s| ("status", s.as_str().to_owned())).into_iter().collect();
    client::items("/forums", &query).await
}

/// `POST /forums` (heads and operators of the unit, admin).
pub async fn create(body: &NewForum) -> Result<Forum, ApiError> {
    client::send(Method::POST, "/forums", body).await
}

/// `GET /forums/{id}`, with its aspirasi and commitments.
pub async fn get(id: i64) -> Result<Forum, ApiError> {
    client::get(&format!("/forums/{id}"), &[]).await
}

/// `PUT /forums/{id}`: edit, record it held with the minutes, or cancel it.
pub async fn update(id: i64, body: &ForumPatch) -> Result<Forum, ApiError> {
    client::send(Method::PUT, &format!("/forums/{id}"), body).await
}

/// `POST /forums/{id}/inputs`: what was said in the room.
pub async fn add_room_input(forum_id: i64, body: &NewRoomInput) -> Result<ForumInput, ApiError> {
    client::send(Method::POST, &format!("/forums/{forum_id}/inputs"), body).await
}

/// `PUT /forum-inputs/{id}`: an aspirasi's new status and public response.
pub async fn update_input(input_id: i64, body: &InputUpdate) -> Result<ForumInput, ApiError> {
    client::send(Method::PUT, &format!("/forum-inputs/{input_id}"), body).await
}

/// `POST /forums/{id}/commitments`: the linked aspirasi become "committed".
pub async fn add_commitment(forum_id: i64, body: &NewCommitment) -> Result<ForumCommitment, ApiError> {
    client::send(Method::POST, &format!("/forums/{forum_id}/commitments"), body).await
}

/// `PUT /forum-commitments/{id}`: done (with a note) or reopened.
pub async fn update_commitment(commitment_id: i64, body: &TaskUpdate) -> Result<ForumCommitment, ApiError> {
    client::send(Method::PUT, &format!("/forum-commitments/{commitment_id}"), body).await
}

/// `POST /forum-commitments/{id}/target`: the commitment becomes an official's RHK.
pub async fn target(commitment_id: i64, body: kinerja_types::CommitmentTarget) -> Result<ForumCommitment, ApiError> {
    client::send(Method::POST, &format!("/forum-commitments/{commitment_id}/target"), &body).await
}

/// `PUT /forum-commitments/{id}/progress`.
pub async fn progress(
    commitment_id: i64,
    body: kinerja_types::CommitmentProgress,
) -> Result<ForumCommitment, ApiError> {
    client::send(Method::PUT, &format!("/forum-commitments/{commitment_id}/progress"), &body).await
}

/// `POST /forum-commitments/{id}/milestones`.
pub async fn add_milestone(commitment_id: i64, body: kinerja_types::NewMilestone) -> Result<ForumCommitment, ApiError> {
    client::send(Method::POST, &format!("/forum-commitments/{commitment_id}/milestones"), &body).await
}

/// `PUT /forum-commitments/{id}/milestones/{milestone_id}`: done or not.
pub async fn set_milestone(commitment_id: i64, milestone_id: i64, done: bool) -> Result<ForumCommitment, ApiError> {
    let body = kinerja_types::MilestoneUpdate { done };
    client::send(Method::PUT, &format!("/forum-commitments/{commitment_id}/milestones/{milestone_id}"), &body).await
}
