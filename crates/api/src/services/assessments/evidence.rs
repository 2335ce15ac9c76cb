//! What an employee did in a period, read for the penilai's evidence view: activity counts and
//! minutes, the feedback thread, complaints naming the employee, the unit's satisfaction index and
//! the assessment of the period.

use super::to_wire;
use crate::entities::{activities, assessments, complaints, employees, feedback, units};
use crate::error::ApiResult;
use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};
use kinerja_domain::{ActivityStatus, Period};
use kinerja_types::{ActivityTally, Assessment, IkmReport, PemdaSettings};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use std::collections::HashSet;

/// The evidence of one employee and period read from the database.
pub struct Evidence {
    pub activities: ActivityTally,
    /// The feedback written in the period, oldest first.
    pub feedback: Vec<feedback::Model>,
    /// The complaints filed in the period that name the employee, oldest first (none when not asked).
    pub complaints: Vec<complaints::Model>,
    /// The satisfaction index of the unit or its nearest parent with respondents, and that unit's name.
    pub ikm: Option<(IkmReport, String)>,
    pub assessment: Option<Assessment>,
}

/// Reads the evidence of `employee` for `period`; complaints only `with_complaints`.
pub async fn gather(
    db: &impl ConnectionTrait,
    employee: &employees::Model,
    period: &Period,
    settings: &PemdaSettings,
    with_complaints: bool,
) -> ApiResult<Evidence> {
    let (from, to) = period.bounds();
    let activities = tally(db, employee.id, from, to).await?;
    let (start, end) = utc_bounds(from, to, settings);
    let feedback = feedback::Entity::find()
        .filter(feedback::Column::EmployeeId.eq(employee.id))
        .filter(feedback::Column::CreatedAt.gte(start))
        .filter(feedback::Column::CreatedAt.lt(end))
        .order_by_asc(feedback::Column::Id)
        .all(db)
        .await?;
    let complaints = if with_complaints {
        complaints::Entity::find()
            .filter(complaints::Column::EmployeeId.eq(employee.id))
            .filter(complaints::Column::FiledOn.gte(from))
            .filter(complaints::Column::FiledOn.lte(to))
            .order_by_asc(complaints::Column::Id)
            .all(db)
            .await?
    } else {
        Vec::new()
    };
    let ikm = unit_ikm(db, employee.unit_id, period).await?;
    let assessment = assessments::Entity::find()
        .filter(assessments::Column::EmployeeId.eq(employee.id))
        .filter(assessments::Column::Period.eq(period.to_string()))
        .one(db)
        .await?;
    let assessment = match assessment {
        Some(a) => Some(to_wire(&a, &employee.name, settings, &super::unit_days(db, settings, [&a]).await?)),
        None => None,
    };
    Ok(Evidence { activities, feedback, complaints, ikm, assessment })
}

/// The instants (UTC) where the Pemda's local days `from..=to` begin and end.
fn utc_bounds(from: NaiveDate, to: NaiveDate, settings: &PemdaSettings) -> (DateTime<Utc>, DateTime<Utc>) {
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
