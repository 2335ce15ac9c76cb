//! The Tim Penilai Kinerja: formed by an admin with members and the units it oversees; its members
//! list the assessments in their scope.

use crate::audit::{self, Change};
use crate::entities::{assessment_reviews, assessments, employees, evaluation_teams, units};
use crate::error::{ApiError, ApiResult};
use crate::policy::{Capability, Viewer};
use crate::routes::list::{fetch_page, page, page_of, PageQuery};
use crate::services::oversight::{
    employee_names, members_of, set_team_lists, team_units, teams_of, unit_names, unit_roots_of,
};
use crate::state::AppState;
use actix_web::{get, post, put, web, HttpResponse};
use chrono::Utc;
use kinerja_domain::oversight::FlagStatus;
use kinerja_domain::AssessmentStatus;
use kinerja_types::{EvaluationTeam, NewEvaluationTeam, Page, Problem, TeamAssessment, TeamMember, TeamUnit};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, Set,
};
use serde::Deserialize;
use std::collections::{HashMap, HashSet};
use utoipa::IntoParams;
use validator::Validate;

/// A team as sent, with its members' and units' names.
pub async fn team_wire(db: &impl ConnectionTrait, t: &evaluation_teams::Model) -> ApiResult<EvaluationTeam> {
    let mut one = teams_wire(db, std::slice::from_ref(t)).await?;
    one.pop().ok_or_else(|| ApiError::Internal(anyhow::anyhow!("team {} vanished", t.id)))
}

/// Teams as sent: the members and units of all of them read in two queries.
pub async fn teams_wire(
    db: &impl ConnectionTrait,
    teams: &[evaluation_teams::Model],
) -> ApiResult<Vec<EvaluationTeam>> {
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

/// Evaluation teams: every team for admins and auditors, one's own teams for anyone else.
#[utoipa::path(tag = "oversight", security(("bearer" = [])),
    params(PageQuery), responses((status = 200, body = Page<EvaluationTeam>), (status = 401, body = Problem)))]
#[get("/evaluation-teams")]
pub async fn list_teams(
    state: web::Data<AppState>,
    viewer: Viewer,
    paging: web::Query<PageQuery>,
) -> ApiResult<web::Json<Page<EvaluationTeam>>> {
    let db = &state.db;
    let (rows, total) = if viewer.reads_city() {
        fetch_page(db, evaluation_teams::Entity::find().order_by_asc(evaluation_teams::Column::Name), &paging).await?
    } else {
        let mine = match viewer.employee_id.filter(|_| viewer.token_id.is_none()) {
            Some(me) => teams_of(db, me).await?,
            None => Vec::new(),
        };
        let page = page_of(mine, &paging);
        (page.items, page.total)
    };
    Ok(web::Json(page(teams_wire(db, &rows).await?, total, &paging)))
}

async fn check_team(db: &impl ConnectionTrait, body: &NewEvaluationTeam) -> ApiResult<()> {
    body.validate()?;
    let members: HashSet<i64> = body.member_ids.iter().copied().collect();
    let found =
        employees::Entity::find().filter(employees::Column::Id.is_in(members.clone())).count(db).await? as usize;
    if found != members.len() {
        return Err(ApiError::field("member_ids", "ada anggota yang bukan pegawai terdaftar"));
    }
    let wanted: HashSet<i64> = body.unit_ids.iter().copied().collect();
    let found = units::Entity::find().filter(units::Column::Id.is_in(wanted.clone())).count(db).await? as usize;
    if found != wanted.len() {
        return Err(ApiError::field("unit_ids", "ada unit yang tidak ditemukan"));
    }
    Ok(())
}

/// Forms an evaluation team (admin).
#[utoipa::path(tag = "oversight", security(("bearer" = [])), request_body = NewEvaluationTeam,
    responses((status = 201, body = EvaluationTeam), (status = 403, body = Problem), (status = 422, body = Problem)))]
#[post("/evaluation-teams")]
pub async fn create_team(
    state: web::Data<AppState>,
    viewer: Viewer,
    body: web::Json<NewEvaluationTeam>,
) -> ApiResult<HttpResponse> {
    viewer.require(Capability::Administer)?;
    let txn = crate::db::begin(&state.db).await?;
    check_team(&txn, &body).await?;
    let now = Utc::now();
    let row = evaluation_teams::ActiveModel {
        name: Set(body.name.trim().to_owned()),
        decree: Set(body.decree.as_deref().map(str::trim).filter(|d| !d.is_empty()).map(str::to_owned)),
        active: Set(body.active),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    set_team_lists(&txn, row.id, &body.member_ids, &body.unit_ids).await?;
    let out = team_wire(&txn, &row).await?;
    audit::record(&txn, &viewer.actor(), Change::new("evaluation_team.create", "evaluation_team", row.id).after(&out))
        .await?;
    txn.commit().await?;
    state.org_changed();
    Ok(HttpResponse::Created().json(out))
}

/// Changes a team's name, decree, members, units, or retires it (admin).
#[utoipa::path(tag = "oversight", security(("bearer" = [])), params(("id" = i64, Path)), request_body = NewEvaluationTeam,
    responses((status = 200, body = EvaluationTeam), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
#[put("/evaluation-teams/{id}")]
pub async fn update_team(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<i64>,
    body: web::Json<NewEvaluationTeam>,
) -> ApiResult<web::Json<EvaluationTeam>> {
    viewer.require(Capability::Administer)?;
    let txn = crate::db::begin(&state.db).await?;
    let current = evaluation_teams::Entity::find_by_id(id.into_inner()).one(&txn).await?.ok_or(ApiError::NotFound)?;
    check_team(&txn, &body).await?;
    let before = team_wire(&txn, &current).await?;
    let mut a: evaluation_teams::ActiveModel = current.into();
    a.name = Set(body.name.trim().to_owned());
    a.decree = Set(body.decree.as_deref().map(str::trim).filter(|d| !d.is_empty()).map(str::to_owned));
    a.active = Set(body.active);
    a.updated_at = Set(Utc::now());
    let row = a.update(&txn).await?;
    set_team_lists(&txn, row.id, &body.member_ids, &body.unit_ids).await?;
    let out = team_wire(&txn, &row).await?;
    audit::record(
        &txn,
        &viewer.actor(),
        Change::new("evaluation_team.update", "evaluation_team", row.id).before(&before).after(&out),
    )
    .await?;
    txn.commit().await?;
    state.org_changed();
    Ok(web::Json(out))
}

/// Which assessments of a team's scope.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct TeamAssessmentQuery {
    /// Only this rating period (`2026`, `2026-Q3`, `2026-07`).
    pub period: Option<String>,
}

/// The finalized assessments in a team's scope, newest period first (its members, admin, auditor).
/// Drafts stay with the penilai until finalized.
#[utoipa::path(tag = "oversight", security(("bearer" = [])), params(("id" = i64, Path), TeamAssessmentQuery, PageQuery),
    responses((status = 200, body = Page<TeamAssessment>), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
#[get("/evaluation-teams/{id}/assessments")]
pub async fn team_assessments(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<i64>,
    q: web::Query<TeamAssessmentQuery>,
    paging: web::Query<PageQuery>,
) -> ApiResult<web::Json<Page<TeamAssessment>>> {
    let db = &state.db;
    let team = evaluation_teams::Entity::find_by_id(id.into_inner()).one(db).await?.ok_or(ApiError::NotFound)?;
    let members = members_of(db, &[team.id]).await?.remove(&team.id).unwrap_or_default();
    let member = viewer.token_id.is_none() && viewer.employee_id.is_some_and(|me| members.contains(&me));
    if !member && !viewer.reads_city() {
        return Err(ApiError::NotFound);
    }
    if !team.active && !viewer.reads_city() {
        return Err(ApiError::Forbidden("tim ini sudah tidak aktif".into()));
    }
    let scope: Vec<i64> = team_units(db, &team).await?.into_iter().collect();
    let mut select = assessments::Entity::find()
        .filter(assessments::Column::UnitId.is_in(scope))
        .filter(assessments::Column::Status.ne(AssessmentStatus::Draft.as_str()));
    if let Some(p) = q.period.as_deref().map(str::trim).filter(|p| !p.is_empty()) {
        let period: kinerja_domain::Period =
            p.parse().map_err(|e: kinerja_domain::PeriodError| ApiError::field("period", e.to_string()))?;
        select = select.filter(assessments::Column::Period.eq(period.to_string()));
    }
    let select = select
        .order_by_desc(assessments::Column::Period)
        .order_by_asc(assessments::Column::UnitId)
        .order_by_asc(assessments::Column::EmployeeId);
    let (rows, total) = fetch_page(db, select, &paging).await?;
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
    Ok(web::Json(page(items, total, &paging)))
}
