//! `POST /auth/login`, `/auth/refresh`, `/auth/logout`.

use crate::auth::sessions;
use crate::error::ApiResult;
use crate::policy::Viewer;
use crate::state::AppState;
use actix_web::{post, web, HttpRequest, HttpResponse};
use kinerja_types::{LoginRequest, LogoutRequest, Problem, RefreshRequest, TokenPair};
use validator::Validate;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(login).service(refresh).service(logout);
}

/// Signs in with a username and password. Unknown user and wrong password give the same 401;
/// after 5 failures for one username from one address within 15 minutes (or 30 from one
/// address, or 20 for one username from unknown addresses), 429 with `Retry-After`; 503 with
/// `Retry-After` while the server's password hashing is saturated.
#[utoipa::path(tag = "auth", request_body = LoginRequest, responses(
    (status = 200, body = TokenPair),
    (status = 401, body = Problem), (status = 422, body = Problem), (status = 429, body = Problem),
    (status = 503, body = Problem)))]
#[post("/auth/login")]
pub async fn login(
    req: HttpRequest,
    state: web::Data<AppState>,
    body: web::Json<LoginRequest>,
) -> ApiResult<web::Json<TokenPair>> {
    body.validate()?;
    let address = crate::services::rate_limit::client_key(&req);
    Ok(web::Json(sessions::sign_in(&state, &body.username, &body.password, &address).await?))
}

/// Exchanges a refresh token for a new pair; the presented token stops working. Presenting an
/// already used token ends every session of the user.
#[utoipa::path(tag = "auth", request_body = RefreshRequest, responses((status = 200, body = TokenPair), (status = 401, body = Problem)))]
#[post("/auth/refresh")]
pub async fn refresh(state: web::Data<AppState>, body: web::Json<RefreshRequest>) -> ApiResult<web::Json<TokenPair>> {
    let (_, pair) = sessions::rotate(&state, body.refresh_token.trim()).await?;
    Ok(web::Json(pair))
}

/// Revokes the given refresh token of the signed-in user.
#[utoipa::path(tag = "auth", request_body = LogoutRequest, security(("bearer" = [])),
    responses((status = 204), (status = 401, body = Problem)))]
#[post("/auth/logout")]
pub async fn logout(
    state: web::Data<AppState>,
    viewer: Viewer,
    body: web::Json<LogoutRequest>,
) -> ApiResult<HttpResponse> {
    sessions::revoke(&state.db, viewer.user_id, body.refresh_token.trim()).await?;
    if let Some(session) = viewer.session {
        sessions::end(&state.db, viewer.user_id, session).await?;
    }
    crate::services::identity::forget(&state.identities, viewer.user_id).await;
    Ok(HttpResponse::NoContent().finish())
}
