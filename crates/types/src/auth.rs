use kinerja_domain::{PositionKind, Role};
use serde::{Deserialize, Serialize};
use validator::Validate;

/// Credentials for `POST /api/v1/auth/login`.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LoginRequest {
    #[validate(length(min = 1, max = 64, message = "nama pengguna wajib diisi"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 64))]
    pub username: String,
    #[validate(length(min = 1, max = 128, message = "kata sandi wajib diisi"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 128))]
    pub password: String,
}

/// An access token and the refresh token that renews it.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TokenPair {
    pub access_token: String,
    pub refresh_token: String,
    /// Always `Bearer`.
    pub token_type: String,
    /// Seconds until the access token expires.
    pub expires_in: i64,
}

/// Body of `POST /api/v1/auth/refresh`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RefreshRequest {
    pub refresh_token: String,
}

/// Body of `POST /api/v1/auth/logout`: the refresh token to revoke.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LogoutRequest {
    pub refresh_token: String,
}

/// The signed-in user: `GET /api/v1/me`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Me {
    pub id: i64,
    pub username: String,
    pub roles: Vec<Role>,
    /// The unit a scoped role (`kepala_unit`, `operator_layanan`) applies to.
    pub unit_id: Option<i64>,
    /// The employee record of this user, if the user is an employee.
    pub employee: Option<crate::Employee>,
    /// The name to greet the user with: the employee's name, else the username.
    pub display_name: String,
    /// The direct supervisor's name and position, if any (an employee may not read the record itself).
    #[serde(default)]
    pub supervisor_name: Option<String>,
    /// Whether this user directly supervises anyone (acts as pejabat penilai).
    pub is_supervisor: bool,
    /// Whether this user sits on an active evaluation team (Tim Penilai Kinerja).
    #[serde(default)]
    pub is_team_member: bool,
    /// The user must choose a new password before doing anything else.
    pub must_change_password: bool,
}

impl Me {
    /// Whether the user holds `role`.
    pub fn has(&self, role: Role) -> bool {
        self.roles.contains(&role)
    }

    /// The position kind of the user's own employee record.
    pub fn position_kind(&self) -> Option<PositionKind> {
        self.employee.as_ref().map(|e| e.position_kind)
    }
}

/// Body of `POST /me/password`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PasswordChange {
    pub current_password: String,
    pub new_password: String,
}

/// Body of `POST /users/{id}/reset-password` (admin): a temporary password the user must change
/// at the next sign-in.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PasswordReset {
    pub new_password: String,
}

/// What waits for the signed-in person's decision: `GET /api/v1/me/waiting`, for the counts on
/// the home page, the menu and the bell.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Waiting {
    /// Activities submitted to them for verification.
    pub activities: u64,
    /// SKPs submitted to them for approval.
    pub skps: u64,
    /// Objections to ratings that they decide as atasan penilai.
    pub objections: u64,
}

impl Waiting {
    /// Everything together.
    pub fn total(&self) -> u64 {
        self.activities + self.skps + self.objections
    }
}

/// Body of `POST /auth/forgot`: the account whose password was forgotten.
#[derive(Debug, Clone, Serialize, Deserialize, validator::Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ForgotPassword {
    #[validate(length(min = 1, max = 64))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 64))]
    pub username: String,
}

/// Body of `POST /auth/reset`: the secret of the link received, and the new password.
#[derive(Debug, Clone, Serialize, Deserialize, validator::Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ResetWithLink {
    #[validate(length(min = 1, max = 128))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 128))]
    pub token: String,
    #[validate(length(max = 256))]
    #[cfg_attr(feature = "openapi", schema(max_length = 256))]
    pub new_password: String,
}
