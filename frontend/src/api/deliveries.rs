//! Messages outside the app (admin): the delivery log, a test message, replays, and the webhook
//! subscriptions.

use super::client;
use super::ApiError;
use gloo_net::http::Method;
use kinerja_types::{Delivery, NewWebhook, Page, TestDelivery, Webhook, WebhookChange};

/// `GET /deliveries?page=&per_page=`.
pub async fn list(page: u64, per_page: u64) -> Result<Page<Delivery>, ApiError> {
    let query = [("page", page.to_string()), ("per_page", per_page.to_string())];
    client::get("/deliveries", &query).await
}

/// `POST /deliveries/test`.
pub async fn test(body: TestDelivery) -> Result<Delivery, ApiError> {
    client::send(Method::POST, "/deliveries/test", &body).await
}

/// `POST /deliveries/{id}/replay`: sends it again now.
pub async fn replay(id: i64) -> Result<Delivery, ApiError> {
    client::act(Method::POST, &format!("/deliveries/{id}/replay")).await
}

/// `GET /webhooks?page=&per_page=`.
pub async fn webhooks(page: u64, per_page: u64) -> Result<Page<Webhook>, ApiError> {
    let query = [("page", page.to_string()), ("per_page", per_page.to_string())];
    client::get("/webhooks", &query).await
}

/// `POST /webhooks`.
pub async fn subscribe(body: NewWebhook) -> Result<Webhook, ApiError> {
    client::send(Method::POST, "/webhooks", &body).await
}

/// `PATCH /webhooks/{id}`.
pub async fn change_webhook(id: i64, body: WebhookChange) -> Result<Webhook, ApiError> {
    client::send(Method::PATCH, &format!("/webhooks/{id}"), &body).await
}

/// `DELETE /webhooks/{id}`.
pub async fn remove_webhook(id: i64) -> Result<(), ApiError> {
    client::act_empty(Method::DELETE, &format!("/webhooks/{id}")).await
}
