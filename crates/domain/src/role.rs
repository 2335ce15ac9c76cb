//! Roles a user account can hold. Supervisor powers are not a role: they follow from the
//! organisation data (who is whose direct supervisor).

use crate::org::vocabulary;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

vocabulary! {
    /// A granted role.
    Role {
        Admin => "admin",
        Auditor => "auditor",
        KepalaUnit => "kepala_unit",
        OperatorLayanan => "operator_layanan",
    }
}

impl Role {
    /// Whether the role reads the whole city.
    pub fn is_city_wide(self) -> bool {
        matches!(self, Role::Admin | Role::Auditor)
    }

    /// Whether the role is scoped to a unit subtree and so needs a `unit_id`.
    pub fn needs_unit(self) -> bool {
        matches!(self, Role::KepalaUnit | Role::OperatorLayanan)
    }
}
