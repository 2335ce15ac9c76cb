//! Verification: the owner submits, the penilai approves or rejects with a note, one by one or
//! many at once (all or nothing).

use super::{find_visible, owner_only};
use crate::audit::{self, Change};
use crate::entities::{activities, employees};
use crate::error::{ApiError, ApiResult};
use crate::policy::Viewer;
use crate::services::activity::wire;
use crate::services::notify::{self, Message};
use crate::state::AppState;
use actix_web::{post, web};
use chrono::Utc;
use kinerja_domain::{ActivityAction, ActivityStatus};
use kinerja_types::{Activity, BulkApprove, BulkApproveResult, FieldError, Problem, RejectRequest};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter, Set};
use validator::Validate;

pub fn configure(cfg: &mut web::ServiceConfig) {
    // Before `/activities/{id}` routes of the parent module.
    cfg.service(bulk_approve).service(submit).service(approve).service(reject);
}

fn status_of(a: &activities::Model) -> ActivityStatus {
    a.status
}

fn require_penilai(viewer: &Viewer, a: &activities::Model) -> ApiResult<()> {
    if viewer.employee_id.is_some() && a.penilai_id == viewer.employee_id {
        Ok(())
    } else {
        Err(ApiError::Forbidden("hanya pejabat penilai pegawai ini yang dapat memverifikasi".into()))
    }
}

/// Submits an activity for verification (owner, draft or rejected).
#[utoipa::path(tag = "activities", security(("bearer" = [])), params(("id" = i64, Path)),
    responses((status = 200, body = Activity), (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem)))]
#[post("/activities/{id}/submit")]
pub async fn submit(state: web::Data<AppState>, viewer: Viewer, id: web::Path<i64>) -> ApiResult<web::Json<Activity>> {
    let txn = crate::db::begin(&state.db).await?;
    let a = find_visible(&txn, &viewer, id.into_inner()).await?;
    owner_only(&viewer, &a)?;
    let next = status_of(&a).apply(ActivityAction::Submit).map_err(ApiError::Conflict)?;
    let supervisor = employees::Entity::find_by_id(a.employee_id).one(&txn).await?.and_then(|e| e.supervisor_id);
    let mut active = a.into_active_model();
    active.status = Set(next);
    active.penilai_id = Set(supervisor);
    active.submitted_at = Set(Some(Utc::now()));
    active.updated_at = Set(Utc::now());
    let row = active.update(&txn).await?;
    audit::record(&txn, &viewer.actor(), Change::new("activity.submit", "activity", row.id).after(&next.as_str()))
        .await?;
    let out = wire(&txn, std::slice::from_ref(&row), true).await?.remove(0);
    txn.commit().await?;
    Ok(web::Json(out))
}

/// Approves a submitted activity (its penilai).
#[utoipa::path(tag = "activities", security(("bearer" = [])), params(("id" = i64, Path)),
    responses((status = 200, body = Activity), (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem)))]
#[post("/activities/{id}/approve")]
pub async fn approve(state: web::Data<AppState>, viewer: Viewer, id: web::Path<i64>) -> ApiResult<web::Json<Activity>> {
    let txn = crate::db::begin(&state.db).await?;
    let a = find_visible(&txn, &viewer, id.into_inner()).await?;
    require_penilai(&viewer, &a)?;
    let next = status_of(&a).apply(ActivityAction::Approve).map_err(ApiError::Conflict)?;
    let mut active = a.into_active_model();
    active.status = Set(next);
    active.reject_note = Set(None);
    active.decided_at = Set(Some(Utc::now()));
    active.decided_by_user_id = Set(Some(viewer.user_id));
    active.updated_at = Set(Utc::now());
    let row = active.update(&txn).await?;
    crate::services::activity_totals::approved(&txn, row.unit_id, row.date, row.minutes).await?;
    audit::record(&txn, &viewer.actor(), Change::new("activity.approve", "activity", row.id).after(&next.as_str()))
        .await?;
    let out = wire(&txn, std::slice::from_ref(&row), true).await?.remove(0);
    txn.commit().await?;
    Ok(web::Json(out))
}

/// Rejects a submitted activity with a note (its penilai); the owner can correct and resubmit it.
#[utoipa::path(tag = "activities", security(("bearer" = [])), params(("id" = i64, Path)), request_body = RejectRequest,
    responses((status = 200, body = Activity), (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
#[post("/activities/{id}/reject")]
pub async fn reject(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<i64>,
    body: web::Json<RejectRequest>,
) -> ApiResult<web::Json<Activity>> {
    let txn = crate::db::begin(&state.db).await?;
    let a = find_visible(&txn, &viewer, id.into_inner()).await?;
    require_penilai(&viewer, &a)?;
    let next = status_of(&a).apply(ActivityAction::Reject).map_err(ApiError::Conflict)?;
    body.validate()?;
    let note = body.note.trim().to_owned();
    let mut active = a.into_active_model();
    active.status = Set(next);
    active.reject_note = Set(Some(note.clone()));
    active.decided_at = Set(Some(Utc::now()));
    active.decided_by_user_id = Set(Some(viewer.user_id));
    active.updated_at = Set(Utc::now());
    let row = active.update(&txn).await?;
    let msg = Message {
        kind: "activity.rejected",
        title: format!("Aktivitas {} ditolak", row.date.format("%d-%m-%Y")),
        body: format!("Catatan penilai: {note}"),
        link: Some("/aktivitas".into()),
    };
    notify::employee(&txn, row.employee_id, &msg).await?;
    audit::record(&txn, &viewer.actor(), Change::new("activity.reject", "activity", row.id).after(&note)).await?;
    let out = wire(&txn, std::slice::from_ref(&row), true).await?.remove(0);
    txn.commit().await?;
    Ok(web::Json(out))
}

/// Approves many submitted activities at once (their penilai). All or nothing: if any id may not
/// be approved by the caller, nothing is, and the answer lists those ids with the reason.
#[utoipa::path(tag = "activities", security(("bearer" = [])), request_body = BulkApprove,
    responses((status = 200, body = BulkApproveResult), (status = 403, body = Problem), (status = 422, body = Problem)))]
#[post("/activities/bulk-approve")]
pub async fn bulk_approve(
    state: web::Data<AppState>,
    viewer: Viewer,
    body: web::Json<BulkApprove>,
) -> ApiResult<web::Json<BulkApproveResult>> {
    body.validate()?;
    let mut ids = body.ids.clone();
    ids.sort_unstable();
    ids.dedup();
    let txn = crate::db::begin(&state.db).await?;
    // Activities outside the caller's sight count as missing, as everywhere else.
    let mut select = activities::Entity::find().filter(activities::Column::Id.is_in(ids.clone()));
    if let Some(cond) = viewer.scope().employee_column_filter(activities::Column::EmployeeId) {
        select = select.filter(cond);
    }
    let rows = select.all(&txn).await?;
    let mut refused = Vec::new();
    for id in &ids {
        let reason = match rows.iter().find(|a| a.id == *id) {
            None => Some("tidak ditemukan"),
            Some(a) if viewer.employee_id.is_none() || a.penilai_id != viewer.employee_id => {
                Some("bukan aktivitas bawahan yang Anda nilai")
            }
            Some(a) if status_of(a) != ActivityStatus::Submitted => Some("tidak sedang menunggu verifikasi"),
            Some(_) => None,
        };
        if let Some(r) = reason {
            refused.push(FieldError::new(id.to_string(), format!("aktivitas {id}: {r}")));
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
        let row = active.update(&txn).await?;
        crate::services::activity_totals::approved(&txn, row.unit_id, row.date, row.minutes).await?;
    }
    let result = BulkApproveResult { approved: ids };
    audit::record(
        &txn,
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
    txn.commit().await?;
    Ok(web::Json(result))
}
