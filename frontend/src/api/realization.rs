//! Realisation (realisasi) of an SKP's indicators in a period.

use super::client;
use super::ApiError;
use gloo_net::http::Method;
use kinerja_domain::Period;
use kinerja_types::{Realization, RealizationNote};

/// `GET /skps/{id}/realization?period=`.
pub async fn get(skp_id: i64, period: Period) -> Result<Realization, ApiError> {
    client::get(&format!("/skps/{skp_id}/realization"), &[("period", period.to_string())]).await
}

/// `PUT /skps/{id}/realization` (owner): the narrative and evidence of one indicator; answers the
/// period's realisation as it now stands.
pub async fn save_note(skp_id: i64, note: &RealizationNote) -> Result<Realization, ApiError> {
    client::send(Method::PUT, &format!("/skps/{skp_id}/realization"), note).await
}
