//! Disciplinary sanctions: read as the employee is seen; recorded and annulled by the BKPSDM.

use super::client;
use super::ApiError;
use gloo_net::http::Method;
use kinerja_domain::Period;
use kinerja_types::{NewSanction, Page, Sanction};

/// `GET /sanctions?month=`: every sanction in force on some day of the month.
pub async fn in_month(month: Period) -> Result<Page<Sanction>, ApiError> {
    client::all_pages("/sanctions", &[("month", month.to_string())]).await
}

/// `POST /sanctions` (admin).
pub async fn create(sanction: &NewSanction) -> Result<Sanction, ApiError> {
    client::send(Method::POST, "/sanctions", sanction).await
}

/// `DELETE /sanctions/{id}` (admin): annulled, kept on record, cuts nothing.
pub async fn annul(id: i64) -> Result<(), ApiError> {
    client::act_empty(Method::DELETE, &format!("/sanctions/{id}")).await
}
