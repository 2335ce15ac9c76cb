//! Continuous feedback and performance dialogues: an employee's threads, what the penilai writes
//! and the replies, with the other party notified.

use crate::audit::{self, Change};
use crate::entities::{dialogs, employees, feedback};
use crate::error::{ApiError, ApiResult};
use crate::policy::Viewer;
use crate::services::notify::{self, Message};
use chrono::Utc;
use kinerja_types::Invalid;
use kinerja_types::{Dialog, Feedback, FollowUp, NewDialog, NewFeedback, Notice, NoticeCode};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseTransaction, EntityTrait, QueryFilter, QueryOrder, Set,
};

/// The employee asked for (or the viewer), if visible; else 404 (422 when neither is named).
pub async fn subject(db: &impl ConnectionTrait, viewer: &Viewer, asked: Option<i64>) -> ApiResult<employees::Model> {
    let id = asked.or(viewer.employee_id).ok_or_else(|| ApiError::field("employee_id", Invalid::EmployeeRequired))?;
    let scope = viewer.scope();
    crate::services::people::find_visible(db, scope, id).await
}

/// A feedback entry as sent.
pub fn to_wire(f: feedback::Model) -> Feedback {
    Feedback {
        id: f.id,
        employee_id: f.employee_id,
        author_user_id: f.author_user_id,
        author_name: f.author_name,
        text: f.text,
        rhk_id: f.rhk_id,
        core_value: f.core_value,
        parent_id: f.parent_id,
        created_at: f.created_at,
    }
}

/// The employee's feedback thread, oldest first: one page and the total.
pub async fn list(
    db: &impl ConnectionTrait,
    employee_id: i64,
    offset: u64,
    limit: u64,
) -> ApiResult<(Vec<Feedback>, u64)> {
    let select = feedback::Entity::find()
        .filter(feedback::Column::EmployeeId.eq(employee_id))
        .order_by_asc(feedback::Column::Id);
    let (rows, total) = super::paging::fetch(db, select, offset, limit).await?;
    Ok((rows.into_iter().map(to_wire).collect(), total))
}

/// 422 unless the entry replied to exists and belongs to the employee's thread.
pub async fn check_parent(db: &impl ConnectionTrait, parent_id: i64, employee_id: i64) -> ApiResult<()> {
    let p = feedback::Entity::find_by_id(parent_id)
        .one(db)
        .await?
        .ok_or_else(|| ApiError::field("parent_id", Invalid::ReplyTargetMissing))?;
    if p.employee_id != employee_id {
        return Err(ApiError::field("parent_id", Invalid::ReplyOtherThread));
    }
    Ok(())
}

/// The name shown as the author: the viewer's employee name, else the username.
async fn author_name(db: &impl ConnectionTrait, viewer: &Viewer) -> ApiResult<String> {
    Ok(match viewer.employee_id {
        Some(id) => {
            employees::Entity::find_by_id(id).one(db).await?.map(|e| e.name).unwrap_or_else(|| viewer.username.clone())
        }
        None => viewer.username.clone(),
    })
}

/// Writes the viewer's feedback in the employee's thread (the writer already allowed) and notifies
/// the other party: the supervisor when the employee (`by_employee`) replies, else the employee.
/// Audited.
pub async fn create(
    txn: &DatabaseTransaction,
    viewer: &Viewer,
    e: &employees::Model,
    by_employee: bool,
    body: &NewFeedback,
) -> ApiResult<Feedback> {
    let row = feedback::ActiveModel {
        employee_id: Set(e.id),
        author_user_id: Set(viewer.user_id),
        author_name: Set(author_name(txn, viewer).await?),
        text: Set(body.text.trim().to_owned()),
        rhk_id: Set(body.rhk_id),
        core_value: Set(body.core_value),
        parent_id: Set(body.parent_id),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    let recipient = if by_employee { e.supervisor_id } else { Some(e.id) };
    if let Some(r) = recipient {
        let msg = Message {
            kind: "feedback.new",
            notice: if by_employee {
                Notice::new(NoticeCode::FeedbackReply).with("name", &e.name)
            } else {
                Notice::new(NoticeCode::FeedbackFromSupervisor)
            }
            .with("text", row.text.chars().take(200).collect::<String>()),
            link: Some(format!("/umpan-balik/{}", e.id)),
        };
        notify::employee(txn, r, &msg).await?;
    }
    let out = to_wire(row);
    audit::record(txn, &viewer.actor(), Change::new("feedback.create", "feedback", out.id).after(&out)).await?;
    Ok(out)
}

/// A performance dialogue as sent.
fn dialog_wire(d: dialogs::Model) -> Dialog {
    Dialog {
        id: d.id,
        employee_id: d.employee_id,
        penilai_id: d.penilai_id,
        date: d.date,
        notes: d.notes,
        follow_ups: crate::stored::json::<Vec<FollowUp>>("dialogs.follow_ups", &d.follow_ups),
        created_at: d.created_at,
    }
}

/// The employee's performance dialogues, newest first: one page and the total.
pub async fn dialogs(
    db: &impl ConnectionTrait,
    employee_id: i64,
    offset: u64,
    limit: u64,
) -> ApiResult<(Vec<Dialog>, u64)> {
    let select = dialogs::Entity::find()
        .filter(dialogs::Column::EmployeeId.eq(employee_id))
        .order_by_desc(dialogs::Column::Date);
    let (rows, total) = super::paging::fetch(db, select, offset, limit).await?;
    Ok((rows.into_iter().map(dialog_wire).collect(), total))
}

/// Records a dialogue of the penilai `penilai_id` (the viewer's employee record) with the employee
/// and notifies the employee. Audited.
pub async fn add_dialog(
    txn: &DatabaseTransaction,
    viewer: &Viewer,
    employee_id: i64,
    penilai_id: i64,
    body: &NewDialog,
) -> ApiResult<Dialog> {
    let row = dialogs::ActiveModel {
        employee_id: Set(employee_id),
        penilai_id: Set(penilai_id),
        date: Set(body.date),
        notes: Set(body.notes.trim().to_owned()),
        follow_ups: Set(serde_json::to_string(&body.follow_ups).unwrap_or_else(|_| "[]".into())),
        created_by_user_id: Set(viewer.user_id),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    let msg = Message {
        kind: "dialog.new",
        notice: Notice::new(NoticeCode::DialogRecorded).with("date", body.date),
        link: Some(format!("/umpan-balik/{}", employee_id)),
    };
    notify::employee(txn, employee_id, &msg).await?;
    let out = dialog_wire(row);
    audit::record(txn, &viewer.actor(), Change::new("dialog.create", "dialog", out.id).after(&out)).await?;
    Ok(out)
}
