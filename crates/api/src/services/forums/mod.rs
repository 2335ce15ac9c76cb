//! Public dialogue forums: a unit announces a forum, records what was said in the room, settles
//! every aspirasi, publishes the minutes and tracks its commitments to done. The forum rows are
//! here; the aspirasi in `inputs`, the commitments in `commitments`, the citizens' side in `public`.

pub mod commitments;
pub mod inputs;
pub mod public;

use crate::audit::{self, Actor, Change};
use crate::entities::{forum_commitments, forum_inputs, forums};
use crate::error::{ApiError, ApiResult};
use crate::policy::Viewer;
use crate::services::oversight::{commitment_wire, inputs_of, unit_names};
use crate::services::service_units::require_staff;
use chrono::{NaiveDate, Utc};
use kinerja_domain::oversight::ForumStatus;
use kinerja_types::Invalid;
use kinerja_types::{Forum, ForumInput, ForumPatch, NewForum};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseTransaction, EntityTrait, QueryFilter, QueryOrder, Set,
};

/// The Pemda's date today.
async fn today(db: &impl ConnectionTrait) -> ApiResult<NaiveDate> {
    Ok(crate::pemda_settings::load(db).await?.today())
}

/// The text trimmed, none if blank.
fn trimmed(s: &Option<String>) -> Option<String> {
    s.as_deref().map(str::trim).filter(|x| !x.is_empty()).map(str::to_owned)
}

/// An aspirasi as staff see it (with the contact).
pub fn input_wire(i: &forum_inputs::Model) -> ForumInput {
    ForumInput {
        id: i.id,
        forum_id: i.forum_id,
        tracking_code: i.tracking_code.clone(),
        source: i.source,
        speaker: i.speaker.clone(),
        text: i.text.clone(),
        contact: i.contact.clone(),
        status: i.status,
        response: i.response.clone(),
        created_at: i.created_at,
    }
}

/// A forum as staff see it; with its aspirasi and commitments when `full`.
pub async fn wire(db: &impl ConnectionTrait, f: &forums::Model, full: bool) -> ApiResult<Forum> {
    let (inputs, commitments) = if full {
        let today = today(db).await?;
        let inputs = forum_inputs::Entity::find()
            .filter(forum_inputs::Column::ForumId.eq(f.id))
            .order_by_asc(forum_inputs::Column::Id)
            .all(db)
            .await?
            .iter()
            .map(input_wire)
            .collect();
        let rows = forum_commitments::Entity::find()
            .filter(forum_commitments::Column::ForumId.eq(f.id))
            .order_by_asc(forum_commitments::Column::Id)
            .all(db)
            .await?;
        let mut answered = inputs_of(db, &rows.iter().map(|c| c.id).collect::<Vec<_>>()).await?;
        let mut commitments: Vec<_> =
            rows.iter().map(|c| commitment_wire(c, answered.remove(&c.id).unwrap_or_default(), today)).collect();
        commitments::enrich(db, &mut commitments).await?;
        (inputs, commitments)
    } else {
        (Vec::new(), Vec::new())
    };
    let unit_name = unit_names(db, &[f.unit_id]).await?.remove(&f.unit_id).unwrap_or_default();
    Ok(Forum { inputs, commitments, ..summary(f, unit_name) })
}

/// A forum without its inputs and commitments (as lists show it).
fn summary(f: &forums::Model, unit_name: String) -> Forum {
    Forum {
        id: f.id,
        unit_id: f.unit_id,
        unit_name,
        topic: f.topic.clone(),
        date: f.date,
        place: f.place.clone(),
        description: f.description.clone(),
        status: f.status,
        minutes: f.minutes.clone(),
        inputs: Vec::new(),
        commitments: Vec::new(),
        created_at: f.created_at,
    }
}

/// The forum, else 404.
pub async fn find(db: &impl ConnectionTrait, id: i64) -> ApiResult<forums::Model> {
    forums::Entity::find_by_id(id).one(db).await?.ok_or(ApiError::NotFound)
}

/// A forum the viewer runs (else 404 or 403) and that still takes aspirasi and commitments (not
/// cancelled, else 409).
pub async fn find_open(db: &impl ConnectionTrait, viewer: &Viewer, id: i64) -> ApiResult<forums::Model> {
    let f = find(db, id).await?;
    require_staff(db, viewer, f.unit_id, true).await?;
    if f.status == ForumStatus::Cancelled {
        return Err(ApiError::Conflict("forum ini dibatalkan".into()));
    }
    Ok(f)
}

/// Forums of one unit (`unit_id`, its reading already allowed) or of the viewer's units (all for a
/// city-wide reader), optionally of a status, the latest date first: one page and the total.
pub async fn list(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    unit_id: Option<i64>,
    status: Option<ForumStatus>,
    offset: u64,
    limit: u64,
) -> ApiResult<(Vec<Forum>, u64)> {
    let mut select = forums::Entity::find();
    if let Some(unit) = unit_id {
        select = select.filter(forums::Column::UnitId.eq(unit));
    } else if !viewer.reads_city() {
        let scope = viewer.scope();
        select = select.filter(forums::Column::UnitId.is_in(scope.unit_ids().iter().copied()));
    }
    if let Some(s) = status {
        select = select.filter(forums::Column::Status.eq(s.as_str()));
    }
    let select = select.order_by_desc(forums::Column::Date).order_by_desc(forums::Column::Id);
    let (rows, total) = super::paging::fetch(db, select, offset, limit).await?;
    let names = unit_names(db, &rows.iter().map(|f| f.unit_id).collect::<Vec<_>>()).await?;
    let items = rows.iter().map(|f| summary(f, names.get(&f.unit_id).cloned().unwrap_or_default())).collect();
    Ok((items, total))
}

/// Announces a forum (already validated, its year checked, its writer allowed); 422 if its date is
/// past. Audited.
pub async fn create(txn: &DatabaseTransaction, actor: &Actor, body: &NewForum) -> ApiResult<Forum> {
    if body.date < today(txn).await? {
        return Err(ApiError::field("date", Invalid::ForumAnnouncedAhead));
    }
    let now = Utc::now();
    let row = forums::ActiveModel {
        unit_id: Set(body.unit_id),
        topic: Set(body.topic.trim().to_owned()),
        date: Set(body.date),
        place: Set(body.place.trim().to_owned()),
        description: Set(trimmed(&body.description)),
        status: Set(ForumStatus::Announced),
        minutes: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    let out = wire(txn, &row, true).await?;
    audit::record(txn, actor, Change::new("forum.create", "forum", row.id).after(&out)).await?;
    Ok(out)
}

/// 409 unless the forum may take the patch: a status it can become, edits only while announced,
/// minutes only once held.
pub fn check_patch(f: &forums::Model, body: &ForumPatch) -> ApiResult<()> {
    let current = f.status;
    let next = body.status.unwrap_or(current);
    if next != current && !current.can_become(next) {
        return Err(ApiError::Conflict(format!(
            "forum berstatus \"{}\" tidak dapat diubah menjadi \"{}\"",
            current.public_label(),
            next.public_label()
        )));
    }
    let edits = body.topic.is_some() || body.date.is_some() || body.place.is_some() || body.description.is_some();
    if edits && current != ForumStatus::Announced {
        return Err(ApiError::Conflict("pengumuman hanya dapat diubah sebelum forum dilaksanakan".into()));
    }
    if body.minutes.is_some() && next != ForumStatus::Held {
        return Err(ApiError::Conflict("notulen diisi setelah forum dilaksanakan".into()));
    }
    Ok(())
}

/// Applies a checked patch (a new date's year checked); 422 if the new date is past. Audited
/// without the aspirasi and commitments.
pub async fn update(txn: &DatabaseTransaction, actor: &Actor, f: forums::Model, body: &ForumPatch) -> ApiResult<Forum> {
    if let Some(d) = body.date {
        if d < today(txn).await? {
            return Err(ApiError::field("date", Invalid::ForumDatePast));
        }
    }
    let next = body.status.unwrap_or(f.status);
    let before = wire(txn, &f, false).await?;
    let mut a: forums::ActiveModel = f.into();
    if let Some(t) = &body.topic {
        a.topic = Set(t.trim().to_owned());
    }
    if let Some(d) = body.date {
        a.date = Set(d);
    }
    if let Some(p) = &body.place {
        a.place = Set(p.trim().to_owned());
    }
    if body.description.is_some() {
        a.description = Set(trimmed(&body.description));
    }
    a.status = Set(next);
    if let Some(m) = &body.minutes {
        a.minutes = Set(Some(m.trim().to_owned()));
    }
    a.updated_at = Set(Utc::now());
    let row = a.update(txn).await?;
    let out = wire(txn, &row, true).await?;
    let mut after = out.clone();
    after.inputs.clear();
    after.commitments.clear();
    audit::record(txn, actor, Change::new("forum.update", "forum", row.id).before(&before).after(&after)).await?;
    Ok(out)
}
