//! Reviews of the evaluation team on assessments: who reads them, the lists, writing a note or flag,
//! and the penilai's answer to a flag. Nothing here touches a rating.

use crate::audit::{self, Actor, Change};
use crate::entities::{assessment_reviews, assessments, employees, evaluation_teams};
use crate::error::{ApiError, ApiResult};
use crate::policy::{Capability, Viewer};
use crate::services::notify::{self, Message};
use crate::services::oversight::{employee_names, overseeing_team};
use chrono::Utc;
use kinerja_domain::oversight::FlagStatus;
use kinerja_types::{AssessmentReview, NewReview, Notice, NoticeCode};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseTransaction, EntityTrait, QueryFilter, QueryOrder, Set,
};
use std::collections::HashMap;

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

/// One review as sent.
async fn wire_one(db: &impl ConnectionTrait, row: &assessment_reviews::Model) -> ApiResult<AssessmentReview> {
    Ok(wire(db, std::slice::from_ref(row)).await?.remove(0))
}

/// Who reads the reviews of an assessment of `employee` in `unit`: admins and auditors, the
/// employee, everyone above them in the supervisor chain (the penilai first), the head of the unit,
/// and the members of a team overseeing the unit. Anyone else who sees the employee gets 403;
/// everyone else 404.
pub async fn may_read(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    employee: &employees::Model,
    unit: i64,
) -> ApiResult<()> {
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

/// An assessment and its employee, else 404.
pub async fn load(db: &impl ConnectionTrait, id: i64) -> ApiResult<(assessments::Model, employees::Model)> {
    let a = assessments::Entity::find_by_id(id).one(db).await?.ok_or(ApiError::NotFound)?;
    let e = employees::Entity::find_by_id(a.employee_id).one(db).await?.ok_or(ApiError::NotFound)?;
    Ok((a, e))
}

/// The reviews of one assessment, oldest first: one page and the total.
pub async fn of_assessment(
    db: &impl ConnectionTrait,
    assessment_id: i64,
    offset: u64,
    limit: u64,
) -> ApiResult<(Vec<AssessmentReview>, u64)> {
    let select = assessment_reviews::Entity::find()
        .filter(assessment_reviews::Column::AssessmentId.eq(assessment_id))
        .order_by_asc(assessment_reviews::Column::Id);
    let (rows, total) = crate::services::paging::fetch(db, select, offset, limit).await?;
    Ok((wire(db, &rows).await?, total))
}

/// Stores a review of the assessment by the team member `author_id` of `team_id` (already allowed,
/// its reason checked) and tells the penilai and the employee. Audited.
pub async fn create(
    txn: &DatabaseTransaction,
    actor: &Actor,
    author_id: i64,
    team_id: i64,
    a: &assessments::Model,
    employee_name: &str,
    body: &NewReview,
) -> ApiResult<AssessmentReview> {
    let reason = body.reason.as_deref().map(str::trim).filter(|r| !r.is_empty());
    let author = employees::Entity::find_by_id(author_id).one(txn).await?.map(|x| x.name).unwrap_or_default();
    let row = assessment_reviews::ActiveModel {
        assessment_id: Set(a.id),
        team_id: Set(team_id),
        employee_id: Set(a.employee_id),
        unit_id: Set(a.unit_id),
        penilai_id: Set(a.penilai_id),
        author_employee_id: Set(author_id),
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
    .insert(txn)
    .await?;
    let out = wire_one(txn, &row).await?;
    audit::record(txn, actor, Change::new("assessment_review.create", "assessment_review", row.id).after(&out)).await?;
    let link = Some("/tim-penilai".to_owned());
    let code = if body.flag { NoticeCode::ReviewRequested } else { NoticeCode::ReviewNote };
    let notice = Notice::new(code).with("name", employee_name).with("period", &a.period).with("note", &out.note);
    let msg = Message { kind: "assessment_review", notice, link };
    notify::employee(txn, a.penilai_id, &msg).await?;
    notify::employee(txn, a.employee_id, &msg).await?;
    Ok(out)
}

/// The reviews the viewer may read (only open flags, or one employee's, when asked), newest first:
/// one page and the total.
pub async fn list(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    open_flags: bool,
    employee_id: Option<i64>,
    offset: u64,
    limit: u64,
) -> ApiResult<(Vec<AssessmentReview>, u64)> {
    let mut select = assessment_reviews::Entity::find();
    if open_flags {
        select = select.filter(assessment_reviews::Column::FlagStatus.eq(FlagStatus::Open.as_str()));
    }
    if let Some(e) = employee_id {
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
    let select = select.order_by_desc(assessment_reviews::Column::Id);
    let (rows, total) = crate::services::paging::fetch(db, select, offset, limit).await?;
    Ok((wire(db, &rows).await?, total))
}

/// A review by id, else 404.
pub async fn find(db: &impl ConnectionTrait, id: i64) -> ApiResult<assessment_reviews::Model> {
    assessment_reviews::Entity::find_by_id(id).one(db).await?.ok_or(ApiError::NotFound)
}

/// Stores the penilai's answer to an open flag (already allowed) and tells the review's author.
/// Audited.
pub async fn respond(
    txn: &DatabaseTransaction,
    actor: &Actor,
    review: assessment_reviews::Model,
    a: &assessments::Model,
    employee_name: &str,
    response: &str,
) -> ApiResult<AssessmentReview> {
    let before = wire_one(txn, &review).await?;
    let author = review.author_employee_id;
    let mut m: assessment_reviews::ActiveModel = review.into();
    m.flag_status = Set(Some(FlagStatus::Answered));
    m.response = Set(Some(response.to_owned()));
    m.responded_at = Set(Some(Utc::now()));
    let row = m.update(txn).await?;
    let out = wire_one(txn, &row).await?;
    audit::record(
        txn,
        actor,
        Change::new("assessment_review.respond", "assessment_review", row.id).before(&before).after(&out),
    )
    .await?;
    let msg = Message {
        kind: "assessment_review",
        notice: Notice::new(NoticeCode::ReviewAnswered)
            .with("name", employee_name)
            .with("period", &a.period)
            .with("response", out.response.clone().unwrap_or_default()),
        link: Some("/tim-penilai".to_owned()),
    };
    notify::employee(txn, author, &msg).await?;
    Ok(out)
}
