//! User accounts (admin): who can sign in, with which roles.

use crate::audit::{self, Change};
use crate::auth::password;
use crate::entities::{employees, units, users};
use crate::error::{ApiError, ApiResult, ConflictExt};
use crate::policy::{parse_roles, Capability, Viewer};
use crate::routes::list::{fetch_page, page, respond, PageQuery};
use crate::state::AppState;
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use chrono::Utc;
use kinerja_domain::Password;
use kinerja_types::{NewUser, PasswordReset, Problem, User};
use sea_orm::{ActiveModelTrait, ConnectionTrait, DatabaseConnection, EntityTrait, IntoActiveModel, QueryOrder, Set};
use validator::Validate;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(list_users).service(create_user).service(reset_password);
}

pub fn to_wire(u: &users::Model) -> User {
    User {
        id: u.id,
        username: u.username.clone(),
        roles: parse_roles(&u.roles),
        employee_id: u.employee_id,
        unit_id: u.unit_id,
        active: u.active,
    }
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

/// Creates a user account, checking the password policy and what each role needs.
pub async fn create(db: &DatabaseConnection, actor: &audit::Actor, body: &NewUser) -> ApiResult<User> {
    body.validate()?;
    let username = body.username.trim().to_lowercase();
    if !username.chars().all(|c| c.is_ascii_alphanumeric() || "._-".contains(c)) {
        return Err(ApiError::field("username", "hanya huruf, angka, titik, garis bawah dan tanda hubung"));
    }
    let pw = Password::parse(&body.password, &username).map_err(|e| ApiError::field("password", e.to_string()))?;
    let mut roles = body.roles.clone();
    roles.sort_by_key(|r| r.as_str());
    roles.dedup();
    let txn = crate::db::begin(db).await?;
    if roles.iter().any(|r| r.needs_unit()) {
        let Some(unit) = body.unit_id else {
            return Err(ApiError::field("unit_id", "peran kepala_unit dan operator_layanan memerlukan unit_id"));
        };
        require_exists::<units::Entity>(&txn, unit, "unit_id").await?;
    } else if let Some(unit) = body.unit_id {
        require_exists::<units::Entity>(&txn, unit, "unit_id").await?;
    }
    if let Some(e) = body.employee_id {
        require_exists::<employees::Entity>(&txn, e, "employee_id").await?;
    }
    let hash = password::hash(pw.expose())?;
    let now = Utc::now();
    let names: Vec<&str> = roles.iter().map(|r| r.as_str()).collect();
    let user = users::ActiveModel {
        username: Set(username),
        password_hash: Set(hash),
        roles: Set(serde_json::to_string(&names).unwrap_or_else(|_| "[]".into())),
        employee_id: Set(body.employee_id),
        unit_id: Set(body.unit_id),
        active: Set(true),
        must_change_password: Set(false),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await
    .on_conflict("nama pengguna sudah dipakai, atau pegawai ini sudah memiliki akun")?;
    let wire = to_wire(&user);
    audit::record(&txn, actor, Change::new("user.create", "user", user.id).after(&wire)).await?;
    txn.commit().await?;
    Ok(wire)
}

async fn require_exists<E>(db: &impl ConnectionTrait, id: i64, field: &str) -> ApiResult<()>
where
    E: sea_orm::EntityTrait,
    <E::PrimaryKey as sea_orm::PrimaryKeyTrait>::ValueType: From<i64>,
{
    if E::find_by_id(id).one(db).await?.is_none() {
        return Err(ApiError::field(field, format!("{id} tidak ada")));
    }
    Ok(())
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
