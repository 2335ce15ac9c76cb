//! Sign-in, sign-out and the signed-in user.

use super::client;
use super::session::Tokens;
use super::ApiError;
use kinerja_types::{LoginRequest, LogoutRequest, Me, TokenPair};

/// `POST /auth/login`.
pub async fn login(request: &LoginRequest) -> Result<TokenPair, ApiError> {
    client::post_anonymous("/auth/login", request).await
}

/// `POST /auth/forgot`: a link to the account's verified channels, if any.
pub async fn forgot(request: kinerja_types::ForgotPassword) -> Result<(), ApiError> {
    client::post_anonymous_empty("/auth/forgot", &request).await
}

/// `POST /auth/reset`: a new password with the link's secret.
pub async fn reset(request: kinerja_types::ResetWithLink) -> Result<(), ApiError> {
    client::post_anonymous_empty("/auth/reset", &request).await
}

/// `POST /auth/logout`: revokes the refresh token of `tokens` on the server.
pub async fn logout(tokens: &Tokens) -> Result<(), ApiError> {
    let body = LogoutRequest { refresh_token: tokens.refresh_token.clone() };
    client::post_as(tokens, "/auth/logout", &body).await
}

/// `GET /me`.
pub async fn me() -> Result<Me, ApiError> {
    client::get("/me", &[]).await
}
