//! Public dialogue forums, the staff side: a unit announces a forum, records what was said in the
//! room, settles every aspirasi, publishes the minutes and tracks its commitments to done. Heads and
//! operators of the unit write; admins write anywhere; auditors read. The citizens' side is `public`.

pub mod public;
pub mod targets;

use crate::error::ApiResult;
use crate::policy::{Capability, Viewer};
use crate::routes::list::{check_year, page, PageQuery};
use crate::services::forums::{self, commitments, inputs};
use crate::services::service_units::require_staff;
use crate::state::AppState;
use actix_web::{get, post, put, web, HttpResponse};
use chrono::Datelike;
use kinerja_domain::oversight::ForumStatus;
use kinerja_types::{
    Forum, ForumCommitment, ForumInput, ForumPatch, InputUpdate, NewCommitment, NewForum, NewRoomInput, Page, Problem,
    TaskUpdate,
};
use serde::Deserialize;
use utoipa::IntoParams;
use validator::Validate;

pub use public::*;
pub use targets::*;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(list_forums)
        .service(create_forum)
        .service(get_forum)
        .service(update_forum)
        .service(add_room_input)
        .service(update_input)
        .service(add_commitment)
        .service(update_commitment)
        .service(targets::target_commitment)
        .service(targets::commitment_progress)
        .service(targets::add_milestone)
        .service(targets::update_milestone)
        .service(public::public_forums)
        .service(public::public_forum)
        .service(public::send_input)
        .service(public::track_input);
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
    viewer.require(Capability::ReadServiceWork)?;
    if let Some(unit) = q.unit_id {
        require_staff(&state.db, &viewer, unit, false).await?;
    }
    let (items, total) =
        forums::list(&state.db, &viewer, q.unit_id, q.status, paging.offset(), paging.per_page()).await?;
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
    check_year("date", body.date.year())?;
    let out = forums::create(&txn, &viewer.actor(), &body).await?;
    txn.commit().await?;
    state.public_changed();
    Ok(HttpResponse::Created().json(out))
}

/// One forum with every aspirasi (with contacts) and commitment.
#[utoipa::path(tag = "oversight", security(("bearer" = [])), params(("id" = i64, Path)),
    responses((status = 200, body = Forum), (status = 403, body = Problem), (status = 404, body = Problem)))]
#[get("/forums/{id}")]
pub async fn get_forum(state: web::Data<AppState>, viewer: Viewer, id: web::Path<i64>) -> ApiResult<web::Json<Forum>> {
    let f = forums::find(&state.db, id.into_inner()).await?;
    require_staff(&state.db, &viewer, f.unit_id, false).await?;
    Ok(web::Json(forums::wire(&state.db, &f, true).await?))
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
    let f = forums::find(&txn, id.into_inner()).await?;
    require_staff(&txn, &viewer, f.unit_id, true).await?;
    forums::check_patch(&f, &body)?;
    if let Some(d) = body.date {
        check_year("date", d.year())?;
    }
    let out = forums::update(&txn, &viewer.actor(), f, &body).await?;
    txn.commit().await?;
    state.public_changed();
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
    let f = forums::find_open(&txn, &viewer, id.into_inner()).await?;
    let out = inputs::add_room(&txn, &viewer.actor(), &f, &body).await?;
    txn.commit().await?;
    state.public_changed();
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
    let i = inputs::find(&txn, id.into_inner()).await?;
    let f = forums::find(&txn, i.forum_id).await?;
    require_staff(&txn, &viewer, f.unit_id, true).await?;
    let out = inputs::settle(&txn, &viewer.actor(), i, &body).await?;
    txn.commit().await?;
    state.public_changed();
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
    let f = forums::find_open(&txn, &viewer, id.into_inner()).await?;
    check_year("due_on", body.due_on.year())?;
    let out = commitments::add(&txn, &viewer.actor(), &f, &body).await?;
    txn.commit().await?;
    state.public_changed();
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
    let c = commitments::find(&txn, id.into_inner()).await?;
    require_staff(&txn, &viewer, c.unit_id, true).await?;
    let out = commitments::update(&txn, &viewer.actor(), c, &body).await?;
    txn.commit().await?;
    state.public_changed();
    Ok(web::Json(out))
}
