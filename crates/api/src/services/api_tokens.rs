//! API tokens for other systems: created with a scope and shown once, stored hashed, listed with
//! their last use, revoked.

use crate::audit::{self, Actor, Change};
use crate::auth::api_token::{self, PREFIX};
use crate::auth::tokens::{digest, random_token};
use crate::entities::api_tokens;
use crate::error::{ApiError, ApiResult};
use chrono::Utc;
use kinerja_types::{ApiToken, ApiTokenCreated, NewApiToken, TokenAccess};
use kinerja_types::{Invalid, Issue};
use sea_orm::{ActiveModelTrait, DatabaseConnection, EntityTrait, IntoActiveModel, QueryOrder, Set};

/// Tokens, newest first: one page and the total.
pub async fn list(db: &DatabaseConnection, offset: u64, limit: u64) -> ApiResult<(Vec<ApiToken>, u64)> {
    let select = api_tokens::Entity::find().order_by_desc(api_tokens::Column::Id);
    let (rows, total) = super::paging::fetch(db, select, offset, limit).await?;
    Ok((rows.iter().map(api_token::to_wire).collect(), total))
}

/// Checks what a token may do: a writing token names its routes, and every route is under the API.
pub fn check(body: &NewApiToken) -> ApiResult<()> {
    if body.access == TokenAccess::Write && body.routes.is_empty() {
        return Err(ApiError::field("routes", Invalid::WriteTokenRoutes));
    }
    if let Some(bad) =
        body.routes.iter().find(|r| !r.starts_with("/api/v1/") || r.len() > 200 || r.contains(['%', '?', '#']))
    {
        return Err(ApiError::field("routes", Issue::new(Invalid::RouteNotApi).with("route", bad)));
    }
    Ok(())
}

/// Creates a token (already checked, its unit visible to the creator). Audited.
pub async fn create(
    txn: &sea_orm::DatabaseTransaction,
    actor: &Actor,
    created_by: i64,
    body: &NewApiToken,
) -> ApiResult<ApiTokenCreated> {
    let secret = format!("{PREFIX}{}", random_token(32));
    let row = api_tokens::ActiveModel {
        name: Set(body.name.trim().to_owned()),
        token_hash: Set(digest(&secret)),
        prefix: Set(secret.chars().take(12).collect()),
        access: Set(if body.access == TokenAccess::Write { "write" } else { "read" }.to_owned()),
        unit_id: Set(body.unit_id),
        routes: Set(serde_json::to_string(&body.routes).map_err(|e| ApiError::Internal(e.into()))?),
        created_by_user_id: Set(created_by),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    let wire = api_token::to_wire(&row);
    audit::record(txn, actor, Change::new("api_token.create", "api_token", row.id).after(&wire)).await?;
    Ok(ApiTokenCreated { id: row.id, token: secret, name: row.name, prefix: row.prefix })
}

/// Revokes a token at once (404 when there is none); revoking twice changes nothing. Audited.
pub async fn revoke(db: &DatabaseConnection, actor: &Actor, id: i64) -> ApiResult<()> {
    let txn = crate::db::begin(db).await?;
    let t = api_tokens::Entity::find_by_id(id).one(&txn).await?.ok_or(ApiError::NotFound)?;
    if t.revoked_at.is_none() {
        let before = api_token::to_wire(&t);
        let mut active = t.into_active_model();
        active.revoked_at = Set(Some(Utc::now()));
        let row = active.update(&txn).await?;
        let after = api_token::to_wire(&row);
        audit::record(&txn, actor, Change::new("api_token.revoke", "api_token", row.id).before(&before).after(&after))
            .await?;
    }
    txn.commit().await?;
    Ok(())
}
