//! Where employees were placed on a given day: the current unit, or the earlier one the placement
//! history holds for that day. Every move of an employee to another unit goes through
//! [`record_move`], which closes the placement left the day before the move.

use crate::entities::{employees, placement_history as history};
use crate::error::ApiResult;
use crate::policy::{within, Units};
use chrono::NaiveDate;
use sea_orm::sea_query::{Condition, Query};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set};
use std::collections::HashMap;

/// Records that `employee_id` leaves `from_unit` for another unit on `today`: its placement there
/// ends yesterday (nothing is kept for a stay shorter than a day).
pub async fn record_move(
    db: &impl ConnectionTrait,
    employee_id: i64,
    from_unit: i64,
    today: NaiveDate,
) -> ApiResult<()> {
    let last = history::Entity::find()
        .filter(history::Column::EmployeeId.eq(employee_id))
        .order_by_desc(history::Column::EndsOn)
        .one(db)
        .await?;
    let starts_on = last.map(|h| h.ends_on + chrono::Duration::days(1));
    let ends_on = today - chrono::Duration::days(1);
    if starts_on.is_some_and(|s| s > ends_on) {
        return Ok(());
    }
    history::ActiveModel {
        employee_id: Set(employee_id),
        unit_id: Set(from_unit),
        starts_on: Set(starts_on),
        ends_on: Set(ends_on),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

/// The employees whose placement history holds a placement ending on or after `day`: they were
/// elsewhere then, so their current unit does not say where they were.
fn moved_since(day: NaiveDate) -> sea_orm::sea_query::SelectStatement {
    Query::select()
        .column(history::Column::EmployeeId)
        .from(history::Entity)
        .and_where(history::Column::EndsOn.gte(day))
        .to_owned()
}

/// The placement history rows covering `day`.
fn covering(day: NaiveDate) -> Condition {
    Condition::all()
        .add(Condition::any().add(history::Column::StartsOn.is_null()).add(history::Column::StartsOn.lte(day)))
        .add(history::Column::EndsOn.gte(day))
}

/// A condition on an employee column: the employee was placed within `units` on `day` (as
/// sub-selects, so a city of any size is one query).
pub fn placed(employee_col: impl ColumnTrait, units: &Units, day: NaiveDate) -> Condition {
    let placed_now = Query::select()
        .column(employees::Column::Id)
        .from(employees::Entity)
        .cond_where(within(employees::Column::UnitId, units))
        .and_where(employees::Column::Id.not_in_subquery(moved_since(day)))
        .to_owned();
    let placed_before = Query::select()
        .column(history::Column::EmployeeId)
        .from(history::Entity)
        .cond_where(within(history::Column::UnitId, units))
        .cond_where(covering(day))
        .to_owned();
    Condition::any().add(employee_col.in_subquery(placed_now)).add(employee_col.in_subquery(placed_before))
}

/// The employees placed within `units` on `day`, each with the unit they were placed in.
pub async fn placed_on(db: &impl ConnectionTrait, units: &Units, day: NaiveDate) -> ApiResult<HashMap<i64, i64>> {
    // Placed now, and already then: no earlier placement ends on or after the day.
    let current: Vec<(i64, i64)> = employees::Entity::find()
        .select_only()
        .columns([employees::Column::Id, employees::Column::UnitId])
        .filter(within(employees::Column::UnitId, units))
        .filter(employees::Column::Id.not_in_subquery(moved_since(day)))
        .into_tuple()
        .all(db)
        .await?;
    let earlier: Vec<(i64, i64)> = history::Entity::find()
        .select_only()
        .columns([history::Column::EmployeeId, history::Column::UnitId])
        .filter(within(history::Column::UnitId, units))
        .filter(covering(day))
        .into_tuple()
        .all(db)
        .await?;
    Ok(current.into_iter().chain(earlier).collect())
}
