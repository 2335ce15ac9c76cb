//! The content of an SKP while it is editable: RHK with indicators (checked against the cascade
//! rule), the core values' expectations, the choices of parent RHK, and the bulk cascade.

use super::{current, editable, full, insert_rhk, insert_skp, rhk_of};
use crate::audit::{self, Actor, Change};
use crate::entities::{employees, pk_goals, rhk, skp_behaviors, skps};
use crate::error::{ApiError, ApiResult};
use crate::services::notify::{self, Message};
use kinerja_domain::skp::{check_cascade, Intervened};
use kinerja_domain::{Approach, PositionKind};
use kinerja_types::{
    BehaviorsUpdate, CascadeRequest, CascadeResult, CascadeSkip, FieldError, IndicatorInput, NewRhk, Notice,
    NoticeCode, Rhk, Skp,
};
use kinerja_types::{Invalid, Issue};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseTransaction, EntityTrait, PaginatorTrait, QueryFilter};

/// What an RHK would intervene, read from the database.
async fn intervened(db: &impl ConnectionTrait, body: &NewRhk) -> ApiResult<Intervened> {
    match (body.parent_rhk_id, body.pk_goal_id) {
        (Some(_), Some(_)) => Err(ApiError::field("parent_rhk_id", Invalid::RhkOrPkGoal)),
        (Some(p), None) => {
            let parent = rhk::Entity::find_by_id(p)
                .one(db)
                .await?
                .ok_or_else(|| ApiError::field("parent_rhk_id", Issue::new(Invalid::RhkMissing).with("id", p)))?;
            let owner = skps::Entity::find_by_id(parent.skp_id).one(db).await?.ok_or(ApiError::NotFound)?;
            Ok(Intervened::ParentRhk { owner_employee_id: owner.employee_id, year: owner.year })
        }
        (None, Some(g)) => {
            let goal = pk_goals::Entity::find_by_id(g)
                .one(db)
                .await?
                .ok_or_else(|| ApiError::field("pk_goal_id", Issue::new(Invalid::PkGoalMissing).with("id", g)))?;
            Ok(Intervened::PkGoal { unit_id: goal.unit_id, year: goal.year })
        }
        (None, None) => Ok(Intervened::Nothing),
    }
}

/// 422 for a quantitative SKP without indicators or for a target that is not a number of 0 or more.
fn check_indicators(approach: Approach, indicators: &[IndicatorInput]) -> ApiResult<()> {
    let mut errors = Vec::new();
    if approach == Approach::Kuantitatif && indicators.is_empty() {
        errors.push(FieldError::new("indicators", Invalid::QuantitativeNeedsIndicator));
    }
    for (n, i) in indicators.iter().enumerate() {
        if !i.target.is_finite() || i.target < 0.0 {
            errors.push(FieldError::new(format!("indicators[{n}].target"), Invalid::TargetNonNegative));
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(ApiError::fields(errors))
    }
}

/// Adds an RHK to the SKP (its owner allowed, the SKP editable, the body validated) after checking
/// the indicators and the cascade rule. Audited.
pub async fn add_rhk(txn: &DatabaseTransaction, actor: &Actor, skp: &skps::Model, body: &NewRhk) -> ApiResult<Rhk> {
    check_indicators(skp.approach, &body.indicators)?;
    let owner = employees::Entity::find_by_id(skp.employee_id).one(txn).await?.ok_or(ApiError::NotFound)?;
    let kind: PositionKind = owner.position_kind;
    let target = intervened(txn, body).await?;
    if let Err(message) = check_cascade(kind, skp.unit_id, skp.penilai_id, skp.year, &target) {
        let field = if kind == PositionKind::Jpt { "pk_goal_id" } else { "parent_rhk_id" };
        return Err(ApiError::field(field, &message));
    }
    let created = insert_rhk(txn, skp.id, body).await?;
    audit::record(txn, actor, Change::new("rhk.create", "rhk", created.id).after(&created)).await?;
    Ok(created)
}

/// Loads an RHK, else 404.
pub async fn find_rhk(db: &impl ConnectionTrait, id: i64) -> ApiResult<rhk::Model> {
    rhk::Entity::find_by_id(id).one(db).await?.ok_or(ApiError::NotFound)
}

/// Removes an RHK of the SKP (its owner allowed, the SKP editable): 409 once it was handed down.
/// Audited.
pub async fn delete_rhk(txn: &DatabaseTransaction, actor: &Actor, skp: &skps::Model, row: rhk::Model) -> ApiResult<()> {
    if rhk::Entity::find().filter(rhk::Column::ParentRhkId.eq(row.id)).count(txn).await? > 0 {
        return Err(ApiError::Conflict("RHK ini sudah diturunkan ke bawahan; hapus dulu RHK turunannya".into()));
    }
    let before = rhk_of(txn, &[skp.id]).await?.into_iter().find(|r| r.id == row.id);
    rhk::Entity::delete_by_id(row.id).exec(txn).await?;
    audit::record(txn, actor, Change::new("rhk.delete", "rhk", row.id).before(&before)).await?;
    Ok(())
}

/// Sets the expectation of each core value named (the writer allowed); blank text clears it.
/// Audited; answers the whole SKP.
pub async fn set_behaviors(
    txn: &DatabaseTransaction,
    actor: &Actor,
    skp: &skps::Model,
    body: &BehaviorsUpdate,
) -> ApiResult<Skp> {
    let before = full(txn, skp).await?.behaviors;
    for b in &body.behaviors {
        let text = b.expectation.as_deref().map(str::trim).filter(|t| !t.is_empty()).map(str::to_owned);
        skp_behaviors::Entity::update_many()
            .col_expr(skp_behaviors::Column::Expectation, Expr::value(text))
            .filter(skp_behaviors::Column::SkpId.eq(skp.id))
            .filter(skp_behaviors::Column::CoreValue.eq(b.core_value.as_str()))
            .exec(txn)
            .await?;
    }
    let after = full(txn, skp).await?;
    audit::record(txn, actor, Change::new("skp.behaviors", "skp", skp.id).before(&before).after(&after.behaviors))
        .await?;
    Ok(after)
}

/// The RHK the employee can pick as parent: those of their direct supervisor's current SKP for the
/// year (none without a supervisor or that SKP).
pub async fn parent_options(db: &impl ConnectionTrait, employee_id: i64, year: i32) -> ApiResult<Vec<Rhk>> {
    let supervisor = employees::Entity::find_by_id(employee_id).one(db).await?.and_then(|e| e.supervisor_id);
    if let Some(s) = supervisor {
        if let Some(skp) = current(db, s, year).await? {
            return rhk_of(db, &[skp.id]).await;
        }
    }
    Ok(Vec::new())
}

/// Hands the RHK `parent` of the SKP (its owner allowed) down to direct subordinates: a draft RHK
/// with the same indicators in each one's editable SKP of the year, created if missing; a
/// subordinate whose SKP is not editable is skipped with the reason, and anyone who is not a direct
/// subordinate makes it all 422. Each recipient is notified. Audited.
pub async fn cascade(
    txn: &DatabaseTransaction,
    actor: &Actor,
    skp: &skps::Model,
    parent: rhk::Model,
    body: &CascadeRequest,
) -> ApiResult<CascadeResult> {
    let mut ids = body.employee_ids.clone();
    ids.sort_unstable();
    ids.dedup();
    let subordinates = employees::Entity::find()
        .filter(employees::Column::Id.is_in(ids.clone()))
        .filter(employees::Column::SupervisorId.eq(skp.employee_id))
        .all(txn)
        .await?;
    let not_direct: Vec<FieldError> = ids
        .iter()
        .filter(|id| !subordinates.iter().any(|e| e.id == **id))
        .map(|id| FieldError::new("employee_ids", Issue::new(Invalid::NotDirectSubordinate).with("id", id)))
        .collect();
    if !not_direct.is_empty() {
        return Err(ApiError::fields(not_direct));
    }
    let template = rhk_of(txn, &[skp.id]).await?.into_iter().find(|r| r.id == parent.id).ok_or(ApiError::NotFound)?;
    let text = body.text.as_deref().map(str::trim).filter(|t| !t.is_empty()).unwrap_or(&parent.text).to_owned();
    let (mut created, mut skipped) = (Vec::new(), Vec::new());
    for sub in &subordinates {
        let target = match current(txn, sub.id, skp.year).await? {
            Some(s) if editable(&s).is_ok() => s,
            Some(s) => {
                skipped.push(CascadeSkip {
                    employee_id: sub.id,
                    reason: format!("SKP {} berstatus {}; tidak dapat ditambah", s.year, s.status),
                });
                continue;
            }
            None => insert_skp(txn, sub, skp.year, skp.approach, 1, None).await?,
        };
        let new = NewRhk {
            text: text.clone(),
            kind: body.kind,
            parent_rhk_id: Some(parent.id),
            pk_goal_id: None,
            indicators: template
                .indicators
                .iter()
                .map(|i| IndicatorInput {
                    aspect: i.aspect,
                    text: i.text.clone(),
                    target: i.target,
                    unit: i.unit.clone(),
                })
                .collect(),
        };
        let rhk = insert_rhk(txn, target.id, &new).await?;
        let msg = Message {
            kind: "rhk.cascaded",
            notice: Notice::new(NoticeCode::RhkCascaded).with("text", &text).with("year", skp.year),
            link: Some(format!("/skp/{}", target.id)),
        };
        notify::employee(txn, sub.id, &msg).await?;
        created.push(rhk);
    }
    let result = CascadeResult { created, skipped };
    audit::record(txn, actor, Change::new("rhk.cascade", "rhk", parent.id).after(&result)).await?;
    Ok(result)
}
