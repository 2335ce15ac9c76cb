//! The evidence view of the penilai: one document with what an employee did in a period —
//! realisation against every target, activity counts and minutes, the feedback thread,
//! complaints naming the employee and the unit's satisfaction index.

use super::{check_period, to_wire};
use crate::entities::{activities, assessments, complaints, feedback, units};
use crate::error::ApiResult;
use crate::policy::Viewer;
use crate::routes::assessments::calibration::PeriodQuery;
use crate::state::AppState;
use actix_web::{get, web};
use chrono::{Duration, NaiveDate, NaiveTime};
use kinerja_domain::{ActivityStatus, Period};
use kinerja_types::{ActivityTally, IkmReport, PemdaSettings, Problem, RatingEvidence};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use std::collections::HashSet;

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
    let e = crate::services::oversight::readable_employee(db, &viewer, scope, id).await?;
    let settings = crate::pemda_settings::load(db).await?;
    let period = check_period(&q.period, &settings)?;
    let (from, to) = period.bounds();

    let skp = crate::services::skp::current(db, e.id, period.year()).await?;
    let realization = match &skp {
        Some(s) => Some(crate::services::realization::compute(db, s.id, period).await?),
        None => None,
    };
    let activities = tally(db, e.id, from, to).await?;

    let (start, end) = utc_bounds(from, to, &settings);
    let feedback = feedback::Entity::find()
        .filter(feedback::Column::EmployeeId.eq(e.id))
        .filter(feedback::Column::CreatedAt.gte(start))
        .filter(feedback::Column::CreatedAt.lt(end))
        .order_by_asc(feedback::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(crate::services::feedback::to_wire)
        .collect();
    let complaints = if viewer.employee_id == Some(e.id) {
        Vec::new()
    } else {
        complaints::Entity::find()
            .filter(complaints::Column::EmployeeId.eq(e.id))
            .filter(complaints::Column::FiledOn.gte(from))
            .filter(complaints::Column::FiledOn.lte(to))
            .order_by_asc(complaints::Column::Id)
            .all(db)
            .await?
            .iter()
            .map(|c| crate::routes::complaints::to_wire(c, false, &settings))
            .collect()
    };
    let (ikm, ikm_unit_name) = match unit_ikm(db, e.unit_id, &period).await? {
        Some((report, name)) => (Some(report), Some(name)),
        None => (None, None),
    };
    let assessment = assessments::Entity::find()
        .filter(assessments::Column::EmployeeId.eq(e.id))
        .filter(assessments::Column::Period.eq(period.to_string()))
        .one(db)
        .await?
        .map(|a| to_wire(&a, &e.name, &settings));
    Ok(web::Json(RatingEvidence {
        employee_id: e.id,
        employee_name: e.name.clone(),
        period: period.to_string(),
        skp_id: skp.as_ref().map(|s| s.id),
        skp_status: skp.as_ref().map(crate::services::skp::status),
        realization,
        activities,
        feedback,
        complaints,
        ikm,
        ikm_unit_name,
        assessment,
    }))
}

/// The instants (UTC) where the Pemda's local days `from..=to` begin and end.
fn utc_bounds(
    from: NaiveDate,
    to: NaiveDate,
    settings: &PemdaSettings,
) -> (chrono::DateTime<chrono::Utc>, chrono::DateTime<chrono::Utc>) {
    let offset = Duration::minutes(i64::from(settings.utc_offset_minutes));
    let at = |d: NaiveDate| (d.and_time(NaiveTime::MIN) - offset).and_utc();
    (at(from), at(to + Duration::days(1)))
}

/// Activity counts by status, minutes and active days of one employee between two dates.
async fn tally(
    db: &impl ConnectionTrait,
    employee_id: i64,
    from: NaiveDate,
    to: NaiveDate,
) -> ApiResult<ActivityTally> {
    let rows = activities::Entity::find()
        .filter(activities::Column::EmployeeId.eq(employee_id))
        .filter(activities::Column::Date.gte(from))
        .filter(activities::Column::Date.lte(to))
        .all(db)
        .await?;
    let mut t = ActivityTally::default();
    let mut days = HashSet::new();
    for a in &rows {
        let minutes = a.minutes.max(0) as u64;
        match a.status {
            ActivityStatus::Draft => t.draft += 1,
            ActivityStatus::Submitted => t.submitted += 1,
            ActivityStatus::Approved => {
                t.approved += 1;
                t.minutes_approved += minutes;
            }
            ActivityStatus::Rejected => t.rejected += 1,
        }
        t.minutes_total += minutes;
        days.insert(a.date);
    }
    t.days = days.len() as u64;
    Ok(t)
}

/// The satisfaction index of the unit, or of the nearest parent unit that has respondents in the
/// period (a seksi inside a dinas is rated through the dinas's services), with that unit's name.
async fn unit_ikm(db: &impl ConnectionTrait, unit_id: i64, period: &Period) -> ApiResult<Option<(IkmReport, String)>> {
    let mut next = Some(unit_id);
    let mut seen = HashSet::new();
    while let Some(id) = next.filter(|id| seen.insert(*id)) {
        let Some(unit) = units::Entity::find_by_id(id).one(db).await? else { break };
        let report = crate::services::ikm::report(db, id, period).await?;
        if report.respondents > 0 {
            return Ok(Some((report, unit.name)));
        }
        next = unit.parent_id;
    }
    Ok(None)
}
