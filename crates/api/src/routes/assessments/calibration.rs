//! Calibration: the organisation predikat a parent unit's head sets, the distribution of predikat in
//! a unit subtree against the expected pattern (warnings, never blocks), and the assessment report.

use crate::audit::{self, Change};
use crate::entities::{assessments, employees, org_predikats, units};
use crate::error::{ApiError, ApiResult};
use crate::policy::{Capability, Viewer};
use crate::routes::list::PageQuery;
use crate::routes::reports;
use crate::services::org_tree::unit_subtree;
use crate::state::AppState;
use actix_web::{get, put, web, HttpRequest, HttpResponse};
use chrono::Utc;
use kinerja_domain::Period;
use kinerja_types::{AssessmentReportRow, Distribution, OrgPredikatRequest, Page, Problem};
use sea_orm::sea_query::OnConflict;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, Set};
use serde::Deserialize;
use std::collections::HashMap;
use utoipa::IntoParams;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(set_org_predikat).service(distribution).service(report);
}

fn parse_period(raw: &str) -> ApiResult<Period> {
    raw.parse().map_err(|e: kinerja_domain::PeriodError| ApiError::field("period", e.to_string()))
}

/// Sets a unit's organisation predikat for a period (the head of the parent unit, or an admin).
#[utoipa::path(tag = "assessments", security(("bearer" = [])), params(("id" = i64, Path)), request_body = OrgPredikatRequest,
    responses((status = 200, body = OrgPredikatRequest), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
#[put("/units/{id}/org-predikat")]
pub async fn set_org_predikat(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<i64>,
    body: web::Json<OrgPredikatRequest>,
) -> ApiResult<web::Json<OrgPredikatRequest>> {
    let period = parse_period(&body.period)?;
    let txn = crate::db::begin(&state.db).await?;
    let unit = crate::services::units::visible(&txn, &viewer, id.into_inner()).await?;
    viewer.require(Capability::SetOrgPredikat(unit.parent_id))?;
    org_predikats::Entity::insert(org_predikats::ActiveModel {
        unit_id: Set(unit.id),
        period: Set(period.to_string()),
        predikat: Set(body.predikat),
        set_by_user_id: Set(viewer.user_id),
        set_at: Set(Utc::now()),
        ..Default::default()
    })
    .on_conflict(
        OnConflict::columns([org_predikats::Column::UnitId, org_predikats::Column::Period])
            .update_columns([
                org_predikats::Column::Predikat,
                org_predikats::Column::SetByUserId,
                org_predikats::Column::SetAt,
            ])
            .to_owned(),
    )
    .exec(&txn)
    .await?;
    let out = OrgPredikatRequest { period: period.to_string(), predikat: body.predikat };
    audit::record(&txn, &viewer.actor(), Change::new("org_predikat.set", "unit", unit.id).after(&out)).await?;
    txn.commit().await?;
    Ok(web::Json(out))
}

/// The period asked for.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PeriodQuery {
    pub period: String,
}

/// Counts and shares of predikat in the unit's subtree for a period, the organisation predikat and
/// each deviation from its expected distribution in words, and the 3×3 grid of result × behaviour.
#[utoipa::path(tag = "assessments", security(("bearer" = [])), params(("id" = i64, Path), PeriodQuery),
    responses((status = 200, body = Distribution), (status = 403, body = Problem), (status = 404, body = Problem)))]
#[get("/units/{id}/distribution")]
pub async fn distribution(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<i64>,
    q: web::Query<PeriodQuery>,
) -> ApiResult<web::Json<Distribution>> {
    let unit_id = id.into_inner();
    let period = parse_period(&q.period)?;
    crate::services::units::with(&state.db, &viewer, unit_id, Capability::ReadUnit).await?;
    let subtree: Vec<i64> = unit_subtree(&state.db, unit_id).await?.into_iter().collect();
    Ok(web::Json(crate::services::rating::distribution(&state.db, unit_id, &subtree, &period).await?))
}

/// One row per assessed employee: NIP, name, unit, position, both ratings, predikat, status; JSON or CSV.
#[utoipa::path(tag = "assessments", security(("bearer" = [])), params(reports::ReportQuery, PageQuery),
    responses((status = 200, body = Page<AssessmentReportRow>), (status = 403, body = Problem), (status = 404, body = Problem)))]
#[get("/reports/assessments")]
pub async fn report(
    req: HttpRequest,
    state: web::Data<AppState>,
    viewer: Viewer,
    q: web::Query<reports::ReportQuery>,
    paging: web::Query<PageQuery>,
) -> ApiResult<HttpResponse> {
    let period = parse_period(&q.period)?;
    let mut select = assessments::Entity::find().filter(assessments::Column::Period.eq(period.to_string()));
    if let Some(subtree) = reports::scope(&state.db, &viewer, q.unit_id).await? {
        select = select.filter(assessments::Column::UnitId.is_in(subtree));
    }
    let rows = select.all(&state.db).await?;
    let people: HashMap<i64, employees::Model> = employees::Entity::find()
        .filter(employees::Column::Id.is_in(rows.iter().map(|a| a.employee_id).collect::<Vec<_>>()))
        .all(&state.db)
        .await?
        .into_iter()
        .map(|e| (e.id, e))
        .collect();
    let unit_names: HashMap<i64, String> =
        units::Entity::find().all(&state.db).await?.into_iter().map(|u| (u.id, u.name)).collect();
    let mut items: Vec<AssessmentReportRow> = rows
        .iter()
        .filter_map(|a| {
            let e = people.get(&a.employee_id)?;
            Some(AssessmentReportRow {
                assessment_id: a.id,
                employee_id: e.id,
                nip: e.nip.clone(),
                name: e.name.clone(),
                unit: unit_names.get(&a.unit_id).cloned().unwrap_or_default(),
                position: e.position_title.clone(),
                period: a.period.clone(),
                result_rating: a.result_rating,
                behavior_rating: a.behavior_rating,
                predikat: a.predikat,
                status: a.status,
            })
        })
        .collect();
    items.sort_by(|a, b| a.unit.cmp(&b.unit).then(a.name.cmp(&b.name)));
    reports::answer(&req, &paging, items, &format!("penilaian-{period}"))
}
