//! What the records the BKPSDM keeps about an employee over a span of days share (disciplinary
//! sanctions, leave): the filters of their lists, limited to the employees the viewer may see,
//! and the people they name.

use crate::entities::employees;
use crate::error::ApiResult;
use crate::policy::{employees_within, Units, Viewer};
use chrono::NaiveDate;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Select};
use std::collections::HashMap;

/// What a list of such records asks for.
#[derive(Debug, Default)]
pub struct SpanQuery {
    pub employee_id: Option<i64>,
    /// Covering some day of `[from, to]`.
    pub during: Option<(NaiveDate, NaiveDate)>,
    /// Of the staff of these units (the caller checked the viewer may read them).
    pub units: Option<Units>,
}

/// The columns of such a record.
pub struct SpanColumns<C> {
    pub id: C,
    pub employee: C,
    pub starts: C,
    pub ends: C,
}

/// The records of employees the viewer may see that match `q`, latest start first.
pub fn select<E>(viewer: &Viewer, q: &SpanQuery, cols: SpanColumns<E::Column>) -> Select<E>
where
    E: EntityTrait,
    E::Column: ColumnTrait,
{
    let mut select = E::find().order_by_desc(cols.starts).order_by_desc(cols.id);
    if let Some(cond) = viewer.scope().employee_column_filter(cols.employee) {
        select = select.filter(cond);
    }
    if let Some(e) = q.employee_id {
        select = select.filter(cols.employee.eq(e));
    }
    if let Some(units) = &q.units {
        select = select.filter(cols.employee.in_subquery(employees_within(units)));
    }
    if let Some((from, to)) = q.during {
        select = select.filter(cols.starts.lte(to)).filter(cols.ends.gte(from));
    }
    select
}

/// The employees of `ids`, by id (for their names and NIPs on the records).
pub async fn people(
    db: &impl ConnectionTrait,
    ids: impl IntoIterator<Item = i64>,
) -> ApiResult<HashMap<i64, employees::Model>> {
    Ok(employees::Entity::find()
        .filter(employees::Column::Id.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|e| (e.id, e))
        .collect())
}
