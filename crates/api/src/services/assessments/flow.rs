//! The rating flow: the penilai finalizes; the employee acknowledges or objects within the deadline;
//! the penilai answers the objection in writing; the atasan penilai, or the BKPSDM for the PPK where
//! the penilai has none, decides (upheld or changed), which is final. Every step is audited and
//! notifies the other party.

use super::{find_visible, status, to_wire};
use crate::audit::{self, Change};
use crate::entities::assessments;
use crate::error::{ApiError, ApiResult};
use crate::policy::Capability;
use crate::policy::Viewer;
use crate::services::notify::{self, Message};
use chrono::Utc;
use kinerja_domain::assessment::decidable;
use kinerja_domain::rating::predikat;
use kinerja_domain::{AssessmentAction, Decider, Rating};
use kinerja_types::{Assessment, Notice, NoticeCode, PemdaSettings};
use sea_orm::{ActiveModelTrait, DatabaseTransaction, IntoActiveModel, Set};

type Edit = Box<dyn FnOnce(&mut assessments::ActiveModel)>;

/// Who hears of a step.
enum Recipient {
    Employee(i64),
    /// The BKPSDM's administrators, acting for the PPK.
    Admins,
}

/// Whoever may decide an objection (past its deadline, the atasan and the BKPSDM), as people to
/// tell.
fn deciders(a: &assessments::Model, overdue: bool) -> Vec<Recipient> {
    match Decider::of(a.atasan_penilai_id, overdue) {
        Decider::Atasan(id) => vec![Recipient::Employee(id)],
        Decider::AtasanOrPpk(id) => vec![Recipient::Employee(id), Recipient::Admins],
        Decider::Ppk => vec![Recipient::Admins],
    }
}

/// One step of the flow: the action, who may take it, what else must hold, and whom it notifies.
struct Step {
    action: AssessmentAction,
    /// Whether the viewer may take it (else 403 with its words), from the row and its wire form.
    may: fn(&assessments::Model, &Assessment, &Viewer) -> ApiResult<()>,
    /// A rule of the flow beyond the status (a deadline, a response first), as 409.
    check: fn(&Assessment, &PemdaSettings) -> ApiResult<()>,
    /// Whom to tell, and what.
    notices: fn(&assessments::Model, &Assessment) -> Vec<(Recipient, Message<'static>)>,
}

/// Only the employee `who` gives (the penilai, the rated employee), else 403 with `refusal`.
fn only(who: i64, viewer: &Viewer, refusal: &str) -> ApiResult<()> {
    if viewer.token_id.is_none() && viewer.employee_id == Some(who) {
        Ok(())
    } else {
        Err(ApiError::Forbidden(refusal.to_owned()))
    }
}

fn no_check(_: &Assessment, _: &PemdaSettings) -> ApiResult<()> {
    Ok(())
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
    let Step { action, may, check, notices } = s;
    let (a, e) = find_visible(txn, viewer, id).await?;
    let days = super::unit_days(txn, settings, [&a]).await?;
    let before = to_wire(&a, &e.name, settings, &days);
    may(&a, &before, viewer)?;
    let next = status(&a).apply(action).map_err(ApiError::Conflict)?;
    check(&before, settings)?;
    let mut active = a.into_active_model();
    active.status = Set(next);
    active.updated_at = Set(Utc::now());
    edit(&mut active);
    let row = active.update(txn).await?;
    let out = to_wire(&row, &e.name, settings, &days);
    for (to, msg) in notices(&row, &out) {
        match to {
            Recipient::Employee(id) => notify::employee(txn, id, &msg).await?,
            Recipient::Admins => notify::admins(txn, &msg).await?,
        }
    }
    let name = match action {
        AssessmentAction::Respond => "assessment.responded".to_owned(),
        _ => format!("assessment.{}", next.as_str()),
    };
    audit::record(txn, &viewer.actor(), Change::new(&name, "assessment", row.id).before(&before).after(&out)).await?;
    Ok(out)
}

/// A notice of `code` about the assessment's period (and a date it is due by), leading to it.
fn message(
    a: &assessments::Model,
    kind: &'static str,
    code: NoticeCode,
    due: Option<chrono::NaiveDate>,
) -> Message<'static> {
    let mut notice = Notice::new(code).with("period", &a.period);
    if let Some(due) = due {
        notice = notice.with("due", due);
    }
    Message { kind, notice, link: Some(format!("/penilaian/{}", a.id)) }
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
            may: |a, _, v| only(a.penilai_id, v, "hanya pejabat penilai yang memfinalkan penilaian"),
            check: no_check,
            notices: |a, _| {
                vec![(
                    Recipient::Employee(a.employee_id),
                    message(a, "assessment.finalized", NoticeCode::AssessmentFinalized, None),
                )]
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
            may: |a, _, v| only(a.employee_id, v, "hanya pegawai yang dinilai yang dapat menerima penilaian"),
            check: no_check,
            notices: |a, _| {
                vec![(
                    Recipient::Employee(a.penilai_id),
                    message(a, "assessment.acknowledged", NoticeCode::AssessmentAcknowledged, None),
                )]
            },
        },
        Box::new(|_| {}),
    )
    .await
}

/// Objects to a finalized assessment with a reason (the employee only, within the deadline); the
/// penilai is asked for a written response and the decider is told.
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
            may: |a, _, v| only(a.employee_id, v, "hanya pegawai yang dinilai yang dapat mengajukan keberatan"),
            check: |before, settings| match before.objection_deadline {
                Some(deadline) if settings.today() > deadline => Err(ApiError::Conflict(format!(
                    "batas waktu keberatan ({} hari setelah penilaian difinalkan) telah lewat pada {deadline}",
                    settings.objection_days
                ))),
                _ => Ok(()),
            },
            notices: |a, out| {
                let kind = "assessment.objected";
                let penilai = message(a, kind, NoticeCode::ObjectionToAnswer, out.response_deadline);
                let decider_msg = message(a, kind, NoticeCode::AssessmentObjected, None);
                let mut to = vec![(Recipient::Employee(a.penilai_id), penilai)];
                to.extend(deciders(a, false).into_iter().map(|r| (r, decider_msg.clone())));
                to
            },
        },
        Box::new(move |a| {
            a.objection_reason = Set(Some(reason));
            a.objected_at = Set(Some(Utc::now()));
        }),
    )
    .await
}

/// The penilai's written response to an objection (once, before the decision); the decider is told.
pub async fn respond(
    txn: &DatabaseTransaction,
    viewer: &Viewer,
    id: i64,
    settings: &PemdaSettings,
    response: String,
) -> ApiResult<Assessment> {
    step(
        txn,
        viewer,
        id,
        settings,
        Step {
            action: AssessmentAction::Respond,
            may: |a, _, v| only(a.penilai_id, v, "hanya pejabat penilai yang menanggapi keberatan"),
            check: |before, _| match before.penilai_response {
                Some(_) => Err(ApiError::Conflict("keberatan ini sudah ditanggapi pejabat penilai".into())),
                None => Ok(()),
            },
            notices: |a, out| {
                let msg = message(a, "assessment.responded", NoticeCode::ObjectionAnswered, out.decision_deadline);
                deciders(a, out.decision_overdue).into_iter().map(|r| (r, msg.clone())).collect()
            },
        },
        Box::new(move |a| {
            a.penilai_response = Set(Some(response));
            a.responded_at = Set(Some(Utc::now()));
        }),
    )
    .await
}

/// Decides an objection (the atasan penilai, or the BKPSDM for the PPK where the penilai has no
/// atasan), once the penilai responded or the time to respond has passed: `changed` holds the new
/// result and behaviour ratings, `None` upholds; `outcome` and `reason` are stored. Final; the
/// employee and the penilai are told.
pub async fn decide(
    txn: &DatabaseTransaction,
    viewer: &Viewer,
    id: i64,
    settings: &PemdaSettings,
    changed: Option<(Rating, Rating)>,
    outcome: String,
    reason: String,
) -> ApiResult<Assessment> {
    let by = viewer.employee_id;
    step(
        txn,
        viewer,
        id,
        settings,
        Step {
            action: AssessmentAction::Decide,
            may: |a, w, v| {
                // Nobody decides an objection to their own rating, or to a rating they gave.
                if v.employee_id.is_some_and(|me| me == a.employee_id || me == a.penilai_id) {
                    return Err(ApiError::Forbidden("keberatan tidak diputuskan oleh yang dinilai atau penilainya".into()));
                }
                v.require(Capability::DecideObjection {
                    atasan_penilai_id: a.atasan_penilai_id,
                    overdue: w.decision_overdue,
                })
            },
            check: |before, settings| {
                let due = before.response_deadline.unwrap_or(chrono::NaiveDate::MIN);
                if decidable(before.penilai_response.is_some(), settings.today(), due) {
                    Ok(())
                } else {
                    Err(ApiError::Conflict(format!(
                        "menunggu tanggapan tertulis pejabat penilai sampai {due}; setelah itu keberatan dapat diputuskan tanpa tanggapan"
                    )))
                }
            },
            notices: |a, _| {
                let msg = || message(a, "assessment.decided", NoticeCode::AssessmentDecided, None);
                vec![(Recipient::Employee(a.employee_id), msg()), (Recipient::Employee(a.penilai_id), msg())]
            },
        },
        Box::new(move |a| {
            // The atasan in person, or else (no atasan, or past the deadline) the BKPSDM for the PPK.
            let atasan = match &a.atasan_penilai_id {
                sea_orm::ActiveValue::Set(v) | sea_orm::ActiveValue::Unchanged(v) => *v,
                sea_orm::ActiveValue::NotSet => None,
            };
            a.decided_by_ppk = Set(Some(by.is_none() || by != atasan));
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
