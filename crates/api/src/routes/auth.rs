//! `POST /auth/login`, `/auth/refresh`, `/auth/logout`; `/auth/forgot` and `/auth/reset` for a
//! forgotten password.

use crate::auth::sessions;
use crate::error::ApiResult;
use crate::policy::Viewer;
use crate::state::AppState;
use actix_web::{post, web, HttpRequest, HttpResponse};
use kinerja_types::{ForgotPassword, LoginRequest, LogoutRequest, Problem, RefreshRequest, ResetWithLink, TokenPair};
use validator::Validate;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(login).service(refresh).service(logout).service(forgot).service(reset);
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

/// "Lupa kata sandi?": sends a link to set a new password to the e-mail address or WhatsApp number
/// the account verified. Always 202 (it tells no one whether the account exists or can be
/// reached); 429 for too many requests from one address.
#[utoipa::path(tag = "auth", request_body = ForgotPassword, responses(
    (status = 202), (status = 422, body = Problem), (status = 429, body = Problem)))]
#[post("/auth/forgot")]
pub async fn forgot(
    req: HttpRequest,
    state: web::Data<AppState>,
    body: web::Json<ForgotPassword>,
) -> ApiResult<HttpResponse> {
    body.validate()?;
    let address = crate::services::rate_limit::client_key(&req);
    crate::services::password_reset::request(&state.db, &body.username, &address).await?;
    Ok(HttpResponse::Accepted().finish())
}

/// Sets a new password with the link's secret (once, within 30 minutes); every session of the
/// account ends. 422 for a link that no longer works or a password the policy refuses.
#[utoipa::path(tag = "auth", request_body = ResetWithLink, responses(
    (status = 204), (status = 422, body = Problem)))]
#[post("/auth/reset")]
pub async fn reset(state: web::Data<AppState>, body: web::Json<ResetWithLink>) -> ApiResult<HttpResponse> {
    body.validate()?;
    let user = crate::services::password_reset::reset(&state.db, &body.token, &body.new_password).await?;
    // Its sessions ended: the identities kept for a few seconds go now.
    crate::services::identity::forget(&state.identities, user).await;
    Ok(HttpResponse::NoContent().finish())
}
