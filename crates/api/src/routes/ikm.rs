//! The satisfaction index of a service unit (IKM), its publication and custom weights, and the
//! registration of counter kiosks — for the unit's heads and operators, admins and auditors.

use crate::audit::{self, Change};
use crate::auth::tokens::{digest, random_token};
use crate::entities::{ikm_publications, ikm_settings, kiosks};
use crate::error::{ApiError, ApiResult};
use crate::policy::{Capability, Viewer};
use crate::services::ikm::report;
use crate::state::AppState;
use actix_web::{get, post, put, web, HttpResponse};
use chrono::{Datelike, Utc};
use kinerja_domain::ikm::check_weights;
use kinerja_domain::Period;
use kinerja_types::{IkmPublish, IkmReport, IkmWeights, KioskCreated, NewKiosk, Problem};
use sea_orm::sea_query::OnConflict;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use serde::Deserialize;
use utoipa::IntoParams;
use validator::Validate;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(unit_ikm).service(publish).service(set_weights).service(register_kiosk);
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
            Some(p) => p.parse().map_err(|e: kinerja_domain::PeriodError| ApiError::field("period", e.to_string())),
        }
    }
}

/// 404 outside the viewer's sight; 403 unless it manages (`write`) or reads the unit's service work.
async fn require_unit_staff(db: &impl ConnectionTrait, viewer: &Viewer, unit_id: i64, write: bool) -> ApiResult<()> {
    let capability = if write { Capability::ManageService } else { Capability::ReadUnit };
    crate::services::units::with(db, viewer, unit_id, capability).await.map(|_| ())
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
    require_unit_staff(&state.db, &viewer, unit, false).await?;
    let today = state.settings().await?.today();
    Ok(web::Json(report(&state.db, unit, &q.period(today)?).await?))
}

/// Publishes the unit's result for a period, making it public.
#[utoipa::path(tag = "ikm", security(("bearer" = [])), params(("id" = i64, Path)), request_body = IkmPublish,
    responses((status = 200, body = IkmReport), (status = 403, body = Problem), (status = 404, body = Problem)))]
#[post("/units/{id}/ikm/publish")]
pub async fn publish(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<i64>,
    body: web::Json<IkmPublish>,
) -> ApiResult<web::Json<IkmReport>> {
    let unit = id.into_inner();
    let period: Period =
        body.period.parse().map_err(|e: kinerja_domain::PeriodError| ApiError::field("period", e.to_string()))?;
    let txn = crate::db::begin(&state.db).await?;
    require_unit_staff(&txn, &viewer, unit, true).await?;
    let already = ikm_publications::Entity::find()
        .filter(ikm_publications::Column::UnitId.eq(unit))
        .filter(ikm_publications::Column::Period.eq(period.to_string()))
        .one(&txn)
        .await?;
    if already.is_none() {
        ikm_publications::ActiveModel {
            unit_id: Set(unit),
            period: Set(period.to_string()),
            published_by_user_id: Set(viewer.user_id),
            published_at: Set(Utc::now()),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
    }
    let out = report(&txn, unit, &period).await?;
    audit::record(&txn, &viewer.actor(), Change::new("ikm.publish", "unit", unit).after(&out)).await?;
    txn.commit().await?;
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
    require_unit_staff(&txn, &viewer, unit, true).await?;
    let weights = match &body.weights {
        Some(w) => Some(check_weights(w).map_err(|m| ApiError::field("weights", m))?),
        None => None,
    };
    ikm_settings::Entity::insert(ikm_settings::ActiveModel {
        unit_id: Set(unit),
        weights: Set(weights.map(|w| serde_json::to_string(&w.to_vec()).unwrap_or_default())),
        updated_at: Set(Utc::now()),
        ..Default::default()
    })
    .on_conflict(
        OnConflict::column(ikm_settings::Column::UnitId)
            .update_columns([ikm_settings::Column::Weights, ikm_settings::Column::UpdatedAt])
            .to_owned(),
    )
    .exec(&txn)
    .await?;
    audit::record(&txn, &viewer.actor(), Change::new("ikm.weights", "unit", unit).after(&body.weights)).await?;
    txn.commit().await?;
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
    require_unit_staff(&txn, &viewer, unit, true).await?;
    let token = format!("kiosk_{}", random_token(24));
    let row = kiosks::ActiveModel {
        unit_id: Set(unit),
        name: Set(body.name.trim().to_owned()),
        token_hash: Set(digest(&token)),
        created_by_user_id: Set(viewer.user_id),
        created_at: Set(Utc::now()),
        revoked_at: Set(None),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    audit::record(
        &txn,
        &viewer.actor(),
        Change::new("kiosk.create", "kiosk", row.id).after(&serde_json::json!({ "unit_id": unit, "name": row.name })),
    )
    .await?;
    txn.commit().await?;
    Ok(HttpResponse::Created().json(KioskCreated { id: row.id, token }))
}
