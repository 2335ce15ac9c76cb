//! The signed-in user's notifications.

use super::client;
use super::ApiError;
use gloo_net::http::Method;
use kinerja_types::{Notification, Page, Waiting};

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

/// The latest notifications, how many are unread, and what waits for the person's decision: for
/// the bell, the menu and the home page.
#[derive(Debug, Clone, PartialEq)]
pub struct Inbox {
    pub latest: Vec<Notification>,
    pub unread: u64,
    pub waiting: Waiting,
}

/// `GET /me/waiting`.
pub async fn waiting() -> Result<Waiting, ApiError> {
    client::get("/me/waiting", &[]).await
}

/// The `latest` newest notifications, the unread count and the waiting work, asked for together.
/// The waiting counts are a nicety: when they cannot be read, none are shown.
pub async fn inbox(latest: u64) -> Result<Inbox, ApiError> {
    let (page, unread, waiting) = futures::join!(list(1, latest), unread_count(), waiting());
    Ok(Inbox { latest: page?.items, unread: unread?, waiting: waiting.unwrap_or_default() })
}

/// `POST /notifications/{id}/read`.
pub async fn mark_read(id: i64) -> Result<(), ApiError> {
    client::act_empty(Method::POST, &format!("/notifications/{id}/read")).await
}
