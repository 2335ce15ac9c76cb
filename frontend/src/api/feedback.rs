//! Continuous feedback (umpan balik berkelanjutan) and performance dialogues (dialog kinerja).

use super::client;
use super::ApiError;
use gloo_net::http::Method;
use kinerja_types::{Dialog, Feedback, NewDialog, NewFeedback, Page};

/// The largest page: a thread longer than this shows its oldest part first.
const PER_PAGE: u64 = Page::<Feedback>::MAX_PER_PAGE;

/// `GET /feedback?employee_id=`: the thread, oldest first.
pub async fn thread(employee_id: i64) -> Result<Page<Feedback>, ApiError> {
    let query =
        [("employee_id", employee_id.to_string()), ("page", "1".to_owned()), ("per_page", PER_PAGE.to_string())];
    client::get("/feedback", &query).await
}

/// `POST /feedback`: new feedback (the penilai) or a reply (`parent_id`).
pub async fn write(feedback: &NewFeedback) -> Result<Feedback, ApiError> {
    client::send(Method::POST, "/feedback", feedback).await
}

/// `GET /dialogs?employee_id=`, newest first.
pub async fn dialogs(employee_id: i64) -> Result<Page<Dialog>, ApiError> {
    let query =
        [("employee_id", employee_id.to_string()), ("page", "1".to_owned()), ("per_page", PER_PAGE.to_string())];
    client::get("/dialogs", &query).await
}

/// `POST /dialogs` (the direct supervisor).
pub async fn record_dialog(dialog: &NewDialog) -> Result<Dialog, ApiError> {
    client::send(Method::POST, "/dialogs", dialog).await
}
