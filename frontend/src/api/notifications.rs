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

/// How many notifications are unread: `GET /notifications?unread=true&per_page=1`, its total.
pub async fn unread_count() -> Result<u64, ApiError> {
    let query = [("unread", "true".to_owned()), ("page", "1".to_owned()), ("per_page", "1".to_owned())];
    client::get::<Page<Notification>>("/notifications", &query).await.map(|page| page.total)
}

/// The latest notifications and how many are unread, for the bell.
#[derive(Debug, Clone, PartialEq)]
pub struct Inbox {
    pub latest: Vec<Notification>,
    pub unread: u64,
}

/// The `latest` newest notifications and the unread count, asked for together.
pub async fn inbox(latest: u64) -> Result<Inbox, ApiError> {
    let (page, unread) = futures::join!(list(1, latest), unread_count());
    Ok(Inbox { latest: page?.items, unread: unread? })
}

/// `POST /notifications/{id}/read`.
pub async fn mark_read(id: i64) -> Result<(), ApiError> {
    client::act_empty(Method::POST, &format!("/notifications/{id}/read")).await
}
