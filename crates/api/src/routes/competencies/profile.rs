//! An employee's competency profile (required and assessed levels, gaps, match, JP of training)
//! and the recording of assessed levels by the employee, the penilai or an admin.

use crate::error::{ApiError, ApiResult};
use crate::policy::{Capability, Viewer};
use crate::routes::pk::YearQuery;
use crate::services::competency::{levels, profile};
use crate::services::people::find_visible;
use crate::state::AppState;
use actix_web::{get, post, web, HttpResponse};
use kinerja_domain::competency::AssessmentSource;
use kinerja_types::{CompetencyAssessment, CompetencyProfile, NewCompetencyAssessment, Problem};
use validator::Validate;

/// The competency profile of an employee (the employee, the supervisor chain, heads of the unit,
/// admin, auditor): each required or assessed competency with its latest level and gap, the
/// job-person match, whether a development plan is mandatory and what it should address, and the
/// jam pelajaran (JP) of the year against the employee's yearly target.
#[utoipa::path(tag = "competencies", security(("bearer" = [])), params(("id" = i64, Path), YearQuery),
    responses((status = 200, body = CompetencyProfile), (status = 404, body = Problem), (status = 422, body = Problem)))]
#[get("/employees/{id}/competencies")]
pub async fn employee_competencies(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<i64>,
    q: web::Query<YearQuery>,
) -> ApiResult<web::Json<CompetencyProfile>> {
    let e = find_visible(&state.db, viewer.scope(), id.into_inner()).await?;
    let year = q.year()?;
    let settings = state.settings().await?;
    Ok(web::Json(profile(&state.db, &e, year, &settings).await?))
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
    let e = find_visible(&txn, viewer.scope(), id.into_inner()).await?;
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
    let competency = levels::assessed_competency(&txn, &body).await?;
    let today = state.settings().await?.today();
    let out = levels::record(&txn, &viewer.actor(), viewer.user_id, e.id, competency.id, &body, today).await?;
    txn.commit().await?;
    Ok(HttpResponse::Created().json(out))
}
