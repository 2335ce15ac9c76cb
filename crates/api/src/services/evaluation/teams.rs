//! Evaluation teams (Tim Penilai Kinerja): their wire form, the list, forming and changing one, and
//! the finalized assessments in a team's scope.

use crate::audit::{self, Actor, Change};
use crate::entities::{assessment_reviews, assessments, employees, evaluation_teams, units};
use crate::error::{ApiError, ApiResult};
use crate::policy::Viewer;
use crate::services::oversight::{
    employee_names, members_of, set_team_lists, team_units, teams_of, unit_names, unit_roots_of,
};
use chrono::Utc;
use kinerja_domain::oversight::FlagStatus;
use kinerja_domain::{AssessmentStatus, Period};
use kinerja_types::Invalid;
use kinerja_types::{EvaluationTeam, NewEvaluationTeam, TeamAssessment, TeamMember, TeamUnit};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseTransaction, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, Set,
};
use std::collections::{HashMap, HashSet};

/// A team as sent, with its members' and units' names.
async fn team_wire(db: &impl ConnectionTrait, t: &evaluation_teams::Model) -> ApiResult<EvaluationTeam> {
    let mut one = teams_wire(db, std::slice::from_ref(t)).await?;
    one.pop().ok_or_else(|| ApiError::Internal(anyhow::anyhow!("team {} vanished", t.id)))
}

/// Teams as sent: the members and units of all of them read in two queries.
async fn teams_wire(db: &impl ConnectionTrait, teams: &[evaluation_teams::Model]) -> ApiResult<Vec<EvaluationTeam>> {
    let team_ids: Vec<i64> = teams.iter().map(|t| t.id).collect();
    let members_by_team = members_of(db, &team_ids).await?;
    let units_by_team = unit_roots_of(db, &team_ids).await?;
    let member_ids: Vec<i64> = members_by_team.values().flatten().copied().collect();
    let unit_ids: Vec<i64> = units_by_team.values().flatten().copied().collect();
    let people: HashMap<i64, employees::Model> = if member_ids.is_empty() {
        HashMap::new()
    } else {
        employees::Entity::find()
            .filter(employees::Column::Id.is_in(member_ids))
            .all(db)
            .await?
            .into_iter()
            .map(|e| (e.id, e))
            .collect()
    };
    let names = unit_names(db, &unit_ids).await?;
    Ok(teams
        .iter()
        .map(|t| EvaluationTeam {
            id: t.id,
            name: t.name.clone(),
            decree: t.decree.clone(),
            active: t.active,
            members: members_by_team
                .get(&t.id)
                .into_iter()
                .flatten()
                .filter_map(|id| people.get(id))
                .map(|e| TeamMember { employee_id: e.id, name: e.name.clone(), nip: e.nip.clone() })
                .collect(),
            units: units_by_team
                .get(&t.id)
                .into_iter()
                .flatten()
                .map(|id| TeamUnit { unit_id: *id, name: names.get(id).cloned().unwrap_or_default() })
                .collect(),
            created_at: t.created_at,
        })
        .collect())
}

/// The teams the viewer lists: every team by name for admins and auditors, else one's own active
/// teams (none for an API token): one page and the total.
pub async fn list(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    offset: u64,
    limit: u64,
) -> ApiResult<(Vec<EvaluationTeam>, u64)> {
    let (rows, total) = if viewer.reads_city() {
        let select = evaluation_teams::Entity::find().order_by_asc(evaluation_teams::Column::Name);
        crate::services::paging::fetch(db, select, offset, limit).await?
    } else {
        let mine = match viewer.employee_id.filter(|_| viewer.token_id.is_none()) {
            Some(me) => teams_of(db, me).await?,
            None => Vec::new(),
        };
        let total = mine.len() as u64;
        (mine.into_iter().skip(offset as usize).take(limit as usize).collect(), total)
    };
    Ok((teams_wire(db, &rows).await?, total))
}

/// 422 unless every member is a registered employee and every unit exists.
async fn check_lists(db: &impl ConnectionTrait, body: &NewEvaluationTeam) -> ApiResult<()> {
    let members: HashSet<i64> = body.member_ids.iter().copied().collect();
    let found =
        employees::Entity::find().filter(employees::Column::Id.is_in(members.clone())).count(db).await? as usize;
    if found != members.len() {
        return Err(ApiError::field("member_ids", Invalid::MembersUnknown));
    }
    let wanted: HashSet<i64> = body.unit_ids.iter().copied().collect();
    let found = units::Entity::find().filter(units::Column::Id.is_in(wanted.clone())).count(db).await? as usize;
    if found != wanted.len() {
        return Err(ApiError::field("unit_ids", Invalid::UnitsUnknown));
    }
    Ok(())
}

fn decree(body: &NewEvaluationTeam) -> Option<String> {
    body.decree.as_deref().map(str::trim).filter(|d| !d.is_empty()).map(str::to_owned)
}

/// Forms a team (the body already validated): 422 on unknown members or units. Audited.
pub async fn create(txn: &DatabaseTransaction, actor: &Actor, body: &NewEvaluationTeam) -> ApiResult<EvaluationTeam> {
    check_lists(txn, body).await?;
    let now = Utc::now();
    let row = evaluation_teams::ActiveModel {
        name: Set(body.name.trim().to_owned()),
        decree: Set(decree(body)),
        active: Set(body.active),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    set_team_lists(txn, row.id, &body.member_ids, &body.unit_ids).await?;
    let out = team_wire(txn, &row).await?;
    audit::record(txn, actor, Change::new("evaluation_team.create", "evaluation_team", row.id).after(&out)).await?;
    Ok(out)
}

/// A team by id, else 404.
pub async fn find(db: &impl ConnectionTrait, id: i64) -> ApiResult<evaluation_teams::Model> {
    evaluation_teams::Entity::find_by_id(id).one(db).await?.ok_or(ApiError::NotFound)
}

/// Changes a team's name, decree, members, units and whether it is active (the body already
/// validated): 422 on unknown members or units. Audited.
pub async fn update(
    txn: &DatabaseTransaction,
    actor: &Actor,
    current: evaluation_teams::Model,
    body: &NewEvaluationTeam,
) -> ApiResult<EvaluationTeam> {
    check_lists(txn, body).await?;
    let before = team_wire(txn, &current).await?;
    let mut a: evaluation_teams::ActiveModel = current.into();
    a.name = Set(body.name.trim().to_owned());
    a.decree = Set(decree(body));
    a.active = Set(body.active);
    a.updated_at = Set(Utc::now());
    let row = a.update(txn).await?;
    set_team_lists(txn, row.id, &body.member_ids, &body.unit_ids).await?;
    let out = team_wire(txn, &row).await?;
    audit::record(
        txn,
        actor,
        Change::new("evaluation_team.update", "evaluation_team", row.id).before(&before).after(&out),
    )
    .await?;
    Ok(out)
}

/// The members of a team.
pub async fn members(db: &impl ConnectionTrait, team: &evaluation_teams::Model) -> ApiResult<Vec<i64>> {
    Ok(members_of(db, &[team.id]).await?.remove(&team.id).unwrap_or_default())
}

/// The finalized assessments in the team's scope (of `period` when given), newest period first,
/// with their count of reviews and open flags: one page and the total.
pub async fn assessments(
    db: &impl ConnectionTrait,
    team: &evaluation_teams::Model,
    period: Option<Period>,
    offset: u64,
    limit: u64,
) -> ApiResult<(Vec<TeamAssessment>, u64)> {
    let scope: Vec<i64> = team_units(db, team).await?.into_iter().collect();
    let mut select = assessments::Entity::find()
        .filter(assessments::Column::UnitId.is_in(scope))
        .filter(assessments::Column::Status.ne(AssessmentStatus::Draft.as_str()));
    if let Some(period) = period {
        select = select.filter(assessments::Column::Period.eq(period.to_string()));
    }
    let select = select
        .order_by_desc(assessments::Column::Period)
        .order_by_asc(assessments::Column::UnitId)
        .order_by_asc(assessments::Column::EmployeeId);
    let (rows, total) = crate::services::paging::fetch(db, select, offset, limit).await?;
    let ids_of: Vec<i64> = rows.iter().map(|a| a.id).collect();
    let mut counts: HashMap<i64, (u64, u64)> = HashMap::new();
    if !ids_of.is_empty() {
        for r in assessment_reviews::Entity::find()
            .filter(assessment_reviews::Column::AssessmentId.is_in(ids_of))
            .all(db)
            .await?
        {
            let c = counts.entry(r.assessment_id).or_default();
            c.0 += 1;
            if r.flag_status == Some(FlagStatus::Open) {
                c.1 += 1;
            }
        }
    }
    let people: Vec<i64> = rows.iter().flat_map(|a| [a.employee_id, a.penilai_id]).collect();
    let names = employee_names(db, &people).await?;
    let unit_name = unit_names(db, &rows.iter().map(|a| a.unit_id).collect::<Vec<_>>()).await?;
    let items = rows
        .iter()
        .map(|a| {
            let (reviews, open_flags) = counts.get(&a.id).copied().unwrap_or_default();
            TeamAssessment {
                assessment_id: a.id,
                employee_id: a.employee_id,
                employee_name: names.get(&a.employee_id).cloned().unwrap_or_default(),
                unit_name: unit_name.get(&a.unit_id).cloned().unwrap_or_default(),
                penilai_id: a.penilai_id,
                penilai_name: names.get(&a.penilai_id).cloned().unwrap_or_default(),
                period: a.period.clone(),
                predikat: a.predikat,
                status: a.status,
                reviews,
                open_flags,
            }
        })
        .collect();
    Ok((items, total))
}
