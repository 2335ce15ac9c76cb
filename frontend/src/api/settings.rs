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

/// `POST /settings/holidays` (admin): a CSV of `date,name[,kind]`, all or nothing; the years it
/// names get its holidays.
pub async fn import_holidays(csv: String) -> Result<kinerja_types::HolidayImport, super::imports::ImportFailure> {
    super::imports::import("/settings/holidays", csv).await
}
