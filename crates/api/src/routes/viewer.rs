//! `Viewer` as a handler parameter: the bearer token must be a valid access token of an active
//! user, or a live API token (`knj_…`) used within its scope, otherwise 401 (403 outside scope).
//! Scopes are compared with the matched route pattern, so an encoded path reaches nothing more.

use crate::auth::api_token;
use crate::error::ApiError;
use crate::policy::Viewer;
use crate::services::identity;
use crate::state::AppState;
use actix_web::{dev::Payload, http::header, web, FromRequest, HttpMessage, HttpRequest};
use futures_util::future::LocalBoxFuture;
use std::sync::Arc;

/// What a user with a temporary password may still call: who am I, change it, sign out.
const PASSWORD_CHANGE_PATHS: &[&str] = &["/api/v1/me", "/api/v1/me/password", "/api/v1/auth/logout"];

impl FromRequest for Viewer {
    type Error = ApiError;
    type Future = LocalBoxFuture<'static, Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        // Computed once per request: a second `Viewer` parameter (or a guard) reuses it.
        if let Some(known) = req.extensions().get::<Viewer>().cloned() {
            return Box::pin(async move { Ok(known) });
        }
        let req = req.clone();
        let state = req.app_data::<web::Data<AppState>>().cloned();
        let method = req.method().clone();
        // Authorization asks which route the router chose (`/api/v1/me`), never the raw path,
        // which may be percent-encoded (`/api/v1/m%65`) or otherwise spelt differently.
        let Some(path) = req.match_pattern() else {
            return Box::pin(async { Err(ApiError::NotFound) });
        };
        let token = req
            .headers()
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer ").or_else(|| v.strip_prefix("bearer ")))
            .map(|t| t.trim().to_owned());
        Box::pin(async move {
            let state = state.ok_or_else(|| ApiError::Internal(anyhow::anyhow!("state missing")))?;
            let unauthorized = || ApiError::Unauthorized("Token akses tidak ada, tidak valid, atau kedaluwarsa".into());
            let token = token.ok_or_else(unauthorized)?;
            if token.starts_with(api_token::PREFIX) {
                let t = api_token::check(&state.db, &token, &method, &path).await?;
                let role = Viewer::system_role(t.unit_id);
                let scope = identity::scope_of(&state.db, &[role], None, t.unit_id).await?;
                let viewer = Viewer::system(t.id, &t.name, t.created_by_user_id, t.unit_id, Arc::new(scope));
                req.extensions_mut().insert(viewer.clone());
                return Ok(viewer);
            }
            let (user_id, session) = state.keys.verify(&token).ok_or_else(unauthorized)?;
            let (mut profile, mut scope) =
                identity::of_user(&state.identities, &state.db, user_id).await?.ok_or_else(unauthorized)?;
            // A signed-out session's tokens stop here (within the identity cache's few seconds). A
            // session the cached identity does not know may have begun since (here or on another
            // replica): one indexed read tells; only then is the identity read afresh. An ended
            // session's token costs that one read and leaves the cache alone.
            if !profile.sessions.contains(&session) {
                if !identity::session_is_live(&state.db, user_id, session).await? {
                    return Err(unauthorized());
                }
                identity::forget(&state.identities, user_id).await;
                (profile, scope) =
                    identity::of_user(&state.identities, &state.db, user_id).await?.ok_or_else(unauthorized)?;
                if !profile.sessions.contains(&session) {
                    return Err(unauthorized());
                }
            }
            if profile.user.must_change_password && !PASSWORD_CHANGE_PATHS.contains(&path.as_str()) {
                return Err(ApiError::Forbidden(
                    "kata sandi sementara: ganti kata sandi Anda dulu (POST /api/v1/me/password)".into(),
                ));
            }
            let viewer = Viewer::person(profile, scope, session);
            req.extensions_mut().insert(viewer.clone());
            Ok(viewer)
        })
    }
}
