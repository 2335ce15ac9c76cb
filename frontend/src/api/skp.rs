//! SKP (Sasaran Kinerja Pegawai): the yearly plans, their RHK and the cascade downward.

use super::client;
use super::ApiError;
use gloo_net::http::Method;
use kinerja_domain::SkpStatus;
use kinerja_types::{BehaviorsUpdate, CascadeRequest, CascadeResult, NewRhk, NewSkp, Page, ReturnRequest, Rhk, Skp};

/// Filters of the SKP list.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SkpFilter {
    pub employee_id: Option<i64>,
    pub year: Option<i32>,
    pub status: Option<SkpStatus>,
    /// Only the SKPs waiting for the caller's approval.
    pub for_review: bool,
    pub page: u64,
    pub per_page: u64,
}

/// `GET /skps?employee_id=&year=&status=&for_review=&page=&per_page=` (without RHK and behaviours).
pub async fn list(filter: &SkpFilter) -> Result<Page<Skp>, ApiError> {
    let mut query = vec![("page", filter.page.max(1).to_string()), ("per_page", filter.per_page.to_string())];
    if let Some(employee_id) = filter.employee_id {
        query.push(("employee_id", employee_id.to_string()));
    }
    if let Some(year) = filter.year {
        query.push(("year", year.to_string()));
    }
    if let Some(status) = filter.status {
        query.push(("status", status.as_str().to_owned()));
    }
    if filter.for_review {
        query.push(("for_review", "true".to_owned()));
    }
    client::get("/skps", &query).await
}

/// The newest plan of `employee_id` for `year` with its RHK and behaviours, if there is one. A
/// revision (or the plan of a new position) is always created after the plan it follows, so the
/// highest id is the one being worked on.
pub async fn current(employee_id: i64, year: i32) -> Result<Option<Skp>, ApiError> {
    let filter =
        SkpFilter { employee_id: Some(employee_id), year: Some(year), page: 1, per_page: 50, ..SkpFilter::default() };
    let newest = list(&filter).await?.items.into_iter().max_by_key(|s| s.id);
    match newest {
        Some(skp) => get(skp.id).await.map(Some),
        None => Ok(None),
    }
}

/// `GET /skps/{id}` with RHK (and their indicators) and behaviours.
pub async fn get(id: i64) -> Result<Skp, ApiError> {
    client::get(&format!("/skps/{id}"), &[]).await
}

/// `GET /skps/{id}/revisions`: every revision of the plan, oldest first.
pub async fn revisions(id: i64) -> Result<Page<Skp>, ApiError> {
    client::all_pages(&format!("/skps/{id}/revisions"), &[]).await
}

/// `POST /skps`.
pub async fn create(skp: &NewSkp) -> Result<Skp, ApiError> {
    client::send(Method::POST, "/skps", skp).await
}

/// `POST /skps/{id}/rhk` (owner, while the SKP is editable).
pub async fn add_rhk(skp_id: i64, rhk: &NewRhk) -> Result<Rhk, ApiError> {
    client::send(Method::POST, &format!("/skps/{skp_id}/rhk"), rhk).await
}

/// `DELETE /rhk/{id}`.
pub async fn delete_rhk(rhk_id: i64) -> Result<(), ApiError> {
    client::act_empty(Method::DELETE, &format!("/rhk/{rhk_id}")).await
}

/// `PUT /skps/{id}/behaviors`.
pub async fn set_behaviors(skp_id: i64, update: &BehaviorsUpdate) -> Result<Skp, ApiError> {
    client::send(Method::PUT, &format!("/skps/{skp_id}/behaviors"), update).await
}

/// `POST /skps/{id}/submit` (owner).
pub async fn submit(id: i64) -> Result<Skp, ApiError> {
    client::act(Method::POST, &format!("/skps/{id}/submit")).await
}

/// `POST /skps/{id}/approve` (penilai).
pub async fn approve(id: i64) -> Result<Skp, ApiError> {
    client::act(Method::POST, &format!("/skps/{id}/approve")).await
}

/// `POST /skps/{id}/return` (penilai), with the reason.
pub async fn send_back(id: i64, request: &ReturnRequest) -> Result<Skp, ApiError> {
    client::send(Method::POST, &format!("/skps/{id}/return"), request).await
}

/// `POST /skps/{id}/revise` (owner, approved SKP): a new draft revision.
pub async fn revise(id: i64) -> Result<Skp, ApiError> {
    client::act(Method::POST, &format!("/skps/{id}/revise")).await
}

/// `GET /me/parent-rhk?year=`: the RHK of the direct supervisor's plan, to choose the parent from.
pub async fn parent_choices(year: i32) -> Result<Page<Rhk>, ApiError> {
    client::all_pages("/me/parent-rhk", &[("year", year.to_string())]).await
}

/// `POST /rhk/{id}/cascade`: hands one of the caller's RHK down to several subordinates.
pub async fn cascade(rhk_id: i64, request: &CascadeRequest) -> Result<CascadeResult, ApiError> {
    client::send(Method::POST, &format!("/rhk/{rhk_id}/cascade"), request).await
}
