//! Reviews of the evaluation team: a member in scope writes a note and a recommendation on a
//! finalized assessment and may flag it for the penilai to look at again; the penilai answers the
//! flag. The team advises only: nothing here touches a rating. Notes and flags are read by the
//! penilai, the head of the unit, the employee concerned, the team, admins and auditors.

use crate::audit::{self, Change};
use crate::entities::{assessment_reviews, assessments, employees, evaluation_teams};
use crate::error::{ApiError, ApiResult};
use crate::policy::{Capability, Viewer};
use crate::routes::list::{fetch_page, page, PageQuery};
use crate::services::notify::{self, Message};
use crate::services::oversight::{employee_names, overseeing_team};
use crate::state::AppState;
use actix_web::{get, post, web, HttpResponse};
use chrono::Utc;
use kinerja_domain::oversight::{check_review, FlagStatus, ReviewError};
use kinerja_domain::AssessmentStatus;
use kinerja_types::{AssessmentReview, NewReview, Page, Problem, ReviewResponse};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set};
use serde::Deserialize;
use std::collections::HashMap;
use utoipa::IntoParams;
use validator::Validate;

/// Reviews as sent, with names and periods.
async fn wire(db: &impl ConnectionTrait, rows: &[assessment_reviews::Model]) -> ApiResult<Vec<AssessmentReview>> {
    let names = employee_names(db, &rows.iter().map(|r| r.employee_id).collect::<Vec<_>>()).await?;
    let periods: HashMap<i64, String> = assessments::Entity::find()
        .filter(assessments::Column::Id.is_in(rows.iter().map(|r| r.assessment_id).collect::<Vec<_>>()))
        .all(db)
        .await?
        .into_iter()
        .map(|a| (a.id, a.period))
        .collect();
    let teams: HashMap<i64, String> =
        evaluation_teams::Entity::find().all(db).await?.into_iter().map(|t| (t.id, t.name)).collect();
    Ok(rows
        .iter()
        .map(|r| AssessmentReview {
            id: r.id,
            assessment_id: r.assessment_id,
            employee_id: r.employee_id,
            employee_name: names.get(&r.employee_id).cloned().unwrap_or_default(),
            period: periods.get(&r.assessment_id).cloned().unwrap_or_default(),
            team_id: r.team_id,
            team_name: teams.get(&r.team_id).cloned().unwrap_or_default(),
            author_name: r.author_name.clone(),
            note: r.note.clone(),
            recommendation: r.recommendation,
            flag: r.flag,
            reason: r.reason.clone(),
            flag_status: r.flag_status,
            response: r.response.clone(),
            responded_at: r.responded_at,
            created_at: r.created_at,
        })
        .collect())
}

/// Who reads the reviews of an assessment of `employee` in `unit`: admins and auditors, the
/// employee, everyone above them in the supervisor chain (the penilai first), the head of the unit,
/// and the members of a team overseeing the unit. Anyone else who sees the employee gets 403;
/// everyone else 404.
async fn may_read(db: &impl ConnectionTrait, viewer: &Viewer, employee: &employees::Model, unit: i64) -> ApiResult<()> {
    if viewer.reads_city() {
        return Ok(());
    }
    let scope = viewer.scope();
    let in_chain = scope.employee_ids().contains(&employee.id);
    let heads =
        viewer.may(Capability::ReadUnitReviews(unit)) || viewer.may(Capability::ReadUnitReviews(employee.unit_id));
    if in_chain || heads || overseeing_team(db, viewer, unit).await?.is_some() {
        Ok(())
    } else if scope.sees_employee(employee) {
        Err(ApiError::Forbidden("catatan tim penilai dibaca pegawai, penilai, kepala unit dan tim".into()))
    } else {
        Err(ApiError::NotFound)
    }
}

async fn load(db: &impl ConnectionTrait, id: i64) -> ApiResult<(assessments::Model, employees::Model)> {
    let a = assessments::Entity::find_by_id(id).one(db).await?.ok_or(ApiError::NotFound)?;
    let e = employees::Entity::find_by_id(a.employee_id).one(db).await?.ok_or(ApiError::NotFound)?;
    Ok((a, e))
}

/// The team's notes on one assessment, oldest first.
#[utoipa::path(tag = "oversight", security(("bearer" = [])), params(("id" = i64, Path), PageQuery),
    responses((status = 200, body = Page<AssessmentReview>), (status = 403, body = Problem), (status = 404, body = Problem)))]
#[get("/assessments/{id}/reviews")]
pub async fn assessment_reviews_of(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<i64>,
    paging: web::Query<PageQuery>,
) -> ApiResult<web::Json<Page<AssessmentReview>>> {
    let db = &state.db;
    let (a, e) = load(db, id.into_inner()).await?;
    may_read(db, &viewer, &e, a.unit_id).await?;
    let select = assessment_reviews::Entity::find()
        .filter(assessment_reviews::Column::AssessmentId.eq(a.id))
        .order_by_asc(assessment_reviews::Column::Id);
    let (rows, total) = fetch_page(db, select, &paging).await?;
    Ok(web::Json(page(wire(db, &rows).await?, total, &paging)))
}

/// Writes a review of a finalized assessment (a member of a team overseeing its unit, neither the
/// employee nor the penilai). A flag asks the penilai to review the assessment again.
#[utoipa::path(tag = "oversight", security(("bearer" = [])), params(("id" = i64, Path)), request_body = NewReview,
    responses((status = 201, body = AssessmentReview), (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
#[post("/assessments/{id}/reviews")]
pub async fn create_review(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<i64>,
    body: web::Json<NewReview>,
) -> ApiResult<HttpResponse> {
    body.validate()?;
    let txn = crate::db::begin(&state.db).await?;
    let (a, e) = load(&txn, id.into_inner()).await?;
    let Some(team) = overseeing_team(&txn, &viewer, a.unit_id).await? else {
        may_read(&txn, &viewer, &e, a.unit_id).await?;
        return Err(ApiError::Forbidden("hanya anggota tim penilai kinerja yang menelaah penilaian".into()));
    };
    let me = viewer.employee_id.ok_or_else(ApiError::forbidden)?;
    if a.status == AssessmentStatus::Draft {
        return Err(ApiError::Conflict("penilaian masih draf; tim menelaah penilaian yang sudah final".into()));
    }
    let reason = body.reason.as_deref().map(str::trim).filter(|r| !r.is_empty());
    match check_review(me, a.employee_id, a.penilai_id, body.flag, reason) {
        Ok(()) => {}
        Err(ReviewError::NotIndependent) => {
            return Err(ApiError::Forbidden(ReviewError::NotIndependent.message().into()))
        }
        Err(err) => return Err(ApiError::field("reason", err.message())),
    }
    let author = employees::Entity::find_by_id(me).one(&txn).await?.map(|x| x.name).unwrap_or_default();
    let row = assessment_reviews::ActiveModel {
        assessment_id: Set(a.id),
        team_id: Set(team.id),
        employee_id: Set(a.employee_id),
        unit_id: Set(a.unit_id),
        penilai_id: Set(a.penilai_id),
        author_employee_id: Set(me),
        author_name: Set(author.clone()),
        note: Set(body.note.trim().to_owned()),
        recommendation: Set(body.recommendation),
        flag: Set(body.flag),
        reason: Set(reason.map(str::to_owned)),
        flag_status: Set(body.flag.then_some(FlagStatus::Open)),
        response: Set(None),
        responded_at: Set(None),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    let out = wire(&txn, std::slice::from_ref(&row)).await?.remove(0);
    audit::record(
        &txn,
        &viewer.actor(),
        Change::new("assessment_review.create", "assessment_review", row.id).after(&out),
    )
    .await?;
    let link = Some("/tim-penilai".to_owned());
    let title = if body.flag {
        format!("Tim penilai meminta tinjau ulang penilaian {} periode {}", e.name, a.period)
    } else {
        format!("Catatan tim penilai untuk penilaian {} periode {}", e.name, a.period)
    };
    let msg = Message { kind: "assessment_review", title, body: out.note.clone(), link };
    notify::employee(&txn, a.penilai_id, &msg).await?;
    notify::employee(&txn, a.employee_id, &msg).await?;
    txn.commit().await?;
    Ok(HttpResponse::Created().json(out))
}

/// Filters of the review list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ReviewFilter {
    /// Only flags still waiting for the penilai.
    pub open_flags: Option<bool>,
    pub employee_id: Option<i64>,
}

/// The team notes the caller may read, newest first: on their own assessments, on those they rate
/// or head, and those of their teams.
#[utoipa::path(tag = "oversight", security(("bearer" = [])), params(ReviewFilter, PageQuery),
    responses((status = 200, body = Page<AssessmentReview>), (status = 401, body = Problem)))]
#[get("/assessment-reviews")]
pub async fn list_reviews(
    state: web::Data<AppState>,
    viewer: Viewer,
    q: web::Query<ReviewFilter>,
    paging: web::Query<PageQuery>,
) -> ApiResult<web::Json<Page<AssessmentReview>>> {
    let db = &state.db;
    let mut select = assessment_reviews::Entity::find();
    if q.open_flags == Some(true) {
        select = select.filter(assessment_reviews::Column::FlagStatus.eq(FlagStatus::Open.as_str()));
    }
    if let Some(e) = q.employee_id {
        select = select.filter(assessment_reviews::Column::EmployeeId.eq(e));
    }
    if !viewer.reads_city() {
        // In SQL what `may_read` decides one by one: one's own chain, the units one heads
        // (`Capability::ReadUnitReviews`), and one's teams.
        let scope = viewer.scope();
        let mut who = sea_orm::Condition::any()
            .add(assessment_reviews::Column::EmployeeId.is_in(scope.employee_ids().iter().copied()));
        if let Some(units) = viewer.headed_units() {
            who = who.add(assessment_reviews::Column::UnitId.is_in(units.iter().copied()));
        }
        if let Some(me) = viewer.employee_id.filter(|_| viewer.token_id.is_none()) {
            let teams: Vec<i64> = crate::services::oversight::teams_of(db, me).await?.iter().map(|t| t.id).collect();
            who = who.add(assessment_reviews::Column::TeamId.is_in(teams));
        }
        select = select.filter(who);
    }
    let (rows, total) = fetch_page(db, select.order_by_desc(assessment_reviews::Column::Id), &paging).await?;
    Ok(web::Json(page(wire(db, &rows).await?, total, &paging)))
}

/// The penilai answers a flag of the team (saying what they reviewed and what, if anything, they
/// changed through the usual assessment flow).
#[utoipa::path(tag = "oversight", security(("bearer" = [])), params(("id" = i64, Path)), request_body = ReviewResponse,
    responses((status = 200, body = AssessmentReview), (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
#[post("/assessment-reviews/{id}/response")]
pub async fn respond(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<i64>,
    body: web::Json<ReviewResponse>,
) -> ApiResult<web::Json<AssessmentReview>> {
    body.validate()?;
    let txn = crate::db::begin(&state.db).await?;
    let review = assessment_reviews::Entity::find_by_id(id.into_inner()).one(&txn).await?.ok_or(ApiError::NotFound)?;
    let (a, e) = load(&txn, review.assessment_id).await?;
    may_read(&txn, &viewer, &e, a.unit_id).await?;
    if viewer.employee_id != Some(a.penilai_id) || viewer.token_id.is_some() {
        return Err(ApiError::Forbidden("hanya pejabat penilai yang menanggapi permintaan tinjau ulang".into()));
    }
    if !review.flag {
        return Err(ApiError::Conflict("catatan ini bukan permintaan tinjau ulang".into()));
    }
    if review.flag_status != Some(FlagStatus::Open) {
        return Err(ApiError::Conflict("permintaan tinjau ulang ini sudah ditanggapi".into()));
    }
    let before = wire(&txn, std::slice::from_ref(&review)).await?.remove(0);
    let author = review.author_employee_id;
    let mut m: assessment_reviews::ActiveModel = review.into();
    m.flag_status = Set(Some(FlagStatus::Answered));
    m.response = Set(Some(body.response.trim().to_owned()));
    m.responded_at = Set(Some(Utc::now()));
    let row = m.update(&txn).await?;
    let out = wire(&txn, std::slice::from_ref(&row)).await?.remove(0);
    audit::record(
        &txn,
        &viewer.actor(),
        Change::new("assessment_review.respond", "assessment_review", row.id).before(&before).after(&out),
    )
    .await?;
    let msg = Message {
        kind: "assessment_review",
        title: format!("Penilai menanggapi tinjau ulang penilaian {} periode {}", e.name, a.period),
        body: out.response.clone().unwrap_or_default(),
        link: Some("/tim-penilai".to_owned()),
    };
    notify::employee(&txn, author, &msg).await?;
    txn.commit().await?;
    Ok(web::Json(out))
}
