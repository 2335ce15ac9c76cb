//! Indicator feeds: another system posts the realisation it counted for an RHK indicator (an API
//! token whose routes name `/api/v1/indicator-feeds`, or an admin with the source's CSV), and the
//! penilai accepts or refuses each feed once.

use crate::error::ApiResult;
use crate::policy::{Capability, Viewer};
use crate::routes::imports::{self, ImportProblem};
use crate::routes::list::{page, PageQuery};
use crate::services::indicator_feeds::{self as feeds, Filter};
use crate::state::AppState;
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use kinerja_domain::FeedStatus;
use kinerja_types::{FeedDecision, FeedValue, ImportReport, IndicatorFeed, NewFeedValue, Page, Problem};
use serde::Deserialize;
use utoipa::IntoParams;
use validator::Validate;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(post_value).service(import_values).service(list_feeds).service(feed_values).service(decide);
}

/// Posts one value a source system counted for an indicator of an approved SKP (an API token with
/// write access whose routes name this one, within its unit; or an admin). The first value of a
/// source opens its feed, `pending` until the penilai decides; posting a reference again corrects
/// its value (200) instead of adding one (201). Values of an accepted feed count in the
/// realisation at once.
#[utoipa::path(tag = "activities", security(("bearer" = [])), request_body = NewFeedValue,
    responses((status = 201, body = FeedValue), (status = 200, body = FeedValue, description = "a reference posted before, corrected"),
        (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
#[post("/indicator-feeds")]
pub async fn post_value(
    state: web::Data<AppState>,
    viewer: Viewer,
    body: web::Json<NewFeedValue>,
) -> ApiResult<HttpResponse> {
    body.validate()?;
    let txn = crate::db::begin(&state.db).await?;
    let (value, created) = feeds::post(&txn, &viewer, &body).await?;
    txn.commit().await?;
    Ok(if created { HttpResponse::Created() } else { HttpResponse::Ok() }.json(value))
}

/// Imports values from a CSV, all or nothing (as `POST /indicator-feeds`, row by row). Header:
/// `indicator_id,period,value,source,reference`.
#[utoipa::path(tag = "activities", security(("bearer" = [])), request_body(content = String, content_type = "text/csv"),
    responses((status = 200, body = ImportReport), (status = 403, body = Problem), (status = 415, body = Problem), (status = 422, body = ImportProblem)))]
#[post("/indicator-feeds/import")]
pub async fn import_values(
    req: HttpRequest,
    state: web::Data<AppState>,
    viewer: Viewer,
    body: web::Bytes,
) -> ApiResult<HttpResponse> {
    viewer.require(Capability::FeedIndicators(None))?;
    imports::require_csv(&req)?;
    let txn = crate::db::begin(&state.db).await?;
    let result = feeds::import(&txn, &viewer, &body).await;
    if result.is_ok() {
        txn.commit().await?;
    } else {
        txn.rollback().await?;
    }
    imports::answer(result)
}

/// Which feeds.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct FeedQuery {
    /// The feeds of one SKP.
    pub skp_id: Option<i64>,
    /// `pending`, `accepted` or `refused`.
    pub status: Option<FeedStatus>,
}

/// Feeds the caller may read (of the SKPs they read: owner, penilai chain, heads, admin,
/// auditor), undecided first.
#[utoipa::path(tag = "activities", security(("bearer" = [])), params(FeedQuery, PageQuery),
    responses((status = 200, body = Page<IndicatorFeed>), (status = 404, body = Problem)))]
#[get("/indicator-feeds")]
pub async fn list_feeds(
    state: web::Data<AppState>,
    viewer: Viewer,
    q: web::Query<FeedQuery>,
    paging: web::Query<PageQuery>,
) -> ApiResult<web::Json<Page<IndicatorFeed>>> {
    let filter = Filter { skp_id: q.skp_id, status: q.status };
    let (rows, total) = feeds::list(&state.db, &viewer, &filter, paging.offset(), paging.per_page()).await?;
    Ok(web::Json(page(rows, total, &paging)))
}

/// A feed's values with their provenance, latest period first.
#[utoipa::path(tag = "activities", security(("bearer" = [])), params(("id" = i64, Path), PageQuery),
    responses((status = 200, body = Page<FeedValue>), (status = 404, body = Problem)))]
#[get("/indicator-feeds/{id}/values")]
pub async fn feed_values(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<i64>,
    paging: web::Query<PageQuery>,
) -> ApiResult<web::Json<Page<FeedValue>>> {
    let (rows, total) =
        feeds::values_of(&state.db, &viewer, id.into_inner(), paging.offset(), paging.per_page()).await?;
    Ok(web::Json(page(rows, total, &paging)))
}

/// The penilai accepts or refuses a feed, once (a refusal with its reason): the same answer again
/// changes nothing, the other one is a 409.
#[utoipa::path(tag = "activities", security(("bearer" = [])), params(("id" = i64, Path)), request_body = FeedDecision,
    responses((status = 200, body = IndicatorFeed), (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
#[post("/indicator-feeds/{id}/decision")]
pub async fn decide(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<i64>,
    body: web::Json<FeedDecision>,
) -> ApiResult<web::Json<IndicatorFeed>> {
    body.validate()?;
    let txn = crate::db::begin(&state.db).await?;
    let out = feeds::decide(&txn, &viewer, id.into_inner(), &body).await?;
    txn.commit().await?;
    Ok(web::Json(out))
}
