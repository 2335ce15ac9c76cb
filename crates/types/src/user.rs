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
