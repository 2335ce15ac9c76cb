//! What waits for a person's decision: activities to verify, SKPs to approve, objections to decide.
//! Three counts on indexed columns, read for the home page, the menu and the bell. Each counts what
//! the matching list shows (the same filters and the same sight), so the numbers agree.

use crate::entities::{activities, assessments, skps};
use crate::error::ApiResult;
use crate::policy::Viewer;
use kinerja_domain::{ActivityStatus, SkpStatus};
use kinerja_types::Waiting;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter};

/// The counts for the viewer: activities and SKPs submitted to their employee record, objections
/// they decide (as atasan penilai, or as the BKPSDM: the same rule as the list to decide).
pub async fn of(db: &DatabaseConnection, viewer: &Viewer) -> ApiResult<Waiting> {
    let scope = viewer.scope();
    let settings = crate::pemda_settings::load(db).await?;
    let mut objections = assessments::Entity::find().filter(super::assessments::to_decide(viewer, &settings));
    if let Some(cond) = scope.employee_column_filter(assessments::Column::EmployeeId) {
        objections = objections.filter(cond);
    }
    let objections = objections.count(db).await?;
    let Some(me) = viewer.employee_id else {
        return Ok(Waiting { objections, ..Waiting::default() });
    };
    let mut activities = activities::Entity::find()
        .filter(activities::Column::PenilaiId.eq(me))
        .filter(activities::Column::Status.eq(ActivityStatus::Submitted.as_str()));
    if let Some(cond) = scope.employee_column_filter(activities::Column::EmployeeId) {
        activities = activities.filter(cond);
    }
    let mut skps = skps::Entity::find()
        .filter(skps::Column::PenilaiId.eq(me))
        .filter(skps::Column::Status.eq(SkpStatus::Submitted.as_str()))
        .filter(skps::Column::Superseded.eq(false));
    if let Some(cond) = scope.employee_column_filter(skps::Column::EmployeeId) {
        skps = skps.filter(cond);
    }
    Ok(Waiting { activities: activities.count(db).await?, skps: skps.count(db).await?, objections })
}
