//! The team view: the approved activities of co-workers under the same direct supervisor.

use super::wire;
use crate::entities::{activities, employees};
use crate::error::ApiResult;
use kinerja_domain::ActivityStatus;
use kinerja_types::Activity;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

/// Approved activities of the employee's co-workers (same direct supervisor), newest first, without
/// reject notes or evidence: one page and the total; nothing for someone without a supervisor.
pub async fn feed(db: &impl ConnectionTrait, me: i64, offset: u64, limit: u64) -> ApiResult<(Vec<Activity>, u64)> {
    let Some(supervisor) = employees::Entity::find_by_id(me).one(db).await?.and_then(|e| e.supervisor_id) else {
        return Ok((Vec::new(), 0));
    };
    let peers: Vec<i64> = employees::Entity::find()
        .filter(employees::Column::SupervisorId.eq(supervisor))
        .filter(employees::Column::Id.ne(me))
        .all(db)
        .await?
        .into_iter()
        .map(|e| e.id)
        .collect();
    let select = activities::Entity::find()
        .filter(activities::Column::EmployeeId.is_in(peers))
        .filter(activities::Column::Status.eq(ActivityStatus::Approved.as_str()))
        .order_by_desc(activities::Column::Date)
        .order_by_desc(activities::Column::Id);
    let (rows, total) = crate::services::paging::fetch(db, select, offset, limit).await?;
    let mut items = wire(db, &rows, false).await?;
    for a in &mut items {
        a.reject_note = None;
        a.evidence_ids.clear();
    }
    Ok((items, total))
}
