//! The organisation tree as the database holds it: subtrees of units and chains of supervisors.

use crate::db::stmt;
use crate::error::ApiResult;
use sea_orm::{ConnectionTrait, Value};
use std::collections::HashSet;

async fn ids(db: &impl ConnectionTrait, sql: &str, id: i64) -> ApiResult<HashSet<i64>> {
    let rows = db.query_all_raw(stmt(db.get_database_backend(), sql, vec![Value::from(id)])).await?;
    let mut out = HashSet::with_capacity(rows.len());
    for row in rows {
        out.insert(row.try_get::<i64>("", "id")?);
    }
    Ok(out)
}

/// The unit and everything below it.
pub async fn unit_subtree(db: &impl ConnectionTrait, root: i64) -> ApiResult<HashSet<i64>> {
    ids(
        db,
        "WITH RECURSIVE t(id) AS (SELECT id FROM units WHERE id = ? \
         UNION SELECT u.id FROM units u JOIN t ON u.parent_id = t.id) SELECT id FROM t",
        root,
    )
    .await
}

/// The unit and everything above it.
pub async fn unit_ancestors(db: &impl ConnectionTrait, unit: i64) -> ApiResult<HashSet<i64>> {
    ids(
        db,
        "WITH RECURSIVE t(id, parent_id) AS (SELECT id, parent_id FROM units WHERE id = ? \
         UNION SELECT u.id, u.parent_id FROM units u JOIN t ON u.id = t.parent_id) SELECT id FROM t",
        unit,
    )
    .await
}

/// Everyone below the employee in the supervisor chain (not the employee).
pub async fn subordinates(db: &impl ConnectionTrait, employee: i64) -> ApiResult<HashSet<i64>> {
    ids(
        db,
        "WITH RECURSIVE t(id) AS (SELECT id FROM employees WHERE supervisor_id = ? \
         UNION SELECT e.id FROM employees e JOIN t ON e.supervisor_id = t.id) SELECT id FROM t",
        employee,
    )
    .await
}

/// Everyone above the employee in the supervisor chain (not the employee).
pub async fn supervisors_above(db: &impl ConnectionTrait, employee: i64) -> ApiResult<HashSet<i64>> {
    ids(
        db,
        "WITH RECURSIVE t(id, supervisor_id) AS (SELECT id, supervisor_id FROM employees WHERE id = \
         (SELECT supervisor_id FROM employees WHERE id = ?) \
         UNION SELECT e.id, e.supervisor_id FROM employees e JOIN t ON e.id = t.supervisor_id) SELECT id FROM t",
        employee,
    )
    .await
}
