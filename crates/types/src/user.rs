use kinerja_domain::Role;
use serde::{Deserialize, Serialize};
use validator::Validate;

/// A user account (without its password).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct User {
    pub id: i64,
    pub username: String,
    pub roles: Vec<Role>,
    pub employee_id: Option<i64>,
    pub unit_id: Option<i64>,
    pub active: bool,
}

/// Body of `POST /api/v1/users`. An empty role list makes a plain employee account.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewUser {
    #[validate(length(min = 3, max = 64, message = "nama pengguna 3-64 karakter"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 3, max_length = 64))]
    pub username: String,
    pub password: String,
    #[serde(default)]
    pub roles: Vec<Role>,
    pub employee_id: Option<i64>,
    /// Required for `kepala_unit` and `operator_layanan`: the root of their subtree.
    pub unit_id: Option<i64>,
}

/// Filters of `GET /api/v1/users`.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct UserFilter {
    /// Only the account of this employee (at most one).
    pub employee_id: Option<i64>,
}

/// Body of `POST /api/v1/employees/{id}/account`: a sign-in account for the employee, with a
/// temporary password that the server makes and shows once.
#[derive(Debug, Clone, Default, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewAccount {
    /// The sign-in name; the employee's NIP when absent.
    #[validate(length(min = 3, max = 64, message = "nama pengguna 3-64 karakter"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 3, max_length = 64))]
    pub username: Option<String>,
}

/// An account and the temporary password just set on it: shown this once, to be handed to the
/// person, who must change it at the first sign-in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TemporaryPassword {
    pub user: User,
    pub temporary_password: String,
}

/// Body of `PATCH /api/v1/users/{id}`: `active: false` deactivates the account (its sessions end
/// at once), `true` lets it sign in again.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct UserPatch {
    pub active: Option<bool>,
}
