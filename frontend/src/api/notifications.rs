//! The signed-in user's notifications.

use super::client;
use super::ApiError;
use gloo_net::http::Method;
use kinerja_types::{Notification, Page};

/// `GET /notifications?page=&per_page=`, newest first.
pub async fn list(page: u64, per_page: u64) -> Result<Page<Notification>, ApiError> {
    let query = [("page", page.max(1).to_string()), ("per_page", per_page.to_string())];
    client::get("/notifications", &query).await
}

/// `POST /notifications/{id}/read`.
pub async fn mark_read(id: i64) -> Result<(), ApiError> {
    client::act_empty(Method::POST, &format!("/notifications/{id}/read")).await
}
