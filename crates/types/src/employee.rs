use kinerja_domain::{EmploymentType, PositionKind, Sex};
use serde::{Deserialize, Serialize};
use validator::Validate;

/// An employee (ASN) with their current position.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Employee {
    pub id: i64,
    /// 18-digit NIP (PNS) or PPPK number.
    pub nip: String,
    pub name: String,
    pub unit_id: i64,
    pub position_title: String,
    pub position_kind: PositionKind,
    /// The direct supervisor (pejabat penilai).
    pub supervisor_id: Option<i64>,
    pub employment_type: EmploymentType,
    /// Their own work pattern (a code of the settings' `work_patterns`, e.g. a shift rota) over
    /// their unit's; none: the unit's.
    #[serde(default)]
    pub work_pattern: Option<String>,
    /// As the SK records it (the NIP encodes it too).
    #[serde(default)]
    pub birth_date: Option<chrono::NaiveDate>,
    /// `l` (laki-laki) or `p` (perempuan), as the SK records it (digit 15 of the NIP encodes it
    /// too).
    #[serde(default)]
    pub sex: Option<Sex>,
    /// Why the supervisor sits in another OPD (Plt, penugasan), when they do.
    #[serde(default)]
    pub supervisor_reason: Option<String>,
}

/// Body of `POST /api/v1/employees`.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewEmployee {
    pub nip: String,
    #[validate(length(min = 1, max = 200, message = "nama 1-200 karakter"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 200))]
    pub name: String,
    pub unit_id: i64,
    #[validate(length(min = 1, max = 200, message = "jabatan 1-200 karakter"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 200))]
    pub position_title: String,
    pub position_kind: PositionKind,
    pub supervisor_id: Option<i64>,
    #[serde(default = "default_employment")]
    pub employment_type: EmploymentType,
}

fn default_employment() -> EmploymentType {
    EmploymentType::Pns
}

/// Body of `PATCH /api/v1/employees/{id}`: only the fields given change;
/// `supervisor_id: null` removes the supervisor.
#[derive(Debug, Clone, Default, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EmployeePatch {
    #[validate(length(min = 1, max = 200, message = "nama 1-200 karakter"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 200))]
    pub name: Option<String>,
    pub unit_id: Option<i64>,
    #[validate(length(min = 1, max = 200, message = "jabatan 1-200 karakter"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 200))]
    pub position_title: Option<String>,
    pub position_kind: Option<PositionKind>,
    #[serde(default, skip_serializing_if = "Option::is_none", with = "crate::serde_opt")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<i64>))]
    pub supervisor_id: Option<Option<i64>>,
    /// Their own work pattern's code (`null`: back to the unit's).
    #[serde(default, skip_serializing_if = "Option::is_none", with = "crate::serde_opt")]
    #[validate(length(min = 1, max = 40, message = "kode pola kerja 1-40 karakter"))]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, min_length = 1, max_length = 40))]
    pub work_pattern: Option<Option<String>>,
    /// `null` clears it.
    #[serde(default, skip_serializing_if = "Option::is_none", with = "crate::serde_opt")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<chrono::NaiveDate>))]
    pub birth_date: Option<Option<chrono::NaiveDate>>,
    /// `l` or `p`; `null` clears it.
    #[serde(default, skip_serializing_if = "Option::is_none", with = "crate::serde_opt")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Sex>))]
    pub sex: Option<Option<Sex>>,
    /// Why the supervisor sits in another OPD; `null` clears it.
    #[serde(default, skip_serializing_if = "Option::is_none", with = "crate::serde_opt")]
    #[validate(length(min = 1, max = 200, message = "alasan 1-200 karakter"))]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, min_length = 1, max_length = 200))]
    pub supervisor_reason: Option<Option<String>>,
}

/// Outcome of a successful CSV import.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ImportReport {
    pub created: u64,
    pub updated: u64,
}

/// One bad cell of an import: the line of the file (the header is line 1), the column, why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ImportError {
    pub line: u64,
    pub field: String,
    /// In Indonesian.
    pub message: String,
    /// An [`Invalid`](crate::Invalid) code, e.g. `nip_twice`, worded in the reader's language by clients.
    #[serde(default = "crate::problem::invalid_code")]
    pub code: String,
    /// The values of the code's placeholders.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub params: std::collections::BTreeMap<String, String>,
}

impl ImportError {
    /// A bad cell of `line` and its issue, worded in Indonesian.
    pub fn new(line: u64, field: impl Into<String>, issue: impl Into<crate::Issue>) -> Self {
        let issue = issue.into();
        Self {
            line,
            field: field.into(),
            message: issue.render(false),
            code: issue.kind.code().to_owned(),
            params: issue.params,
        }
    }

    /// The issue's words in the reader's language.
    pub fn words(&self, english: bool) -> String {
        crate::problem::words(&self.code, &self.params, &self.message, english)
    }
}
