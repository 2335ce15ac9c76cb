//! Service units: the ones citizens survey or complain about, and who works on a unit's service.

use crate::entities::{employees, units};
use crate::error::{ApiError, ApiResult};
use crate::policy::{Capability, Viewer};
use kinerja_types::Invalid;
use kinerja_types::{PublicOfficer, PublicUnit};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

/// Service units by name, optionally the one with a code (as in the survey's short URL): one page and the total.
pub async fn list(
    db: &impl ConnectionTrait,
    code: Option<&str>,
    offset: u64,
    limit: u64,
) -> ApiResult<(Vec<PublicUnit>, u64)> {
    let mut select =
        units::Entity::find().filter(units::Column::IsServiceUnit.eq(true)).order_by_asc(units::Column::Name);
    if let Some(code) = code.map(str::trim).filter(|c| !c.is_empty()) {
        select = select.filter(units::Column::Code.eq(code.to_uppercase()));
    }
    let (rows, total) = super::paging::fetch(db, select, offset, limit).await?;
    Ok((rows.into_iter().map(|u| PublicUnit { id: u.id, code: u.code, name: u.name }).collect(), total))
}

/// The service unit a citizen names, else 422 on `unit_id`.
pub async fn find(db: &impl ConnectionTrait, id: i64) -> ApiResult<units::Model> {
    units::Entity::find_by_id(id)
        .one(db)
        .await?
        .filter(|u| u.is_service_unit)
        .ok_or_else(|| ApiError::field("unit_id", Invalid::ServiceUnitNotFound))
}

/// The officers a citizen may name in a complaint about a service unit: the employees placed in it
/// or below it, by name and position (never the NIP): one page and the total.
pub async fn officers(
    db: &impl ConnectionTrait,
    unit_id: i64,
    offset: u64,
    limit: u64,
) -> ApiResult<(Vec<PublicOfficer>, u64)> {
    let units = super::org_tree::unit_subtree(db, unit_id).await?;
    let select = employees::Entity::find()
        .filter(employees::Column::UnitId.is_in(units))
        .order_by_asc(employees::Column::Name)
        .order_by_asc(employees::Column::Id);
    let (rows, total) = super::paging::fetch(db, select, offset, limit).await?;
    let officers = rows.into_iter().map(|e| PublicOfficer { id: e.id, name: e.name, position: e.position_title });
    Ok((officers.collect(), total))
}

/// The officer `employee_id` of the service unit, else 422 on `employee_id`.
pub async fn officer(db: &impl ConnectionTrait, unit_id: i64, employee_id: i64) -> ApiResult<employees::Model> {
    let units = super::org_tree::unit_subtree(db, unit_id).await?;
    employees::Entity::find_by_id(employee_id)
        .one(db)
        .await?
        .filter(|e| units.contains(&e.unit_id))
        .ok_or_else(|| ApiError::field("employee_id", Invalid::EmployeeOutsideUnit))
}

/// 404 outside the viewer's sight; 403 unless it manages (`write`) or reads the unit's service work.
pub async fn require_staff(db: &impl ConnectionTrait, viewer: &Viewer, unit_id: i64, write: bool) -> ApiResult<()> {
    let capability = if write { Capability::ManageService } else { Capability::ReadUnit };
    crate::services::units::with(db, viewer, unit_id, capability).await.map(|_| ())
}
