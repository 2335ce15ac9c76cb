//! `GET /me`: the signed-in user; `POST /me/password`: changing one's own password.

use crate::audit::{self, Change};
use crate::auth::{password, sessions};
use crate::entities::users;
use crate::error::{ApiError, ApiResult};
use crate::policy::Viewer;
use crate::routes::employees::to_wire;
use crate::services::identity;
use crate::state::AppState;
use actix_web::{get, post, web, HttpResponse};
use chrono::Utc;
use kinerja_domain::Password;
use kinerja_types::{Me, PasswordChange, Problem};
use sea_orm::{ActiveModelTrait, EntityTrait, IntoActiveModel, Set};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(me).service(change_password);
}

/// The signed-in user, its roles and its employee record.
#[utoipa::path(tag = "auth", security(("bearer" = [])), responses((status = 200, body = Me), (status = 401, body = Problem)))]
#[get("/me")]
pub async fn me(viewer: Viewer) -> ApiResult<web::Json<Me>> {
    let profile = viewer.profile().ok_or_else(ApiError::forbidden)?;
    let user = &profile.user;
    let employee = profile.employee.as_ref().map(to_wire);
    Ok(web::Json(Me {
        id: user.id,
        display_name: employee.as_ref().map(|e| e.name.clone()).unwrap_or_else(|| user.username.clone()),
        username: user.username.clone(),
        roles: viewer.roles().to_vec(),
        unit_id: user.unit_id,
        employee,
        is_supervisor: profile.is_supervisor,
        is_team_member: profile.is_team_member,
        supervisor_name: profile.supervisor_name.clone(),
        must_change_password: user.must_change_password,
    }))
}

/// Changes the caller's password: the current one must be right and the new one must meet the
/// policy and differ from it. Every other session ends; a forced change is cleared.
#[utoipa::path(tag = "auth", security(("bearer" = [])), request_body = PasswordChange,
    responses((status = 204), (status = 401, body = Problem), (status = 422, body = Problem)))]
#[post("/me/password")]
pub async fn change_password(
    state: web::Data<AppState>,
    viewer: Viewer,
    body: web::Json<PasswordChange>,
) -> ApiResult<HttpResponse> {
    if viewer.token_id.is_some() {
        return Err(ApiError::forbidden());
    }
    let txn = crate::db::begin(&state.db).await?;
    let user = users::Entity::find_by_id(viewer.user_id).one(&txn).await?.ok_or(ApiError::NotFound)?;
    if !password::verify(&body.current_password, &user.password_hash) {
        return Err(ApiError::field("current_password", "kata sandi saat ini salah"));
    }
    let new = Password::parse(&body.new_password, &user.username)
        .map_err(|e| ApiError::field("new_password", e.to_string()))?;
    if body.new_password == body.current_password {
        return Err(ApiError::field("new_password", "kata sandi baru harus berbeda dari yang lama"));
    }
    let id = user.id;
    let mut active = user.into_active_model();
    active.password_hash = Set(password::hash(new.expose())?);
    active.must_change_password = Set(false);
    active.updated_at = Set(Utc::now());
    active.update(&txn).await?;
    sessions::revoke_all(&txn, id).await?;
    audit::record(&txn, &viewer.actor(), Change::new("user.password_change", "user", id)).await?;
    txn.commit().await?;
    identity::forget(&state.identities, id).await;
    Ok(HttpResponse::NoContent().finish())
}
