//! API tokens for other systems (admin): listed without secrets, created (the secret shown once),
//! revoked.

use super::client;
use super::ApiError;
use gloo_net::http::Method;
use kinerja_types::{ApiToken, ApiTokenCreated, NewApiToken, Page};

/// How many tokens one page lists: a Pemda has a handful.
const PER_PAGE: u64 = 100;

/// `GET /api-tokens`: newest first.
pub async fn list() -> Result<Page<ApiToken>, ApiError> {
    client::get("/api-tokens", &[("page", "1".to_owned()), ("per_page", PER_PAGE.to_string())]).await
}

/// `POST /api-tokens`: the answer carries the secret, this once.
pub async fn create(token: &NewApiToken) -> Result<ApiTokenCreated, ApiError> {
    client::send(Method::POST, "/api-tokens", token).await
}

/// `DELETE /api-tokens/{id}`: the token stops working at once.
pub async fn revoke(id: i64) -> Result<(), ApiError> {
    client::act_empty(Method::DELETE, &format!("/api-tokens/{id}")).await
}
