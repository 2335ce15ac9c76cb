//! Leave and absences: read as the employee is seen; recorded and annulled by the BKPSDM.

use super::client;
use super::ApiError;
use gloo_net::http::Method;
use kinerja_types::{Leave, NewLeave, Page};

/// `GET /leave?employee_id=`: every leave of the employee, latest first.
pub async fn of_employee(employee_id: i64) -> Result<Page<Leave>, ApiError> {
    client::all_pages("/leave", &[("employee_id", employee_id.to_string())]).await
}

/// `POST /leave` (admin).
pub async fn create(leave: &NewLeave) -> Result<Leave, ApiError> {
    client::send(Method::POST, "/leave", leave).await
}

/// `DELETE /leave/{id}` (admin): annulled, kept on record, excuses nothing.
pub async fn annul(id: i64) -> Result<(), ApiError> {
    client::act_empty(Method::DELETE, &format!("/leave/{id}")).await
}
