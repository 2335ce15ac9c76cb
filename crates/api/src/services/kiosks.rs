//! Counter kiosks: tablets a service unit registers to collect surveys at its counter.

use crate::audit::{self, Actor, Change};
use crate::auth::tokens::{digest, random_token};
use crate::entities::kiosks;
use crate::error::{ApiError, ApiResult};
use chrono::Utc;
use kinerja_types::{KioskCreated, NewKiosk};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseTransaction, EntityTrait, QueryFilter, Set};

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
