//! Sign-in accounts: creating one with its roles, unit and employee record.

use crate::audit::{self, Change};
use crate::auth::password;
use crate::entities::{employees, units, users};
use crate::error::{ApiError, ApiResult, ConflictExt};
use crate::policy::parse_roles;
use chrono::Utc;
use kinerja_domain::Password;
use kinerja_types::{Invalid, Issue};
use kinerja_types::{NewAccount, NewUser, TemporaryPassword, User, UserFilter};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, IntoActiveModel, QueryFilter,
    QueryOrder, Set,
};
use validator::Validate;

/// Creates a user account, checking the password policy and what each role needs.
pub async fn create(db: &DatabaseConnection, actor: &audit::Actor, body: &NewUser) -> ApiResult<User> {
    create_with(db, actor, body, false).await
}

/// [`create`], saying whether the password is a temporary one to change at the first sign-in.
async fn create_with(
    db: &DatabaseConnection,
    actor: &audit::Actor,
    body: &NewUser,
    temporary: bool,
) -> ApiResult<User> {
    body.validate()?;
    let username = body.username.trim().to_lowercase();
    if !username.chars().all(|c| c.is_ascii_alphanumeric() || "._-".contains(c)) {
        return Err(ApiError::field("username", Invalid::UsernameChars));
    }
    let pw = Password::parse(&body.password, &username).map_err(|e| ApiError::field("password", &e))?;
    let mut roles = body.roles.clone();
    roles.sort_by_key(|r| r.as_str());
    roles.dedup();
    // Hashed before the transaction, within the process-wide bound.
    let hash = password::hash_bounded(pw.expose()).await?;
    let txn = crate::db::begin(db).await?;
    if roles.iter().any(|r| r.needs_unit()) {
        let Some(unit) = body.unit_id else {
            return Err(ApiError::field("unit_id", Invalid::RoleNeedsUnit));
        };
        require_exists::<units::Entity>(&txn, unit, "unit_id").await?;
    } else if let Some(unit) = body.unit_id {
        require_exists::<units::Entity>(&txn, unit, "unit_id").await?;
    }
    if let Some(e) = body.employee_id {
        require_exists::<employees::Entity>(&txn, e, "employee_id").await?;
    }
    let now = Utc::now();
    let names: Vec<&str> = roles.iter().map(|r| r.as_str()).collect();
    let user = users::ActiveModel {
        username: Set(username),
        password_hash: Set(hash),
        roles: Set(serde_json::to_string(&names).unwrap_or_else(|_| "[]".into())),
        employee_id: Set(body.employee_id),
        unit_id: Set(body.unit_id),
        active: Set(true),
        must_change_password: Set(temporary),
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

pub async fn require_exists<E>(db: &impl ConnectionTrait, id: i64, field: &str) -> ApiResult<()>
where
    E: sea_orm::EntityTrait,
    <E::PrimaryKey as sea_orm::PrimaryKeyTrait>::ValueType: From<i64>,
{
    if E::find_by_id(id).one(db).await?.is_none() {
        return Err(ApiError::field(field, Issue::new(Invalid::IdMissing).with("id", id)));
    }
    Ok(())
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

/// One account.
pub async fn get(db: &DatabaseConnection, user_id: i64) -> ApiResult<User> {
    let user = users::Entity::find_by_id(user_id).one(db).await?.ok_or(ApiError::NotFound)?;
    Ok(to_wire(&user))
}

/// Accounts by username (only the employee's when the filter names one): one page and the total.
pub async fn list(
    db: &DatabaseConnection,
    filter: &UserFilter,
    offset: u64,
    limit: u64,
) -> ApiResult<(Vec<User>, u64)> {
    let mut select = users::Entity::find().order_by_asc(users::Column::Username);
    if let Some(employee) = filter.employee_id {
        select = select.filter(users::Column::EmployeeId.eq(employee));
    }
    let (rows, total) = super::paging::fetch(db, select, offset, limit).await?;
    Ok((rows.iter().map(to_wire).collect(), total))
}

/// A temporary password the server makes: five letters, a dash, five digits, from the alphabet
/// without look-alikes (`kinerja_domain::tracking_code::ALPHABET`), so it can be read out over the
/// phone or copied from paper. About 34 bits: enough for a password that must be changed at the
/// first sign-in, behind the sign-in throttle.
fn temporary_secret() -> String {
    use kinerja_domain::tracking_code::ALPHABET;
    use rand::Rng;
    let mut rng = rand::rng();
    let letters: Vec<u8> = ALPHABET.iter().copied().filter(u8::is_ascii_alphabetic).collect();
    let digits: Vec<u8> = ALPHABET.iter().copied().filter(u8::is_ascii_digit).collect();
    let mut pick = |from: &[u8]| char::from(from[rng.random_range(0..from.len())]);
    let head: String = (0..5).map(|_| pick(&letters)).collect();
    let tail: String = (0..5).map(|_| pick(&digits)).collect();
    format!("{head}-{tail}")
}

/// Creates the sign-in account of an employee (no roles: supervisor powers come from the org
/// data), named `body.username` or the NIP, with a temporary password the person must change at
/// the first sign-in. 409 when the employee has an account or the name is taken. Audited.
pub async fn create_for_employee(
    db: &DatabaseConnection,
    actor: &audit::Actor,
    employee_id: i64,
    body: &NewAccount,
) -> ApiResult<TemporaryPassword> {
    body.validate()?;
    let employee = employees::Entity::find_by_id(employee_id).one(db).await?.ok_or(ApiError::NotFound)?;
    let username = body.username.as_deref().map(str::trim).filter(|u| !u.is_empty()).unwrap_or(&employee.nip);
    let secret = temporary_secret();
    let user = create_with(
        db,
        actor,
        &NewUser {
            username: username.to_owned(),
            password: secret.clone(),
            roles: Vec::new(),
            employee_id: Some(employee_id),
            unit_id: None,
        },
        true,
    )
    .await?;
    Ok(TemporaryPassword { user, temporary_password: secret })
}

/// Sets a temporary password that the server makes (see [`reset_password`]) and answers it once.
pub async fn temporary_password(
    db: &DatabaseConnection,
    actor: &audit::Actor,
    user_id: i64,
) -> ApiResult<TemporaryPassword> {
    let secret = temporary_secret();
    reset_password(db, actor, user_id, &secret).await?;
    let user = users::Entity::find_by_id(user_id).one(db).await?.ok_or(ApiError::NotFound)?;
    Ok(TemporaryPassword { user: to_wire(&user), temporary_password: secret })
}

/// Deactivates an account (every session of it ends) or lets it sign in again. An admin cannot
/// deactivate their own account (409): someone must be left to undo it. Audited.
pub async fn set_active(db: &DatabaseConnection, actor: &audit::Actor, user_id: i64, active: bool) -> ApiResult<User> {
    let txn = crate::db::begin(db).await?;
    let user = users::Entity::find_by_id(user_id).one(&txn).await?.ok_or(ApiError::NotFound)?;
    if !active && actor.user_id == Some(user_id) {
        return Err(ApiError::Conflict("akun Anda sendiri tidak dapat dinonaktifkan".into()));
    }
    let before = to_wire(&user);
    let mut model = user.into_active_model();
    model.active = Set(active);
    model.updated_at = Set(Utc::now());
    let user = model.update(&txn).await?;
    if !active {
        crate::auth::sessions::end_others(&txn, user_id, None).await?;
    }
    let after = to_wire(&user);
    let action = if active { "user.activate" } else { "user.deactivate" };
    audit::record(&txn, actor, Change::new(action, "user", user_id).before(&before).after(&after)).await?;
    txn.commit().await?;
    Ok(after)
}

/// Sets a temporary password the user must change at the next sign-in, and ends every session of
/// theirs. Audited.
pub async fn reset_password(db: &DatabaseConnection, actor: &audit::Actor, user_id: i64, new: &str) -> ApiResult<()> {
    let user = users::Entity::find_by_id(user_id).one(db).await?.ok_or(ApiError::NotFound)?;
    let pw = Password::parse(new, &user.username).map_err(|e| ApiError::field("new_password", &e))?;
    let hash = password::hash_bounded(pw.expose()).await?;
    let txn = crate::db::begin(db).await?;
    store_password(&txn, actor, user_id, hash, true, None, "user.password_reset").await?;
    txn.commit().await?;
    Ok(())
}

/// Changes one's own password: the current one must be right, and the new one must meet the policy
/// and differ from it. Every other session ends; a forced change is cleared. Audited.
pub async fn change_password(
    db: &DatabaseConnection,
    actor: &audit::Actor,
    user_id: i64,
    current: &str,
    new: &str,
    session: Option<i64>,
) -> ApiResult<()> {
    let user = users::Entity::find_by_id(user_id).one(db).await?.ok_or(ApiError::NotFound)?;
    let pw = Password::parse(new, &user.username).map_err(|e| ApiError::field("new_password", &e))?;
    if new == current {
        return Err(ApiError::field("new_password", Invalid::PasswordUnchanged));
    }
    // Counted before the hash, like sign-in: a stolen session cannot guess the password.
    crate::auth::throttle::begin_password_check(db, user_id).await?;
    if !password::verify_bounded(current, Some(user.password_hash.clone())).await? {
        return Err(ApiError::field("current_password", Invalid::WrongCurrentPassword));
    }
    crate::auth::throttle::password_check_passed(db, user_id).await?;
    let hash = password::hash_bounded(pw.expose()).await?;
    let txn = crate::db::begin(db).await?;
    // The password verified above must still be the stored one (no change in between).
    let still = users::Entity::find_by_id(user_id).one(&txn).await?.ok_or(ApiError::NotFound)?;
    if still.password_hash != user.password_hash {
        return Err(ApiError::Conflict("kata sandi baru saja diganti; muat ulang dan coba lagi".into()));
    }
    store_password(&txn, actor, user_id, hash, false, session, "user.password_change").await?;
    txn.commit().await?;
    Ok(())
}

/// Stores a new password hash, says whether it must be changed at the next sign-in, ends every
/// session of the user but `keep_session` and records `action` in the audit log.
pub(crate) async fn store_password(
    txn: &sea_orm::DatabaseTransaction,
    actor: &audit::Actor,
    user_id: i64,
    hash: String,
    must_change: bool,
    keep_session: Option<i64>,
    action: &'static str,
) -> ApiResult<()> {
    let user = users::Entity::find_by_id(user_id).one(txn).await?.ok_or(ApiError::NotFound)?;
    let mut active = user.into_active_model();
    active.password_hash = Set(hash);
    active.must_change_password = Set(must_change);
    active.updated_at = Set(Utc::now());
    active.update(txn).await?;
    crate::auth::sessions::end_others(txn, user_id, keep_session).await?;
    audit::record(txn, actor, Change::new(action, "user", user_id)).await
}
