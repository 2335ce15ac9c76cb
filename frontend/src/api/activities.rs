//! Daily activities (progres harian): logging, the verification queue, the team feed.

use super::client::{self, Download};
use super::ApiError;
use chrono::NaiveDate;
use gloo_net::http::Method;
use kinerja_domain::ActivityStatus;
use kinerja_types::{Activity, BulkApprove, BulkApproveResult, MyCalendar, NewActivity, Page, RejectRequest};

/// Filters of the activity list.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ActivityFilter {
    pub employee_id: Option<i64>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub status: Option<ActivityStatus>,
    /// Only those waiting for the caller's verification.
    pub queue: bool,
    pub page: u64,
    pub per_page: u64,
}

impl ActivityFilter {
    fn query(&self) -> Vec<(&'static str, String)> {
        let mut query = vec![("page", self.page.max(1).to_string()), ("per_page", self.per_page.to_string())];
        if let Some(id) = self.employee_id {
            query.push(("employee_id", id.to_string()));
        }
        if let Some(from) = self.from {
            query.push(("from", from.to_string()));
        }
        if let Some(to) = self.to {
            query.push(("to", to.to_string()));
        }
        if let Some(status) = self.status {
            query.push(("status", status.as_str().to_owned()));
        }
        if self.queue {
            query.push(("queue", "true".to_owned()));
        }
        query
    }
}

/// `GET /activities?employee_id=&from=&to=&status=&queue=&page=&per_page=`, newest first.
pub async fn list(filter: &ActivityFilter) -> Result<Page<Activity>, ApiError> {
    client::get("/activities", &filter.query()).await
}

/// The same list as a file.
pub async fn file(filter: &ActivityFilter, format: client::FileFormat) -> Result<Download, ApiError> {
    let mut query = filter.query();
    query.extend(format.query());
    client::download("/activities", &query).await
}

/// Every activity of `employee_id` from `from` to `to` (a week at most holds a few dozen).
pub async fn between(employee_id: i64, from: NaiveDate, to: NaiveDate) -> Result<Vec<Activity>, ApiError> {
    let filter = ActivityFilter {
        employee_id: Some(employee_id),
        from: Some(from),
        to: Some(to),
        page: 1,
        per_page: Page::<Activity>::MAX_PER_PAGE,
        ..ActivityFilter::default()
    };
    list(&filter).await.map(|page| page.items)
}

/// `GET /me/calendar`: the signed-in person's days `from..=to`, what each may hold, and the
/// earliest day they may still log.
pub async fn calendar(from: NaiveDate, to: NaiveDate) -> Result<MyCalendar, ApiError> {
    client::get("/me/calendar", &[("from", from.to_string()), ("to", to.to_string())]).await
}

/// `POST /activities`.
pub async fn create(activity: &NewActivity) -> Result<Activity, ApiError> {
    client::send(Method::POST, "/activities", activity).await
}

/// `POST /activities` under the client's `Idempotency-Key`: a retried sync creates nothing twice.
pub async fn create_keyed(activity: &NewActivity, key: &str) -> Result<Activity, ApiError> {
    client::send_with(Method::POST, "/activities", activity, &[("Idempotency-Key", key.to_owned())]).await
}

/// `PATCH /activities/{id}` (owner, draft or rejected); `submit: true` submits it again.
pub async fn update(id: i64, activity: &NewActivity) -> Result<Activity, ApiError> {
    client::send(Method::PATCH, &format!("/activities/{id}"), activity).await
}

/// `DELETE /activities/{id}` (owner, draft or rejected).
pub async fn delete(id: i64) -> Result<(), ApiError> {
    client::act_empty(Method::DELETE, &format!("/activities/{id}")).await
}

/// `POST /activities/{id}/submit` (owner).
pub async fn submit(id: i64) -> Result<Activity, ApiError> {
    client::act(Method::POST, &format!("/activities/{id}/submit")).await
}

/// `POST /activities/{id}/approve` (penilai).
pub async fn approve(id: i64) -> Result<Activity, ApiError> {
    client::act(Method::POST, &format!("/activities/{id}/approve")).await
}

/// `POST /activities/{id}/reject` (penilai), with the note the owner will read.
pub async fn reject(id: i64, request: &RejectRequest) -> Result<Activity, ApiError> {
    client::send(Method::POST, &format!("/activities/{id}/reject"), request).await
}

/// `POST /activities/bulk-approve`: all or nothing; a refusal names the ids as its fields.
pub async fn bulk_approve(request: &BulkApprove) -> Result<BulkApproveResult, ApiError> {
    client::send(Method::POST, "/activities/bulk-approve", request).await
}

/// `POST /activities/undo-approval`: the caller's own approvals of the last minutes taken back.
pub async fn undo_approval(ids: Vec<i64>) -> Result<kinerja_types::UndoApprovalResult, ApiError> {
    client::send(Method::POST, "/activities/undo-approval", &BulkApprove { ids }).await
}

/// `GET /activities/team`: co-workers' approved activities, newest first.
pub async fn team(page: u64, per_page: u64) -> Result<Page<Activity>, ApiError> {
    let query = [("page", page.max(1).to_string()), ("per_page", per_page.to_string())];
    client::get("/activities/team", &query).await
}

/// The XLSX media type.
pub const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// `POST /activities/import[?preview=true]` of a CSV or XLSX file: what is (or would be) logged,
/// or every bad row.
pub async fn import(
    bytes: Vec<u8>,
    xlsx: bool,
    preview: bool,
) -> Result<kinerja_types::ActivityImportReport, super::imports::ImportFailure> {
    let query = [("preview", preview.to_string())];
    let ctype = if xlsx { XLSX } else { "text/csv; charset=utf-8" };
    super::imports::import_file("/activities/import", &query, &bytes, ctype).await
}
