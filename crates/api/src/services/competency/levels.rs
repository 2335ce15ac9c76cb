//! Assessed levels: a self-assessment, the direct supervisor's or an assessment centre's result,
//! each kept (the latest counts).

use super::assessment_wire;
use crate::audit::{self, Actor, Change};
use crate::entities::{competencies, competency_assessments};
use crate::error::{ApiError, ApiResult};
use chrono::{Datelike, NaiveDate, Utc};
use kinerja_domain::competency::valid_level;
use kinerja_types::Invalid;
use kinerja_types::{CompetencyAssessment, NewCompetencyAssessment};
use sea_orm::{ActiveModelTrait, ConnectionTrait, DatabaseTransaction, EntityTrait, Set};

/// The competency an assessment is about, checked: 422 unless the level is 1-5 and the competency
/// is in the catalogue and in use.
pub async fn assessed_competency(
    db: &impl ConnectionTrait,
    body: &NewCompetencyAssessment,
) -> ApiResult<competencies::Model> {
    if !valid_level(body.level) {
        return Err(ApiError::field("level", Invalid::LevelRange));
    }
    competencies::Entity::find_by_id(body.competency_id)
        .one(db)
        .await?
        .filter(|c| c.active)
        .ok_or_else(|| ApiError::field("competency_id", Invalid::CompetencyNotInCatalog))
}

/// Records the employee's assessed level of the competency (the assessor already allowed): 422
/// when dated after `today` or more than 10 years before. Audited.
pub async fn record(
    txn: &DatabaseTransaction,
    actor: &Actor,
    assessed_by_user_id: i64,
    employee_id: i64,
    competency_id: i64,
    body: &NewCompetencyAssessment,
    today: NaiveDate,
) -> ApiResult<CompetencyAssessment> {
    if body.assessed_on > today || body.assessed_on.year() < today.year() - 10 {
        return Err(ApiError::field("assessed_on", Invalid::AssessedOnRange));
    }
    let row = competency_assessments::ActiveModel {
        employee_id: Set(employee_id),
        competency_id: Set(competency_id),
        level: Set(i32::from(body.level)),
        assessed_on: Set(body.assessed_on),
        source: Set(body.source),
        evidence: Set(body.evidence.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned)),
        assessed_by_user_id: Set(Some(assessed_by_user_id)),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    let out = assessment_wire(&row);
    audit::record(txn, actor, Change::new("competency.assess", "employee", employee_id).after(&out)).await?;
    Ok(out)
}
