//! Public dialogue forums, the citizens' side: the announced and past forums, one forum with its
//! aspirasi (without contacts), minutes and commitments, an aspirasi sent before the forum without
//! an account (duplicates refused), and its tracking.

use super::today;
use crate::audit::{self, Actor, Change};
use crate::entities::{forum_commitments, forum_inputs, forums};
use crate::error::{ApiError, ApiResult};
use crate::services::citizen_messages;
use crate::services::oversight::unit_names;
use crate::services::public_codes::{fingerprint, tracking_code};
use chrono::{Duration, NaiveDate, Utc};
use kinerja_domain::oversight::{accepts_online_input, is_overdue, ForumStatus, InputSource, InputStatus, TaskStatus};
use kinerja_types::{NewPublicInput, PublicCommitment, PublicForum, PublicInput};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseTransaction, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
};
use std::collections::HashMap;

/// An aspirasi as the public sees it (without the contact).
fn public_input(i: &forum_inputs::Model) -> PublicInput {
    let status = i.status;
    PublicInput {
        tracking_code: i.tracking_code.clone(),
        forum_id: i.forum_id,
        source: i.source,
        text: i.text.clone(),
        status,
        status_label: status.public_label().to_owned(),
        response: i.response.clone(),
        created_at: i.created_at,
    }
}

/// What the public sees of each of some forums besides the forum row: visible aspirasi and open
/// commitments counted, and the unit's name — three queries however many forums.
struct Extras {
    inputs: HashMap<i64, i64>,
    open_commitments: HashMap<i64, i64>,
    unit_names: HashMap<i64, String>,
}

async fn extras(db: &impl ConnectionTrait, forums: &[forums::Model]) -> ApiResult<Extras> {
    let ids: Vec<i64> = forums.iter().map(|f| f.id).collect();
    let inputs: Vec<(i64, i64)> = forum_inputs::Entity::find()
        .select_only()
        .column(forum_inputs::Column::ForumId)
        .column_as(forum_inputs::Column::Id.count(), "n")
        .filter(forum_inputs::Column::ForumId.is_in(ids.clone()))
        .filter(forum_inputs::Column::Status.ne(InputStatus::Hidden))
        .group_by(forum_inputs::Column::ForumId)
        .into_tuple()
        .all(db)
        .await?;
    let open: Vec<(i64, i64)> = forum_commitments::Entity::find()
        .select_only()
        .column(forum_commitments::Column::ForumId)
        .column_as(forum_commitments::Column::Id.count(), "n")
        .filter(forum_commitments::Column::ForumId.is_in(ids))
        .filter(forum_commitments::Column::Status.eq(TaskStatus::Open))
        .group_by(forum_commitments::Column::ForumId)
        .into_tuple()
        .all(db)
        .await?;
    Ok(Extras {
        inputs: inputs.into_iter().collect(),
        open_commitments: open.into_iter().collect(),
        unit_names: unit_names(db, &forums.iter().map(|f| f.unit_id).collect::<Vec<_>>()).await?,
    })
}

/// A forum as the public sees it, with its counts; with its visible aspirasi and its commitments
/// when `full` (two queries), else without any query.
async fn public_wire(
    db: &impl ConnectionTrait,
    f: &forums::Model,
    full: bool,
    today: NaiveDate,
    extras: &Extras,
) -> ApiResult<PublicForum> {
    let status: ForumStatus = f.status;
    let hidden = InputStatus::Hidden;
    let (inputs, commitments) = if full {
        let inputs = forum_inputs::Entity::find()
            .filter(forum_inputs::Column::ForumId.eq(f.id))
            .filter(forum_inputs::Column::Status.ne(hidden))
            .order_by_asc(forum_inputs::Column::Id)
            .all(db)
            .await?
            .iter()
            .map(public_input)
            .collect();
        let rows = forum_commitments::Entity::find()
            .filter(forum_commitments::Column::ForumId.eq(f.id))
            .order_by_asc(forum_commitments::Column::Id)
            .all(db)
            .await?;
        let mut staff: Vec<_> =
            rows.iter().map(|c| crate::services::oversight::commitment_wire(c, Vec::new(), today)).collect();
        super::commitments::enrich(db, &mut staff).await?;
        let commitments = rows
            .into_iter()
            .zip(staff)
            .map(|(c, w)| {
                let st: TaskStatus = c.status;
                let label = if is_overdue(st, c.due_on, today) { "Melewati tenggat" } else { st.label() };
                PublicCommitment {
                    description: c.description,
                    owner: c.owner,
                    due_on: c.due_on,
                    status: st,
                    status_label: label.to_owned(),
                    done_note: c.done_note,
                    done_at: c.done_at,
                    official: w.official_name,
                    progress_percent: w.progress_percent,
                    milestones: w
                        .milestones
                        .into_iter()
                        .map(|m| kinerja_types::PublicMilestone { title: m.title, due_on: m.due_on, done: m.done })
                        .collect(),
                }
            })
            .collect();
        (inputs, commitments)
    } else {
        (Vec::new(), Vec::new())
    };
    let input_count = extras.inputs.get(&f.id).copied().unwrap_or(0).max(0) as u64;
    let open_commitments = extras.open_commitments.get(&f.id).copied().unwrap_or(0).max(0) as u64;
    Ok(PublicForum {
        id: f.id,
        unit_name: extras.unit_names.get(&f.unit_id).cloned().unwrap_or_default(),
        topic: f.topic.clone(),
        date: f.date,
        place: f.place.clone(),
        description: f.description.clone(),
        status,
        status_label: status.public_label().to_owned(),
        accepts_input: accepts_online_input(status, f.date, today),
        minutes: if status == ForumStatus::Held { f.minutes.clone() } else { None },
        inputs,
        commitments,
        input_count,
        open_commitments,
    })
}

/// Public forums, optionally of one unit, the latest date first: one page and the total.
pub async fn list(
    db: &impl ConnectionTrait,
    unit_id: Option<i64>,
    offset: u64,
    limit: u64,
) -> ApiResult<(Vec<PublicForum>, u64)> {
    let mut select = forums::Entity::find().order_by_desc(forums::Column::Date).order_by_desc(forums::Column::Id);
    if let Some(u) = unit_id {
        select = select.filter(forums::Column::UnitId.eq(u));
    }
    let (rows, total) = super::super::paging::fetch(db, select, offset, limit).await?;
    let today = today(db).await?;
    let extras = extras(db, &rows).await?;
    let mut items = Vec::with_capacity(rows.len());
    for f in &rows {
        // No query here: a list shows no inputs or commitments, only the counts in `extras`.
        items.push(public_wire(db, f, false, today, &extras).await?);
    }
    Ok((items, total))
}

/// One forum with its public aspirasi, minutes (once held) and commitments, else 404.
pub async fn get(db: &impl ConnectionTrait, id: i64) -> ApiResult<PublicForum> {
    let f = super::find(db, id).await?;
    let today = today(db).await?;
    let extras = extras(db, std::slice::from_ref(&f)).await?;
    public_wire(db, &f, true, today, &extras).await
}

/// The forum, if it still takes aspirasi online (else 404, or 409 once it took place or was cancelled).
pub async fn open_forum(db: &impl ConnectionTrait, id: i64) -> ApiResult<forums::Model> {
    let f = super::find(db, id).await?;
    let today = today(db).await?;
    if !accepts_online_input(f.status, f.date, today) {
        return Err(ApiError::Conflict("forum ini tidak lagi menerima aspirasi daring".into()));
    }
    Ok(f)
}

/// Keeps an aspirasi sent online by `client` for an open forum and answers its tracking code; 409 if
/// the same client sent the same text for the forum within a day. Audited without the text and the
/// contact.
pub async fn send(
    txn: &DatabaseTransaction,
    client: &str,
    f: &forums::Model,
    body: &NewPublicInput,
) -> ApiResult<String> {
    let text = body.text.trim().to_owned();
    let normalized: String = text.to_lowercase().split_whitespace().collect::<Vec<_>>().join(" ");
    let print = fingerprint(&[client, &f.id.to_string(), &normalized]);
    if let Some(same) = forum_inputs::Entity::find()
        .filter(forum_inputs::Column::Fingerprint.eq(print.clone()))
        .filter(forum_inputs::Column::CreatedAt.gt(Utc::now() - Duration::hours(24)))
        .one(txn)
        .await?
    {
        return Err(ApiError::Conflict(format!(
            "aspirasi yang sama sudah diterima dengan kode {}",
            same.tracking_code
        )));
    }
    let now = Utc::now();
    let code = tracking_code("ASP");
    let contact = body.contact.as_deref().map(str::trim).filter(|c| !c.is_empty()).map(str::to_owned);
    let row = forum_inputs::ActiveModel {
        forum_id: Set(f.id),
        tracking_code: Set(code.clone()),
        source: Set(InputSource::Online),
        speaker: Set(None),
        text: Set(text),
        notify_token: Set(citizen_messages::token_for(contact.as_deref())),
        contact: Set(contact),
        status: Set(InputStatus::Received),
        response: Set(None),
        fingerprint: Set(print),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    // The audit entry leaves out the text and the contact: the aspirasi itself holds them.
    let summary = serde_json::json!({ "forum_id": f.id, "source": "online" });
    audit::record(txn, &Actor::public(), Change::new("forum_input.send", "forum_input", row.id).after(&summary))
        .await?;
    citizen_messages::filed(txn, &citizen_messages::Thread::aspirasi(&row)).await?;
    Ok(code)
}

/// The public state of the aspirasi with this tracking code (as typed: any case, spaces, without
/// its prefix), else 404 (also while hidden).
pub async fn track(db: &impl ConnectionTrait, code: &str) -> ApiResult<PublicInput> {
    use kinerja_domain::tracking_code::{typed, ASPIRASI};
    let code = typed(code, ASPIRASI);
    let i = forum_inputs::Entity::find()
        .filter(forum_inputs::Column::TrackingCode.eq(code))
        .one(db)
        .await?
        .filter(|i| i.status.is_public())
        .ok_or(ApiError::NotFound)?;
    Ok(public_input(&i))
}
