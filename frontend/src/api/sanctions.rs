//! Disciplinary sanctions: read as the employee is seen; recorded and annulled by the BKPSDM.

use super::client;
use super::ApiError;
use gloo_net::http::Method;
use kinerja_domain::Period;
use kinerja_types::{NewSanction, Page, Sanction};

/// `GET /sanctions?month=&unit_id=`: every sanction in force on some day of the month, of the staff
/// of a unit's subtree (of everyone the caller sees without one).
pub async fn in_month(month: Period, unit_id: Option<i64>) -> Result<Page<Sanction>, ApiError> {
    let mut query = vec![("month", month.to_string())];
    if let Some(unit) = unit_id {
        query.push(("unit_id", unit.to_string()));
    }
    client::all_pages("/sanctions", &query).await
}

/// `POST /sanctions` (admin).
pub async fn create(sanction: &NewSanction) -> Result<Sanction, ApiError> {
    client::send(Method::POST, "/sanctions", sanction).await
}

/// `DELETE /sanctions/{id}` (admin): annulled, kept on record, cuts nothing.
pub async fn annul(id: i64) -> Result<(), ApiError> {
    client::act_empty(Method::DELETE, &format!("/sanctions/{id}")).await
}
