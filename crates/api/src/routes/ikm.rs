//! The satisfaction index of a service unit (IKM), its publication and custom weights, and the
//! registration of counter kiosks — for the unit's heads and operators, admins and auditors.

use crate::error::{ApiError, ApiResult};
use crate::policy::Viewer;
use crate::routes::list::{self, PageQuery};
use crate::services::ikm::{self, report};
use crate::services::kiosks;
use crate::services::service_units::require_staff;
use crate::state::AppState;
use actix_web::{delete, get, post, put, web, HttpRequest, HttpResponse};
use chrono::Datelike;
use kinerja_domain::Period;
use kinerja_types::{IkmPopulation, IkmPublish, IkmReport, IkmWeights, Kiosk, KioskCreated, NewKiosk, Page, Problem};
use serde::Deserialize;
use utoipa::IntoParams;
use validator::Validate;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(unit_ikm)
        .service(publish)
        .service(set_weights)
        .service(set_population)
        .service(register_kiosk)
        .service(list_kiosks)
        .service(revoke_kiosk);
}

/// The period asked for.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct IkmQuery {
    /// `2026`, `2026-Q3` or `2026-07` (default: the current year).
    pub period: Option<String>,
}

impl IkmQuery {
    /// The period asked for; `today` (the Pemda's date) gives the default year.
    pub fn period(&self, today: chrono::NaiveDate) -> ApiResult<Period> {
        match self.period.as_deref() {
            None => Ok(Period::Year(today.year())),
            Some(p) => p.parse().map_err(ApiError::from),
        }
    }
}

/// The unit's satisfaction index for a period: respondents, NRR per unsur, the index and its grade.
#[utoipa::path(tag = "ikm", security(("bearer" = [])), params(("id" = i64, Path), IkmQuery),
    responses((status = 200, body = IkmReport), (status = 403, body = Problem), (status = 404, body = Problem)))]
#[get("/units/{id}/ikm")]
pub async fn unit_ikm(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<i64>,
    q: web::Query<IkmQuery>,
) -> ApiResult<web::Json<IkmReport>> {
    let unit = id.into_inner();
    require_staff(&state.db, &viewer, unit, false).await?;
    let today = state.settings().await?.today();
    Ok(web::Json(report(&state.db, unit, &q.period(today)?).await?))
}

/// Publishes the unit's result for a period, making it public. Below the minimum sample (or with
/// no population recorded) it needs `confirm_insufficient_sample`, and the public page says so.
#[utoipa::path(tag = "ikm", security(("bearer" = [])), params(("id" = i64, Path)), request_body = IkmPublish,
    responses((status = 200, body = IkmReport), (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
#[post("/units/{id}/ikm/publish")]
pub async fn publish(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<i64>,
    body: web::Json<IkmPublish>,
) -> ApiResult<web::Json<IkmReport>> {
    let unit = id.into_inner();
    let period: Period = body.period.parse().map_err(ApiError::from)?;
    let txn = crate::db::begin(&state.db).await?;
    require_staff(&txn, &viewer, unit, true).await?;
    let confirmed = body.confirm_insufficient_sample;
    let out = ikm::publish(&txn, &viewer.actor(), viewer.user_id, unit, &period, confirmed).await?;
    txn.commit().await?;
    state.public_changed();
    Ok(web::Json(out))
}

/// Records the unit's population of service users for a period, from which the minimum sample
/// follows (the Krejcie–Morgan table of PermenPANRB 14/2017).
#[utoipa::path(tag = "ikm", security(("bearer" = [])), params(("id" = i64, Path)), request_body = IkmPopulation,
    responses((status = 200, body = IkmReport), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
#[put("/units/{id}/ikm-population")]
pub async fn set_population(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<i64>,
    body: web::Json<IkmPopulation>,
) -> ApiResult<web::Json<IkmReport>> {
    body.validate()?;
    let unit = id.into_inner();
    let period: Period = body.period.parse().map_err(ApiError::from)?;
    let txn = crate::db::begin(&state.db).await?;
    require_staff(&txn, &viewer, unit, true).await?;
    let out = ikm::set_population(&txn, &viewer.actor(), viewer.user_id, unit, &period, &body).await?;
    txn.commit().await?;
    state.public_changed();
    Ok(web::Json(out))
}

/// Sets custom weights of the nine unsur for the unit (they must sum to 1), or clears them.
#[utoipa::path(tag = "ikm", security(("bearer" = [])), params(("id" = i64, Path)), request_body = IkmWeights,
    responses((status = 204), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
#[put("/units/{id}/ikm-weights")]
pub async fn set_weights(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<i64>,
    body: web::Json<IkmWeights>,
) -> ApiResult<HttpResponse> {
    let unit = id.into_inner();
    let txn = crate::db::begin(&state.db).await?;
    require_staff(&txn, &viewer, unit, true).await?;
    ikm::set_weights(&txn, &viewer.actor(), unit, &body).await?;
    txn.commit().await?;
    state.public_changed();
    Ok(HttpResponse::NoContent().finish())
}

/// Registers a counter kiosk of the unit; the token is shown once.
#[utoipa::path(tag = "ikm", security(("bearer" = [])), params(("id" = i64, Path)), request_body = NewKiosk,
    responses((status = 201, body = KioskCreated), (status = 403, body = Problem), (status = 404, body = Problem)))]
#[post("/units/{id}/kiosks")]
pub async fn register_kiosk(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<i64>,
    body: web::Json<NewKiosk>,
) -> ApiResult<HttpResponse> {
    body.validate()?;
    let unit = id.into_inner();
    let txn = crate::db::begin(&state.db).await?;
    require_staff(&txn, &viewer, unit, true).await?;
    let created = kiosks::register(&txn, &viewer.actor(), viewer.user_id, unit, &body).await?;
    txn.commit().await?;
    Ok(HttpResponse::Created().json(created))
}

/// The unit's counter kiosks, newest first, revoked ones included (never their tokens); for those
/// who read the unit's service work.
#[utoipa::path(tag = "ikm", security(("bearer" = [])), params(("id" = i64, Path), PageQuery),
    responses((status = 200, body = Page<Kiosk>), (status = 403, body = Problem), (status = 404, body = Problem)))]
#[get("/units/{id}/kiosks")]
pub async fn list_kiosks(
    req: HttpRequest,
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<i64>,
    paging: web::Query<PageQuery>,
) -> ApiResult<HttpResponse> {
    let unit = id.into_inner();
    require_staff(&state.db, &viewer, unit, false).await?;
    let (items, total) = kiosks::list(&state.db, unit, paging.offset(), paging.per_page()).await?;
    list::respond(&req, &paging, list::page(items, total, &paging), "kiosk")
}

/// Revokes a counter kiosk of the unit (a lost or retired tablet): its token stops sending surveys
/// at once. Revoking it again changes nothing.
#[utoipa::path(tag = "ikm", security(("bearer" = [])), params(("id" = i64, Path), ("kiosk_id" = i64, Path)),
    responses((status = 204), (status = 403, body = Problem), (status = 404, body = Problem)))]
#[delete("/units/{id}/kiosks/{kiosk_id}")]
pub async fn revoke_kiosk(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<(i64, i64)>,
) -> ApiResult<HttpResponse> {
    let (unit, kiosk) = path.into_inner();
    let txn = crate::db::begin(&state.db).await?;
    require_staff(&txn, &viewer, unit, true).await?;
    kiosks::revoke(&txn, &viewer.actor(), unit, kiosk).await?;
    txn.commit().await?;
    Ok(HttpResponse::NoContent().finish())
}
