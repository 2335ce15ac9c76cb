//! The rating flow: the penilai finalizes; the employee acknowledges or objects within the deadline;
//! the atasan penilai decides (upheld or changed), which is final. Every step is audited and
//! notifies the other party.

use super::{find_visible, status, to_wire};
use crate::audit::{self, Change};
use crate::entities::assessments;
use crate::error::{ApiError, ApiResult};
use crate::policy::Viewer;
use crate::services::notify::{self, Message};
use chrono::Utc;
use kinerja_domain::rating::predikat;
use kinerja_domain::{AssessmentAction, Rating};
use kinerja_types::{Assessment, Notice, NoticeCode, PemdaSettings};
use sea_orm::{ActiveModelTrait, DatabaseTransaction, IntoActiveModel, Set};

type Edit = Box<dyn FnOnce(&mut assessments::ActiveModel)>;

/// One step of the flow: the action, who may take it, and whom it notifies.
struct Step {
    action: AssessmentAction,
    /// The employee who may act.
    who: fn(&assessments::Model) -> Option<i64>,
    forbidden: &'static str,
    /// Whom to tell, and what.
    notice: fn(&assessments::Model) -> (i64, Message<'static>),
}

/// Applies a step for a viewer who must be its actor, saves, notifies, audits.
async fn step(
    txn: &DatabaseTransaction,
    viewer: &Viewer,
    id: i64,
    settings: &PemdaSettings,
    s: Step,
    edit: Edit,
) -> ApiResult<Assessment> {
    let Step { action, who, forbidden, notice } = s;
    let (a, e) = find_visible(txn, viewer, id).await?;
    if viewer.employee_id.is_none() || viewer.employee_id != who(&a) {
        return Err(ApiError::Forbidden(forbidden.to_owned()));
    }
    let next = status(&a).apply(action).map_err(ApiError::Conflict)?;
    let before = to_wire(&a, &e.name, settings);
    if action == AssessmentAction::Object {
        if let Some(deadline) = before.objection_deadline {
            if settings.today() > deadline {
                return Err(ApiError::Conflict(format!(
                    "batas waktu keberatan ({} hari setelah penilaian difinalkan) telah lewat pada {deadline}",
                    settings.objection_days
                )));
            }
        }
    }
    let mut active = a.into_active_model();
    active.status = Set(next);
    active.updated_at = Set(Utc::now());
    edit(&mut active);
    let row = active.update(txn).await?;
    let (to, msg) = notice(&row);
    notify::employee(txn, to, &msg).await?;
    let out = to_wire(&row, &e.name, settings);
    let name = format!("assessment.{}", next.as_str());
    audit::record(txn, &viewer.actor(), Change::new(&name, "assessment", row.id).before(&before).after(&out)).await?;
    Ok(out)
}

fn link(a: &assessments::Model) -> Option<String> {
    Some(format!("/penilaian/{}", a.id))
}

/// Finalizes a draft (the penilai only); the employee is told and may acknowledge or object.
pub async fn finalize(
    txn: &DatabaseTransaction,
    viewer: &Viewer,
    id: i64,
    settings: &PemdaSettings,
) -> ApiResult<Assessment> {
    step(
        txn,
        viewer,
        id,
        settings,
        Step {
            action: AssessmentAction::Finalize,
            who: |a| Some(a.penilai_id),
            forbidden: "hanya pejabat penilai yang memfinalkan penilaian",
            notice: |a| {
                (
                    a.employee_id,
                    Message {
                        kind: "assessment.finalized",
                        notice: Notice::new(NoticeCode::AssessmentFinalized).with("period", &a.period),
                        link: link(a),
                    },
                )
            },
        },
        Box::new(|a| a.finalized_at = Set(Some(Utc::now()))),
    )
    .await
}

/// Accepts a finalized assessment (the employee only); the penilai is told.
pub async fn acknowledge(
    txn: &DatabaseTransaction,
    viewer: &Viewer,
    id: i64,
    settings: &PemdaSettings,
) -> ApiResult<Assessment> {
    step(
        txn,
        viewer,
        id,
        settings,
        Step {
            action: AssessmentAction::Acknowledge,
            who: |a| Some(a.employee_id),
            forbidden: "hanya pegawai yang dinilai yang dapat menerima penilaian",
            notice: |a| {
                (
                    a.penilai_id,
                    Message {
                        kind: "assessment.acknowledged",
                        notice: Notice::new(NoticeCode::AssessmentAcknowledged).with("period", &a.period),
                        link: link(a),
                    },
                )
            },
        },
        Box::new(|_| {}),
    )
    .await
}

/// Objects to a finalized assessment with a reason (the employee only, within the deadline); the
/// atasan penilai (else the penilai) is told.
pub async fn object(
    txn: &DatabaseTransaction,
    viewer: &Viewer,
    id: i64,
    settings: &PemdaSettings,
    reason: String,
) -> ApiResult<Assessment> {
    step(
        txn,
        viewer,
        id,
        settings,
        Step {
            action: AssessmentAction::Object,
            who: |a| Some(a.employee_id),
            forbidden: "hanya pegawai yang dinilai yang dapat mengajukan keberatan",
            notice: |a| {
                (
                    a.atasan_penilai_id.unwrap_or(a.penilai_id),
                    Message {
                        kind: "assessment.objected",
                        notice: Notice::new(NoticeCode::AssessmentObjected).with("period", &a.period),
                        link: link(a),
                    },
                )
            },
        },
        Box::new(move |a| {
            a.objection_reason = Set(Some(reason));
            a.objected_at = Set(Some(Utc::now()));
        }),
    )
    .await
}

/// Decides an objection (the atasan penilai only): `changed` holds the new result and behaviour
/// ratings, `None` upholds; `outcome` and `reason` are stored. Final; the employee is told.
pub async fn decide(
    txn: &DatabaseTransaction,
    viewer: &Viewer,
    id: i64,
    settings: &PemdaSettings,
    changed: Option<(Rating, Rating)>,
    outcome: String,
    reason: String,
) -> ApiResult<Assessment> {
    step(
        txn,
        viewer,
        id,
        settings,
        Step {
            action: AssessmentAction::Decide,
            who: |a| a.atasan_penilai_id,
            forbidden: "hanya atasan pejabat penilai yang memutuskan keberatan",
            notice: |a| {
                (
                    a.employee_id,
                    Message {
                        kind: "assessment.decided",
                        notice: Notice::new(NoticeCode::AssessmentDecided).with("period", &a.period),
                        link: link(a),
                    },
                )
            },
        },
        Box::new(move |a| {
            if let Some((r, b)) = changed {
                a.result_rating = Set(r);
                a.behavior_rating = Set(b);
                a.predikat = Set(predikat(r, b));
            }
            a.decision_outcome = Set(Some(outcome));
            a.decision_reason = Set(Some(reason));
            a.decided_at = Set(Some(Utc::now()));
        }),
    )
    .await
}
