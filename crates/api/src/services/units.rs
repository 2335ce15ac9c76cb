//! Units as the policy lets a viewer reach them: the one way a route loads a unit it acts on.

use crate::audit::{self, Actor, Change};
use crate::entities::units;
use crate::error::{ApiError, ApiResult, ConflictExt};
use crate::policy::{Capability, Viewer};
use crate::state::AppState;
use chrono::Utc;
use kinerja_domain::UnitKind;
use kinerja_types::{Invalid, Issue};
use kinerja_types::{NewUnit, Unit, UnitPatch};
use sea_orm::{
    ActiveModelTrait, ConnectionTrait, DatabaseTransaction, EntityTrait, IntoActiveModel, QueryOrder, QuerySelect, Set,
};
use std::collections::HashMap;
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

/// A unit as sent.
pub fn to_wire(u: &units::Model) -> Unit {
    Unit {
        id: u.id,
        code: u.code.clone(),
        name: u.name.clone(),
        parent_id: u.parent_id,
        kind: u.kind,
        is_service_unit: u.is_service_unit,
        active: u.active,
    }
}

/// Each unit's parent, by unit id.
async fn parent_map(db: &impl ConnectionTrait) -> ApiResult<HashMap<i64, i64>> {
    let rows: Vec<(i64, Option<i64>)> = units::Entity::find()
        .select_only()
        .column(units::Column::Id)
        .column(units::Column::ParentId)
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows.into_iter().filter_map(|(id, p)| p.map(|p| (id, p))).collect())
}

/// 422 unless the parent named exists.
async fn require_parent(db: &impl ConnectionTrait, parent: Option<i64>) -> ApiResult<()> {
    if let Some(p) = parent {
        if units::Entity::find_by_id(p).one(db).await?.is_none() {
            return Err(ApiError::field("parent_id", Issue::new(Invalid::ParentUnitMissing).with("id", p)));
        }
    }
    Ok(())
}

/// Creates a unit (already validated, its writer allowed). Audited; a code in use is 409.
pub async fn create(txn: &DatabaseTransaction, actor: &Actor, body: &NewUnit) -> ApiResult<Unit> {
    require_parent(txn, body.parent_id).await?;
    let now = Utc::now();
    let unit = units::ActiveModel {
        code: Set(body.code.trim().to_owned()),
        name: Set(body.name.trim().to_owned()),
        parent_id: Set(body.parent_id),
        kind: Set(body.kind),
        is_service_unit: Set(body.is_service_unit),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(txn)
    .await
    .on_conflict("kode unit sudah dipakai")?;
    let wire = to_wire(&unit);
    audit::record(txn, actor, Change::new("unit.create", "unit", unit.id).after(&wire)).await?;
    Ok(wire)
}

/// Changes a unit (already validated, its writer allowed). Moving a unit under itself or its own
/// descendant is 409. Audited.
pub async fn update(txn: &DatabaseTransaction, actor: &Actor, unit: units::Model, body: &UnitPatch) -> ApiResult<Unit> {
    let id = unit.id;
    let before = to_wire(&unit);
    let mut active = unit.into_active_model();
    if let Some(code) = &body.code {
        active.code = Set(code.trim().to_owned());
    }
    if let Some(name) = &body.name {
        active.name = Set(name.trim().to_owned());
    }
    if let Some(kind) = body.kind {
        active.kind = Set(kind);
    }
    if let Some(on) = body.active {
        active.active = Set(on);
    }
    if let Some(s) = body.is_service_unit {
        active.is_service_unit = Set(s);
    }
    if let Some(parent) = body.parent_id {
        require_parent(txn, parent).await?;
        if let Some(p) = parent {
            if kinerja_domain::tree::would_cycle(id, p, &parent_map(txn).await?) {
                return Err(ApiError::Conflict(
                    "unit tidak dapat dipindahkan ke bawah dirinya sendiri atau unit turunannya".into(),
                ));
            }
        }
        active.parent_id = Set(parent);
    }
    active.updated_at = Set(Utc::now());
    let unit = active.update(txn).await.on_conflict("kode unit sudah dipakai")?;
    let after = to_wire(&unit);
    audit::record(txn, actor, Change::new("unit.update", "unit", id).before(&before).after(&after)).await?;
    Ok(after)
}
