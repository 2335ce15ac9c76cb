//! Development plans: made for an employee, mandatory after a predikat of Butuh Perbaikan or worse
//! and suggested from the largest gaps; trainings planned in them and completed with evidence.

use super::profile;
use crate::audit::{self, Actor, Change};
use crate::entities::{competencies, development_plans, employees, trainings};
use crate::error::{ApiError, ApiResult};
use crate::policy::Viewer;
use crate::services::notify;
use chrono::Utc;
use kinerja_domain::competency::{PlanStatus, TrainingStatus};
use kinerja_types::{
    DevelopmentPlan, DevelopmentPlanPatch, NewDevelopmentPlan, NewTraining, Notice, NoticeCode, Training, TrainingPatch,
};
use kinerja_types::{Invalid, Issue};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseTransaction, EntityTrait, QueryFilter, QueryOrder, Set,
};
use std::collections::HashSet;

/// A training as sent.
fn training_wire(t: &trainings::Model) -> Training {
    Training {
        id: t.id,
        plan_id: t.plan_id,
        competency_id: t.competency_id,
        course: t.course.clone(),
        provider: t.provider.clone(),
        jp: t.jp.max(0) as u32,
        start_on: t.start_on,
        end_on: t.end_on,
        status: t.status,
        evidence: t.evidence.clone(),
    }
}

/// A plan with its trainings, as sent.
pub async fn plan_wire(db: &impl ConnectionTrait, p: &development_plans::Model) -> ApiResult<DevelopmentPlan> {
    let mut one = plans_wire(db, std::slice::from_ref(p)).await?;
    one.pop().ok_or_else(|| ApiError::Internal(anyhow::anyhow!("plan {} vanished", p.id)))
}

/// Plans as sent, with the trainings of all of them read in one query.
async fn plans_wire(db: &impl ConnectionTrait, plans: &[development_plans::Model]) -> ApiResult<Vec<DevelopmentPlan>> {
    if plans.is_empty() {
        return Ok(Vec::new());
    }
    let all = trainings::Entity::find()
        .filter(trainings::Column::PlanId.is_in(plans.iter().map(|p| p.id)))
        .order_by_asc(trainings::Column::StartOn)
        .order_by_asc(trainings::Column::Id)
        .all(db)
        .await?;
    Ok(plans
        .iter()
        .map(|p| {
            let list: Vec<Training> = all.iter().filter(|t| t.plan_id == p.id).map(training_wire).collect();
            plan_of(p, list)
        })
        .collect())
}

fn plan_of(p: &development_plans::Model, list: Vec<Training>) -> DevelopmentPlan {
    let jp = |only: Option<TrainingStatus>| {
        list.iter()
            .filter(|t| t.status != TrainingStatus::Cancelled && only.is_none_or(|s| t.status == s))
            .map(|t| t.jp)
            .sum()
    };
    DevelopmentPlan {
        id: p.id,
        employee_id: p.employee_id,
        year: p.year,
        status: p.status,
        goals: p.goals.clone(),
        focus: crate::stored::json("development_plans.focus", &p.focus),
        mandatory: p.mandatory,
        jp_planned: jp(None),
        jp_completed: jp(Some(TrainingStatus::Completed)),
        trainings: list,
    }
}

/// The employee's plans, newest first: one page and the total.
pub async fn list(
    db: &impl ConnectionTrait,
    employee_id: i64,
    offset: u64,
    limit: u64,
) -> ApiResult<(Vec<DevelopmentPlan>, u64)> {
    let select = development_plans::Entity::find()
        .filter(development_plans::Column::EmployeeId.eq(employee_id))
        .order_by_desc(development_plans::Column::Year)
        .order_by_desc(development_plans::Column::Id);
    let (plans, total) = crate::services::paging::fetch(db, select, offset, limit).await?;
    Ok((plans_wire(db, &plans).await?, total))
}

/// The plan and its employee, if the viewer sees the employee; else 404.
pub async fn find_visible(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    id: i64,
) -> ApiResult<(development_plans::Model, employees::Model)> {
    let plan = development_plans::Entity::find_by_id(id).one(db).await?.ok_or(ApiError::NotFound)?;
    let e = crate::services::people::find_visible(db, viewer.scope(), plan.employee_id).await?;
    Ok((plan, e))
}

/// Makes a plan for the employee (its maker allowed, the year checked): 409 when one is open for
/// the year, 422 on an unknown focus; without a focus it addresses the largest gaps, and it is
/// mandatory after a poor predikat. Audited; the employee is notified.
pub async fn create(
    txn: &DatabaseTransaction,
    actor: &Actor,
    created_by_user_id: i64,
    e: &employees::Model,
    body: &NewDevelopmentPlan,
) -> ApiResult<DevelopmentPlan> {
    let open = development_plans::Entity::find()
        .filter(development_plans::Column::EmployeeId.eq(e.id))
        .filter(development_plans::Column::Year.eq(body.year))
        .filter(development_plans::Column::Status.is_in([PlanStatus::Draft.as_str(), PlanStatus::Active.as_str()]))
        .one(txn)
        .await?;
    if open.is_some() {
        return Err(ApiError::Conflict(format!(
            "{} sudah punya rencana pengembangan {} yang berjalan",
            e.name, body.year
        )));
    }
    let settings = crate::pemda_settings::load(txn).await?;
    let p = profile(txn, e, body.year, &settings).await?;
    let known: HashSet<String> = competencies::Entity::find().all(txn).await?.into_iter().map(|c| c.code).collect();
    let mut focus: Vec<String> = body.focus.iter().map(|c| c.trim().to_uppercase()).collect();
    focus.dedup();
    if let Some(bad) = focus.iter().find(|c| !known.contains(*c)) {
        return Err(ApiError::field("focus", Issue::new(Invalid::FocusNotInCatalog).with("code", bad)));
    }
    if focus.is_empty() {
        focus = p.suggested_focus.clone();
    }
    let now = Utc::now();
    let row = development_plans::ActiveModel {
        employee_id: Set(e.id),
        year: Set(body.year),
        status: Set(PlanStatus::Active),
        goals: Set(body.goals.trim().to_owned()),
        focus: Set(serde_json::to_string(&focus).map_err(anyhow::Error::from)?),
        mandatory: Set(p.plan_required),
        created_by_user_id: Set(Some(created_by_user_id)),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    let out = plan_wire(txn, &row).await?;
    audit::record(txn, actor, Change::new("development_plan.create", "development_plan", row.id).after(&out)).await?;
    let notice = Notice::new(NoticeCode::DevelopmentPlan).with("year", body.year).with("goals", &out.goals);
    let msg = notify::Message { kind: "development_plan", notice, link: Some("/kompetensi".into()) };
    notify::employee(txn, e.id, &msg).await?;
    Ok(out)
}

/// Changes a plan's goals or status (its changer allowed): draft → active → completed (with at
/// least one completed training) or cancelled; 409 otherwise or when the plan is closed. Audited.
pub async fn update(
    txn: &DatabaseTransaction,
    actor: &Actor,
    plan: development_plans::Model,
    body: &DevelopmentPlanPatch,
) -> ApiResult<DevelopmentPlan> {
    let before = plan_wire(txn, &plan).await?;
    if matches!(before.status, PlanStatus::Completed | PlanStatus::Cancelled) {
        return Err(ApiError::Conflict("rencana yang sudah selesai atau dibatalkan tidak dapat diubah".into()));
    }
    let mut a: development_plans::ActiveModel = plan.into();
    if let Some(next) = body.status {
        let allowed = matches!(
            (before.status, next),
            (PlanStatus::Draft, PlanStatus::Active | PlanStatus::Cancelled)
                | (PlanStatus::Active, PlanStatus::Completed | PlanStatus::Cancelled)
        ) || next == before.status;
        if !allowed {
            return Err(ApiError::Conflict(format!(
                "rencana berstatus {} tidak dapat menjadi {}",
                before.status.as_str(),
                next.as_str()
            )));
        }
        if next == PlanStatus::Completed && before.jp_completed == 0 {
            return Err(ApiError::Conflict("selesaikan paling sedikit satu pelatihan dengan buktinya dahulu".into()));
        }
        a.status = Set(next);
    }
    if let Some(goals) = &body.goals {
        a.goals = Set(goals.trim().to_owned());
    }
    a.updated_at = Set(Utc::now());
    let row = a.update(txn).await?;
    let after = plan_wire(txn, &row).await?;
    audit::record(
        txn,
        actor,
        Change::new("development_plan.update", "development_plan", row.id).before(&before).after(&after),
    )
    .await?;
    Ok(after)
}

/// Adds a planned training to an open plan of the employee (its planner allowed): 409 when the
/// plan is closed, 422 on bad dates or an unknown competency. Audited.
pub async fn add_training(
    txn: &DatabaseTransaction,
    actor: &Actor,
    plan: &development_plans::Model,
    employee_id: i64,
    body: &NewTraining,
) -> ApiResult<Training> {
    if !matches!(plan.status, PlanStatus::Draft | PlanStatus::Active) {
        return Err(ApiError::Conflict("rencana ini sudah ditutup".into()));
    }
    if body.end_on < body.start_on {
        return Err(ApiError::field("end_on", Invalid::EndBeforeStart));
    }
    if let Some(c) = body.competency_id {
        if competencies::Entity::find_by_id(c).one(txn).await?.is_none() {
            return Err(ApiError::field("competency_id", Invalid::CompetencyNotInCatalog));
        }
    }
    let row = trainings::ActiveModel {
        plan_id: Set(plan.id),
        employee_id: Set(employee_id),
        competency_id: Set(body.competency_id),
        course: Set(body.course.trim().to_owned()),
        provider: Set(body.provider.trim().to_owned()),
        jp: Set(body.jp as i32),
        start_on: Set(body.start_on),
        end_on: Set(body.end_on),
        status: Set(TrainingStatus::Planned),
        evidence: Set(None),
        updated_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    let out = training_wire(&row);
    audit::record(txn, actor, Change::new("training.create", "training", row.id).after(&out)).await?;
    Ok(out)
}

/// A training, else 404.
pub async fn training(db: &impl ConnectionTrait, id: i64) -> ApiResult<trainings::Model> {
    trainings::Entity::find_by_id(id).one(db).await?.ok_or(ApiError::NotFound)
}

/// Completes a planned training with its evidence, or cancels it (its updater allowed): 409 when
/// it is no longer planned, 422 without a final status or, to complete it, without evidence. Audited.
pub async fn finish_training(
    txn: &DatabaseTransaction,
    actor: &Actor,
    t: trainings::Model,
    body: &TrainingPatch,
) -> ApiResult<Training> {
    let before = training_wire(&t);
    if before.status != TrainingStatus::Planned {
        return Err(ApiError::Conflict("pelatihan ini sudah selesai atau dibatalkan".into()));
    }
    let evidence = body.evidence.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned);
    match body.status {
        TrainingStatus::Planned => return Err(ApiError::field("status", Invalid::TrainingStatus)),
        TrainingStatus::Completed if evidence.is_none() => {
            return Err(ApiError::field("evidence", Invalid::TrainingEvidence))
        }
        _ => {}
    }
    let mut a: trainings::ActiveModel = t.into();
    a.status = Set(body.status);
    a.evidence = Set(evidence);
    a.updated_at = Set(Utc::now());
    let row = a.update(txn).await?;
    let after = training_wire(&row);
    audit::record(txn, actor, Change::new("training.update", "training", row.id).before(&before).after(&after)).await?;
    Ok(after)
}
