//! What waits for a person's decision: activities to verify, SKPs to approve, objections to decide.
//! Three counts on indexed columns, read for the home page, the menu and the bell. Each counts what
//! the matching list shows (the same filters and the same sight), so the numbers agree.

use crate::entities::{activities, assessments, skps};
use crate::error::ApiResult;
use crate::policy::Viewer;
use kinerja_domain::{ActivityStatus, AssessmentStatus, SkpStatus};
use kinerja_types::Waiting;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter};

/// The counts for the viewer's employee record (as penilai and as atasan penilai); none without one.
pub async fn of(db: &DatabaseConnection, viewer: &Viewer) -> ApiResult<Waiting> {
    let Some(me) = viewer.employee_id else {
        return Ok(Waiting::default());
    };
    let scope = viewer.scope();
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
    let objections = assessments::Entity::find()
        .filter(assessments::Column::AtasanPenilaiId.eq(me))
        .filter(assessments::Column::Status.eq(AssessmentStatus::Objected.as_str()));
    Ok(Waiting {
        activities: activities.count(db).await?,
        skps: skps.count(db).await?,
        objections: objections.count(db).await?,
    })
}
