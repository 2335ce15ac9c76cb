//! A unit's Perjanjian Kinerja: its goals for a year.

use crate::audit::{self, Actor, Change};
use crate::entities::pk_goals;
use crate::error::{ApiError, ApiResult};
use chrono::Utc;
use kinerja_types::{NewPkGoal, PkGoal, PkIndicator};
use sea_orm::{ActiveModelTrait, ColumnTrait, DatabaseTransaction, EntityTrait, QueryFilter, QueryOrder, Set};

/// A goal as sent.
pub fn to_wire(g: &pk_goals::Model) -> PkGoal {
    PkGoal {
        id: g.id,
        unit_id: g.unit_id,
        year: g.year,
        text: g.text.clone(),
        indicators: crate::stored::json::<Vec<PkIndicator>>("pk_goals.indicators", &g.indicators),
    }
}

/// The unit's goals of a year in the order entered: one page and the total.
pub async fn goals(
    db: &impl sea_orm::ConnectionTrait,
    unit_id: i64,
    year: i32,
    offset: u64,
    limit: u64,
) -> ApiResult<(Vec<PkGoal>, u64)> {
    let select = pk_goals::Entity::find()
        .filter(pk_goals::Column::UnitId.eq(unit_id))
        .filter(pk_goals::Column::Year.eq(year))
        .order_by_asc(pk_goals::Column::Id);
    let (rows, total) = super::paging::fetch(db, select, offset, limit).await?;
    Ok((rows.iter().map(to_wire).collect(), total))
}

/// Adds a goal (already validated, its writer allowed). Audited.
pub async fn add(txn: &DatabaseTransaction, actor: &Actor, unit_id: i64, body: &NewPkGoal) -> ApiResult<PkGoal> {
    let goal = pk_goals::ActiveModel {
        unit_id: Set(unit_id),
        year: Set(body.year),
        text: Set(body.text.trim().to_owned()),
        indicators: Set(serde_json::to_string(&body.indicators).map_err(|e| ApiError::Internal(e.into()))?),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    let wire = to_wire(&goal);
    audit::record(txn, actor, Change::new("pk.create", "pk_goal", goal.id).after(&wire)).await?;
    Ok(wire)
}
