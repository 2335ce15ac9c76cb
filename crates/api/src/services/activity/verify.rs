//! Verification of activities: the owner submits, the penilai approves or rejects with a note, one
//! by one or many at once (all or nothing).

use super::wire;
use crate::audit::{self, Change};
use crate::entities::{activities, employees};
use crate::error::{ApiError, ApiResult};
use crate::policy::Viewer;
use crate::services::notify::{self, Message};
use chrono::Utc;
use kinerja_domain::ActivityStatus;
use kinerja_types::{Activity, BulkApproveResult, FieldError, Invalid, Issue, Notice, NoticeCode, UndoApprovalResult};
use sea_orm::{ActiveModelTrait, ColumnTrait, DatabaseTransaction, EntityTrait, IntoActiveModel, QueryFilter, Set};

/// Submits the activity to the owner's current supervisor, moving it to `next`. Audited.
pub async fn submit(
    txn: &DatabaseTransaction,
    viewer: &Viewer,
    a: activities::Model,
    next: ActivityStatus,
) -> ApiResult<Activity> {
    let supervisor = employees::Entity::find_by_id(a.employee_id).one(txn).await?.and_then(|e| e.supervisor_id);
    let mut active = a.into_active_model();
    active.status = Set(next);
    active.penilai_id = Set(supervisor);
    active.submitted_at = Set(Some(Utc::now()));
    active.updated_at = Set(Utc::now());
    let row = active.update(txn).await?;
    audit::record(txn, &viewer.actor(), Change::new("activity.submit", "activity", row.id).after(&next.as_str()))
        .await?;
    Ok(wire(txn, std::slice::from_ref(&row), true).await?.remove(0))
}

/// Approves the activity (moving it to `next`) as the viewer and counts it in the unit's totals.
/// Audited.
pub async fn approve(
    txn: &DatabaseTransaction,
    viewer: &Viewer,
    a: activities::Model,
    next: ActivityStatus,
) -> ApiResult<Activity> {
    let mut active = a.into_active_model();
    active.status = Set(next);
    active.reject_note = Set(None);
    active.decided_at = Set(Some(Utc::now()));
    active.decided_by_user_id = Set(Some(viewer.user_id));
    active.updated_at = Set(Utc::now());
    let row = active.update(txn).await?;
    crate::services::activity_totals::approved(txn, row.unit_id, row.date, row.minutes).await?;
    audit::record(txn, &viewer.actor(), Change::new("activity.approve", "activity", row.id).after(&next.as_str()))
        .await?;
    Ok(wire(txn, std::slice::from_ref(&row), true).await?.remove(0))
}

/// Rejects the activity (moving it to `next`) with the viewer's note and notifies the owner. Audited.
pub async fn reject(
    txn: &DatabaseTransaction,
    viewer: &Viewer,
    a: activities::Model,
    next: ActivityStatus,
    note: &str,
) -> ApiResult<Activity> {
    let note = note.trim().to_owned();
    let mut active = a.into_active_model();
    active.status = Set(next);
    active.reject_note = Set(Some(note.clone()));
    active.decided_at = Set(Some(Utc::now()));
    active.decided_by_user_id = Set(Some(viewer.user_id));
    active.updated_at = Set(Utc::now());
    let row = active.update(txn).await?;
    let msg = Message {
        kind: "activity.rejected",
        notice: Notice::new(NoticeCode::ActivityRejected).with("date", row.date).with("note", &note),
        link: Some("/aktivitas".into()),
    };
    notify::employee(txn, row.employee_id, &msg).await?;
    audit::record(txn, &viewer.actor(), Change::new("activity.reject", "activity", row.id).after(&note)).await?;
    Ok(wire(txn, std::slice::from_ref(&row), true).await?.remove(0))
}

/// Approves many submitted activities as their penilai, all or nothing: if any id is out of sight,
/// not submitted to the viewer or not waiting, nothing is approved and the answer (422) lists them.
/// Audited.
pub async fn bulk_approve(txn: &DatabaseTransaction, viewer: &Viewer, ids: &[i64]) -> ApiResult<BulkApproveResult> {
    let mut ids = ids.to_vec();
    ids.sort_unstable();
    ids.dedup();
    // Activities outside the caller's sight count as missing, as everywhere else.
    let mut select = activities::Entity::find().filter(activities::Column::Id.is_in(ids.clone()));
    if let Some(cond) = viewer.scope().employee_column_filter(activities::Column::EmployeeId) {
        select = select.filter(cond);
    }
    let rows = select.all(txn).await?;
    let mut refused = Vec::new();
    for id in &ids {
        let reason = match rows.iter().find(|a| a.id == *id) {
            None => Some(Invalid::ActivityNotFound),
            Some(a) if viewer.employee_id.is_none() || a.penilai_id != viewer.employee_id => {
                Some(Invalid::ActivityNotYours)
            }
            Some(a) if a.status != ActivityStatus::Submitted => Some(Invalid::ActivityNotWaiting),
            Some(_) => None,
        };
        if let Some(r) = reason {
            refused.push(FieldError::new(id.to_string(), Issue::new(r).with("id", id)));
        }
    }
    if !refused.is_empty() {
        let detail = format!("{} aktivitas tidak dapat disetujui; tidak ada yang disetujui", refused.len());
        return Err(ApiError::Validation { detail, errors: refused });
    }
    let now = Utc::now();
    for a in rows {
        let mut active = a.into_active_model();
        active.status = Set(ActivityStatus::Approved);
        active.reject_note = Set(None);
        active.decided_at = Set(Some(now));
        active.decided_by_user_id = Set(Some(viewer.user_id));
        active.updated_at = Set(now);
        let row = active.update(txn).await?;
        crate::services::activity_totals::approved(txn, row.unit_id, row.date, row.minutes).await?;
    }
    let result = BulkApproveResult { approved: ids };
    audit::record(
        txn,
        &viewer.actor(),
        Change {
            action: "activity.bulk_approve",
            entity: "activity",
            entity_id: None,
            before: None,
            after: serde_json::to_value(&result).ok(),
        },
    )
    .await?;
    Ok(result)
}

/// How long after approving a penilai may take it back (the SPA offers "Batalkan" for seconds; the
/// server allows for a slow network).
pub const UNDO_MINUTES: i64 = 2;

/// Takes back approvals the viewer gave in the last [`UNDO_MINUTES`]: the activities wait in the
/// queue again and leave the unit's totals. All or nothing, like the bulk approval: if any id is
/// out of sight, not approved by the viewer, or approved too long ago, nothing changes and the
/// answer (422) lists them. Audited.
pub async fn undo_approval(txn: &DatabaseTransaction, viewer: &Viewer, ids: &[i64]) -> ApiResult<UndoApprovalResult> {
    let mut ids = ids.to_vec();
    ids.sort_unstable();
    ids.dedup();
    let mut select = activities::Entity::find().filter(activities::Column::Id.is_in(ids.clone()));
    if let Some(cond) = viewer.scope().employee_column_filter(activities::Column::EmployeeId) {
        select = select.filter(cond);
    }
    let rows = select.all(txn).await?;
    let since = Utc::now() - chrono::Duration::minutes(UNDO_MINUTES);
    let mut refused = Vec::new();
    for id in &ids {
        let reason = match rows.iter().find(|a| a.id == *id) {
            None => Some(Issue::new(Invalid::ActivityNotFound).with("id", id)),
            Some(a)
                if a.status != ActivityStatus::Approved
                    || a.decided_by_user_id != Some(viewer.user_id)
                    || a.decided_at.is_none_or(|at| at < since) =>
            {
                Some(Issue::new(Invalid::ActivityNotUndoable).with("id", id).with("minutes", UNDO_MINUTES))
            }
            Some(_) => None,
        };
        if let Some(issue) = reason {
            refused.push(FieldError::new(id.to_string(), issue));
        }
    }
    if !refused.is_empty() {
        let detail = format!("{} persetujuan tidak dapat dibatalkan; tidak ada yang berubah", refused.len());
        return Err(ApiError::Validation { detail, errors: refused });
    }
    // Changed only while still as read: two undos at once (a double tap, a second tab) cannot both
    // take the same approval back and count it out of the totals twice.
    let changed = activities::Entity::update_many()
        .col_expr(activities::Column::Status, sea_orm::sea_query::Expr::value(ActivityStatus::Submitted.as_str()))
        .col_expr(activities::Column::DecidedAt, sea_orm::sea_query::Expr::value(Option::<chrono::DateTime<Utc>>::None))
        .col_expr(activities::Column::DecidedByUserId, sea_orm::sea_query::Expr::value(Option::<i64>::None))
        .col_expr(activities::Column::UpdatedAt, sea_orm::sea_query::Expr::value(Utc::now()))
        .filter(activities::Column::Id.is_in(ids.clone()))
        .filter(activities::Column::Status.eq(ActivityStatus::Approved.as_str()))
        .filter(activities::Column::DecidedByUserId.eq(viewer.user_id))
        .filter(activities::Column::DecidedAt.gte(since))
        .exec(txn)
        .await?;
    if changed.rows_affected != ids.len() as u64 {
        return Err(ApiError::Conflict("persetujuan ini baru saja dibatalkan atau berubah; muat ulang".into()));
    }
    for a in &rows {
        crate::services::activity_totals::unapproved(txn, a.unit_id, a.date, a.minutes).await?;
    }
    let result = UndoApprovalResult { reopened: ids };
    audit::record(
        txn,
        &viewer.actor(),
        Change {
            action: "activity.undo_approval",
            entity: "activity",
            entity_id: None,
            before: None,
            after: serde_json::to_value(&result).ok(),
        },
    )
    .await?;
    Ok(result)
}
