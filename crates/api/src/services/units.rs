//! Units as the policy lets a viewer reach them: the one way a route loads a unit it acts on.

use crate::entities::units;
use crate::error::{ApiError, ApiResult};
use crate::policy::{Capability, Viewer};
use crate::state::AppState;
use kinerja_domain::UnitKind;
use sea_orm::{ConnectionTrait, EntityTrait, QueryOrder};
use std::sync::Arc;

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

/// Every unit of the Pemda by code, as read at most a few seconds ago: a Pemda has hundreds of
/// units and they rarely change, so the list is kept in the process (`AppState::units`) and dropped
/// whenever units change here (`AppState::org_changed`); other replicas see a change within the
/// cache's lifetime.
pub async fn all(state: &AppState) -> ApiResult<Arc<Vec<units::Model>>> {
    let db = &state.db;
    state
        .units
        .try_get_with((), async {
            let rows = units::Entity::find().order_by_asc(units::Column::Code).all(db).await?;
            Ok::<_, ApiError>(Arc::new(rows))
        })
        .await
        .map_err(|e| match e.as_ref() {
            ApiError::Unavailable => ApiError::Unavailable,
            other => ApiError::Internal(anyhow::anyhow!("reading the units: {other}")),
        })
}

/// The Pemda itself: the unit without a parent (the first, should there be several).
pub async fn root(state: &AppState) -> ApiResult<units::Model> {
    let all = all(state).await?;
    all.iter().filter(|u| u.parent_id.is_none()).min_by_key(|u| u.id).cloned().ok_or(ApiError::NotFound)
}

/// What a unit list asks for.
#[derive(Debug, Default)]
pub struct UnitQuery<'a> {
    pub parent_id: Option<i64>,
    pub kind: Option<UnitKind>,
    pub is_service_unit: Option<bool>,
    /// Text in the code or name, in any case.
    pub text: Option<&'a str>,
}

/// The units the viewer sees that match, by code: one page (`offset`, `limit`) and the total.
pub async fn list(
    state: &AppState,
    viewer: &Viewer,
    q: &UnitQuery<'_>,
    offset: u64,
    limit: u64,
) -> ApiResult<(Vec<units::Model>, u64)> {
    let all = all(state).await?;
    let visible = viewer.scope().visible_units();
    let text = q.text.map(str::to_lowercase);
    let matching = all.iter().filter(|u| {
        visible.is_none_or(|v| v.contains(&u.id))
            && q.parent_id.is_none_or(|p| u.parent_id == Some(p))
            && q.kind.is_none_or(|k| u.kind == k)
            && q.is_service_unit.is_none_or(|s| u.is_service_unit == s)
            && text.as_deref().is_none_or(|t| u.code.to_lowercase().contains(t) || u.name.to_lowercase().contains(t))
    });
    let matching: Vec<&units::Model> = matching.collect();
    let total = matching.len() as u64;
    let page = matching.into_iter().skip(offset as usize).take(limit as usize).cloned().collect();
    Ok((page, total))
}
