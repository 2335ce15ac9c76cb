//! The unit tree.

use super::client;
use super::ApiError;
use gloo_net::http::Method;
use kinerja_types::{NewUnit, Page, Unit};

/// `GET /units?page=&per_page=`.
pub async fn list(page: u64, per_page: u64) -> Result<Page<Unit>, ApiError> {
    let query = [("page", page.to_string()), ("per_page", per_page.to_string())];
    client::get("/units", &query).await
}

/// Every unit the user may see, page after page (the tree is small: a city has a few hundred).
pub async fn all() -> Result<Vec<Unit>, ApiError> {
    let per_page = Page::<Unit>::MAX_PER_PAGE;
    let mut units = Vec::new();
    for page in 1.. {
        let batch = list(page, per_page).await?;
        let done = batch.items.is_empty() || page * batch.per_page.max(1) >= batch.total;
        units.extend(batch.items);
        if done {
            break;
        }
    }
    Ok(units)
}

/// `GET /units/{id}`.
pub async fn get(id: i64) -> Result<Unit, ApiError> {
    client::get(&format!("/units/{id}"), &[]).await
}

/// `POST /units` (admin).
pub async fn create(unit: &NewUnit) -> Result<Unit, ApiError> {
    client::send(Method::POST, "/units", unit).await
}
