//! Evaluation sessions of a unit with their follow-ups: read, recorded, and follow-ups tracked to done.

use crate::audit::{self, Actor, Change};
use crate::entities::{employees, evaluation_follow_ups, evaluation_sessions};
use crate::error::{ApiError, ApiResult};
use crate::policy::Viewer;
use crate::services::notify::{self, Message};
use crate::services::org_tree::unit_subtree;
use crate::services::oversight::{
    discussed_in, employee_names, follow_up_wire, set_discussed, strings, unit_names, TaskState,
};
use chrono::{NaiveDate, Utc};
use kinerja_domain::oversight::TaskStatus;
use kinerja_types::Invalid;
use kinerja_types::{
    DiscussedEmployee, EvaluationSession, NewEvaluationSession, NewSessionFollowUp, Notice, NoticeCode, SessionFollowUp,
};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseTransaction, EntityTrait, QueryFilter, QueryOrder, Set,
};
use std::collections::HashSet;

/// Today in the Pemda's time zone.
pub async fn today(db: &impl ConnectionTrait) -> ApiResult<NaiveDate> {
    Ok(crate::pemda_settings::load(db).await?.today())
}

/// A session with its follow-ups, as sent.
pub async fn wire(db: &impl ConnectionTrait, s: &evaluation_sessions::Model) -> ApiResult<EvaluationSession> {
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
    let mut changes = super::calibration::changes_of(db, &sessions.iter().map(|s| s.id).collect::<Vec<_>>()).await?;
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
            changes: changes.remove(&s.id).unwrap_or_default(),
            locked_at: s.locked_at,
            locked_by: s.locked_by.clone(),
        })
        .collect())
}

/// 422 on `field` unless every id is an employee of the unit's subtree.
pub async fn in_subtree(db: &impl ConnectionTrait, unit_id: i64, people: &[i64], field: &str) -> ApiResult<()> {
    if people.is_empty() {
        return Ok(());
    }
    let units = unit_subtree(db, unit_id).await?;
    let wanted: HashSet<i64> = people.iter().copied().collect();
    let found = employees::Entity::find().filter(employees::Column::Id.is_in(wanted.clone())).all(db).await?;
    if found.len() != wanted.len() || found.iter().any(|e| !units.contains(&e.unit_id)) {
        return Err(ApiError::field(field, Invalid::EmployeeOutsideUnit));
    }
    Ok(())
}

/// Stores a follow-up of the session (already checked) and tells its owner.
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
        notice: Notice::new(NoticeCode::EvaluationFollowUp)
            .with("session", &session.title)
            .with("description", &row.description)
            .with("due_on", row.due_on.format("%d-%m-%Y")),
        link: Some("/evaluasi".into()),
    };
    notify::employee(db, row.owner_id, &msg).await?;
    Ok(row)
}

/// The sessions the viewer reads (of `unit_id` when given, already allowed; else every unit of the
/// viewer's scope, or the whole city), held in `year` when given (already checked), newest first:
/// one page and the total.
pub async fn list(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    unit_id: Option<i64>,
    year: Option<i32>,
    offset: u64,
    limit: u64,
) -> ApiResult<(Vec<EvaluationSession>, u64)> {
    let mut select = evaluation_sessions::Entity::find();
    if let Some(unit) = unit_id {
        select = select.filter(evaluation_sessions::Column::UnitId.eq(unit));
    } else if !viewer.reads_city() {
        let scope = viewer.scope();
        select = select.filter(evaluation_sessions::Column::UnitId.is_in(scope.unit_ids().iter().copied()));
    }
    if let Some(y) = year {
        let from = NaiveDate::from_ymd_opt(y, 1, 1).ok_or_else(|| ApiError::field("year", Invalid::YearRange))?;
        let to = NaiveDate::from_ymd_opt(y, 12, 31).ok_or_else(|| ApiError::field("year", Invalid::YearRange))?;
        select = select.filter(evaluation_sessions::Column::HeldOn.between(from, to));
    }
    let select =
        select.order_by_desc(evaluation_sessions::Column::HeldOn).order_by_desc(evaluation_sessions::Column::Id);
    let (rows, total) = crate::services::paging::fetch(db, select, offset, limit).await?;
    Ok((wires(db, &rows).await?, total))
}

/// Records a session (already checked; `attendees` trimmed) with the employees it discussed and its
/// follow-ups, whose owners are told. Audited.
pub async fn create(
    txn: &DatabaseTransaction,
    actor: &Actor,
    created_by: &str,
    body: &NewEvaluationSession,
    attendees: &[String],
) -> ApiResult<EvaluationSession> {
    let session = evaluation_sessions::ActiveModel {
        unit_id: Set(body.unit_id),
        kind: Set(body.kind),
        held_on: Set(body.held_on),
        title: Set(body.title.trim().to_owned()),
        attendees: Set(serde_json::to_string(attendees).map_err(anyhow::Error::from)?),
        decisions: Set(body.decisions.trim().to_owned()),
        created_by: Set(created_by.to_owned()),
        created_at: Set(Utc::now()),
        locked_at: Set(None),
        locked_by: Set(None),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    set_discussed(txn, session.id, &body.employee_ids).await?;
    for f in &body.follow_ups {
        insert_follow_up(txn, &session, f).await?;
    }
    let out = wire(txn, &session).await?;
    audit::record(txn, actor, Change::new("evaluation_session.create", "evaluation_session", session.id).after(&out))
        .await?;
    Ok(out)
}

/// A session by id, else 404.
pub async fn find(db: &impl ConnectionTrait, id: i64) -> ApiResult<evaluation_sessions::Model> {
    evaluation_sessions::Entity::find_by_id(id).one(db).await?.ok_or(ApiError::NotFound)
}

/// Adds a follow-up (already checked) to a session and tells its owner. Audited.
pub async fn add_follow_up(
    txn: &DatabaseTransaction,
    actor: &Actor,
    session: &evaluation_sessions::Model,
    body: &NewSessionFollowUp,
) -> ApiResult<SessionFollowUp> {
    let row = insert_follow_up(txn, session, body).await?;
    let owner = employee_names(txn, &[row.owner_id]).await?.remove(&row.owner_id).unwrap_or_default();
    let out = follow_up_wire(&row, &owner, today(txn).await?);
    audit::record(txn, actor, Change::new("evaluation_follow_up.create", "evaluation_follow_up", row.id).after(&out))
        .await?;
    Ok(out)
}

/// The follow-ups the viewer reads (in `status` when given), the earliest due first: one page and
/// the total. Outside the whole city: one's own and those of the units one heads.
pub async fn follow_ups(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    status: Option<TaskStatus>,
    offset: u64,
    limit: u64,
) -> ApiResult<(Vec<SessionFollowUp>, u64)> {
    let mut select = evaluation_follow_ups::Entity::find();
    if let Some(s) = status {
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
            return Ok((Vec::new(), 0));
        }
        select = select.filter(who);
    }
    let select =
        select.order_by_asc(evaluation_follow_ups::Column::DueOn).order_by_asc(evaluation_follow_ups::Column::Id);
    let (rows, total) = crate::services::paging::fetch(db, select, offset, limit).await?;
    let names = employee_names(db, &rows.iter().map(|f| f.owner_id).collect::<Vec<_>>()).await?;
    let today = today(db).await?;
    let items = rows
        .iter()
        .map(|f| follow_up_wire(f, names.get(&f.owner_id).map(String::as_str).unwrap_or(""), today))
        .collect();
    Ok((items, total))
}

/// A follow-up by id, else 404.
pub async fn find_follow_up(db: &impl ConnectionTrait, id: i64) -> ApiResult<evaluation_follow_ups::Model> {
    evaluation_follow_ups::Entity::find_by_id(id).one(db).await?.ok_or(ApiError::NotFound)
}

/// Stores a follow-up's new state (its updater already allowed). Audited.
pub async fn update_follow_up(
    txn: &DatabaseTransaction,
    actor: &Actor,
    f: evaluation_follow_ups::Model,
    next: TaskState,
) -> ApiResult<SessionFollowUp> {
    let names = employee_names(txn, &[f.owner_id]).await?;
    let owner_name = names.get(&f.owner_id).cloned().unwrap_or_default();
    let today = today(txn).await?;
    let before = follow_up_wire(&f, &owner_name, today);
    let mut a: evaluation_follow_ups::ActiveModel = f.into();
    a.status = Set(next.status);
    a.done_note = Set(next.done_note);
    a.done_at = Set(next.done_at);
    let row = a.update(txn).await?;
    let out = follow_up_wire(&row, &owner_name, today);
    audit::record(
        txn,
        actor,
        Change::new("evaluation_follow_up.update", "evaluation_follow_up", row.id).before(&before).after(&out),
    )
    .await?;
    Ok(out)
}
