//! Realisation (realisasi) of an SKP's indicators in a period.

use super::client;
use super::ApiError;
use gloo_net::http::Method;
use kinerja_domain::Period;
use kinerja_types::{FeedDecision, IndicatorFeed, Page, Realization, RealizationNote};

/// `GET /skps/{id}/realization?period=`.
pub async fn get(skp_id: i64, period: Period) -> Result<Realization, ApiError> {
    client::get(&format!("/skps/{skp_id}/realization"), &[("period", period.to_string())]).await
}

/// `PUT /skps/{id}/realization` (owner): the narrative and evidence of one indicator; answers the
/// period's realisation as it now stands.
pub async fn save_note(skp_id: i64, note: &RealizationNote) -> Result<Realization, ApiError> {
    client::send(Method::PUT, &format!("/skps/{skp_id}/realization"), note).await
}

/// `GET /indicator-feeds?skp_id=`: the feeds of other systems on the plan's indicators, undecided
/// first (one page of up to 100: a plan has a handful of indicators).
pub async fn feeds(skp_id: i64) -> Result<Page<IndicatorFeed>, ApiError> {
    client::get("/indicator-feeds", &[("skp_id", skp_id.to_string()), ("per_page", "100".to_owned())]).await
}

/// `POST /indicator-feeds/{id}/decision` (the penilai, once).
pub async fn decide_feed(feed_id: i64, decision: FeedDecision) -> Result<IndicatorFeed, ApiError> {
    client::send(Method::POST, &format!("/indicator-feeds/{feed_id}/decision"), &decision).await
}
