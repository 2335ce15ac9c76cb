//! User accounts (admin): who can sign in, with which roles.

use crate::error::ApiResult;
use crate::policy::{Capability, Viewer};
use crate::routes::list::{page, respond, PageQuery};
use crate::services::accounts;
use crate::state::AppState;
use actix_web::{get, patch, post, web, HttpRequest, HttpResponse};
use kinerja_types::{NewAccount, NewUser, PasswordReset, Problem, TemporaryPassword, User, UserFilter, UserPatch};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(list_users)
        .service(create_user)
        .service(update_user)
        .service(reset_password)
        .service(temporary_password)
        .service(create_employee_account);
}

/// User accounts (admin); `employee_id` finds an employee's account.
#[utoipa::path(tag = "users", security(("bearer" = [])), params(UserFilter, PageQuery),
    responses((status = 200, body = kinerja_types::Page<User>), (status = 403, body = Problem)))]
#[get("/users")]
pub async fn list_users(
    req: HttpRequest,
    state: web::Data<AppState>,
    viewer: Viewer,
    filter: web::Query<UserFilter>,
    paging: web::Query<PageQuery>,
) -> ApiResult<HttpResponse> {
    viewer.require(Capability::Administer)?;
    let (items, total) = accounts::list(&state.db, &filter, paging.offset(), paging.per_page()).await?;
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

/// Deactivates an account (`{"active": false}`: every session of it ends at once) or lets it sign
/// in again (admin). An admin cannot deactivate their own account (409).
#[utoipa::path(tag = "users", security(("bearer" = [])), params(("id" = i64, Path)), request_body = UserPatch,
    responses((status = 200, body = User), (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem)))]
#[patch("/users/{id}")]
pub async fn update_user(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<i64>,
    body: web::Json<UserPatch>,
) -> ApiResult<HttpResponse> {
    viewer.require(Capability::Administer)?;
    let user_id = id.into_inner();
    let user = match body.active {
        Some(active) => accounts::set_active(&state.db, &viewer.actor(), user_id, active).await?,
        None => accounts::get(&state.db, user_id).await?,
    };
    crate::services::identity::forget(&state.identities, user_id).await;
    Ok(HttpResponse::Ok().json(user))
}

/// Sets a temporary password that the server makes and answers this once (admin): for the person
/// who forgot theirs. They must change it at the next sign-in; every session of theirs ends now.
#[utoipa::path(tag = "users", security(("bearer" = [])), params(("id" = i64, Path)),
    responses((status = 200, body = TemporaryPassword), (status = 403, body = Problem), (status = 404, body = Problem)))]
#[post("/users/{id}/temporary-password")]
pub async fn temporary_password(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<i64>,
) -> ApiResult<HttpResponse> {
    viewer.require(Capability::Administer)?;
    let user_id = id.into_inner();
    let answer = accounts::temporary_password(&state.db, &viewer.actor(), user_id).await?;
    crate::services::identity::forget(&state.identities, user_id).await;
    Ok(HttpResponse::Ok().json(answer))
}

/// Creates an employee's sign-in account with a temporary password that the server makes and
/// answers this once (admin). The name is the NIP unless `username` is given; the person must
/// change the password at the first sign-in. 409 when the employee already has an account.
#[utoipa::path(tag = "users", security(("bearer" = [])), params(("id" = i64, Path)), request_body = NewAccount,
    responses((status = 201, body = TemporaryPassword), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 409, body = Problem), (status = 422, body = Problem)))]
#[post("/employees/{id}/account")]
pub async fn create_employee_account(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<i64>,
    body: web::Json<NewAccount>,
) -> ApiResult<HttpResponse> {
    viewer.require(Capability::Administer)?;
    let answer = accounts::create_for_employee(&state.db, &viewer.actor(), id.into_inner(), &body).await?;
    Ok(HttpResponse::Created().json(answer))
}
