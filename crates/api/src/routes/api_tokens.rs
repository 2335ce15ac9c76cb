//! API tokens for other systems (admin): created with a scope, shown once, stored hashed,
//! listed with their last use, revoked.

use crate::audit::{self, Change};
use crate::auth::api_token::{self, PREFIX};
use crate::auth::tokens::{digest, random_token};
use crate::entities::api_tokens;
use crate::error::{ApiError, ApiResult};
use crate::policy::{Capability, Viewer};
use crate::routes::list::{fetch_page, page, PageQuery};
use crate::state::AppState;
use actix_web::{delete, get, post, web, HttpResponse};
use chrono::Utc;
use kinerja_types::{ApiToken, ApiTokenCreated, NewApiToken, Page, Problem, TokenAccess};
use sea_orm::{ActiveModelTrait, EntityTrait, IntoActiveModel, QueryOrder, Set};
use validator::Validate;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(list_tokens).service(create_token).service(revoke_token);
}

/// Every API token, newest first, without secrets (admin).
#[utoipa::path(tag = "api-tokens", security(("bearer" = [])), params(PageQuery),
    responses((status = 200, body = Page<ApiToken>), (status = 403, body = Problem)))]
#[get("/api-tokens")]
pub async fn list_tokens(
    state: web::Data<AppState>,
    viewer: Viewer,
    paging: web::Query<PageQuery>,
) -> ApiResult<web::Json<Page<ApiToken>>> {
    viewer.require(Capability::Administer)?;
    let select = api_tokens::Entity::find().order_by_desc(api_tokens::Column::Id);
    let (rows, total) = fetch_page(&state.db, select, &paging).await?;
    Ok(web::Json(page(rows.iter().map(api_token::to_wire).collect(), total, &paging)))
}

/// Creates a token (admin). The secret is in this answer only; the server keeps its SHA-256.
#[utoipa::path(tag = "api-tokens", security(("bearer" = [])), request_body = NewApiToken,
    responses((status = 201, body = ApiTokenCreated), (status = 403, body = Problem), (status = 422, body = Problem)))]
#[post("/api-tokens")]
pub async fn create_token(
    state: web::Data<AppState>,
    viewer: Viewer,
    body: web::Json<NewApiToken>,
) -> ApiResult<HttpResponse> {
    viewer.require(Capability::Administer)?;
    body.validate()?;
    if body.access == TokenAccess::Write && body.routes.is_empty() {
        return Err(ApiError::field("routes", "token tulis wajib menyebut rute yang boleh ditulisnya"));
    }
    if let Some(bad) = body.routes.iter().find(|r| !r.starts_with("/api/v1/") || r.len() > 200) {
        return Err(ApiError::field("routes", format!("rute '{bad}' harus diawali /api/v1/")));
    }
    let txn = crate::db::begin(&state.db).await?;
    if let Some(unit) = body.unit_id {
        crate::services::units::visible(&txn, &viewer, unit)
            .await
            .map_err(|_| ApiError::field("unit_id", "unit tidak ditemukan"))?;
    }
    let secret = format!("{PREFIX}{}", random_token(32));
    let row = api_tokens::ActiveModel {
        name: Set(body.name.trim().to_owned()),
        token_hash: Set(digest(&secret)),
        prefix: Set(secret.chars().take(12).collect()),
        access: Set(if body.access == TokenAccess::Write { "write" } else { "read" }.to_owned()),
        unit_id: Set(body.unit_id),
        routes: Set(serde_json::to_string(&body.routes).map_err(|e| ApiError::Internal(e.into()))?),
        created_by_user_id: Set(viewer.user_id),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    let wire = api_token::to_wire(&row);
    audit::record(&txn, &viewer.actor(), Change::new("api_token.create", "api_token", row.id).after(&wire)).await?;
    txn.commit().await?;
    Ok(HttpResponse::Created().json(ApiTokenCreated { id: row.id, token: secret, name: row.name, prefix: row.prefix }))
}

/// Revokes a token at once (admin); it cannot be used again.
#[utoipa::path(tag = "api-tokens", security(("bearer" = [])), params(("id" = i64, Path)),
    responses((status = 204), (status = 403, body = Problem), (status = 404, body = Problem)))]
#[delete("/api-tokens/{id}")]
pub async fn revoke_token(state: web::Data<AppState>, viewer: Viewer, id: web::Path<i64>) -> ApiResult<HttpResponse> {
    viewer.require(Capability::Administer)?;
    let txn = crate::db::begin(&state.db).await?;
    let t = api_tokens::Entity::find_by_id(id.into_inner()).one(&txn).await?.ok_or(ApiError::NotFound)?;
    if t.revoked_at.is_none() {
        let before = api_token::to_wire(&t);
        let mut active = t.into_active_model();
        active.revoked_at = Set(Some(Utc::now()));
        let row = active.update(&txn).await?;
        let after = api_token::to_wire(&row);
        audit::record(
            &txn,
            &viewer.actor(),
            Change::new("api_token.revoke", "api_token", row.id).before(&before).after(&after),
        )
        .await?;
    }
    txn.commit().await?;
    Ok(HttpResponse::NoContent().finish())
}
