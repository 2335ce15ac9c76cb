//! Figures kept beside the activities so that dashboards need not scan them: approved work per unit
//! and day (`activity_daily_totals`, counted on every approval) and each employee's latest activity
//! date (`employee_last_activity`, refreshed whenever one is logged, moved or deleted). Both are
//! rebuilt from the activities after bulk seeding.

use crate::db::stmt;
use crate::error::ApiResult;
use chrono::NaiveDate;
use sea_orm::{ConnectionTrait, Value};
use std::collections::HashMap;

/// Counts one more approved activity of `minutes` for the unit and day.
pub async fn approved(db: &impl ConnectionTrait, unit_id: i64, date: NaiveDate, minutes: i32) -> ApiResult<()> {
    db.execute_raw(stmt(
        db.get_database_backend(),
        "INSERT INTO activity_daily_totals (unit_id, date, approved, minutes) VALUES (?, ?, 1, ?) \
         ON CONFLICT (unit_id, date) DO UPDATE SET approved = activity_daily_totals.approved + 1, \
         minutes = activity_daily_totals.minutes + excluded.minutes",
        vec![Value::from(unit_id), Value::from(date), Value::from(minutes.max(0))],
    ))
    .await?;
    Ok(())
}

/// Counts one approved activity of `minutes` less for the unit and day (an approval undone).
pub async fn unapproved(db: &impl ConnectionTrait, unit_id: i64, date: NaiveDate, minutes: i32) -> ApiResult<()> {
    db.execute_raw(stmt(
        db.get_database_backend(),
        "UPDATE activity_daily_totals SET approved = approved - 1, minutes = minutes - ? \
         WHERE unit_id = ? AND date = ? AND approved > 0",
        vec![Value::from(minutes.max(0)), Value::from(unit_id), Value::from(date)],
    ))
    .await?;
    Ok(())
}

/// Refreshes the date of the employee's latest activity (after logging, moving or deleting one): an
/// index lookup on `activities (employee_id, date)`, written as an upsert so that two concurrent
/// posts of the same employee cannot collide.
pub async fn touched(db: &impl ConnectionTrait, employee_id: i64) -> ApiResult<()> {
    let backend = db.get_database_backend();
    db.execute_raw(stmt(
        backend,
        "INSERT INTO employee_last_activity (employee_id, date) \
         SELECT employee_id, MAX(date) FROM activities WHERE employee_id = ? GROUP BY employee_id \
         ON CONFLICT (employee_id) DO UPDATE SET date = excluded.date",
        vec![Value::from(employee_id)],
    ))
    .await?;
    db.execute_raw(stmt(
        backend,
        "DELETE FROM employee_last_activity WHERE employee_id = ? \
         AND NOT EXISTS (SELECT 1 FROM activities WHERE employee_id = ?)",
        vec![Value::from(employee_id), Value::from(employee_id)],
    ))
    .await?;
    Ok(())
}

/// The date of the latest activity of each of the employees the subquery selects (none for those
/// who never logged one).
pub async fn last_activity_dates(
    db: &impl ConnectionTrait,
    employees: sea_orm::sea_query::SelectStatement,
) -> ApiResult<HashMap<i64, NaiveDate>> {
    use sea_orm::sea_query::{Alias, Expr, ExprTrait, Query};
    let select = Query::select()
        .columns([Alias::new("employee_id"), Alias::new("date")])
        .from(Alias::new("employee_last_activity"))
        .and_where(Expr::col(Alias::new("employee_id")).in_subquery(employees))
        .to_owned();
    let rows = db.query_all_raw(db.get_database_backend().build(&select)).await?;
    let mut out = HashMap::with_capacity(rows.len());
    for row in rows {
        out.insert(row.try_get::<i64>("", "employee_id")?, row.try_get::<NaiveDate>("", "date")?);
    }
    Ok(out)
}

/// Recomputes every total from the activities (after writing activities in bulk).
pub async fn rebuild(db: &impl ConnectionTrait) -> ApiResult<()> {
    db.execute_unprepared("DELETE FROM employee_last_activity").await?;
    db.execute_unprepared(
        "INSERT INTO employee_last_activity (employee_id, date) \
         SELECT employee_id, MAX(date) FROM activities GROUP BY employee_id",
    )
    .await?;
    db.execute_unprepared("DELETE FROM activity_daily_totals").await?;
    db.execute_unprepared(
        "INSERT INTO activity_daily_totals (unit_id, date, approved, minutes) \
         SELECT unit_id, date, COUNT(*), SUM(minutes) FROM activities WHERE status = 'approved' \
         GROUP BY unit_id, date",
    )
    .await?;
    Ok(())
}
