//! The staff side of complaints: the queue, one complaint, its history and its workflow steps.

use super::client;
use super::ApiError;
use gloo_net::http::Method;
use kinerja_domain::ComplaintStatus;
use kinerja_types::{Complaint, ComplaintEvent, ComplaintTransition, Page};

/// Filters of the queue.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ComplaintFilter {
    pub status: Option<ComplaintStatus>,
    /// Only the overdue ones.
    pub overdue: bool,
    pub page: u64,
    pub per_page: u64,
}

/// `GET /complaints?status=&overdue=&page=&per_page=`: overdue first, then by deadline.
pub async fn list(filter: &ComplaintFilter) -> Result<Page<Complaint>, ApiError> {
    let mut query = vec![("page", filter.page.max(1).to_string()), ("per_page", filter.per_page.to_string())];
    if let Some(status) = filter.status {
        query.push(("status", status.as_str().to_owned()));
    }
    if filter.overdue {
        query.push(("overdue", "true".to_owned()));
    }
    client::get("/complaints", &query).await
}

/// `GET /complaints/{id}`.
pub async fn get(id: i64) -> Result<Complaint, ApiError> {
    client::get(&format!("/complaints/{id}"), &[]).await
}

/// `GET /complaints/{id}/history`, oldest first.
pub async fn history(id: i64) -> Result<Vec<ComplaintEvent>, ApiError> {
    client::items(&format!("/complaints/{id}/history"), &[]).await
}

/// `POST /complaints/{id}/transition`.
pub async fn transition(id: i64, step: &ComplaintTransition) -> Result<Complaint, ApiError> {
    client::send(Method::POST, &format!("/complaints/{id}/transition"), step).await
}

/// `POST /complaints/{id}/postpone`: a documented postponement of the follow-up.
pub async fn postpone(id: i64, body: &kinerja_types::ComplaintPostponement) -> Result<Complaint, ApiError> {
    client::send(Method::POST, &format!("/complaints/{id}/postpone"), body).await
}
