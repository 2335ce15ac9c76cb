//! The SKP flow: submit (owner), approve or return (penilai), revise (owner, after approval).
//! Every step is audited and notifies the other party.

use crate::audit::{self, Change};
use crate::entities::{employees, rhk, rhk_indicators, skp_behaviors, skps};
use crate::error::{ApiError, ApiResult};
use crate::policy::Viewer;
use crate::services::notify::{self, Message};
use crate::services::skp as svc;
use crate::state::AppState;
use actix_web::{post, web, HttpResponse};
use chrono::Utc;
use kinerja_domain::{SkpAction, SkpStatus};
use kinerja_types::{Problem, ReturnRequest, Skp};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseTransaction, EntityTrait, IntoActiveModel, PaginatorTrait, QueryFilter,
    QueryOrder, Set,
};
use validator::Validate;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(submit).service(approve).service(return_skp).service(revise);
}

fn next(skp: &skps::Model, action: SkpAction) -> ApiResult<SkpStatus> {
    svc::status(skp).apply(action).map_err(|e| ApiError::Conflict(e.to_string()))
}

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

async fn finish(
    txn: DatabaseTransaction,
    viewer: &Viewer,
    action: &str,
    before: &Skp,
    after: &skps::Model,
) -> ApiResult<Skp> {
    let wire = svc::full(&txn, after).await?;
    let mut after_summary = wire.clone();
    after_summary.rhk.clear();
    after_summary.behaviors.clear();
    audit::record(&txn, &viewer.actor(), Change::new(action, "skp", after.id).before(before).after(&after_summary))
        .await?;
    txn.commit().await?;
    Ok(wire)
}

/// Submits the SKP to the penilai (owner; draft or returned; at least one RHK).
#[utoipa::path(tag = "skp", security(("bearer" = [])), params(("id" = i64, Path)),
    responses((status = 200, body = Skp), (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
#[post("/skps/{id}/submit")]
pub async fn submit(state: web::Data<AppState>, viewer: Viewer, id: web::Path<i64>) -> ApiResult<web::Json<Skp>> {
    let txn = crate::db::begin(&state.db).await?;
    let skp = svc::find_visible(&txn, &viewer, id.into_inner()).await?;
    svc::require_owner(&viewer, &skp)?;
    let status = next(&skp, SkpAction::Submit)?;
    if rhk::Entity::find().filter(rhk::Column::SkpId.eq(skp.id)).count(&txn).await? == 0 {
        return Err(ApiError::field("rhk", "tambahkan minimal satu rencana hasil kerja sebelum mengajukan"));
    }
    let before = svc::summary(&skp, "");
    let saved = save_status(&txn, skp, status, |a| {
        a.submitted_at = Set(Some(Utc::now()));
    })
    .await?;
    if let Some(penilai) = saved.penilai_id {
        let name = svc::names(&txn, [saved.employee_id]).await?.remove(&saved.employee_id).unwrap_or_default();
        let msg = Message {
            kind: "skp.submitted",
            title: format!("SKP {} menunggu persetujuan Anda", saved.year),
            body: format!("{name} mengajukan SKP tahun {} (revisi {}).", saved.year, saved.revision),
            link: Some(format!("/skp/{}", saved.id)),
        };
        notify::employee(&txn, penilai, &msg).await?;
    }
    Ok(web::Json(finish(txn, &viewer, "skp.submit", &before, &saved).await?))
}

/// Approves (ditetapkan) a submitted SKP: its penilai, or an admin when it has none (recorded).
/// An approved SKP is locked; an earlier revision it replaces is marked superseded.
#[utoipa::path(tag = "skp", security(("bearer" = [])), params(("id" = i64, Path)),
    responses((status = 200, body = Skp), (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem)))]
#[post("/skps/{id}/approve")]
pub async fn approve(state: web::Data<AppState>, viewer: Viewer, id: web::Path<i64>) -> ApiResult<web::Json<Skp>> {
    let txn = crate::db::begin(&state.db).await?;
    let skp = svc::find_visible(&txn, &viewer, id.into_inner()).await?;
    let acting_admin = svc::penilai_role(&viewer, &skp)?;
    let status = next(&skp, SkpAction::Approve)?;
    let before = svc::summary(&skp, "");
    let saved = save_status(&txn, skp, status, |a| {
        a.approved_at = Set(Some(Utc::now()));
        a.approved_by_user_id = Set(Some(viewer.user_id));
        a.return_reason = Set(None);
    })
    .await?;
    if let Some(prev) = saved.previous_id {
        skps::Entity::update_many()
            .col_expr(skps::Column::Superseded, Expr::value(true))
            .filter(skps::Column::Id.eq(prev))
            .exec(&txn)
            .await?;
    }
    let msg = Message {
        kind: "skp.approved",
        title: format!("SKP {} disetujui", saved.year),
        body: if acting_admin {
            "SKP Anda ditetapkan oleh admin karena pejabat penilai belum ada.".into()
        } else {
            "SKP Anda telah ditetapkan oleh pejabat penilai.".into()
        },
        link: Some(format!("/skp/{}", saved.id)),
    };
    notify::employee(&txn, saved.employee_id, &msg).await?;
    let action = if acting_admin { "skp.approve_by_admin_for_missing_penilai" } else { "skp.approve" };
    Ok(web::Json(finish(txn, &viewer, action, &before, &saved).await?))
}

/// Returns a submitted SKP to its owner with a reason (penilai).
#[utoipa::path(tag = "skp", security(("bearer" = [])), params(("id" = i64, Path)), request_body = ReturnRequest,
    responses((status = 200, body = Skp), (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
#[post("/skps/{id}/return")]
pub async fn return_skp(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<i64>,
    body: web::Json<ReturnRequest>,
) -> ApiResult<web::Json<Skp>> {
    let txn = crate::db::begin(&state.db).await?;
    let skp = svc::find_visible(&txn, &viewer, id.into_inner()).await?;
    svc::penilai_role(&viewer, &skp)?;
    let status = next(&skp, SkpAction::Return)?;
    body.validate()?;
    let before = svc::summary(&skp, "");
    let reason = body.reason.trim().to_owned();
    let saved = save_status(&txn, skp, status, |a| {
        a.return_reason = Set(Some(reason.clone()));
    })
    .await?;
    let msg = Message {
        kind: "skp.returned",
        title: format!("SKP {} dikembalikan", saved.year),
        body: format!("Catatan pejabat penilai: {reason}"),
        link: Some(format!("/skp/{}", saved.id)),
    };
    notify::employee(&txn, saved.employee_id, &msg).await?;
    Ok(web::Json(finish(txn, &viewer, "skp.return", &before, &saved).await?))
}

/// Starts a new revision of an approved SKP (owner): a draft copy of its RHK, indicators and core
/// values that goes through the same flow. The approved one stays in force and readable until the
/// revision is approved.
#[utoipa::path(tag = "skp", security(("bearer" = [])), params(("id" = i64, Path)),
    responses((status = 201, body = Skp), (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem)))]
#[post("/skps/{id}/revise")]
pub async fn revise(state: web::Data<AppState>, viewer: Viewer, id: web::Path<i64>) -> ApiResult<HttpResponse> {
    let txn = crate::db::begin(&state.db).await?;
    let skp = svc::find_visible(&txn, &viewer, id.into_inner()).await?;
    svc::require_owner(&viewer, &skp)?;
    if svc::status(&skp) != SkpStatus::Approved || skp.superseded {
        return Err(ApiError::Conflict("hanya SKP yang berlaku (disetujui) yang dapat direvisi".into()));
    }
    if skps::Entity::find().filter(skps::Column::PreviousId.eq(skp.id)).count(&txn).await? > 0 {
        return Err(ApiError::Conflict("revisi SKP ini sudah ada; lanjutkan revisi tersebut".into()));
    }
    let employee = employees::Entity::find_by_id(skp.employee_id).one(&txn).await?.ok_or(ApiError::NotFound)?;
    let mut new_skp =
        crate::services::skp::insert_skp(&txn, &employee, skp.year, skp.approach, skp.revision + 1, Some(skp.id))
            .await?
            .into_active_model();
    // A revision keeps the position of the plan it revises.
    new_skp.unit_id = Set(skp.unit_id);
    new_skp.position_title = Set(skp.position_title.clone());
    let new_skp = new_skp.update(&txn).await?;
    for b in skp_behaviors::Entity::find().filter(skp_behaviors::Column::SkpId.eq(skp.id)).all(&txn).await? {
        skp_behaviors::Entity::update_many()
            .col_expr(skp_behaviors::Column::Expectation, Expr::value(b.expectation.clone()))
            .filter(skp_behaviors::Column::SkpId.eq(new_skp.id))
            .filter(skp_behaviors::Column::CoreValue.eq(b.core_value))
            .exec(&txn)
            .await?;
    }
    let old_rhk =
        rhk::Entity::find().filter(rhk::Column::SkpId.eq(skp.id)).order_by_asc(rhk::Column::Id).all(&txn).await?;
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
        .insert(&txn)
        .await?;
        for i in rhk_indicators::Entity::find().filter(rhk_indicators::Column::RhkId.eq(r.id)).all(&txn).await? {
            rhk_indicators::ActiveModel {
                rhk_id: Set(copy.id),
                aspect: Set(i.aspect),
                text: Set(i.text),
                target: Set(i.target),
                unit: Set(i.unit),
                ..Default::default()
            }
            .insert(&txn)
            .await?;
        }
    }
    let wire = svc::full(&txn, &new_skp).await?;
    audit::record(
        &txn,
        &viewer.actor(),
        Change::new("skp.revise", "skp", new_skp.id)
            .after(&serde_json::json!({ "revises": skp.id, "revision": new_skp.revision })),
    )
    .await?;
    txn.commit().await?;
    Ok(HttpResponse::Created().json(wire))
}
