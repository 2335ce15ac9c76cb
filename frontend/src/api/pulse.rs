//! The 360° and upward pulse: rounds, the caller's invitations and answers, the aggregate about
//! an employee, and the public form for service users.

use super::client::{self, Download, FileFormat};
use super::ApiError;
use gloo_net::http::Method;
use kinerja_types::{NewPulseRound, Page, PublicPulse, PulseAnswer, PulseInvitation, PulseRound};

/// `POST /pulse-rounds`.
pub async fn open(body: NewPulseRound) -> Result<PulseRound, ApiError> {
    client::send(Method::POST, "/pulse-rounds", &body).await
}

/// `GET /pulse-rounds?page=&per_page=`: the rounds the caller runs or reads.
pub async fn rounds(page: u64, per_page: u64) -> Result<Page<PulseRound>, ApiError> {
    client::get("/pulse-rounds", &[("page", page.to_string()), ("per_page", per_page.to_string())]).await
}

/// `GET /pulse-rounds?format=`: the rounds as a spreadsheet.
pub async fn rounds_file(format: FileFormat) -> Result<Download, ApiError> {
    client::download("/pulse-rounds", &format.query()).await
}

/// `POST /pulse-rounds/{id}/close`.
pub async fn close(id: i64) -> Result<PulseRound, ApiError> {
    client::act(Method::POST, &format!("/pulse-rounds/{id}/close")).await
}

/// `POST /pulse-rounds/{id}/remind`.
pub async fn remind(id: i64) -> Result<PulseRound, ApiError> {
    client::act(Method::POST, &format!("/pulse-rounds/{id}/remind")).await
}

/// `GET /pulse/invitations`: every invitation still to answer.
pub async fn invitations() -> Result<Vec<PulseInvitation>, ApiError> {
    client::items("/pulse/invitations", &[]).await
}

/// `POST /pulse/invitations/{id}/answer`.
pub async fn answer(id: i64, body: PulseAnswer) -> Result<(), ApiError> {
    client::send_empty(Method::POST, &format!("/pulse/invitations/{id}/answer"), &body).await
}

/// `GET /public/pulse/{code}`: the form for service users.
pub async fn public_form(code: &str) -> Result<PublicPulse, ApiError> {
    let code = js_sys::encode_uri_component(code.trim());
    client::get_anonymous(&format!("/public/pulse/{code}"), &[]).await
}

/// `POST /public/pulse/{code}`.
pub async fn public_answer(code: &str, body: PulseAnswer) -> Result<(), ApiError> {
    let code = js_sys::encode_uri_component(code.trim());
    client::post_anonymous_empty(&format!("/public/pulse/{code}"), &body).await
}
