//! Ratings (penilaian kinerja): assessments and their flow, the evidence a penilai weighs, and
//! calibration (the organisation predikat, the distribution, the report).

use super::client::{self, Download};
use super::ApiError;
use gloo_net::http::Method;
use kinerja_domain::{AssessmentStatus, Period};
use kinerja_types::{
    Assessment, AssessmentReportRow, DecisionRequest, Distribution, NewAssessment, ObjectionRequest, ObjectionResponse,
    OrgPredikatRequest, Page, RatingEvidence,
};

/// The largest page the server gives.
const PER_PAGE: u64 = Page::<Assessment>::MAX_PER_PAGE;

/// Filters of the assessment list.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AssessmentFilter {
    pub employee_id: Option<i64>,
    /// Only those rated by this penilai.
    pub penilai_id: Option<i64>,
    pub period: Option<Period>,
    pub status: Option<AssessmentStatus>,
    /// Only objections waiting for the caller's decision as atasan penilai.
    pub to_decide: bool,
}

/// `GET /assessments?employee_id=&penilai_id=&period=&status=&to_decide=`: the first (largest)
/// page, newest first.
pub async fn list(filter: &AssessmentFilter) -> Result<Page<Assessment>, ApiError> {
    let mut query = vec![("page", "1".to_owned()), ("per_page", PER_PAGE.to_string())];
    if let Some(id) = filter.employee_id {
        query.push(("employee_id", id.to_string()));
    }
    if let Some(id) = filter.penilai_id {
        query.push(("penilai_id", id.to_string()));
    }
    if let Some(period) = filter.period {
        query.push(("period", period.to_string()));
    }
    if let Some(status) = filter.status {
        query.push(("status", status.as_str().to_owned()));
    }
    if filter.to_decide {
        query.push(("to_decide", "true".to_owned()));
    }
    client::get("/assessments", &query).await
}

/// The assessment of `employee_id` for `period`, if there is one (at most one exists).
pub async fn of(employee_id: i64, period: Period) -> Result<Option<Assessment>, ApiError> {
    let filter = AssessmentFilter { employee_id: Some(employee_id), period: Some(period), ..Default::default() };
    Ok(list(&filter).await?.items.into_iter().next())
}

/// `GET /assessments/{id}`.
pub async fn get(id: i64) -> Result<Assessment, ApiError> {
    client::get(&format!("/assessments/{id}"), &[]).await
}

/// `POST /assessments` (the penilai): a new draft.
pub async fn create(assessment: &NewAssessment) -> Result<Assessment, ApiError> {
    client::send(Method::POST, "/assessments", assessment).await
}

/// `PUT /assessments/{id}` (the penilai, while draft).
pub async fn update(id: i64, assessment: &NewAssessment) -> Result<Assessment, ApiError> {
    client::send(Method::PUT, &format!("/assessments/{id}"), assessment).await
}

/// `POST /assessments/{id}/finalize` (the penilai): the employee is told and may object.
pub async fn finalize(id: i64) -> Result<Assessment, ApiError> {
    client::act(Method::POST, &format!("/assessments/{id}/finalize")).await
}

/// `POST /assessments/{id}/acknowledge` (the employee).
pub async fn acknowledge(id: i64) -> Result<Assessment, ApiError> {
    client::act(Method::POST, &format!("/assessments/{id}/acknowledge")).await
}

/// `POST /assessments/{id}/object` (the employee, before the deadline).
pub async fn object(id: i64, request: &ObjectionRequest) -> Result<Assessment, ApiError> {
    client::send(Method::POST, &format!("/assessments/{id}/object"), request).await
}

/// `POST /assessments/{id}/decide` (the atasan penilai): final.
/// `POST /assessments/{id}/respond`: the penilai's written response to an objection.
pub async fn respond(id: i64, request: &ObjectionResponse) -> Result<Assessment, ApiError> {
    client::send(Method::POST, &format!("/assessments/{id}/respond"), request).await
}

pub async fn decide(id: i64, request: &DecisionRequest) -> Result<Assessment, ApiError> {
    client::send(Method::POST, &format!("/assessments/{id}/decide"), request).await
}

/// `GET /employees/{id}/rating-evidence?period=`: realisation, activities, feedback, complaints, IKM.
pub async fn evidence(employee_id: i64, period: Period) -> Result<RatingEvidence, ApiError> {
    client::get(&format!("/employees/{employee_id}/rating-evidence"), &[("period", period.to_string())]).await
}

/// `GET /units/{id}/distribution?period=` (heads of the subtree, admin, auditor).
pub async fn distribution(unit_id: i64, period: Period) -> Result<Distribution, ApiError> {
    client::get(&format!("/units/{unit_id}/distribution"), &[("period", period.to_string())]).await
}

/// `PUT /units/{id}/org-predikat` (the head of the parent unit, or an admin).
pub async fn set_org_predikat(unit_id: i64, request: &OrgPredikatRequest) -> Result<OrgPredikatRequest, ApiError> {
    client::send(Method::PUT, &format!("/units/{unit_id}/org-predikat"), request).await
}

/// `GET /reports/assessments?unit_id=&period=`: one row per assessed employee of the subtree.
pub async fn report(unit_id: i64, period: Period) -> Result<Page<AssessmentReportRow>, ApiError> {
    let query = [("unit_id", unit_id.to_string()), ("period", period.to_string())];
    client::all_pages("/reports/assessments", &query).await
}

/// The same report as a file.
pub async fn report_file(unit_id: i64, period: Period, format: client::FileFormat) -> Result<Download, ApiError> {
    let mut query = vec![("unit_id", unit_id.to_string()), ("period", period.to_string())];
    query.extend(format.query());
    client::download("/reports/assessments", &query).await
}
