//! The Pemda's settings.

use super::client;
use super::ApiError;
use gloo_net::http::Method;
use kinerja_types::PemdaSettings;
use serde_json::{Map, Value};

/// `GET /settings`.
pub async fn get() -> Result<PemdaSettings, ApiError> {
    client::get("/settings", &[]).await
}

/// `PATCH /settings` with only the changed fields; answers the settings as saved.
pub async fn patch(changes: &Map<String, Value>) -> Result<PemdaSettings, ApiError> {
    client::send(Method::PATCH, "/settings", changes).await
}
