//! Employees (ASN).

use super::client;
use super::ApiError;
use gloo_net::http::Method;
use kinerja_types::{Employee, NewEmployee, Page};

/// Filters of the employee list.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct EmployeeFilter {
    /// Free text: name or NIP.
    pub q: String,
    pub unit_id: Option<i64>,
    pub page: u64,
    pub per_page: u64,
}

/// `GET /employees?q=&unit_id=&page=&per_page=`.
pub async fn list(filter: &EmployeeFilter) -> Result<Page<Employee>, ApiError> {
    let mut query = vec![("page", filter.page.max(1).to_string()), ("per_page", filter.per_page.to_string())];
    if !filter.q.trim().is_empty() {
        query.push(("q", filter.q.trim().to_owned()));
    }
    if let Some(unit_id) = filter.unit_id {
        query.push(("unit_id", unit_id.to_string()));
    }
    client::get("/employees", &query).await
}

/// `GET /employees/{id}`.
pub async fn get(id: i64) -> Result<Employee, ApiError> {
    client::get(&format!("/employees/{id}"), &[]).await
}

/// `POST /employees` (admin).
pub async fn create(employee: &NewEmployee) -> Result<Employee, ApiError> {
    client::send(Method::POST, "/employees", employee).await
}

/// The direct subordinates of `supervisor_id`: `GET /employees?supervisor_id=&per_page=200`.
pub async fn subordinates(supervisor_id: i64) -> Result<Page<Employee>, ApiError> {
    let query =
        [("supervisor_id", supervisor_id.to_string()), ("page", "1".to_owned()), ("per_page", "200".to_owned())];
    client::get("/employees", &query).await
}

/// `PATCH /employees/{id}` (admin): only the fields given change.
pub async fn update(id: i64, patch: &kinerja_types::EmployeePatch) -> Result<Employee, ApiError> {
    client::send(Method::PATCH, &format!("/employees/{id}"), patch).await
}
