//! User accounts (admin): who can sign in, with which roles.

use crate::audit::{self, Change};
use crate::auth::password;
use crate::entities::users;
use crate::error::{ApiError, ApiResult};
use crate::policy::{Capability, Viewer};
use crate::routes::list::{fetch_page, page, respond, PageQuery};
use crate::services::accounts::{create, to_wire};
use crate::state::AppState;
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use chrono::Utc;
use kinerja_domain::Password;
use kinerja_types::{NewUser, PasswordReset, Problem, User};
use sea_orm::{ActiveModelTrait, EntityTrait, IntoActiveModel, QueryOrder, Set};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(list_users).service(create_user).service(reset_password);
}

/// User accounts (admin).
#[utoipa::path(tag = "users", security(("bearer" = [])), params(PageQuery),
    responses((status = 200, body = kinerja_types::Page<User>), (status = 403, body = Problem)))]
#[get("/users")]
pub async fn list_users(
    req: HttpRequest,
    state: web::Data<AppState>,
    viewer: Viewer,
    paging: web::Query<PageQuery>,
) -> ApiResult<HttpResponse> {
    viewer.require(Capability::Administer)?;
    let select = users::Entity::find().order_by_asc(users::Column::Username);
    let (rows, total) = fetch_page(&state.db, select, &paging).await?;
    respond(&req, &paging, page(rows.iter().map(to_wire).collect(), total, &paging), "pengguna")
}

/// Creates a user account (admin). Roles: `admin`, `auditor`, `kepala_unit` and
/// `operator_layanan` (both need `unit_id`); none for a plain employee.
#[utoipa::path(tag = "users", security(("bearer" = [])), request_body = NewUser,
    responses((status = 201, body = User), (status = 403, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
#[post("/users")]
pub async fn create_user(
    state: web::Data<AppState>,
    viewer: Viewer,
    body: web::Json<NewUser>,
) -> ApiResult<HttpResponse> {
    viewer.require(Capability::Administer)?;
    let user = create(&state.db, &viewer.actor(), &body).await?;
    Ok(HttpResponse::Created().json(user))
}

/// Sets a temporary password (admin): the user must change it at the next sign-in, and every
/// session of theirs ends now.
#[utoipa::path(tag = "users", security(("bearer" = [])), params(("id" = i64, Path)), request_body = PasswordReset,
    responses((status = 204), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
#[post("/users/{id}/reset-password")]
pub async fn reset_password(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<i64>,
    body: web::Json<PasswordReset>,
) -> ApiResult<HttpResponse> {
    viewer.require(Capability::Administer)?;
    let txn = crate::db::begin(&state.db).await?;
    let user = users::Entity::find_by_id(id.into_inner()).one(&txn).await?.ok_or(ApiError::NotFound)?;
    let pw = Password::parse(&body.new_password, &user.username)
        .map_err(|e| ApiError::field("new_password", e.to_string()))?;
    let user_id = user.id;
    let mut active = user.into_active_model();
    active.password_hash = Set(password::hash(pw.expose())?);
    active.must_change_password = Set(true);
    active.updated_at = Set(Utc::now());
    active.update(&txn).await?;
    crate::auth::sessions::revoke_all(&txn, user_id).await?;
    audit::record(&txn, &viewer.actor(), Change::new("user.password_reset", "user", user_id)).await?;
    txn.commit().await?;
    crate::services::identity::forget(&state.identities, user_id).await;
    Ok(HttpResponse::NoContent().finish())
}
