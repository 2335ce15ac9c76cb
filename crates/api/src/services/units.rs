//! Units as the policy lets a viewer reach them: the one way a route loads a unit it acts on.

use crate::entities::units;
use crate::error::{ApiError, ApiResult};
use crate::policy::{Capability, Viewer};
use sea_orm::{ConnectionTrait, EntityTrait};

/// A unit the viewer may see (its read scope's units and their ancestors), else 404.
pub async fn visible(db: &impl ConnectionTrait, viewer: &Viewer, id: i64) -> ApiResult<units::Model> {
    let unit = units::Entity::find_by_id(id).one(db).await?.ok_or(ApiError::NotFound)?;
    match viewer.scope().visible_units() {
        Some(visible) if !visible.contains(&id) => Err(ApiError::NotFound),
        _ => Ok(unit),
    }
}

/// A unit the viewer may see (else 404) and act on with the capability the unit's id names (else
/// 403), e.g. `with(db, viewer, id, Capability::ManageService)`.
pub async fn with(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    id: i64,
    capability: impl FnOnce(i64) -> Capability,
) -> ApiResult<units::Model> {
    let unit = visible(db, viewer, id).await?;
    viewer.require(capability(id))?;
    Ok(unit)
}
