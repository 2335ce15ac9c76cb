//! User accounts (admin): who can sign in, with which roles.

use crate::error::ApiResult;
use crate::policy::{Capability, Viewer};
use crate::routes::list::{page, respond, PageQuery};
use crate::services::accounts;
use crate::state::AppState;
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use kinerja_types::{NewUser, PasswordReset, Problem, User};

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
    let (items, total) = accounts::list(&state.db, paging.offset(), paging.per_page()).await?;
    respond(&req, &paging, page(items, total, &paging), "pengguna")
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
    let user = accounts::create(&state.db, &viewer.actor(), &body).await?;
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
    let user_id = id.into_inner();
    accounts::reset_password(&state.db, &viewer.actor(), user_id, &body.new_password).await?;
    crate::services::identity::forget(&state.identities, user_id).await;
    Ok(HttpResponse::NoContent().finish())
}
