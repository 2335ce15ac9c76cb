//! API tokens for other systems (admin): created with a scope, shown once, stored hashed,
//! listed with their last use, revoked.

use crate::error::{ApiError, ApiResult};
use crate::policy::{Capability, Viewer};
use crate::routes::list::{page, PageQuery};
use crate::services::api_tokens;
use crate::state::AppState;
use actix_web::{delete, get, post, web, HttpResponse};
use kinerja_types::Invalid;
use kinerja_types::{ApiToken, ApiTokenCreated, NewApiToken, Page, Problem};
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
    let (items, total) = api_tokens::list(&state.db, paging.offset(), paging.per_page()).await?;
    Ok(web::Json(page(items, total, &paging)))
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
    api_tokens::check(&body)?;
    let txn = crate::db::begin(&state.db).await?;
    if let Some(unit) = body.unit_id {
        crate::services::units::visible(&txn, &viewer, unit)
            .await
            .map_err(|_| ApiError::field("unit_id", Invalid::UnitNotFound))?;
    }
    let created = api_tokens::create(&txn, &viewer.actor(), viewer.user_id, &body).await?;
    txn.commit().await?;
    Ok(HttpResponse::Created().json(created))
}

/// Revokes a token at once (admin); it cannot be used again.
#[utoipa::path(tag = "api-tokens", security(("bearer" = [])), params(("id" = i64, Path)),
    responses((status = 204), (status = 403, body = Problem), (status = 404, body = Problem)))]
#[delete("/api-tokens/{id}")]
pub async fn revoke_token(state: web::Data<AppState>, viewer: Viewer, id: web::Path<i64>) -> ApiResult<HttpResponse> {
    viewer.require(Capability::Administer)?;
    api_tokens::revoke(&state.db, &viewer.actor(), id.into_inner()).await?;
    Ok(HttpResponse::NoContent().finish())
}
