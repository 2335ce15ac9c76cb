//! Calibration sessions: the ratings a session agreed to change (before and after, with the
//! reason), applied to drafts, and the lock that closes the minutes.

use crate::audit::{self, Actor, Change};
use crate::entities::{assessments, calibration_changes, employees, evaluation_sessions};
use crate::error::{ApiError, ApiResult};
use crate::services::org_tree::unit_subtree;
use chrono::Utc;
use kinerja_domain::oversight::SessionKind;
use kinerja_domain::rating::predikat;
use kinerja_domain::AssessmentStatus;
use kinerja_types::{CalibrationChange, Invalid, NewCalibrationChange};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseTransaction, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
};
use std::collections::HashMap;

/// 409 once the session's minutes are locked.
pub fn unlocked(s: &evaluation_sessions::Model) -> ApiResult<()> {
    match s.locked_at {
        Some(_) => Err(ApiError::Conflict("notulen sesi ini sudah dikunci".into())),
        None => Ok(()),
    }
}

/// The ratings (result, behaviour) last agreed for an assessment in a calibration session, if any:
/// the penilai keeps them until another session changes them.
pub async fn agreed(
    db: &impl ConnectionTrait,
    assessment_id: i64,
) -> ApiResult<Option<(kinerja_domain::Rating, kinerja_domain::Rating)>> {
    Ok(calibration_changes::Entity::find()
        .filter(calibration_changes::Column::AssessmentId.eq(assessment_id))
        .order_by_desc(calibration_changes::Column::Id)
        .one(db)
        .await?
        .map(|c| (c.after_result, c.after_behavior)))
}

/// A session by id, locked until the transaction ends (a lock and a change never cross), else 404.
pub async fn find_for_update(txn: &DatabaseTransaction, id: i64) -> ApiResult<evaluation_sessions::Model> {
    evaluation_sessions::Entity::find_by_id(id).lock_exclusive().one(txn).await?.ok_or(ApiError::NotFound)
}

/// The changes of the sessions, oldest first, by session.
pub async fn changes_of(
    db: &impl ConnectionTrait,
    session_ids: &[i64],
) -> ApiResult<HashMap<i64, Vec<CalibrationChange>>> {
    let rows = calibration_changes::Entity::find()
        .filter(calibration_changes::Column::SessionId.is_in(session_ids.iter().copied()))
        .order_by_asc(calibration_changes::Column::Id)
        .all(db)
        .await?;
    let names: HashMap<i64, String> = employees::Entity::find()
        .filter(employees::Column::Id.is_in(rows.iter().map(|c| c.employee_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|e| (e.id, e.name))
        .collect();
    let mut out: HashMap<i64, Vec<CalibrationChange>> = HashMap::new();
    for c in rows {
        out.entry(c.session_id).or_default().push(wire(&c, names.get(&c.employee_id).cloned().unwrap_or_default()));
    }
    Ok(out)
}

fn wire(c: &calibration_changes::Model, name: String) -> CalibrationChange {
    CalibrationChange {
        id: c.id,
        assessment_id: c.assessment_id,
        employee_id: c.employee_id,
        employee_name: name,
        before_result: c.before_result,
        before_behavior: c.before_behavior,
        before_predikat: c.before_predikat,
        after_result: c.after_result,
        after_behavior: c.after_behavior,
        after_predikat: c.after_predikat,
        reason: c.reason.clone(),
        created_by: c.created_by.clone(),
        created_at: c.created_at,
    }
}

/// Records a change agreed in a calibration session (its recorder already allowed) and applies it
/// to the rating: 409 when the minutes are locked or the rating is no longer a draft (a final
/// rating changes only through an objection); 422 outside a calibration session or for a rating of
/// someone outside the session's unit. Audited, with the rating's own before and after.
pub async fn add_change(
    txn: &DatabaseTransaction,
    actor: &Actor,
    s: &evaluation_sessions::Model,
    body: &NewCalibrationChange,
) -> ApiResult<CalibrationChange> {
    unlocked(s)?;
    if s.kind != SessionKind::Calibration {
        return Err(ApiError::field("kind", Invalid::NotCalibrationSession));
    }
    let a = assessments::Entity::find_by_id(body.assessment_id)
        .lock_exclusive()
        .one(txn)
        .await?
        .ok_or_else(|| ApiError::field("assessment_id", Invalid::AssessmentOutsideSession))?;
    if !unit_subtree(txn, s.unit_id).await?.contains(&a.unit_id) {
        return Err(ApiError::field("assessment_id", Invalid::AssessmentOutsideSession));
    }
    if a.status != AssessmentStatus::Draft {
        return Err(ApiError::Conflict(
            "penilaian sudah difinalkan; perubahan sesudahnya hanya melalui keberatan".into(),
        ));
    }
    let after = predikat(body.result_rating, body.behavior_rating);
    let row = calibration_changes::ActiveModel {
        session_id: Set(s.id),
        assessment_id: Set(a.id),
        employee_id: Set(a.employee_id),
        before_result: Set(Some(a.result_rating)),
        before_behavior: Set(Some(a.behavior_rating)),
        before_predikat: Set(Some(a.predikat)),
        after_result: Set(body.result_rating),
        after_behavior: Set(body.behavior_rating),
        after_predikat: Set(after),
        reason: Set(body.reason.trim().to_owned()),
        created_by: Set(actor.label.clone()),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    let before = serde_json::json!({ "result_rating": a.result_rating, "behavior_rating": a.behavior_rating, "predikat": a.predikat });
    let mut active: assessments::ActiveModel = a.into();
    active.result_rating = Set(body.result_rating);
    active.behavior_rating = Set(body.behavior_rating);
    active.predikat = Set(after);
    active.updated_at = Set(Utc::now());
    let updated = active.update(txn).await?;
    let name = employees::Entity::find_by_id(updated.employee_id).one(txn).await?.map(|e| e.name).unwrap_or_default();
    let out = wire(&row, name);
    audit::record(
        txn,
        actor,
        Change::new("assessment.calibrate", "assessment", updated.id).before(&before).after(&out),
    )
    .await?;
    Ok(out)
}

/// Locks the session's minutes (409 when locked already). Audited.
pub async fn lock(
    txn: &DatabaseTransaction,
    actor: &Actor,
    s: evaluation_sessions::Model,
) -> ApiResult<evaluation_sessions::Model> {
    unlocked(&s)?;
    let id = s.id;
    let mut a: evaluation_sessions::ActiveModel = s.into();
    a.locked_at = Set(Some(Utc::now()));
    a.locked_by = Set(Some(actor.label.clone()));
    let row = a.update(txn).await?;
    audit::record(
        txn,
        actor,
        Change::new("evaluation_session.lock", "evaluation_session", id)
            .after(&serde_json::json!({ "locked_at": row.locked_at, "locked_by": row.locked_by })),
    )
    .await?;
    Ok(row)
}
