//! Sign-in, sign-out and the signed-in user.

use super::client;
use super::ApiError;
use gloo_net::http::Method;
use kinerja_types::{LoginRequest, LogoutRequest, Me, TokenPair};

/// `POST /auth/login`.
pub async fn login(request: &LoginRequest) -> Result<TokenPair, ApiError> {
    client::post_anonymous("/auth/login", request).await
}

/// `POST /auth/logout`: revokes `refresh_token` on the server.
pub async fn logout(refresh_token: String) -> Result<(), ApiError> {
    client::send_ignoring_body(Method::POST, "/auth/logout", &LogoutRequest { refresh_token }).await
}

/// `GET /me`.
pub async fn me() -> Result<Me, ApiError> {
    client::get("/me", &[]).await
}
