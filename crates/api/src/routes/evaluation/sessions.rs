//! Evaluation sessions: a head records a periodic or annual evaluation meeting of the unit (who
//! attended, whom it discussed, what it decided) with follow-ups that have an owner and a due date
//! and are tracked to done. Sessions are read by the heads of the unit, admins and auditors; an
//! owner also sees and closes their own follow-ups.

use crate::audit::{self, Change};
use crate::entities::{employees, evaluation_follow_ups, evaluation_sessions};
use crate::error::{ApiError, ApiResult};
use crate::policy::{Capability, Viewer};
use crate::routes::list::{fetch_page, page, PageQuery};
use crate::services::notify::{self, Message};
use crate::services::org_tree::unit_subtree;
use crate::services::oversight::{
    discussed_in, employee_names, follow_up_wire, set_discussed, strings, task_state, unit_names,
};
use crate::state::AppState;
use actix_web::{get, post, put, web, HttpResponse};
use chrono::{Datelike, NaiveDate, Utc};
use kinerja_domain::oversight::TaskStatus;
use kinerja_types::{
    DiscussedEmployee, EvaluationSession, NewEvaluationSession, NewSessionFollowUp, Page, Problem, SessionFollowUp,
    TaskUpdate,
};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set};
use serde::Deserialize;
use std::collections::HashSet;
use utoipa::IntoParams;
use validator::Validate;

async fn today(db: &impl ConnectionTrait) -> ApiResult<NaiveDate> {
    Ok(crate::pemda_settings::load(db).await?.today())
}

/// A session with its follow-ups, as sent.
async fn wire(db: &impl ConnectionTrait, s: &evaluation_sessions::Model) -> ApiResult<EvaluationSession> {
    let mut one = wires(db, std::slice::from_ref(s)).await?;
    one.pop().ok_or_else(|| ApiError::Internal(anyhow::anyhow!("session {} vanished", s.id)))
}

/// Sessions as sent: their follow-ups, people and units read in three queries for all of them.
async fn wires(
    db: &impl ConnectionTrait,
    sessions: &[evaluation_sessions::Model],
) -> ApiResult<Vec<EvaluationSession>> {
    if sessions.is_empty() {
        return Ok(Vec::new());
    }
    let follow_ups = evaluation_follow_ups::Entity::find()
        .filter(evaluation_follow_ups::Column::SessionId.is_in(sessions.iter().map(|s| s.id)))
        .order_by_asc(evaluation_follow_ups::Column::DueOn)
        .order_by_asc(evaluation_follow_ups::Column::Id)
        .all(db)
        .await?;
    let discussed = discussed_in(db, &sessions.iter().map(|s| s.id).collect::<Vec<_>>()).await?;
    let people: Vec<i64> = discussed.values().flatten().copied().chain(follow_ups.iter().map(|f| f.owner_id)).collect();
    let names = employee_names(db, &people).await?;
    let units = unit_names(db, &sessions.iter().map(|s| s.unit_id).collect::<Vec<_>>()).await?;
    let name = |id: &i64| names.get(id).cloned().unwrap_or_default();
    let today = today(db).await?;
    Ok(sessions
        .iter()
        .map(|s| EvaluationSession {
            id: s.id,
            unit_id: s.unit_id,
            unit_name: units.get(&s.unit_id).cloned().unwrap_or_default(),
            kind: s.kind,
            held_on: s.held_on,
            title: s.title.clone(),
            attendees: strings(&s.attendees),
            employees: discussed
                .get(&s.id)
                .into_iter()
                .flatten()
                .map(|id| DiscussedEmployee { employee_id: *id, name: name(id) })
                .collect(),
            decisions: s.decisions.clone(),
            follow_ups: follow_ups
                .iter()
                .filter(|f| f.session_id == s.id)
                .map(|f| follow_up_wire(f, &name(&f.owner_id), today))
                .collect(),
            created_by: s.created_by.clone(),
            created_at: s.created_at,
        })
        .collect())
}

/// 403 unless the viewer may record sessions for the unit: its head (or a head above it) or an admin.
async fn require_writer(db: &impl ConnectionTrait, viewer: &Viewer, unit_id: i64) -> ApiResult<()> {
    crate::services::units::with(db, viewer, unit_id, Capability::RecordSessions).await.map(|_| ())
}

/// 404/403 unless the viewer reads the unit's sessions (its heads, admins, auditors).
async fn require_reader(db: &impl ConnectionTrait, viewer: &Viewer, unit_id: i64) -> ApiResult<()> {
    crate::services::units::with(db, viewer, unit_id, |u| Capability::ReadSessions(Some(u))).await.map(|_| ())
}

/// Checks that every id is an employee of the unit's subtree.
async fn in_subtree(db: &impl ConnectionTrait, unit_id: i64, people: &[i64], field: &str) -> ApiResult<()> {
    if people.is_empty() {
        return Ok(());
    }
    let units = unit_subtree(db, unit_id).await?;
    let wanted: HashSet<i64> = people.iter().copied().collect();
    let found = employees::Entity::find().filter(employees::Column::Id.is_in(wanted.clone())).all(db).await?;
    if found.len() != wanted.len() || found.iter().any(|e| !units.contains(&e.unit_id)) {
        return Err(ApiError::field(field, "pegawai harus dari unit ini atau unit di bawahnya"));
    }
    Ok(())
}

fn check_follow_up(f: &NewSessionFollowUp, held_on: NaiveDate, field: &str) -> ApiResult<()> {
    f.validate()?;
    if f.due_on < held_on {
        return Err(ApiError::field(&format!("{field}.due_on"), "tenggat tidak boleh sebelum tanggal rapat"));
    }
    crate::routes::list::check_year(&format!("{field}.due_on"), f.due_on.year())?;
    Ok(())
}

async fn insert_follow_up(
    db: &impl ConnectionTrait,
    session: &evaluation_sessions::Model,
    f: &NewSessionFollowUp,
) -> ApiResult<evaluation_follow_ups::Model> {
    let row = evaluation_follow_ups::ActiveModel {
        session_id: Set(session.id),
        unit_id: Set(session.unit_id),
        description: Set(f.description.trim().to_owned()),
        owner_id: Set(f.owner_id),
        due_on: Set(f.due_on),
        status: Set(TaskStatus::Open),
        done_note: Set(None),
        done_at: Set(None),
        ..Default::default()
    }
    .insert(db)
    .await?;
    let msg = Message {
        kind: "evaluation_follow_up",
        title: format!("Tindak lanjut evaluasi \"{}\"", session.title),
        body: format!("{} (tenggat {})", row.description, row.due_on.format("%d-%m-%Y")),
        link: Some("/evaluasi".into()),
    };
    notify::employee(db, row.owner_id, &msg).await?;
    Ok(row)
}

/// Which sessions.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SessionFilter {
    /// Only this unit (default: every unit the caller heads).
    pub unit_id: Option<i64>,
    /// Only meetings held in this year.
    pub year: Option<i32>,
}

/// Evaluation sessions the caller reads, newest first (heads, admins, auditors).
#[utoipa::path(tag = "oversight", security(("bearer" = [])), params(SessionFilter, PageQuery),
    responses((status = 200, body = Page<EvaluationSession>), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
#[get("/evaluation-sessions")]
pub async fn list_sessions(
    state: web::Data<AppState>,
    viewer: Viewer,
    q: web::Query<SessionFilter>,
    paging: web::Query<PageQuery>,
) -> ApiResult<web::Json<Page<EvaluationSession>>> {
    let db = &state.db;
    viewer.require(Capability::ReadSessions(None))?;
    let mut select = evaluation_sessions::Entity::find();
    if let Some(unit) = q.unit_id {
        require_reader(db, &viewer, unit).await?;
        select = select.filter(evaluation_sessions::Column::UnitId.eq(unit));
    } else if !viewer.reads_city() {
        let scope = viewer.scope();
        select = select.filter(evaluation_sessions::Column::UnitId.is_in(scope.unit_ids().iter().copied()));
    }
    if let Some(y) = q.year {
        crate::routes::list::check_year("year", y)?;
        let from = NaiveDate::from_ymd_opt(y, 1, 1).ok_or_else(|| ApiError::field("year", "tahun 2000-2100"))?;
        let to = NaiveDate::from_ymd_opt(y, 12, 31).ok_or_else(|| ApiError::field("year", "tahun 2000-2100"))?;
        select = select.filter(evaluation_sessions::Column::HeldOn.between(from, to));
    }
    let select =
        select.order_by_desc(evaluation_sessions::Column::HeldOn).order_by_desc(evaluation_sessions::Column::Id);
    let (rows, total) = fetch_page(db, select, &paging).await?;
    Ok(web::Json(page(wires(db, &rows).await?, total, &paging)))
}

/// Records an evaluation meeting with its follow-ups (the head of the unit or an admin).
#[utoipa::path(tag = "oversight", security(("bearer" = [])), request_body = NewEvaluationSession,
    responses((status = 201, body = EvaluationSession), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
#[post("/evaluation-sessions")]
pub async fn create_session(
    state: web::Data<AppState>,
    viewer: Viewer,
    body: web::Json<NewEvaluationSession>,
) -> ApiResult<HttpResponse> {
    body.validate()?;
    let txn = crate::db::begin(&state.db).await?;
    require_writer(&txn, &viewer, body.unit_id).await?;
    crate::routes::list::check_year("held_on", body.held_on.year())?;
    if body.held_on > today(&txn).await? {
        return Err(ApiError::field(
            "held_on",
            "rapat dicatat setelah dilaksanakan; tanggal tidak boleh di masa depan",
        ));
    }
    let attendees: Vec<String> = body.attendees.iter().map(|a| a.trim().to_owned()).filter(|a| !a.is_empty()).collect();
    if attendees.is_empty() || attendees.iter().any(|a| a.chars().count() > 200) {
        return Err(ApiError::field("attendees", "isi nama peserta (masing-masing paling panjang 200 karakter)"));
    }
    in_subtree(&txn, body.unit_id, &body.employee_ids, "employee_ids").await?;
    for (i, f) in body.follow_ups.iter().enumerate() {
        check_follow_up(f, body.held_on, &format!("follow_ups[{i}]"))?;
    }
    let owners: Vec<i64> = body.follow_ups.iter().map(|f| f.owner_id).collect();
    in_subtree(&txn, body.unit_id, &owners, "follow_ups").await?;
    let session = evaluation_sessions::ActiveModel {
        unit_id: Set(body.unit_id),
        kind: Set(body.kind),
        held_on: Set(body.held_on),
        title: Set(body.title.trim().to_owned()),
        attendees: Set(serde_json::to_string(&attendees).map_err(anyhow::Error::from)?),
        decisions: Set(body.decisions.trim().to_owned()),
        created_by: Set(viewer.username.clone()),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    set_discussed(&txn, session.id, &body.employee_ids).await?;
    for f in &body.follow_ups {
        insert_follow_up(&txn, &session, f).await?;
    }
    let out = wire(&txn, &session).await?;
    audit::record(
        &txn,
        &viewer.actor(),
        Change::new("evaluation_session.create", "evaluation_session", session.id).after(&out),
    )
    .await?;
    txn.commit().await?;
    Ok(HttpResponse::Created().json(out))
}

async fn find_session(db: &impl ConnectionTrait, id: i64) -> ApiResult<evaluation_sessions::Model> {
    evaluation_sessions::Entity::find_by_id(id).one(db).await?.ok_or(ApiError::NotFound)
}

/// One evaluation session.
#[utoipa::path(tag = "oversight", security(("bearer" = [])), params(("id" = i64, Path)),
    responses((status = 200, body = EvaluationSession), (status = 403, body = Problem), (status = 404, body = Problem)))]
#[get("/evaluation-sessions/{id}")]
pub async fn get_session(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<i64>,
) -> ApiResult<web::Json<EvaluationSession>> {
    let s = find_session(&state.db, id.into_inner()).await?;
    require_reader(&state.db, &viewer, s.unit_id).await?;
    Ok(web::Json(wire(&state.db, &s).await?))
}

/// Adds a follow-up to a session (the head of the unit or an admin).
#[utoipa::path(tag = "oversight", security(("bearer" = [])), params(("id" = i64, Path)), request_body = NewSessionFollowUp,
    responses((status = 201, body = SessionFollowUp), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
#[post("/evaluation-sessions/{id}/follow-ups")]
pub async fn add_follow_up(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<i64>,
    body: web::Json<NewSessionFollowUp>,
) -> ApiResult<HttpResponse> {
    let txn = crate::db::begin(&state.db).await?;
    let s = find_session(&txn, id.into_inner()).await?;
    require_writer(&txn, &viewer, s.unit_id).await?;
    check_follow_up(&body, s.held_on, "follow_up")?;
    in_subtree(&txn, s.unit_id, &[body.owner_id], "owner_id").await?;
    let row = insert_follow_up(&txn, &s, &body).await?;
    let owner = employee_names(&txn, &[row.owner_id]).await?.remove(&row.owner_id).unwrap_or_default();
    let out = follow_up_wire(&row, &owner, today(&txn).await?);
    audit::record(
        &txn,
        &viewer.actor(),
        Change::new("evaluation_follow_up.create", "evaluation_follow_up", row.id).after(&out),
    )
    .await?;
    txn.commit().await?;
    Ok(HttpResponse::Created().json(out))
}

/// Which follow-ups.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct FollowUpFilter {
    pub status: Option<TaskStatus>,
}

/// Follow-ups the caller owns, and those of the sessions they read; the earliest due first.
#[utoipa::path(tag = "oversight", security(("bearer" = [])), params(FollowUpFilter, PageQuery),
    responses((status = 200, body = Page<SessionFollowUp>), (status = 401, body = Problem)))]
#[get("/evaluation-follow-ups")]
pub async fn list_follow_ups(
    state: web::Data<AppState>,
    viewer: Viewer,
    q: web::Query<FollowUpFilter>,
    paging: web::Query<PageQuery>,
) -> ApiResult<web::Json<Page<SessionFollowUp>>> {
    let db = &state.db;
    let mut select = evaluation_follow_ups::Entity::find();
    if let Some(s) = q.status {
        select = select.filter(evaluation_follow_ups::Column::Status.eq(s.as_str()));
    }
    if !viewer.reads_city() {
        let mut who = sea_orm::Condition::any();
        if let Some(me) = viewer.employee_id {
            who = who.add(evaluation_follow_ups::Column::OwnerId.eq(me));
        }
        let headed = viewer.headed_units();
        if let Some(units) = headed {
            who = who.add(evaluation_follow_ups::Column::UnitId.is_in(units.iter().copied()));
        }
        if viewer.employee_id.is_none() && headed.is_none() {
            return Ok(web::Json(page(Vec::new(), 0, &paging)));
        }
        select = select.filter(who);
    }
    let select =
        select.order_by_asc(evaluation_follow_ups::Column::DueOn).order_by_asc(evaluation_follow_ups::Column::Id);
    let (rows, total) = fetch_page(db, select, &paging).await?;
    let names = employee_names(db, &rows.iter().map(|f| f.owner_id).collect::<Vec<_>>()).await?;
    let today = today(db).await?;
    let items = rows
        .iter()
        .map(|f| follow_up_wire(f, names.get(&f.owner_id).map(String::as_str).unwrap_or(""), today))
        .collect();
    Ok(web::Json(page(items, total, &paging)))
}

/// Marks a follow-up done (with a note saying what was done) or reopens it: its owner, the head of
/// the unit or an admin.
#[utoipa::path(tag = "oversight", security(("bearer" = [])), params(("id" = i64, Path)), request_body = TaskUpdate,
    responses((status = 200, body = SessionFollowUp), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
#[put("/evaluation-follow-ups/{id}")]
pub async fn update_follow_up(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<i64>,
    body: web::Json<TaskUpdate>,
) -> ApiResult<web::Json<SessionFollowUp>> {
    body.validate()?;
    let txn = crate::db::begin(&state.db).await?;
    let f = evaluation_follow_ups::Entity::find_by_id(id.into_inner()).one(&txn).await?.ok_or(ApiError::NotFound)?;
    let owner = viewer.token_id.is_none() && viewer.employee_id == Some(f.owner_id);
    if !owner {
        require_writer(&txn, &viewer, f.unit_id).await?;
    }
    let next = task_state(&body)?;
    let names = employee_names(&txn, &[f.owner_id]).await?;
    let owner_name = names.get(&f.owner_id).cloned().unwrap_or_default();
    let today = today(&txn).await?;
    let before = follow_up_wire(&f, &owner_name, today);
    let mut a: evaluation_follow_ups::ActiveModel = f.into();
    a.status = Set(next.status);
    a.done_note = Set(next.done_note);
    a.done_at = Set(next.done_at);
    let row = a.update(&txn).await?;
    let out = follow_up_wire(&row, &owner_name, today);
    audit::record(
        &txn,
        &viewer.actor(),
        Change::new("evaluation_follow_up.update", "evaluation_follow_up", row.id).before(&before).after(&out),
    )
    .await?;
    txn.commit().await?;
    Ok(web::Json(out))
}
