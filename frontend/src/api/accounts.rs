//! Sign-in accounts (admin): an employee's account, a temporary password, deactivating.

use super::client;
use super::ApiError;
use gloo_net::http::Method;
use kinerja_types::{NewAccount, Page, TemporaryPassword, User, UserPatch};

/// The employee's account, if they have one: `GET /users?employee_id=`.
pub async fn of_employee(employee_id: i64) -> Result<Option<User>, ApiError> {
    let page: Page<User> = client::get("/users", &[("employee_id", employee_id.to_string())]).await?;
    Ok(page.items.into_iter().next())
}

/// `POST /employees/{id}/account`: the NIP as the name, a temporary password made by the server.
pub async fn create_for(employee_id: i64) -> Result<TemporaryPassword, ApiError> {
    client::send(Method::POST, &format!("/employees/{employee_id}/account"), &NewAccount::default()).await
}

/// `POST /users/{id}/temporary-password`.
pub async fn temporary_password(user_id: i64) -> Result<TemporaryPassword, ApiError> {
    client::send(Method::POST, &format!("/users/{user_id}/temporary-password"), &serde_json::json!({})).await
}

/// `PATCH /users/{id}` with `active`.
pub async fn set_active(user_id: i64, active: bool) -> Result<User, ApiError> {
    client::send(Method::PATCH, &format!("/users/{user_id}"), &UserPatch { active: Some(active) }).await
}
