//! Assessments (penilaian): the penilai rates, the server computes the predikat; the flow is in
//! `flow`, calibration and reports in `calibration`.

pub mod calibration;
pub mod evidence;
pub mod flow;

use crate::audit::{self, Change};
use crate::entities::{assessments, employees};
use crate::error::{ApiError, ApiResult, ConflictExt};
use crate::policy::Viewer;
use crate::routes::list::{fetch_page, page, respond, PageQuery};
use crate::state::AppState;
use actix_web::{get, post, put, web, HttpRequest, HttpResponse};
use chrono::{Duration, Utc};
use kinerja_domain::rating::predikat;
use kinerja_domain::{AssessmentAction, AssessmentStatus, CoreValue, Period};
use kinerja_types::{Assessment, NewAssessment, Page, PemdaSettings, Problem};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter, QueryOrder, Set,
};
use serde::Deserialize;
use std::collections::BTreeMap;
use utoipa::IntoParams;
use validator::Validate;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.configure(flow::configure)
        .configure(calibration::configure)
        .configure(evidence::configure)
        .service(list_assessments)
        .service(create_assessment)
        .service(get_assessment)
        .service(update_assessment);
}

/// The status of a stored assessment.
pub fn status(a: &assessments::Model) -> AssessmentStatus {
    a.status
}

/// An assessment on the wire.
pub fn to_wire(a: &assessments::Model, name: &str, settings: &PemdaSettings) -> Assessment {
    Assessment {
        id: a.id,
        employee_id: a.employee_id,
        employee_name: name.to_owned(),
        penilai_id: a.penilai_id,
        atasan_penilai_id: a.atasan_penilai_id,
        unit_id: a.unit_id,
        period: a.period.clone(),
        result_rating: a.result_rating,
        behavior_rating: a.behavior_rating,
        behavior_notes: crate::stored::json("assessments.behavior_notes", &a.behavior_notes),
        note: a.note.clone(),
        predikat: a.predikat,
        status: status(a),
        finalized_at: a.finalized_at,
        objection_deadline: a.finalized_at.map(|f| {
            (f + Duration::minutes(i64::from(settings.utc_offset_minutes))).date_naive()
                + Duration::days(i64::from(settings.objection_days))
        }),
        objection_reason: a.objection_reason.clone(),
        decision_outcome: a.decision_outcome.clone(),
        decision_reason: a.decision_reason.clone(),
        created_at: a.created_at,
    }
}

/// Checks a period against the Pemda's frequency: the annual one, or a quarter/month as configured.
pub fn check_period(raw: &str, settings: &PemdaSettings) -> ApiResult<Period> {
    use kinerja_types::AssessmentFrequency::*;
    let p: Period = raw.parse().map_err(|e: kinerja_domain::PeriodError| ApiError::field("period", e.to_string()))?;
    match (p, settings.assessment_frequency) {
        (Period::Year(_), _) | (Period::Quarter(..), Quarterly) | (Period::Month(..), Monthly) => Ok(p),
        (_, Quarterly) => {
            Err(ApiError::field("period", "penilaian periodik di Pemda ini per triwulan, misalnya 2026-Q1"))
        }
        (_, Monthly) => Err(ApiError::field("period", "penilaian periodik di Pemda ini per bulan, misalnya 2026-01")),
    }
}

/// Loads an assessment whose employee the viewer may see, else 404.
pub async fn find_visible(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    id: i64,
) -> ApiResult<(assessments::Model, employees::Model)> {
    let a = assessments::Entity::find_by_id(id).one(db).await?.ok_or(ApiError::NotFound)?;
    let scope = viewer.scope();
    let e = crate::services::people::find_visible(db, scope, a.employee_id).await?;
    Ok((a, e))
}

/// Filters of the assessment list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AssessmentFilter {
    pub employee_id: Option<i64>,
    /// Only those rated by this penilai.
    pub penilai_id: Option<i64>,
    pub unit_id: Option<i64>,
    pub period: Option<String>,
    pub status: Option<AssessmentStatus>,
    /// Only objections waiting for the caller's decision.
    pub to_decide: Option<bool>,
}

/// Assessments the caller may see; JSON or CSV.
#[utoipa::path(tag = "assessments", security(("bearer" = [])), params(AssessmentFilter, PageQuery),
    responses((status = 200, body = Page<Assessment>), (status = 401, body = Problem)))]
#[get("/assessments")]
pub async fn list_assessments(
    req: HttpRequest,
    state: web::Data<AppState>,
    viewer: Viewer,
    filter: web::Query<AssessmentFilter>,
    paging: web::Query<PageQuery>,
) -> ApiResult<HttpResponse> {
    let scope = viewer.scope();
    let mut select = assessments::Entity::find().order_by_desc(assessments::Column::Id);
    if filter.to_decide.unwrap_or(false) {
        select = select
            .filter(assessments::Column::AtasanPenilaiId.eq(viewer.employee_id.unwrap_or(-1)))
            .filter(assessments::Column::Status.eq(AssessmentStatus::Objected.as_str()));
    }
    if let Some(cond) = scope.employee_column_filter(assessments::Column::EmployeeId) {
        select = select.filter(cond);
    }
    if let Some(e) = filter.employee_id {
        select = select.filter(assessments::Column::EmployeeId.eq(e));
    }
    if let Some(p) = filter.penilai_id {
        select = select.filter(assessments::Column::PenilaiId.eq(p));
    }
    if let Some(u) = filter.unit_id {
        select = select.filter(assessments::Column::UnitId.eq(u));
    }
    if let Some(p) = &filter.period {
        select = select.filter(assessments::Column::Period.eq(p.clone()));
    }
    if let Some(s) = filter.status {
        select = select.filter(assessments::Column::Status.eq(s.as_str()));
    }
    let (rows, total) = fetch_page(&state.db, select, &paging).await?;
    let names = crate::services::skp::names(&state.db, rows.iter().map(|a| a.employee_id)).await?;
    let settings = state.settings().await?;
    let items: Vec<Assessment> = rows
        .iter()
        .map(|a| to_wire(a, names.get(&a.employee_id).map(String::as_str).unwrap_or(""), &settings))
        .collect();
    respond(&req, &paging, page(items, total, &paging), "penilaian")
}

fn notes_json(notes: &BTreeMap<CoreValue, String>) -> ApiResult<String> {
    if notes.values().any(|n| n.chars().count() > 2000) {
        return Err(ApiError::field("behavior_notes", "catatan per nilai maksimal 2000 karakter"));
    }
    serde_json::to_string(notes).map_err(|e| ApiError::Internal(e.into()))
}

/// Rates a direct subordinate for a period (the penilai). The predikat follows from the matrix and
/// cannot be set directly. One assessment per employee and period.
#[utoipa::path(tag = "assessments", security(("bearer" = [])), request_body = NewAssessment,
    responses((status = 201, body = Assessment), (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
#[post("/assessments")]
pub async fn create_assessment(
    state: web::Data<AppState>,
    viewer: Viewer,
    body: web::Json<NewAssessment>,
) -> ApiResult<HttpResponse> {
    body.validate()?;
    let txn = crate::db::begin(&state.db).await?;
    let scope = viewer.scope();
    let e = crate::services::people::find_visible(&txn, scope, body.employee_id).await?;
    let Some(me) = viewer.employee_id.filter(|me| e.supervisor_id == Some(*me)) else {
        return Err(ApiError::Forbidden("penilaian diberikan oleh pejabat penilai (atasan langsung)".into()));
    };
    let settings = state.settings().await?;
    let period = check_period(&body.period, &settings)?;
    let atasan = employees::Entity::find_by_id(me).one(&txn).await?.and_then(|p| p.supervisor_id);
    let now = Utc::now();
    let row = assessments::ActiveModel {
        employee_id: Set(e.id),
        penilai_id: Set(me),
        atasan_penilai_id: Set(atasan),
        unit_id: Set(e.unit_id),
        period: Set(period.to_string()),
        result_rating: Set(body.result_rating),
        behavior_rating: Set(body.behavior_rating),
        behavior_notes: Set(notes_json(&body.behavior_notes)?),
        note: Set(body.note.clone()),
        predikat: Set(predikat(body.result_rating, body.behavior_rating)),
        status: Set(AssessmentStatus::Draft),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await
    .on_conflict("pegawai ini sudah dinilai untuk periode tersebut")?;
    let out = to_wire(&row, &e.name, &settings);
    audit::record(&txn, &viewer.actor(), Change::new("assessment.create", "assessment", row.id).after(&out)).await?;
    txn.commit().await?;
    Ok(HttpResponse::Created().json(out))
}

/// One assessment (the employee, the penilai chain, heads, admin, auditor).
#[utoipa::path(tag = "assessments", security(("bearer" = [])), params(("id" = i64, Path)),
    responses((status = 200, body = Assessment), (status = 404, body = Problem)))]
#[get("/assessments/{id}")]
pub async fn get_assessment(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<i64>,
) -> ApiResult<web::Json<Assessment>> {
    let (a, e) = find_visible(&state.db, &viewer, id.into_inner()).await?;
    let settings = state.settings().await?;
    Ok(web::Json(to_wire(&a, &e.name, &settings)))
}

/// Changes the ratings and notes (the penilai, while draft).
#[utoipa::path(tag = "assessments", security(("bearer" = [])), params(("id" = i64, Path)), request_body = NewAssessment,
    responses((status = 200, body = Assessment), (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem)))]
#[put("/assessments/{id}")]
pub async fn update_assessment(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<i64>,
    body: web::Json<NewAssessment>,
) -> ApiResult<web::Json<Assessment>> {
    body.validate()?;
    let txn = crate::db::begin(&state.db).await?;
    let (a, e) = find_visible(&txn, &viewer, id.into_inner()).await?;
    if viewer.employee_id != Some(a.penilai_id) {
        return Err(ApiError::Forbidden("hanya pejabat penilai yang mengubah penilaian".into()));
    }
    status(&a).apply(AssessmentAction::Edit).map_err(ApiError::Conflict)?;
    let settings = state.settings().await?;
    let before = to_wire(&a, &e.name, &settings);
    let mut active = a.into_active_model();
    active.result_rating = Set(body.result_rating);
    active.behavior_rating = Set(body.behavior_rating);
    active.behavior_notes = Set(notes_json(&body.behavior_notes)?);
    active.note = Set(body.note.clone());
    active.predikat = Set(predikat(body.result_rating, body.behavior_rating));
    active.updated_at = Set(Utc::now());
    let row = active.update(&txn).await?;
    let out = to_wire(&row, &e.name, &settings);
    audit::record(
        &txn,
        &viewer.actor(),
        Change::new("assessment.update", "assessment", row.id).before(&before).after(&out),
    )
    .await?;
    txn.commit().await?;
    Ok(web::Json(out))
}
