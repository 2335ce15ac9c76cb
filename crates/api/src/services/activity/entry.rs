//! Logging, listing, correcting and deleting daily activities.

use super::{check, wire};
use crate::audit::{self, Actor, Change};
use crate::entities::{activities, activity_evidence, employees};
use crate::error::{ApiError, ApiResult};
use crate::policy::Viewer;
use chrono::{NaiveDate, Utc};
use kinerja_domain::ActivityStatus;
use kinerja_types::{Activity, NewActivity};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseTransaction, EntityTrait, IntoActiveModel, QueryFilter,
    QueryOrder, Set,
};

/// What the activity list is narrowed to.
#[derive(Debug, Default, Clone)]
pub struct Filter {
    pub employee_id: Option<i64>,
    /// Logged in this unit (not its subunits).
    pub unit_id: Option<i64>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub status: Option<ActivityStatus>,
    pub rhk_id: Option<i64>,
    /// Only the activities waiting for the viewer's verification.
    pub queue: bool,
}

/// The activities the viewer may see that match the filter, newest first: one page and the total.
pub async fn list(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    filter: &Filter,
    offset: u64,
    limit: u64,
) -> ApiResult<(Vec<Activity>, u64)> {
    let mut select = activities::Entity::find();
    if filter.queue {
        // The work submitted to the caller, of people still within sight (not of someone who moved away).
        select = select
            .filter(activities::Column::PenilaiId.eq(viewer.employee_id.unwrap_or(-1)))
            .filter(activities::Column::Status.eq(ActivityStatus::Submitted.as_str()));
    }
    let scope = viewer.scope();
    if let Some(cond) = scope.employee_column_filter(activities::Column::EmployeeId) {
        select = select.filter(cond);
    }
    if let Some(e) = filter.employee_id {
        select = select.filter(activities::Column::EmployeeId.eq(e));
    }
    if let Some(u) = filter.unit_id {
        select = select.filter(activities::Column::UnitId.eq(u));
    }
    if let Some(f) = filter.from {
        select = select.filter(activities::Column::Date.gte(f));
    }
    if let Some(t) = filter.to {
        select = select.filter(activities::Column::Date.lte(t));
    }
    if let Some(s) = filter.status {
        select = select.filter(activities::Column::Status.eq(s.as_str()));
    }
    if let Some(r) = filter.rhk_id {
        select = select.filter(activities::Column::RhkId.eq(r));
    }
    let select = select.order_by_desc(activities::Column::Date).order_by_desc(activities::Column::Id);
    let (rows, total) = crate::services::paging::fetch(db, select, offset, limit).await?;
    Ok((wire(db, &rows, true).await?, total))
}

/// The activity on the wire, with its evidence.
pub async fn one(db: &impl ConnectionTrait, a: activities::Model) -> ApiResult<Activity> {
    Ok(wire(db, &[a], true).await?.remove(0))
}

/// Replaces the evidence linked to an activity.
async fn link_evidence(txn: &DatabaseTransaction, activity_id: i64, ids: &[i64]) -> ApiResult<()> {
    activity_evidence::Entity::delete_many()
        .filter(activity_evidence::Column::ActivityId.eq(activity_id))
        .exec(txn)
        .await?;
    let mut ids = ids.to_vec();
    ids.sort_unstable();
    ids.dedup();
    if !ids.is_empty() {
        let rows = ids
            .into_iter()
            .map(|e| activity_evidence::ActiveModel { activity_id: Set(activity_id), evidence_id: Set(e) });
        activity_evidence::Entity::insert_many(rows).exec(txn).await?;
    }
    Ok(())
}

/// Logs an activity of employee `me` (the body already validated), after checking it against the
/// rules and the SKP: a draft, or submitted to the current supervisor. Audited.
pub async fn create(txn: &DatabaseTransaction, actor: &Actor, me: i64, body: &NewActivity) -> ApiResult<Activity> {
    let checked = check(txn, me, body, None).await?;
    let employee = employees::Entity::find_by_id(me).one(txn).await?.ok_or(ApiError::NotFound)?;
    let now = Utc::now();
    let status = if body.submit { ActivityStatus::Submitted } else { ActivityStatus::Draft };
    let row = activities::ActiveModel {
        employee_id: Set(me),
        penilai_id: Set(employee.supervisor_id),
        unit_id: Set(employee.unit_id),
        skp_id: Set(checked.skp.id),
        rhk_id: Set(checked.rhk.id),
        date: Set(checked.date),
        minutes: Set(checked.minutes as i32),
        start_time: Set(checked.start),
        end_time: Set(checked.end),
        description: Set(body.description.trim().to_owned()),
        output_qty: Set(body.output_qty),
        status: Set(status),
        reject_note: Set(None),
        submitted_at: Set(body.submit.then_some(now)),
        decided_at: Set(None),
        decided_by_user_id: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    link_evidence(txn, row.id, &body.evidence_ids).await?;
    crate::services::activity_totals::touched(txn, me).await?;
    let out = wire(txn, std::slice::from_ref(&row), true).await?.remove(0);
    audit::record(txn, actor, Change::new("activity.create", "activity", row.id).after(&out)).await?;
    Ok(out)
}

/// Corrects an activity (its owner allowed, its status editable, the body validated) under the
/// same rules as logging; submits it if asked. Audited.
pub async fn update(
    txn: &DatabaseTransaction,
    actor: &Actor,
    current: activities::Model,
    body: &NewActivity,
) -> ApiResult<Activity> {
    let checked = check(txn, current.employee_id, body, Some((current.id, current.date))).await?;
    let before = wire(txn, std::slice::from_ref(&current), true).await?.remove(0);
    let mut active = current.into_active_model();
    active.skp_id = Set(checked.skp.id);
    active.rhk_id = Set(checked.rhk.id);
    active.date = Set(checked.date);
    active.minutes = Set(checked.minutes as i32);
    active.start_time = Set(checked.start);
    active.end_time = Set(checked.end);
    active.description = Set(body.description.trim().to_owned());
    active.output_qty = Set(body.output_qty);
    active.updated_at = Set(Utc::now());
    if body.submit {
        active.status = Set(ActivityStatus::Submitted);
        active.submitted_at = Set(Some(Utc::now()));
    }
    let row = active.update(txn).await?;
    link_evidence(txn, row.id, &body.evidence_ids).await?;
    crate::services::activity_totals::touched(txn, row.employee_id).await?;
    let after = wire(txn, std::slice::from_ref(&row), true).await?.remove(0);
    audit::record(txn, actor, Change::new("activity.update", "activity", row.id).before(&before).after(&after)).await?;
    Ok(after)
}

/// Deletes an activity (its owner allowed, its status editable). Audited.
pub async fn delete(txn: &DatabaseTransaction, actor: &Actor, current: activities::Model) -> ApiResult<()> {
    let before = wire(txn, std::slice::from_ref(&current), true).await?.remove(0);
    activities::Entity::delete_by_id(current.id).exec(txn).await?;
    crate::services::activity_totals::touched(txn, current.employee_id).await?;
    audit::record(txn, actor, Change::new("activity.delete", "activity", current.id).before(&before)).await?;
    Ok(())
}
