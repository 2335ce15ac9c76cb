//! Oversight shared by the routes and the dashboard: who sits on which evaluation team and what it
//! oversees, the wire form of follow-ups and commitments, and the oversight figures of a subtree.

use crate::entities::{
    assessment_reviews, employees, evaluation_follow_ups, evaluation_session_employees, evaluation_sessions,
    evaluation_team_members, evaluation_team_units, evaluation_teams, forum_commitment_inputs, forum_commitments,
    forums, units,
};
use crate::error::{ApiError, ApiResult};
use crate::policy::{within, Scope, Units, Viewer};
use crate::services::links;
use crate::services::org_tree::unit_subtree;
use chrono::{DateTime, NaiveDate, Utc};
use kinerja_domain::oversight::{is_overdue, FlagStatus, TaskStatus};
use kinerja_types::Invalid;
use kinerja_types::{ForumCommitment, OpenTask, OversightFigures, SessionFollowUp, TaskUpdate};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder};
use std::collections::{HashMap, HashSet};

/// How many open tasks the dashboard lists.
const LISTED: usize = 20;

/// Reads a JSON array of strings kept in a column; an unreadable list is logged and empty.
pub fn strings(json: &str) -> Vec<String> {
    serde_json::from_str(json).unwrap_or_else(|_| {
        crate::stored::unreadable("text list", json);
        Vec::new()
    })
}

/// The active teams the employee sits on.
pub async fn teams_of(db: &impl ConnectionTrait, employee_id: i64) -> ApiResult<Vec<evaluation_teams::Model>> {
    use evaluation_team_members::{Column, Entity};
    let mine = links::owners_of::<Entity>(db, Column::TeamId, Column::EmployeeId, employee_id).await?;
    Ok(evaluation_teams::Entity::find()
        .filter(evaluation_teams::Column::Active.eq(true))
        .filter(evaluation_teams::Column::Id.is_in(mine))
        .order_by_asc(evaluation_teams::Column::Id)
        .all(db)
        .await?)
}

/// The members of each team, by team id.
pub async fn members_of(db: &impl ConnectionTrait, teams: &[i64]) -> ApiResult<HashMap<i64, Vec<i64>>> {
    use evaluation_team_members::{Column, Entity};
    links::of::<Entity>(db, Column::TeamId, Column::EmployeeId, teams).await
}

/// The units each team names (the roots of what it oversees), by team id.
pub async fn unit_roots_of(db: &impl ConnectionTrait, teams: &[i64]) -> ApiResult<HashMap<i64, Vec<i64>>> {
    use evaluation_team_units::{Column, Entity};
    links::of::<Entity>(db, Column::TeamId, Column::UnitId, teams).await
}

/// The aspirasi each commitment answers, by commitment id.
pub async fn inputs_of(db: &impl ConnectionTrait, commitments: &[i64]) -> ApiResult<HashMap<i64, Vec<i64>>> {
    use forum_commitment_inputs::{Column, Entity};
    links::of::<Entity>(db, Column::CommitmentId, Column::InputId, commitments).await
}

/// Sets who sits on a team and what it oversees (in the caller's transaction).
pub async fn set_team_lists(db: &impl ConnectionTrait, team: i64, members: &[i64], units: &[i64]) -> ApiResult<()> {
    use evaluation_team_members as m;
    use evaluation_team_units as u;
    links::replace::<m::Entity>(db, m::Column::TeamId, m::Column::EmployeeId, team, members).await?;
    links::replace::<u::Entity>(db, u::Column::TeamId, u::Column::UnitId, team, units).await
}

/// Sets the employees a session discussed (in the caller's transaction).
pub async fn set_discussed(db: &impl ConnectionTrait, session: i64, employees: &[i64]) -> ApiResult<()> {
    use evaluation_session_employees::{Column, Entity};
    links::replace::<Entity>(db, Column::SessionId, Column::EmployeeId, session, employees).await
}

/// Sets the aspirasi a commitment answers (in the caller's transaction).
pub async fn set_inputs(db: &impl ConnectionTrait, commitment: i64, inputs: &[i64]) -> ApiResult<()> {
    use forum_commitment_inputs::{Column, Entity};
    links::replace::<Entity>(db, Column::CommitmentId, Column::InputId, commitment, inputs).await
}

/// The employees each session discussed, by session id.
pub async fn discussed_in(db: &impl ConnectionTrait, sessions: &[i64]) -> ApiResult<HashMap<i64, Vec<i64>>> {
    use evaluation_session_employees::{Column, Entity};
    links::of::<Entity>(db, Column::SessionId, Column::EmployeeId, sessions).await
}

/// The units a team oversees: its units with everything below them.
pub async fn team_units(db: &impl ConnectionTrait, team: &evaluation_teams::Model) -> ApiResult<HashSet<i64>> {
    let mut all = HashSet::new();
    let roots = unit_roots_of(db, &[team.id]).await?.remove(&team.id).unwrap_or_default();
    for root in roots {
        all.extend(unit_subtree(db, root).await?);
    }
    Ok(all)
}

/// The viewer's active team that oversees the unit, if any. API tokens never act as a team member.
pub async fn overseeing_team(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    unit_id: i64,
) -> ApiResult<Option<evaluation_teams::Model>> {
    let Some(me) = viewer.employee_id.filter(|_| viewer.token_id.is_none()) else { return Ok(None) };
    for team in teams_of(db, me).await? {
        if team_units(db, &team).await?.contains(&unit_id) {
            return Ok(Some(team));
        }
    }
    Ok(None)
}

/// The employee, for reading (their SKP, evidence and rating evidence): when the viewer sees them,
/// or sits on an active evaluation team overseeing their unit. Writes never use this.
pub async fn readable_employee(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    scope: &Scope,
    id: i64,
) -> ApiResult<employees::Model> {
    Ok(reach_employee(db, viewer, scope, id).await?.0)
}

/// How the viewer reaches an employee: through their own scope, or only as a member of the
/// evaluation team overseeing the unit (who may not read what is still a draft).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reach {
    Scope,
    Team,
}

/// [`readable_employee`], saying how the employee is reached.
pub async fn reach_employee(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    scope: &Scope,
    id: i64,
) -> ApiResult<(employees::Model, Reach)> {
    match crate::services::people::find_visible(db, scope, id).await {
        Err(ApiError::NotFound) => {
            let e = employees::Entity::find_by_id(id).one(db).await?.ok_or(ApiError::NotFound)?;
            match overseeing_team(db, viewer, e.unit_id).await? {
                Some(_) => Ok((e, Reach::Team)),
                None => Err(ApiError::NotFound),
            }
        }
        found => found.map(|e| (e, Reach::Scope)),
    }
}

/// Whether the viewer sits on any active team.
pub async fn is_member(db: &impl ConnectionTrait, viewer: &Viewer) -> ApiResult<bool> {
    Ok(match viewer.employee_id.filter(|_| viewer.token_id.is_none()) {
        Some(me) => !teams_of(db, me).await?.is_empty(),
        None => false,
    })
}

/// Names of employees by id.
pub async fn employee_names(db: &impl ConnectionTrait, list: &[i64]) -> ApiResult<HashMap<i64, String>> {
    if list.is_empty() {
        return Ok(HashMap::new());
    }
    Ok(employees::Entity::find()
        .filter(employees::Column::Id.is_in(list.to_vec()))
        .all(db)
        .await?
        .into_iter()
        .map(|e| (e.id, e.name))
        .collect())
}

/// Names of units by id.
pub async fn unit_names(db: &impl ConnectionTrait, list: &[i64]) -> ApiResult<HashMap<i64, String>> {
    if list.is_empty() {
        return Ok(HashMap::new());
    }
    Ok(units::Entity::find()
        .filter(units::Column::Id.is_in(list.to_vec()))
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, u.name))
        .collect())
}

/// What a follow-up or commitment stores after an update: its status, done note and done time.
pub struct TaskState {
    pub status: TaskStatus,
    pub done_note: Option<String>,
    pub done_at: Option<DateTime<Utc>>,
}

/// The state a task update asks for: done needs a note saying what was done; reopening clears it.
pub fn task_state(update: &TaskUpdate) -> ApiResult<TaskState> {
    let note = update.note.as_deref().map(str::trim).filter(|n| !n.is_empty());
    Ok(match update.status {
        TaskStatus::Done => match note.filter(|n| n.chars().count() >= 3) {
            Some(n) => TaskState { status: update.status, done_note: Some(n.to_owned()), done_at: Some(Utc::now()) },
            None => return Err(ApiError::field("note", Invalid::FollowUpNote)),
        },
        TaskStatus::Open => TaskState { status: update.status, done_note: None, done_at: None },
    })
}

/// A follow-up as sent.
pub fn follow_up_wire(f: &evaluation_follow_ups::Model, owner_name: &str, today: NaiveDate) -> SessionFollowUp {
    let st = f.status;
    SessionFollowUp {
        id: f.id,
        session_id: f.session_id,
        description: f.description.clone(),
        owner_id: f.owner_id,
        owner_name: owner_name.to_owned(),
        due_on: f.due_on,
        status: st,
        overdue: is_overdue(st, f.due_on, today),
        done_note: f.done_note.clone(),
        done_at: f.done_at,
    }
}

/// A commitment as sent.
pub fn commitment_wire(c: &forum_commitments::Model, input_ids: Vec<i64>, today: NaiveDate) -> ForumCommitment {
    let st = c.status;
    ForumCommitment {
        id: c.id,
        forum_id: c.forum_id,
        description: c.description.clone(),
        owner: c.owner.clone(),
        due_on: c.due_on,
        status: st,
        overdue: is_overdue(st, c.due_on, today),
        input_ids,
        done_note: c.done_note.clone(),
        done_at: c.done_at,
        official_id: c.official_id,
        official_name: None,
        rhk_id: c.rhk_id,
        progress_percent: c.progress_percent.clamp(0, 100) as u8,
        progress_note: c.progress_note.clone(),
        milestones: Vec::new(),
        activities: 0,
    }
}

/// Open follow-ups and commitments and open team flags of the units (the whole city for `None`).
pub async fn figures(db: &impl ConnectionTrait, scope: &Units, today: NaiveDate) -> ApiResult<OversightFigures> {
    let open = TaskStatus::Open.as_str();
    let follow_ups = evaluation_follow_ups::Entity::find()
        .filter(within(evaluation_follow_ups::Column::UnitId, scope))
        .filter(evaluation_follow_ups::Column::Status.eq(open))
        .order_by_asc(evaluation_follow_ups::Column::DueOn)
        .order_by_asc(evaluation_follow_ups::Column::Id)
        .all(db)
        .await?;
    let commitments = forum_commitments::Entity::find()
        .filter(within(forum_commitments::Column::UnitId, scope))
        .filter(forum_commitments::Column::Status.eq(open))
        .order_by_asc(forum_commitments::Column::DueOn)
        .order_by_asc(forum_commitments::Column::Id)
        .all(db)
        .await?;
    let flags_open = assessment_reviews::Entity::find()
        .filter(within(assessment_reviews::Column::UnitId, scope))
        .filter(assessment_reviews::Column::FlagStatus.eq(FlagStatus::Open.as_str()))
        .count(db)
        .await?;

    let overdue: Vec<&evaluation_follow_ups::Model> = follow_ups.iter().filter(|f| f.due_on < today).collect();
    let listed_f: Vec<&evaluation_follow_ups::Model> = overdue.iter().take(LISTED).copied().collect();
    let listed_c: Vec<&forum_commitments::Model> = commitments.iter().take(LISTED).collect();

    let session_ids: Vec<i64> = listed_f.iter().map(|f| f.session_id).collect();
    let sessions: HashMap<i64, evaluation_sessions::Model> = if session_ids.is_empty() {
        HashMap::new()
    } else {
        evaluation_sessions::Entity::find()
            .filter(evaluation_sessions::Column::Id.is_in(session_ids))
            .all(db)
            .await?
            .into_iter()
            .map(|s| (s.id, s))
            .collect()
    };
    let forum_ids: Vec<i64> = listed_c.iter().map(|c| c.forum_id).collect();
    let forum_topics: HashMap<i64, String> = if forum_ids.is_empty() {
        HashMap::new()
    } else {
        forums::Entity::find()
            .filter(forums::Column::Id.is_in(forum_ids))
            .all(db)
            .await?
            .into_iter()
            .map(|f| (f.id, f.topic))
            .collect()
    };
    let owners = employee_names(db, &listed_f.iter().map(|f| f.owner_id).collect::<Vec<_>>()).await?;
    let unit_ids: Vec<i64> = listed_f.iter().map(|f| f.unit_id).chain(listed_c.iter().map(|c| c.unit_id)).collect();
    let unit_name = unit_names(db, &unit_ids).await?;
    let name_of = |id: i64| unit_name.get(&id).cloned().unwrap_or_default();

    Ok(OversightFigures {
        follow_ups_open: follow_ups.len() as u64,
        follow_ups_overdue: overdue.len() as u64,
        overdue_follow_ups: listed_f
            .iter()
            .map(|f| OpenTask {
                id: f.id,
                source_id: f.session_id,
                source_title: sessions.get(&f.session_id).map(|s| s.title.clone()).unwrap_or_default(),
                unit_name: name_of(f.unit_id),
                description: f.description.clone(),
                owner: owners.get(&f.owner_id).cloned().unwrap_or_default(),
                due_on: f.due_on,
                overdue: true,
            })
            .collect(),
        commitments_open: commitments.len() as u64,
        commitments_overdue: commitments.iter().filter(|c| c.due_on < today).count() as u64,
        open_commitments: listed_c
            .iter()
            .map(|c| OpenTask {
                id: c.id,
                source_id: c.forum_id,
                source_title: forum_topics.get(&c.forum_id).cloned().unwrap_or_default(),
                unit_name: name_of(c.unit_id),
                description: c.description.clone(),
                owner: c.owner.clone(),
                due_on: c.due_on,
                overdue: c.due_on < today,
            })
            .collect(),
        flags_open,
        // Objections are counted by `assessments::objection_figures` (they need the settings).
        objections_waiting: 0,
        objections_overdue: 0,
        overdue_objections: Vec::new(),
    })
}
