//! A forum's commitments: what the unit promises in answer to some aspirasi, with an owner and a
//! due date, tracked to done.

use super::today;
use crate::audit::{self, Actor, Change};
use crate::entities::{forum_commitments, forum_inputs, forums};
use crate::error::{ApiError, ApiResult};
use crate::services::oversight::{commitment_wire, inputs_of, set_inputs, task_state};
use chrono::Utc;
use kinerja_domain::oversight::{InputStatus, TaskStatus};
use kinerja_types::{ForumCommitment, NewCommitment, TaskUpdate};
use kinerja_types::{Invalid, Issue};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseTransaction, EntityTrait, QueryFilter, Set};
use std::collections::HashMap;

/// The commitment, else 404.
pub async fn find(db: &impl ConnectionTrait, id: i64) -> ApiResult<forum_commitments::Model> {
    forum_commitments::Entity::find_by_id(id).one(db).await?.ok_or(ApiError::NotFound)
}

/// Records a commitment of an open forum (its due date's year checked): 422 if due before the forum
/// or naming an aspirasi of another forum, 409 if one cannot become `committed`; the aspirasi named
/// become `committed`. Audited.
pub async fn add(
    txn: &DatabaseTransaction,
    actor: &Actor,
    f: &forums::Model,
    body: &NewCommitment,
) -> ApiResult<ForumCommitment> {
    if body.due_on < f.date {
        return Err(ApiError::field("due_on", Invalid::DueBeforeForum));
    }
    let found: HashMap<i64, forum_inputs::Model> = forum_inputs::Entity::find()
        .filter(forum_inputs::Column::Id.is_in(body.input_ids.iter().copied()))
        .all(txn)
        .await?
        .into_iter()
        .map(|i| (i.id, i))
        .collect();
    let mut linked = Vec::new();
    for input_id in &body.input_ids {
        let i =
            found.get(input_id).filter(|i| i.forum_id == f.id).cloned().ok_or_else(|| {
                ApiError::field("input_ids", Issue::new(Invalid::InputNotOfForum).with("id", input_id))
            })?;
        let st = i.status;
        if st != InputStatus::Committed && !st.can_become(InputStatus::Committed) {
            return Err(ApiError::Conflict(format!("aspirasi {} tidak dapat menjadi komitmen", i.tracking_code)));
        }
        linked.push(i);
    }
    let now = Utc::now();
    for i in linked {
        if i.status != InputStatus::Committed {
            let mut a: forum_inputs::ActiveModel = i.into();
            a.status = Set(InputStatus::Committed);
            a.updated_at = Set(now);
            let row = a.update(txn).await?;
            let thread = crate::services::citizen_messages::Thread::aspirasi(&row);
            let label = InputStatus::Committed.public_label();
            crate::services::citizen_messages::status_changed(txn, &thread, "committed", label, &[]).await?;
        }
    }
    let row = forum_commitments::ActiveModel {
        forum_id: Set(f.id),
        unit_id: Set(f.unit_id),
        description: Set(body.description.trim().to_owned()),
        owner: Set(body.owner.trim().to_owned()),
        due_on: Set(body.due_on),
        status: Set(TaskStatus::Open),
        done_note: Set(None),
        done_at: Set(None),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    set_inputs(txn, row.id, &body.input_ids).await?;
    let answered = inputs_of(txn, &[row.id]).await?.remove(&row.id).unwrap_or_default();
    let out = commitment_wire(&row, answered, today(txn).await?);
    audit::record(txn, actor, Change::new("forum_commitment.create", "forum_commitment", row.id).after(&out)).await?;
    Ok(out)
}

/// Marks a commitment (its unit's staff allowed) done, with a note of 3 characters or more (else
/// 422), or reopens it. Audited.
pub async fn update(
    txn: &DatabaseTransaction,
    actor: &Actor,
    c: forum_commitments::Model,
    body: &TaskUpdate,
) -> ApiResult<ForumCommitment> {
    let next = task_state(body)?;
    let today = today(txn).await?;
    let answered = inputs_of(txn, &[c.id]).await?.remove(&c.id).unwrap_or_default();
    let before = commitment_wire(&c, answered.clone(), today);
    let mut a: forum_commitments::ActiveModel = c.into();
    a.status = Set(next.status);
    a.done_note = Set(next.done_note);
    a.done_at = Set(next.done_at);
    let row = a.update(txn).await?;
    let out = commitment_wire(&row, answered, today);
    audit::record(
        txn,
        actor,
        Change::new("forum_commitment.update", "forum_commitment", row.id).before(&before).after(&out),
    )
    .await?;
    Ok(out)
}
