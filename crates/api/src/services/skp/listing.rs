//! Lists of SKPs: those a viewer may see, and the revisions of one plan.

use super::{names, summary};
use crate::entities::skps;
use crate::error::ApiResult;
use crate::policy::Viewer;
use kinerja_domain::SkpStatus;
use kinerja_types::Skp;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

/// What the SKP list is narrowed to.
#[derive(Debug, Default, Clone)]
pub struct Filter {
    pub employee_id: Option<i64>,
    pub unit_id: Option<i64>,
    pub year: Option<i32>,
    pub status: Option<SkpStatus>,
    /// Only SKPs waiting for the viewer's approval.
    pub for_review: bool,
    /// Include revisions that a later approved one replaced.
    pub include_superseded: bool,
}

/// The SKPs the viewer may see that match the filter, newest first, without their RHK: one page
/// and the total.
pub async fn list(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    filter: &Filter,
    offset: u64,
    limit: u64,
) -> ApiResult<(Vec<Skp>, u64)> {
    let scope = viewer.scope();
    let mut select = skps::Entity::find().order_by_desc(skps::Column::Id);
    // Visibility follows the people as they are placed now, not where an old SKP was made.
    if let Some(cond) = scope.employee_column_filter(skps::Column::EmployeeId) {
        select = select.filter(cond);
    }
    if filter.for_review {
        let me = viewer.employee_id.unwrap_or(-1);
        select = select
            .filter(skps::Column::PenilaiId.eq(me))
            .filter(skps::Column::Status.eq(SkpStatus::Submitted.as_str()));
    }
    if let Some(e) = filter.employee_id {
        select = select.filter(skps::Column::EmployeeId.eq(e));
    }
    if let Some(u) = filter.unit_id {
        select = select.filter(skps::Column::UnitId.eq(u));
    }
    if let Some(y) = filter.year {
        select = select.filter(skps::Column::Year.eq(y));
    }
    if let Some(s) = filter.status {
        select = select.filter(skps::Column::Status.eq(s.as_str()));
    }
    if !filter.include_superseded {
        select = select.filter(skps::Column::Superseded.eq(false));
    }
    let (rows, total) = crate::services::paging::fetch(db, select, offset, limit).await?;
    let names = names(db, rows.iter().map(|s| s.employee_id)).await?;
    let items = rows.iter().map(|s| summary(s, names.get(&s.employee_id).map(String::as_str).unwrap_or(""))).collect();
    Ok((items, total))
}

/// Every revision of the plan the SKP belongs to (same employee, year, unit and position), oldest
/// first, without their RHK: one page and the total.
pub async fn revisions(
    db: &impl ConnectionTrait,
    skp: &skps::Model,
    offset: u64,
    limit: u64,
) -> ApiResult<(Vec<Skp>, u64)> {
    let select = skps::Entity::find()
        .filter(skps::Column::EmployeeId.eq(skp.employee_id))
        .filter(skps::Column::Year.eq(skp.year))
        .filter(skps::Column::UnitId.eq(skp.unit_id))
        .filter(skps::Column::PositionTitle.eq(skp.position_title.clone()))
        .order_by_asc(skps::Column::Revision);
    let (rows, total) = crate::services::paging::fetch(db, select, offset, limit).await?;
    let names = names(db, [skp.employee_id]).await?;
    let name = names.get(&skp.employee_id).map(String::as_str).unwrap_or("");
    Ok((rows.iter().map(|s| summary(s, name)).collect(), total))
}
