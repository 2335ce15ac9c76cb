//! Dashboards: a unit subtree's figures with its charts and child units, and the city view.

use super::client::{self, Download};
use super::ApiError;
use kinerja_domain::Period;
use kinerja_types::Dashboard;

/// Whose dashboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// A unit and everything under it (its head, admin, auditor).
    Unit(i64),
    /// The Pemda's root unit, with every OPD as a child (admin, auditor).
    City,
}

impl Scope {
    fn path(self) -> String {
        match self {
            Scope::Unit(id) => format!("/dashboard/units/{id}"),
            Scope::City => "/dashboard/city".to_owned(),
        }
    }
}

/// `GET /dashboard/units/{id}?period=` or `GET /dashboard/city?period=`.
pub async fn get(scope: Scope, period: Period) -> Result<Dashboard, ApiError> {
    client::get(&scope.path(), &[("period", period.to_string())]).await
}

/// The same dashboard's per-child table as a file.
pub async fn children_file(scope: Scope, period: Period, format: client::FileFormat) -> Result<Download, ApiError> {
    let mut query = vec![("period", period.to_string())];
    query.extend(format.query());
    client::download(&scope.path(), &query).await
}
