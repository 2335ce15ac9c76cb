//! Public dialogue forums, the citizens' side: the announced and past forums, one forum with its
//! aspirasi (without contacts), minutes and commitments, sending an aspirasi before the forum without
//! an account (rate limited, length limited, a honeypot field, duplicates refused, as complaints),
//! and following it by its tracking code.

use super::input_status;
use crate::audit::{self, Actor, Change};
use crate::entities::{forum_commitments, forum_inputs, forums};
use crate::error::{ApiError, ApiResult};
use crate::routes::list::{fetch_page, page, PageQuery};
use crate::services::oversight::unit_names;
use crate::services::public_codes::{fingerprint, tracking_code};
use crate::services::rate_limit::{self, client_key};
use crate::state::AppState;
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use chrono::{Duration, NaiveDate, Utc};
use kinerja_domain::oversight::{accepts_online_input, is_overdue, ForumStatus, InputSource, InputStatus, TaskStatus};
use kinerja_types::{InputReceipt, NewPublicInput, Page, Problem, PublicCommitment, PublicForum, PublicInput};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set};
use serde::Deserialize;
use std::collections::HashMap;
use utoipa::IntoParams;
use validator::Validate;

fn public_input(i: &forum_inputs::Model) -> PublicInput {
    let status = input_status(i);
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
        let commitments = forum_commitments::Entity::find()
            .filter(forum_commitments::Column::ForumId.eq(f.id))
            .order_by_asc(forum_commitments::Column::Id)
            .all(db)
            .await?
            .into_iter()
            .map(|c| {
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

/// Filter of the public forum list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PublicForumFilter {
    pub unit_id: Option<i64>,
}

/// Public dialogue forums, the latest date first.
#[utoipa::path(tag = "public", params(PublicForumFilter, PageQuery), responses((status = 200, body = Page<PublicForum>)))]
#[get("/public/forums")]
pub async fn public_forums(
    state: web::Data<AppState>,
    filter: web::Query<PublicForumFilter>,
    paging: web::Query<PageQuery>,
) -> ApiResult<web::Json<Page<PublicForum>>> {
    let db = &state.db;
    let mut select = forums::Entity::find().order_by_desc(forums::Column::Date).order_by_desc(forums::Column::Id);
    if let Some(u) = filter.unit_id {
        select = select.filter(forums::Column::UnitId.eq(u));
    }
    let (rows, total) = fetch_page(db, select, &paging).await?;
    let today = crate::pemda_settings::load(db).await?.today();
    let extras = extras(db, &rows).await?;
    let mut items = Vec::with_capacity(rows.len());
    for f in &rows {
        // No query here: a list shows no inputs or commitments, only the counts in `extras`.
        items.push(public_wire(db, f, false, today, &extras).await?);
    }
    Ok(web::Json(page(items, total, &paging)))
}

/// One forum with its public aspirasi, minutes (once held) and commitments.
#[utoipa::path(tag = "public", params(("id" = i64, Path)),
    responses((status = 200, body = PublicForum), (status = 404, body = Problem)))]
#[get("/public/forums/{id}")]
pub async fn public_forum(state: web::Data<AppState>, id: web::Path<i64>) -> ApiResult<web::Json<PublicForum>> {
    let db = &state.db;
    let f = forums::Entity::find_by_id(id.into_inner()).one(db).await?.ok_or(ApiError::NotFound)?;
    let today = crate::pemda_settings::load(db).await?.today();
    let extras = extras(db, std::slice::from_ref(&f)).await?;
    Ok(web::Json(public_wire(db, &f, true, today, &extras).await?))
}

/// Sends an aspirasi for a forum that is still to come, without an account. Answers its tracking code.
#[utoipa::path(tag = "public", params(("id" = i64, Path)), request_body = NewPublicInput,
    responses((status = 201, body = InputReceipt), (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem), (status = 429, body = Problem)))]
#[post("/public/forums/{id}/inputs")]
pub async fn send_input(
    req: HttpRequest,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    body: web::Json<NewPublicInput>,
) -> ApiResult<HttpResponse> {
    if body.website.as_deref().is_some_and(|w| !w.is_empty()) {
        // The honeypot: a bot filled a field no person sees. Answer as usual, keep nothing.
        return Ok(HttpResponse::Created().json(InputReceipt { tracking_code: tracking_code("ASP") }));
    }
    body.validate()?;
    let db = &state.db;
    let f = forums::Entity::find_by_id(id.into_inner()).one(db).await?.ok_or(ApiError::NotFound)?;
    let today = crate::pemda_settings::load(db).await?.today();
    let status: ForumStatus = f.status;
    if !accepts_online_input(status, f.date, today) {
        return Err(ApiError::Conflict("forum ini tidak lagi menerima aspirasi daring".into()));
    }
    let client = client_key(&req);
    rate_limit::hit(db, rate_limit::FORUM_INPUT_PER_CLIENT, &client).await?;
    let text = body.text.trim().to_owned();
    let normalized: String = text.to_lowercase().split_whitespace().collect::<Vec<_>>().join(" ");
    let print = fingerprint(&[&client, &f.id.to_string(), &normalized]);
    let txn = crate::db::begin(db).await?;
    if let Some(same) = forum_inputs::Entity::find()
        .filter(forum_inputs::Column::Fingerprint.eq(print.clone()))
        .filter(forum_inputs::Column::CreatedAt.gt(Utc::now() - Duration::hours(24)))
        .one(&txn)
        .await?
    {
        return Err(ApiError::Conflict(format!(
            "aspirasi yang sama sudah diterima dengan kode {}",
            same.tracking_code
        )));
    }
    let now = Utc::now();
    let code = tracking_code("ASP");
    let row = forum_inputs::ActiveModel {
        forum_id: Set(f.id),
        tracking_code: Set(code.clone()),
        source: Set(InputSource::Online),
        speaker: Set(None),
        text: Set(text),
        contact: Set(body.contact.as_deref().map(str::trim).filter(|c| !c.is_empty()).map(str::to_owned)),
        status: Set(InputStatus::Received),
        response: Set(None),
        fingerprint: Set(print),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    // The audit entry leaves out the text and the contact: the aspirasi itself holds them.
    let summary = serde_json::json!({ "forum_id": f.id, "source": "online" });
    audit::record(&txn, &Actor::public(), Change::new("forum_input.send", "forum_input", row.id).after(&summary))
        .await?;
    txn.commit().await?;
    Ok(HttpResponse::Created().json(InputReceipt { tracking_code: code }))
}

/// The status and public response of an aspirasi, for whoever holds its tracking code.
#[utoipa::path(tag = "public", params(("tracking_code" = String, Path)),
    responses((status = 200, body = PublicInput), (status = 404, body = Problem), (status = 429, body = Problem)))]
#[get("/public/forum-inputs/{tracking_code}")]
pub async fn track_input(
    req: HttpRequest,
    state: web::Data<AppState>,
    code: web::Path<String>,
) -> ApiResult<web::Json<PublicInput>> {
    rate_limit::hit(&state.db, rate_limit::TRACK_PER_CLIENT, &client_key(&req)).await?;
    let code = code.into_inner().trim().to_uppercase();
    let i = forum_inputs::Entity::find()
        .filter(forum_inputs::Column::TrackingCode.eq(code))
        .one(&state.db)
        .await?
        .filter(|i| input_status(i).is_public())
        .ok_or(ApiError::NotFound)?;
    Ok(web::Json(public_input(&i)))
}
