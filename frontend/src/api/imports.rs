//! CSV imports: the server takes a whole file or nothing, and when it refuses one it lists every
//! bad cell with its line, so the person can fix the file in one go.

use super::client;
use super::ApiError;
use kinerja_types::ImportError;
use serde::de::DeserializeOwned;
use serde::Deserialize;

/// Why an import did not happen.
#[derive(Debug, Clone, PartialEq)]
pub enum ImportFailure {
    /// The file was read and refused: nothing was written. Each bad cell with its line.
    Rows { detail: String, rows: Vec<ImportError> },
    /// Anything else (not allowed, the server is down...).
    Failed(ApiError),
}

/// The body of a refused import (a problem+json with the rows beside its fields).
#[derive(Deserialize)]
struct Refusal {
    #[serde(default)]
    detail: String,
    #[serde(default)]
    rows: Vec<ImportError>,
}

/// `POST {path}` of a CSV file's text; the report of what was written, or why nothing was.
pub async fn import<T: DeserializeOwned>(path: &str, csv: String) -> Result<T, ImportFailure> {
    answer(client::post_csv(path, csv).await.map_err(ImportFailure::Failed)?).await
}

/// `POST {path}` of a file's bytes (a workbook) of `content_type`; as [`import`].
pub async fn import_file<T: DeserializeOwned>(
    path: &str,
    query: &client::Query<'_>,
    bytes: &[u8],
    content_type: &str,
) -> Result<T, ImportFailure> {
    answer(client::post_file(path, query, bytes, content_type).await.map_err(ImportFailure::Failed)?).await
}

/// The report of what was written, or why nothing was.
async fn answer<T: DeserializeOwned>(response: gloo_net::http::Response) -> Result<T, ImportFailure> {
    if response.status() != 422 {
        return client::decode(response).await.map_err(ImportFailure::Failed);
    }
    let body = response.text().await.map_err(|_| ImportFailure::Failed(ApiError::BadResponse))?;
    match serde_json::from_str::<Refusal>(&body) {
        Ok(refusal) if !refusal.rows.is_empty() => {
            Err(ImportFailure::Rows { detail: refusal.detail, rows: refusal.rows })
        }
        // A 422 without rows (an empty file, a wrong header) is an ordinary invalid request.
        _ => {
            let problem = serde_json::from_str(&body).ok();
            Err(ImportFailure::Failed(ApiError::from_status(422, problem)))
        }
    }
}
