//! Service units: the ones citizens survey or complain about, and who works on a unit's service.

use crate::entities::units;
use crate::error::{ApiError, ApiResult};
use crate::policy::{Capability, Viewer};
use kinerja_types::Invalid;
use kinerja_types::PublicUnit;
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

/// 404 outside the viewer's sight; 403 unless it manages (`write`) or reads the unit's service work.
pub async fn require_staff(db: &impl ConnectionTrait, viewer: &Viewer, unit_id: i64, write: bool) -> ApiResult<()> {
    let capability = if write { Capability::ManageService } else { Capability::ReadUnit };
    crate::services::units::with(db, viewer, unit_id, capability).await.map(|_| ())
}
