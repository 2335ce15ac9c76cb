//! Evidence (bukti dukung): uploaded files and links, attached to activities and realisations.

use super::client::{self, Download};
use super::ApiError;
use gloo_net::http::Method;
use kinerja_types::{Evidence, NewEvidenceLink};
use yew::Callback;

/// `POST /evidence` with `file` as the part `file`; `on_progress` follows the upload (0 to 1).
pub async fn upload(file: &web_sys::File, on_progress: Callback<f64>) -> Result<Evidence, ApiError> {
    client::upload("/evidence", file, &[], on_progress).await
}

/// `POST /evidence` under the client's `Idempotency-Key`: sent again, it stores nothing twice.
pub async fn upload_keyed(file: &web_sys::File, key: &str, on_progress: Callback<f64>) -> Result<Evidence, ApiError> {
    client::upload("/evidence", file, &[("Idempotency-Key", key.to_owned())], on_progress).await
}

/// `POST /evidence/links`.
pub async fn add_link(link: &NewEvidenceLink) -> Result<Evidence, ApiError> {
    client::send(Method::POST, "/evidence/links", link).await
}

/// `GET /evidence/{id}`: the file, or for a link its description as JSON.
pub async fn fetch(id: i64) -> Result<Download, ApiError> {
    client::download(&format!("/evidence/{id}"), &[]).await
}
