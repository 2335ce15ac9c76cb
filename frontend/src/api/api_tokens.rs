//! API tokens for other systems (admin): listed without secrets, created (the secret shown once),
//! revoked.

use super::client;
use super::ApiError;
use gloo_net::http::Method;
use kinerja_types::{ApiToken, ApiTokenCreated, NewApiToken, Page};

/// `GET /api-tokens`: one page, newest first.
pub async fn list(page: u64, per_page: u64) -> Result<Page<ApiToken>, ApiError> {
    client::get("/api-tokens", &[("page", page.to_string()), ("per_page", per_page.to_string())]).await
}

/// `POST /api-tokens`: the answer carries the secret, this once.
pub async fn create(token: &NewApiToken) -> Result<ApiTokenCreated, ApiError> {
    client::send(Method::POST, "/api-tokens", token).await
}

/// `DELETE /api-tokens/{id}`: the token stops working at once.
pub async fn revoke(id: i64) -> Result<(), ApiError> {
    client::act_empty(Method::DELETE, &format!("/api-tokens/{id}")).await
}
