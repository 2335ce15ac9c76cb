//! Exports toward BKN e-Kinerja: the check before, the export itself, its reconciliation report
//! and its file.

use super::client::{self, Download, FileFormat};
use super::ApiError;
use gloo_net::http::Method;
use kinerja_types::{BknExport, BknPreview, NewBknExport, Page};

/// `POST /bkn-exports?preview=true`: what the export would hold and what blocks it.
pub async fn preview(body: NewBknExport) -> Result<BknPreview, ApiError> {
    client::send(Method::POST, "/bkn-exports?preview=true", &body).await
}

/// `POST /bkn-exports`.
pub async fn create(body: NewBknExport) -> Result<BknExport, ApiError> {
    client::send(Method::POST, "/bkn-exports", &body).await
}

/// `GET /bkn-exports?page=&per_page=`.
pub async fn list(page: u64, per_page: u64) -> Result<Page<BknExport>, ApiError> {
    client::get("/bkn-exports", &[("page", page.to_string()), ("per_page", per_page.to_string())]).await
}

/// `GET /bkn-exports/{id}/file`: the JSON file to upload by hand.
pub async fn file(id: i64) -> Result<Download, ApiError> {
    client::download(&format!("/bkn-exports/{id}/file"), &[]).await
}

/// `GET /bkn-exports/{id}/records`: the reconciliation report as a spreadsheet.
pub async fn report(id: i64, format: FileFormat) -> Result<Download, ApiError> {
    client::download(&format!("/bkn-exports/{id}/records"), &format.query()).await
}
