use kinerja_domain::UnitKind;
use serde::{Deserialize, Serialize};
use validator::Validate;

/// A unit of the Pemda tree.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Unit {
    pub id: i64,
    /// Short code, unique in the Pemda (used in survey URLs).
    pub code: String,
    pub name: String,
    pub parent_id: Option<i64>,
    pub kind: UnitKind,
    /// Whether citizens can survey this unit and complain about it.
    pub is_service_unit: bool,
    /// Dissolved in a reorganisation (kept for history): nobody should still work in it.
    #[serde(default = "yes")]
    pub active: bool,
}

fn yes() -> bool {
    true
}

/// Body of `POST /api/v1/units`.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewUnit {
    #[validate(length(min = 1, max = 32, message = "kode 1-32 karakter"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 32))]
    pub code: String,
    #[validate(length(min = 1, max = 200, message = "nama 1-200 karakter"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 200))]
    pub name: String,
    pub parent_id: Option<i64>,
    pub kind: UnitKind,
    #[serde(default)]
    pub is_service_unit: bool,
}

/// Body of `PATCH /api/v1/units/{id}`: only the fields given change. `parent_id: null` makes
/// the unit a root.
#[derive(Debug, Clone, Default, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct UnitPatch {
    #[validate(length(min = 1, max = 32, message = "kode 1-32 karakter"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 32))]
    pub code: Option<String>,
    #[validate(length(min = 1, max = 200, message = "nama 1-200 karakter"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 200))]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none", with = "crate::serde_opt")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<i64>))]
    pub parent_id: Option<Option<i64>>,
    pub kind: Option<UnitKind>,
    pub is_service_unit: Option<bool>,
    pub active: Option<bool>,
}
