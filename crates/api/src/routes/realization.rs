//! Realisation of an SKP per indicator and period: `kuantitas` summed from approved activities'
//! output, with the owner's narrative and evidence, against the target.

use crate::error::{ApiError, ApiResult};
use crate::policy::Viewer;
use crate::services::realization::{compute, set_note};
use crate::services::skp as svc;
use crate::state::AppState;
use actix_web::{get, put, web};
use kinerja_domain::Period;
use kinerja_types::{Invalid, Issue};
use kinerja_types::{Problem, Realization, RealizationNote};
use serde::Deserialize;
use utoipa::IntoParams;
use validator::Validate;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(get_realization).service(put_note);
}

/// The period asked for.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PeriodQuery {
    /// `2026`, `2026-Q1` or `2026-01` (default: the SKP's whole year).
    pub period: Option<String>,
}

fn parse_period(raw: Option<&str>, year: i32) -> ApiResult<Period> {
    let p: Period = match raw {
        None => Period::Year(year),
        Some(r) => r.parse().map_err(ApiError::from)?,
    };
    if p.year() != year {
        return Err(ApiError::field("period", Issue::new(Invalid::PeriodOutsideSkpYear).with("year", year)));
    }
    Ok(p)
}

/// Realisation per RHK and indicator for a period (owner, penilai chain, heads, admin, auditor).
#[utoipa::path(tag = "activities", security(("bearer" = [])), params(("id" = i64, Path), PeriodQuery),
    responses((status = 200, body = Realization), (status = 404, body = Problem), (status = 422, body = Problem)))]
#[get("/skps/{id}/realization")]
pub async fn get_realization(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<i64>,
    q: web::Query<PeriodQuery>,
) -> ApiResult<web::Json<Realization>> {
    let skp = svc::find_readable(&state.db, &viewer, id.into_inner()).await?;
    let period = parse_period(q.period.as_deref(), skp.year)?;
    Ok(web::Json(compute(&state.db, skp.id, period).await?))
}

/// Sets the owner's narrative and evidence for one indicator in a period.
#[utoipa::path(tag = "activities", security(("bearer" = [])), params(("id" = i64, Path)), request_body = RealizationNote,
    responses((status = 200, body = Realization), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
#[put("/skps/{id}/realization")]
pub async fn put_note(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<i64>,
    body: web::Json<RealizationNote>,
) -> ApiResult<web::Json<Realization>> {
    body.validate()?;
    let txn = crate::db::begin(&state.db).await?;
    let skp = svc::find_visible(&txn, &viewer, id.into_inner()).await?;
    svc::require_owner(&viewer, &skp)?;
    let period = parse_period(Some(&body.period), skp.year)?;
    let out = set_note(&txn, &viewer.actor(), skp.id, skp.employee_id, period, &body).await?;
    txn.commit().await?;
    Ok(web::Json(out))
}
