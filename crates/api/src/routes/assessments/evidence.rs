//! The evidence view of the penilai: one document with what an employee did in a period —
//! realisation against every target, activity counts and minutes, the feedback thread,
//! complaints naming the employee and the unit's satisfaction index.

use crate::error::ApiResult;
use crate::policy::Viewer;
use crate::routes::assessments::calibration::PeriodQuery;
use crate::services::assessments::{check_period, evidence};
use crate::state::AppState;
use actix_web::{get, web};
use kinerja_types::{Problem, RatingEvidence};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(rating_evidence);
}

/// What an employee did in a period, for rating them (anyone who may see the employee, and the
/// evaluation team overseeing the unit; the employee themself does not see complaints, to protect
/// complainants).
#[utoipa::path(tag = "assessments", security(("bearer" = [])), params(("id" = i64, Path), PeriodQuery),
    responses((status = 200, body = RatingEvidence), (status = 404, body = Problem), (status = 422, body = Problem)))]
#[get("/employees/{id}/rating-evidence")]
pub async fn rating_evidence(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<i64>,
    q: web::Query<PeriodQuery>,
) -> ApiResult<web::Json<RatingEvidence>> {
    let db = &state.db;
    let scope = viewer.scope();
    let id = id.into_inner();
    let (e, reach) = crate::services::oversight::reach_employee(db, &viewer, scope, id).await?;
    let settings = crate::pemda_settings::load(db).await?;
    let period = check_period(&q.period, &settings)?;
    let skp = crate::services::skp::current(db, e.id, period.year()).await?;
    let realization = match &skp {
        Some(s) => Some(crate::services::realization::compute(db, s.id, period).await?),
        None => None,
    };
    // The employee themself does not see complaints, to protect complainants.
    let found = evidence::gather(db, &e, &period, &settings, viewer.employee_id != Some(e.id)).await?;
    let (ikm, ikm_unit_name) = match found.ikm {
        Some((report, name)) => (Some(report), Some(name)),
        None => (None, None),
    };
    let unit_days = crate::services::calendar::Calendars::of_units(
        db,
        &settings,
        crate::services::calendar::Units::Only(&found.complaints.iter().map(|c| c.unit_id).collect::<Vec<_>>()),
    )
    .await?;
    Ok(web::Json(RatingEvidence {
        employee_id: e.id,
        employee_name: e.name.clone(),
        period: period.to_string(),
        skp_id: skp.as_ref().map(|s| s.id),
        skp_status: skp.as_ref().map(crate::services::skp::status),
        realization,
        activities: found.activities,
        feedback: found.feedback.into_iter().map(crate::services::feedback::to_wire).collect(),
        complaints: found
            .complaints
            .iter()
            .map(|c| crate::services::complaints::to_wire(c, false, &settings, &unit_days))
            .collect(),
        ikm,
        ikm_unit_name,
        proposed_result: crate::services::assessments::proposed_result(db, &e, &period).await?,
        pulse: Some(crate::services::pulse::summary(db, &settings, viewer.employee_id, e.id, &period).await?)
            .filter(|p| p.open_rounds + p.closed_rounds > 0),
        // The evaluation team reviews ratings once submitted, never the penilai's draft.
        assessment: found.assessment.filter(|a| {
            reach == crate::services::oversight::Reach::Scope || a.status != kinerja_domain::AssessmentStatus::Draft
        }),
    }))
}
