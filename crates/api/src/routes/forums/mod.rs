//! Public dialogue forums, the staff side: a unit announces a forum, records what was said in the
//! room, settles every aspirasi, publishes the minutes and tracks its commitments to done. Heads and
//! operators of the unit write; admins write anywhere; auditors read. The citizens' side is `public`.

pub mod public;

use crate::audit::{self, Change};
use crate::entities::{forum_commitments, forum_inputs, forums};
use crate::error::{ApiError, ApiResult};
use crate::policy::{Capability, Viewer};
use crate::routes::list::{fetch_page, page, PageQuery};
use crate::services::oversight::{commitment_wire, inputs_of, set_inputs, task_state, unit_names};
use crate::services::public_codes::{fingerprint, tracking_code};
use crate::state::AppState;
use actix_web::{get, post, put, web, HttpResponse};
use chrono::{Datelike, NaiveDate, Utc};
use kinerja_domain::oversight::{ForumStatus, InputSource, InputStatus, TaskStatus};
use kinerja_types::{
    Forum, ForumCommitment, ForumInput, ForumPatch, InputUpdate, NewCommitment, NewForum, NewRoomInput, Page, Problem,
    TaskUpdate,
};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set};
use serde::Deserialize;
use utoipa::IntoParams;
use validator::Validate;

pub use public::*;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(list_forums)
        .service(create_forum)
        .service(get_forum)
        .service(update_forum)
        .service(add_room_input)
        .service(update_input)
        .service(add_commitment)
        .service(update_commitment)
        .service(public::public_forums)
        .service(public::public_forum)
        .service(public::send_input)
        .service(public::track_input);
}

async fn today(db: &impl ConnectionTrait) -> ApiResult<NaiveDate> {
    Ok(crate::pemda_settings::load(db).await?.today())
}

/// 404 outside the viewer's sight; 403 unless it manages (`write`) or reads the unit's service work.
async fn require_staff(db: &impl ConnectionTrait, viewer: &Viewer, unit_id: i64, write: bool) -> ApiResult<()> {
    let capability = if write { Capability::ManageService } else { Capability::ReadUnit };
    crate::services::units::with(db, viewer, unit_id, capability).await.map(|_| ())
}

fn forum_status(f: &forums::Model) -> ForumStatus {
    f.status
}

pub(crate) fn input_status(i: &forum_inputs::Model) -> InputStatus {
    i.status
}

fn input_wire(i: &forum_inputs::Model) -> ForumInput {
    ForumInput {
        id: i.id,
        forum_id: i.forum_id,
        tracking_code: i.tracking_code.clone(),
        source: i.source,
        speaker: i.speaker.clone(),
        text: i.text.clone(),
        contact: i.contact.clone(),
        status: input_status(i),
        response: i.response.clone(),
        created_at: i.created_at,
    }
}

/// A forum as staff see it; with its aspirasi and commitments when `full`.
async fn wire(db: &impl ConnectionTrait, f: &forums::Model, full: bool) -> ApiResult<Forum> {
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
        let commitments =
            rows.iter().map(|c| commitment_wire(c, answered.remove(&c.id).unwrap_or_default(), today)).collect();
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
        status: forum_status(f),
        minutes: f.minutes.clone(),
        inputs: Vec::new(),
        commitments: Vec::new(),
        created_at: f.created_at,
    }
}

async fn find(db: &impl ConnectionTrait, id: i64) -> ApiResult<forums::Model> {
    forums::Entity::find_by_id(id).one(db).await?.ok_or(ApiError::NotFound)
}

/// A forum the viewer runs and that still takes aspirasi and commitments (not cancelled).
async fn find_open(db: &impl ConnectionTrait, viewer: &Viewer, id: i64) -> ApiResult<forums::Model> {
    let f = find(db, id).await?;
    require_staff(db, viewer, f.unit_id, true).await?;
    if forum_status(&f) == ForumStatus::Cancelled {
        return Err(ApiError::Conflict("forum ini dibatalkan".into()));
    }
    Ok(f)
}

fn trimmed(s: &Option<String>) -> Option<String> {
    s.as_deref().map(str::trim).filter(|x| !x.is_empty()).map(str::to_owned)
}

/// Which forums.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ForumFilter {
    pub unit_id: Option<i64>,
    pub status: Option<ForumStatus>,
}

/// Forums of the caller's units, the latest date first (heads, operators, admins, auditors).
#[utoipa::path(tag = "oversight", security(("bearer" = [])), params(ForumFilter, PageQuery),
    responses((status = 200, body = Page<Forum>), (status = 403, body = Problem), (status = 404, body = Problem)))]
#[get("/forums")]
pub async fn list_forums(
    state: web::Data<AppState>,
    viewer: Viewer,
    q: web::Query<ForumFilter>,
    paging: web::Query<PageQuery>,
) -> ApiResult<web::Json<Page<Forum>>> {
    let db = &state.db;
    viewer.require(Capability::ReadServiceWork)?;
    let mut select = forums::Entity::find();
    if let Some(unit) = q.unit_id {
        require_staff(db, &viewer, unit, false).await?;
        select = select.filter(forums::Column::UnitId.eq(unit));
    } else if !viewer.reads_city() {
        let scope = viewer.scope();
        select = select.filter(forums::Column::UnitId.is_in(scope.unit_ids().iter().copied()));
    }
    if let Some(s) = q.status {
        select = select.filter(forums::Column::Status.eq(s.as_str()));
    }
    let select = select.order_by_desc(forums::Column::Date).order_by_desc(forums::Column::Id);
    let (rows, total) = fetch_page(db, select, &paging).await?;
    let names = unit_names(db, &rows.iter().map(|f| f.unit_id).collect::<Vec<_>>()).await?;
    let items = rows.iter().map(|f| summary(f, names.get(&f.unit_id).cloned().unwrap_or_default())).collect();
    Ok(web::Json(page(items, total, &paging)))
}

/// Announces a forum on the public pages (a head or operator of the unit, or an admin).
#[utoipa::path(tag = "oversight", security(("bearer" = [])), request_body = NewForum,
    responses((status = 201, body = Forum), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
#[post("/forums")]
pub async fn create_forum(
    state: web::Data<AppState>,
    viewer: Viewer,
    body: web::Json<NewForum>,
) -> ApiResult<HttpResponse> {
    body.validate()?;
    let txn = crate::db::begin(&state.db).await?;
    require_staff(&txn, &viewer, body.unit_id, true).await?;
    crate::routes::list::check_year("date", body.date.year())?;
    if body.date < today(&txn).await? {
        return Err(ApiError::field("date", "forum diumumkan sebelum dilaksanakan; pilih hari ini atau sesudahnya"));
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
    .insert(&txn)
    .await?;
    let out = wire(&txn, &row, true).await?;
    audit::record(&txn, &viewer.actor(), Change::new("forum.create", "forum", row.id).after(&out)).await?;
    txn.commit().await?;
    Ok(HttpResponse::Created().json(out))
}

/// One forum with every aspirasi (with contacts) and commitment.
#[utoipa::path(tag = "oversight", security(("bearer" = [])), params(("id" = i64, Path)),
    responses((status = 200, body = Forum), (status = 403, body = Problem), (status = 404, body = Problem)))]
#[get("/forums/{id}")]
pub async fn get_forum(state: web::Data<AppState>, viewer: Viewer, id: web::Path<i64>) -> ApiResult<web::Json<Forum>> {
    let f = find(&state.db, id.into_inner()).await?;
    require_staff(&state.db, &viewer, f.unit_id, false).await?;
    Ok(web::Json(wire(&state.db, &f, true).await?))
}

/// Edits an announced forum, records that it was held (with the minutes, published at once) or
/// cancels it.
#[utoipa::path(tag = "oversight", security(("bearer" = [])), params(("id" = i64, Path)), request_body = ForumPatch,
    responses((status = 200, body = Forum), (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
#[put("/forums/{id}")]
pub async fn update_forum(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<i64>,
    body: web::Json<ForumPatch>,
) -> ApiResult<web::Json<Forum>> {
    body.validate()?;
    let txn = crate::db::begin(&state.db).await?;
    let f = find(&txn, id.into_inner()).await?;
    require_staff(&txn, &viewer, f.unit_id, true).await?;
    let current = forum_status(&f);
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
    if let Some(d) = body.date {
        crate::routes::list::check_year("date", d.year())?;
        if d < today(&txn).await? {
            return Err(ApiError::field("date", "tanggal forum tidak boleh di masa lalu"));
        }
    }
    let before = wire(&txn, &f, false).await?;
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
    let row = a.update(&txn).await?;
    let out = wire(&txn, &row, true).await?;
    let mut after = out.clone();
    after.inputs.clear();
    after.commitments.clear();
    audit::record(&txn, &viewer.actor(), Change::new("forum.update", "forum", row.id).before(&before).after(&after))
        .await?;
    txn.commit().await?;
    Ok(web::Json(out))
}

/// Records what was said in the room as an aspirasi (already `discussed`).
#[utoipa::path(tag = "oversight", security(("bearer" = [])), params(("id" = i64, Path)), request_body = NewRoomInput,
    responses((status = 201, body = ForumInput), (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
#[post("/forums/{id}/inputs")]
pub async fn add_room_input(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<i64>,
    body: web::Json<NewRoomInput>,
) -> ApiResult<HttpResponse> {
    body.validate()?;
    let txn = crate::db::begin(&state.db).await?;
    let f = find_open(&txn, &viewer, id.into_inner()).await?;
    let now = Utc::now();
    let text = body.text.trim().to_owned();
    let row = forum_inputs::ActiveModel {
        forum_id: Set(f.id),
        tracking_code: Set(tracking_code("ASP")),
        source: Set(InputSource::Room),
        speaker: Set(trimmed(&body.speaker)),
        fingerprint: Set(fingerprint(&["room", &f.id.to_string(), &text])),
        text: Set(text),
        contact: Set(None),
        status: Set(InputStatus::Discussed),
        response: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    let out = input_wire(&row);
    audit::record(&txn, &viewer.actor(), Change::new("forum_input.create", "forum_input", row.id).after(&out)).await?;
    txn.commit().await?;
    Ok(HttpResponse::Created().json(out))
}

/// Settles an aspirasi: discussed, declined (with a public response saying why), hidden (abuse or
/// personal data), or back from declined or hidden. It becomes `committed` through a commitment.
#[utoipa::path(tag = "oversight", security(("bearer" = [])), params(("id" = i64, Path)), request_body = InputUpdate,
    responses((status = 200, body = ForumInput), (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
#[put("/forum-inputs/{id}")]
pub async fn update_input(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<i64>,
    body: web::Json<InputUpdate>,
) -> ApiResult<web::Json<ForumInput>> {
    body.validate()?;
    let txn = crate::db::begin(&state.db).await?;
    let i = forum_inputs::Entity::find_by_id(id.into_inner()).one(&txn).await?.ok_or(ApiError::NotFound)?;
    let f = find(&txn, i.forum_id).await?;
    require_staff(&txn, &viewer, f.unit_id, true).await?;
    if body.status == InputStatus::Committed {
        return Err(ApiError::field("status", "aspirasi menjadi komitmen dengan membuat komitmen forum"));
    }
    let current = input_status(&i);
    if !current.can_become(body.status) {
        return Err(ApiError::Conflict(format!(
            "aspirasi berstatus \"{}\" tidak dapat diubah menjadi \"{}\"",
            current.public_label(),
            body.status.public_label()
        )));
    }
    let response = trimmed(&body.response);
    if InputStatus::needs_response(body.status) && response.as_deref().is_none_or(|r| r.chars().count() < 10) {
        return Err(ApiError::field(
            "response",
            "jelaskan kepada warga mengapa tidak dapat ditindaklanjuti (minimal 10 karakter)",
        ));
    }
    let before = input_wire(&i);
    let mut a: forum_inputs::ActiveModel = i.into();
    a.status = Set(body.status);
    if response.is_some() {
        a.response = Set(response);
    }
    a.updated_at = Set(Utc::now());
    let row = a.update(&txn).await?;
    let out = input_wire(&row);
    audit::record(
        &txn,
        &viewer.actor(),
        Change::new("forum_input.update", "forum_input", row.id).before(&before).after(&out),
    )
    .await?;
    txn.commit().await?;
    Ok(web::Json(out))
}

/// Records a commitment of the forum, answering some of its aspirasi (which become `committed`).
#[utoipa::path(tag = "oversight", security(("bearer" = [])), params(("id" = i64, Path)), request_body = NewCommitment,
    responses((status = 201, body = ForumCommitment), (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
#[post("/forums/{id}/commitments")]
pub async fn add_commitment(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<i64>,
    body: web::Json<NewCommitment>,
) -> ApiResult<HttpResponse> {
    body.validate()?;
    let txn = crate::db::begin(&state.db).await?;
    let f = find_open(&txn, &viewer, id.into_inner()).await?;
    crate::routes::list::check_year("due_on", body.due_on.year())?;
    if body.due_on < f.date {
        return Err(ApiError::field("due_on", "tenggat tidak boleh sebelum tanggal forum"));
    }
    let mut linked = Vec::new();
    for input_id in &body.input_ids {
        let i = forum_inputs::Entity::find_by_id(*input_id)
            .one(&txn)
            .await?
            .filter(|i| i.forum_id == f.id)
            .ok_or_else(|| ApiError::field("input_ids", format!("aspirasi {input_id} bukan dari forum ini")))?;
        let st = input_status(&i);
        if st != InputStatus::Committed && !st.can_become(InputStatus::Committed) {
            return Err(ApiError::Conflict(format!("aspirasi {} tidak dapat menjadi komitmen", i.tracking_code)));
        }
        linked.push(i);
    }
    let now = Utc::now();
    for i in linked {
        if input_status(&i) != InputStatus::Committed {
            let mut a: forum_inputs::ActiveModel = i.into();
            a.status = Set(InputStatus::Committed);
            a.updated_at = Set(now);
            a.update(&txn).await?;
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
    .insert(&txn)
    .await?;
    set_inputs(&txn, row.id, &body.input_ids).await?;
    let answered = inputs_of(&txn, &[row.id]).await?.remove(&row.id).unwrap_or_default();
    let out = commitment_wire(&row, answered, today(&txn).await?);
    audit::record(
        &txn,
        &viewer.actor(),
        Change::new("forum_commitment.create", "forum_commitment", row.id).after(&out),
    )
    .await?;
    txn.commit().await?;
    Ok(HttpResponse::Created().json(out))
}

/// Marks a commitment done (with a public note saying what was done) or reopens it.
#[utoipa::path(tag = "oversight", security(("bearer" = [])), params(("id" = i64, Path)), request_body = TaskUpdate,
    responses((status = 200, body = ForumCommitment), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
#[put("/forum-commitments/{id}")]
pub async fn update_commitment(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<i64>,
    body: web::Json<TaskUpdate>,
) -> ApiResult<web::Json<ForumCommitment>> {
    body.validate()?;
    let txn = crate::db::begin(&state.db).await?;
    let c = forum_commitments::Entity::find_by_id(id.into_inner()).one(&txn).await?.ok_or(ApiError::NotFound)?;
    require_staff(&txn, &viewer, c.unit_id, true).await?;
    let next = task_state(&body)?;
    let today = today(&txn).await?;
    let answered = inputs_of(&txn, &[c.id]).await?.remove(&c.id).unwrap_or_default();
    let before = commitment_wire(&c, answered.clone(), today);
    let mut a: forum_commitments::ActiveModel = c.into();
    a.status = Set(next.status);
    a.done_note = Set(next.done_note);
    a.done_at = Set(next.done_at);
    let row = a.update(&txn).await?;
    let out = commitment_wire(&row, answered, today);
    audit::record(
        &txn,
        &viewer.actor(),
        Change::new("forum_commitment.update", "forum_commitment", row.id).before(&before).after(&out),
    )
    .await?;
    txn.commit().await?;
    Ok(web::Json(out))
}
