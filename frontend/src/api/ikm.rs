//! A service unit's satisfaction index (IKM), its publication, and counter kiosks.

use super::client;
use super::ApiError;
use gloo_net::http::Method;
use kinerja_domain::Period;
use kinerja_types::{IkmPopulation, IkmPublish, IkmReport, Kiosk, KioskCreated, NewKiosk};

/// `GET /units/{id}/ikm?period=`.
pub async fn report(unit_id: i64, period: Period) -> Result<IkmReport, ApiError> {
    client::get(&format!("/units/{unit_id}/ikm"), &[("period", period.to_string())]).await
}

/// `POST /units/{id}/ikm/publish`: makes the period's result public; `confirm_insufficient_sample`
/// when the sample is below the minimum (or the population unknown).
pub async fn publish(unit_id: i64, period: Period, confirm_insufficient_sample: bool) -> Result<IkmReport, ApiError> {
    let body = IkmPublish { period: period.to_string(), confirm_insufficient_sample };
    client::send(Method::POST, &format!("/units/{unit_id}/ikm/publish"), &body).await
}

/// `PUT /units/{id}/ikm-population`: the service users of the period, for the minimum sample.
pub async fn set_population(unit_id: i64, period: Period, population: u64) -> Result<IkmReport, ApiError> {
    let body = IkmPopulation { period: period.to_string(), population };
    client::send(Method::PUT, &format!("/units/{unit_id}/ikm-population"), &body).await
}

/// `POST /units/{id}/kiosks`: the new kiosk's token, shown this once.
pub async fn register_kiosk(unit_id: i64, kiosk: &NewKiosk) -> Result<KioskCreated, ApiError> {
    client::send(Method::POST, &format!("/units/{unit_id}/kiosks"), kiosk).await
}

/// `GET /units/{id}/kiosks`: every kiosk of the unit, revoked ones included.
pub async fn kiosks(unit_id: i64) -> Result<Vec<Kiosk>, ApiError> {
    client::items(&format!("/units/{unit_id}/kiosks"), &[]).await
}

/// `DELETE /units/{id}/kiosks/{kiosk_id}`: the kiosk's token stops sending surveys.
pub async fn revoke_kiosk(unit_id: i64, kiosk_id: i64) -> Result<(), ApiError> {
    client::act_empty(Method::DELETE, &format!("/units/{unit_id}/kiosks/{kiosk_id}")).await
}
