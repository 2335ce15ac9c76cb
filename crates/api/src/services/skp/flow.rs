//! The life of an SKP: created, submitted (owner), approved or returned (penilai), revised
//! (owner, after approval). Every step is audited and notifies the other party.

use super::{current, full, insert_skp, names, summary};
use crate::audit::{self, Actor, Change};
use crate::entities::{employees, rhk, rhk_indicators, skp_behaviors, skps};
use crate::error::{ApiError, ApiResult};
use crate::policy::Viewer;
use crate::services::notify::{self, Message};
use chrono::Utc;
use kinerja_domain::{Approach, SkpStatus};
use kinerja_types::Invalid;
use kinerja_types::{Notice, NoticeCode, Skp};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseTransaction, EntityTrait, IntoActiveModel, PaginatorTrait, QueryFilter,
    QueryOrder, Set,
};

/// Creates a draft SKP of the employee for the year, with the penilai and atasan penilai from the
/// organisation data now: 409 if one exists for the same unit and position. Audited.
pub async fn create(
    txn: &DatabaseTransaction,
    actor: &Actor,
    employee_id: i64,
    year: i32,
    approach: Approach,
) -> ApiResult<Skp> {
    let employee = employees::Entity::find_by_id(employee_id).one(txn).await?.ok_or(ApiError::NotFound)?;
    if let Some(existing) = current(txn, employee.id, year).await? {
        if existing.unit_id == employee.unit_id && existing.position_title == employee.position_title {
            return Err(ApiError::Conflict(format!(
                "SKP tahun {} untuk jabatan ini sudah ada (SKP #{}); ubah yang ada atau buat revisi",
                year, existing.id
            )));
        }
    }
    let skp = insert_skp(txn, &employee, year, approach, 1, None).await?;
    let wire = full(txn, &skp).await?;
    audit::record(txn, actor, Change::new("skp.create", "skp", skp.id).after(&summary(&skp, &employee.name))).await?;
    Ok(wire)
}

/// Stores the new status with the step's own changes.
async fn save_status(
    txn: &DatabaseTransaction,
    skp: skps::Model,
    status: SkpStatus,
    edit: impl FnOnce(&mut skps::ActiveModel),
) -> ApiResult<skps::Model> {
    let mut active = skp.into_active_model();
    active.status = Set(status);
    active.updated_at = Set(Utc::now());
    edit(&mut active);
    Ok(active.update(txn).await?)
}

/// Audits a step (the summaries before and after) and answers the whole SKP.
async fn finish(
    txn: &DatabaseTransaction,
    actor: &Actor,
    action: &str,
    before: &Skp,
    after: &skps::Model,
) -> ApiResult<Skp> {
    let wire = full(txn, after).await?;
    let mut after_summary = wire.clone();
    after_summary.rhk.clear();
    after_summary.behaviors.clear();
    audit::record(txn, actor, Change::new(action, "skp", after.id).before(before).after(&after_summary)).await?;
    Ok(wire)
}

/// Submits the SKP (its owner allowed, moving it to `status`) and notifies the penilai: 422 while
/// it has no RHK. Audited.
pub async fn submit(txn: &DatabaseTransaction, actor: &Actor, skp: skps::Model, status: SkpStatus) -> ApiResult<Skp> {
    if rhk::Entity::find().filter(rhk::Column::SkpId.eq(skp.id)).count(txn).await? == 0 {
        return Err(ApiError::field("rhk", Invalid::RhkRequired));
    }
    let before = summary(&skp, "");
    let saved = save_status(txn, skp, status, |a| {
        a.submitted_at = Set(Some(Utc::now()));
    })
    .await?;
    if let Some(penilai) = saved.penilai_id {
        let name = names(txn, [saved.employee_id]).await?.remove(&saved.employee_id).unwrap_or_default();
        let msg = Message {
            kind: "skp.submitted",
            notice: Notice::new(NoticeCode::SkpSubmitted)
                .with("name", name)
                .with("year", saved.year)
                .with("revision", saved.revision),
            link: Some(format!("/skp/{}", saved.id)),
        };
        notify::employee(txn, penilai, &msg).await?;
    }
    finish(txn, actor, "skp.submit", &before, &saved).await
}

/// Approves the SKP as the viewer (its penilai, or an admin standing in: `acting_admin`), moving it
/// to `status`; the revision it replaces is marked superseded and the owner notified. Audited.
pub async fn approve(
    txn: &DatabaseTransaction,
    viewer: &Viewer,
    skp: skps::Model,
    status: SkpStatus,
    acting_admin: bool,
) -> ApiResult<Skp> {
    let before = summary(&skp, "");
    let saved = save_status(txn, skp, status, |a| {
        a.approved_at = Set(Some(Utc::now()));
        a.approved_by_user_id = Set(Some(viewer.user_id));
        a.return_reason = Set(None);
    })
    .await?;
    if let Some(prev) = saved.previous_id {
        skps::Entity::update_many()
            .col_expr(skps::Column::Superseded, Expr::value(true))
            .filter(skps::Column::Id.eq(prev))
            .exec(txn)
            .await?;
    }
    let msg = Message {
        kind: "skp.approved",
        notice: Notice::new(if acting_admin { NoticeCode::SkpApprovedByAdmin } else { NoticeCode::SkpApproved })
            .with("year", saved.year),
        link: Some(format!("/skp/{}", saved.id)),
    };
    notify::employee(txn, saved.employee_id, &msg).await?;
    let action = if acting_admin { "skp.approve_by_admin_for_missing_penilai" } else { "skp.approve" };
    finish(txn, &viewer.actor(), action, &before, &saved).await
}

/// Returns the SKP to its owner with the reason, moving it to `status`, and notifies the owner.
/// Audited.
pub async fn return_to_owner(
    txn: &DatabaseTransaction,
    actor: &Actor,
    skp: skps::Model,
    status: SkpStatus,
    reason: &str,
) -> ApiResult<Skp> {
    let before = summary(&skp, "");
    let reason = reason.trim().to_owned();
    let saved = save_status(txn, skp, status, |a| {
        a.return_reason = Set(Some(reason.clone()));
    })
    .await?;
    let msg = Message {
        kind: "skp.returned",
        notice: Notice::new(NoticeCode::SkpReturned).with("year", saved.year).with("reason", &reason),
        link: Some(format!("/skp/{}", saved.id)),
    };
    notify::employee(txn, saved.employee_id, &msg).await?;
    finish(txn, actor, "skp.return", &before, &saved).await
}

/// Starts a new revision of the SKP (its owner allowed): a draft copy of its RHK, indicators and
/// core values in the same position. 409 unless the SKP is approved and in force, or when a
/// revision of it already exists. Audited.
pub async fn revise(txn: &DatabaseTransaction, actor: &Actor, skp: skps::Model) -> ApiResult<Skp> {
    if super::status(&skp) != SkpStatus::Approved || skp.superseded {
        return Err(ApiError::Conflict("hanya SKP yang berlaku (disetujui) yang dapat direvisi".into()));
    }
    if skps::Entity::find().filter(skps::Column::PreviousId.eq(skp.id)).count(txn).await? > 0 {
        return Err(ApiError::Conflict("revisi SKP ini sudah ada; lanjutkan revisi tersebut".into()));
    }
    let employee = employees::Entity::find_by_id(skp.employee_id).one(txn).await?.ok_or(ApiError::NotFound)?;
    let mut new_skp =
        insert_skp(txn, &employee, skp.year, skp.approach, skp.revision + 1, Some(skp.id)).await?.into_active_model();
    // A revision keeps the position of the plan it revises.
    new_skp.unit_id = Set(skp.unit_id);
    new_skp.position_title = Set(skp.position_title.clone());
    let new_skp = new_skp.update(txn).await?;
    for b in skp_behaviors::Entity::find().filter(skp_behaviors::Column::SkpId.eq(skp.id)).all(txn).await? {
        skp_behaviors::Entity::update_many()
            .col_expr(skp_behaviors::Column::Expectation, Expr::value(b.expectation.clone()))
            .filter(skp_behaviors::Column::SkpId.eq(new_skp.id))
            .filter(skp_behaviors::Column::CoreValue.eq(b.core_value))
            .exec(txn)
            .await?;
    }
    let old_rhk =
        rhk::Entity::find().filter(rhk::Column::SkpId.eq(skp.id)).order_by_asc(rhk::Column::Id).all(txn).await?;
    for r in old_rhk {
        let copy = rhk::ActiveModel {
            skp_id: Set(new_skp.id),
            text: Set(r.text.clone()),
            kind: Set(r.kind),
            parent_rhk_id: Set(r.parent_rhk_id),
            pk_goal_id: Set(r.pk_goal_id),
            lineage_id: Set(Some(r.lineage_id.unwrap_or(r.id))),
            position: Set(r.position),
            created_at: Set(Utc::now()),
            ..Default::default()
        }
        .insert(txn)
        .await?;
        for i in rhk_indicators::Entity::find().filter(rhk_indicators::Column::RhkId.eq(r.id)).all(txn).await? {
            rhk_indicators::ActiveModel {
                rhk_id: Set(copy.id),
                aspect: Set(i.aspect),
                text: Set(i.text),
                target: Set(i.target),
                unit: Set(i.unit),
                ..Default::default()
            }
            .insert(txn)
            .await?;
        }
    }
    let wire = full(txn, &new_skp).await?;
    audit::record(
        txn,
        actor,
        Change::new("skp.revise", "skp", new_skp.id)
            .after(&serde_json::json!({ "revises": skp.id, "revision": new_skp.revision })),
    )
    .await?;
    Ok(wire)
}
