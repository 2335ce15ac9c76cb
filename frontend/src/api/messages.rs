//! The signed-in person's messages outside the app (`/me/messages`).

use super::client;
use super::ApiError;
use gloo_net::http::Method;
use kinerja_types::{ContactChange, ContactCode, MessagePreferences, MessageSettings};

/// `GET /me/messages`.
pub async fn get() -> Result<MessageSettings, ApiError> {
    client::get("/me/messages", &[]).await
}

/// `PUT /me/messages`.
pub async fn set_preferences(body: MessagePreferences) -> Result<MessageSettings, ApiError> {
    client::send(Method::PUT, "/me/messages", &body).await
}

/// `POST /me/messages/contact`: a code goes to the address.
pub async fn change_contact(body: ContactChange) -> Result<MessageSettings, ApiError> {
    client::send(Method::POST, "/me/messages/contact", &body).await
}

/// `POST /me/messages/verify`.
pub async fn verify(body: ContactCode) -> Result<MessageSettings, ApiError> {
    client::send(Method::POST, "/me/messages/verify", &body).await
}
