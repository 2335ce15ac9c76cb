//! Messages outside the app (admin): the delivery log and a test message.

use super::client;
use super::ApiError;
use gloo_net::http::Method;
use kinerja_types::{Delivery, Page, TestDelivery};

/// `GET /deliveries?page=&per_page=`.
pub async fn list(page: u64, per_page: u64) -> Result<Page<Delivery>, ApiError> {
    let query = [("page", page.to_string()), ("per_page", per_page.to_string())];
    client::get("/deliveries", &query).await
}

/// `POST /deliveries/test`.
pub async fn test(body: TestDelivery) -> Result<Delivery, ApiError> {
    client::send(Method::POST, "/deliveries/test", &body).await
}
