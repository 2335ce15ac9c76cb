//! Counter kiosks: tablets a service unit registers to collect surveys at its counter, lists and
//! revokes (a lost or retired tablet).

use crate::audit::{self, Actor, Change};
use crate::auth::tokens::{digest, random_token};
use crate::entities::kiosks;
use crate::error::{ApiError, ApiResult};
use chrono::Utc;
use kinerja_types::{Kiosk, KioskCreated, NewKiosk};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseTransaction, EntityTrait, IntoActiveModel, QueryFilter,
    QueryOrder, Set,
};

/// Registers a kiosk of the unit (already validated, its registrar allowed); the token is in this answer only. Audited.
pub async fn register(
    txn: &DatabaseTransaction,
    actor: &Actor,
    user_id: i64,
    unit_id: i64,
    body: &NewKiosk,
) -> ApiResult<KioskCreated> {
    let token = format!("kiosk_{}", random_token(24));
    let row = kiosks::ActiveModel {
        unit_id: Set(unit_id),
        name: Set(body.name.trim().to_owned()),
        token_hash: Set(digest(&token)),
        created_by_user_id: Set(user_id),
        created_at: Set(Utc::now()),
        revoked_at: Set(None),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    audit::record(
        txn,
        actor,
        Change::new("kiosk.create", "kiosk", row.id)
            .after(&serde_json::json!({ "unit_id": unit_id, "name": row.name })),
    )
    .await?;
    Ok(KioskCreated { id: row.id, token })
}

/// The id of the unrevoked kiosk of the unit holding the token, else 403.
pub async fn of_unit(db: &impl ConnectionTrait, token: &str, unit_id: i64) -> ApiResult<i64> {
    kiosks::Entity::find()
        .filter(kiosks::Column::TokenHash.eq(digest(token.trim())))
        .filter(kiosks::Column::RevokedAt.is_null())
        .one(db)
        .await?
        .filter(|k| k.unit_id == unit_id)
        .map(|k| k.id)
        .ok_or_else(|| ApiError::Forbidden("token kiosk tidak berlaku untuk unit ini".into()))
}

/// A kiosk on the wire (never its token).
fn to_wire(k: &kiosks::Model) -> Kiosk {
    Kiosk { id: k.id, unit_id: k.unit_id, name: k.name.clone(), created_at: k.created_at, revoked_at: k.revoked_at }
}

/// The kiosks of the unit, newest first: one page and the total.
pub async fn list(db: &impl ConnectionTrait, unit_id: i64, offset: u64, limit: u64) -> ApiResult<(Vec<Kiosk>, u64)> {
    let select = kiosks::Entity::find()
        .filter(kiosks::Column::UnitId.eq(unit_id))
        .order_by_desc(kiosks::Column::CreatedAt)
        .order_by_desc(kiosks::Column::Id);
    let (rows, total) = crate::services::paging::fetch(db, select, offset, limit).await?;
    Ok((rows.iter().map(to_wire).collect(), total))
}

/// Revokes a kiosk of the unit (404 for a kiosk of another unit): its token stops at once. Revoking
/// a revoked kiosk changes nothing. Audited.
pub async fn revoke(txn: &DatabaseTransaction, actor: &Actor, unit_id: i64, kiosk_id: i64) -> ApiResult<()> {
    let k = kiosks::Entity::find_by_id(kiosk_id)
        .one(txn)
        .await?
        .filter(|k| k.unit_id == unit_id)
        .ok_or(ApiError::NotFound)?;
    if k.revoked_at.is_none() {
        let before = to_wire(&k);
        let mut active = k.into_active_model();
        active.revoked_at = Set(Some(Utc::now()));
        let row = active.update(txn).await?;
        audit::record(txn, actor, Change::new("kiosk.revoke", "kiosk", row.id).before(&before).after(&to_wire(&row)))
            .await?;
    }
    Ok(())
}
