//! An employee's competency profile (required and assessed levels, gaps, match, training hours)
//! and the recording of assessed levels by the employee, the penilai or an admin.

use crate::audit::{self, Change};
use crate::entities::{competencies, competency_assessments, employees};
use crate::error::{ApiError, ApiResult};
use crate::policy::{Capability, Viewer};
use crate::routes::pk::YearQuery;
use crate::services::competency::{assessment_wire, profile};
use crate::state::AppState;
use actix_web::{get, post, web, HttpResponse};
use chrono::{Datelike, Utc};
use kinerja_domain::competency::{valid_level, AssessmentSource};
use kinerja_types::{CompetencyAssessment, CompetencyProfile, NewCompetencyAssessment, Problem};
use sea_orm::{ActiveModelTrait, ConnectionTrait, EntityTrait, Set};
use validator::Validate;

/// The employee, if the viewer sees them; else 404.
pub(super) async fn visible_employee(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    id: i64,
) -> ApiResult<employees::Model> {
    let scope = viewer.scope();
    crate::services::people::find_visible(db, scope, id).await
}

/// The competency profile of an employee (the employee, the supervisor chain, heads of the unit,
/// admin, auditor): each required or assessed competency with its latest level and gap, the
/// job-person match, whether a development plan is mandatory and what it should address, and the
/// training hours of the year against the expected 20.
#[utoipa::path(tag = "competencies", security(("bearer" = [])), params(("id" = i64, Path), YearQuery),
    responses((status = 200, body = CompetencyProfile), (status = 404, body = Problem), (status = 422, body = Problem)))]
#[get("/employees/{id}/competencies")]
pub async fn employee_competencies(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<i64>,
    q: web::Query<YearQuery>,
) -> ApiResult<web::Json<CompetencyProfile>> {
    let e = visible_employee(&state.db, &viewer, id.into_inner()).await?;
    let year = q.year()?;
    Ok(web::Json(profile(&state.db, &e, year).await?))
}

/// Records an assessed level: `self_assessment` by the employee, `supervisor` by the direct supervisor,
/// `assessment_centre` by an admin entering the report. Each is kept; the latest counts.
#[utoipa::path(tag = "competencies", security(("bearer" = [])), params(("id" = i64, Path)), request_body = NewCompetencyAssessment,
    responses((status = 201, body = CompetencyAssessment), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
#[post("/employees/{id}/competency-assessments")]
pub async fn assess_competency(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<i64>,
    body: web::Json<NewCompetencyAssessment>,
) -> ApiResult<HttpResponse> {
    body.validate()?;
    let txn = crate::db::begin(&state.db).await?;
    let e = visible_employee(&txn, &viewer, id.into_inner()).await?;
    let allowed = match body.source {
        AssessmentSource::SelfAssessment => viewer.employee_id == Some(e.id),
        AssessmentSource::Supervisor => viewer.supervises(&e),
        AssessmentSource::AssessmentCentre => viewer.may(Capability::Administer),
    };
    if !allowed || viewer.token_id.is_some() {
        return Err(ApiError::Forbidden(
            "penilaian diri oleh pegawai, penilaian atasan oleh atasan langsung, hasil assessment center oleh admin"
                .into(),
        ));
    }
    if !valid_level(body.level) {
        return Err(ApiError::field("level", "level 1 sampai 5"));
    }
    let competency = competencies::Entity::find_by_id(body.competency_id)
        .one(&txn)
        .await?
        .filter(|c| c.active)
        .ok_or_else(|| ApiError::field("competency_id", "kompetensi tidak ada di katalog"))?;
    let today = state.settings().await?.today();
    if body.assessed_on > today || body.assessed_on.year() < today.year() - 10 {
        return Err(ApiError::field(
            "assessed_on",
            "tanggal penilaian tidak boleh di masa depan atau lebih dari 10 tahun lalu",
        ));
    }
    let row = competency_assessments::ActiveModel {
        employee_id: Set(e.id),
        competency_id: Set(competency.id),
        level: Set(i32::from(body.level)),
        assessed_on: Set(body.assessed_on),
        source: Set(body.source),
        evidence: Set(body.evidence.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned)),
        assessed_by_user_id: Set(Some(viewer.user_id)),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    let out = assessment_wire(&row);
    audit::record(&txn, &viewer.actor(), Change::new("competency.assess", "employee", e.id).after(&out)).await?;
    txn.commit().await?;
    Ok(HttpResponse::Created().json(out))
}
