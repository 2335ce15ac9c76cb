//! The `reports` family: flat rows for spreadsheets, payroll and data warehouses, each in JSON or
//! CSV with the same filters — `unit_id` (a head's subtree; the whole city for admins, auditors and
//! city-wide tokens) and `period` (`month` for TPP). Assessments are in `assessments::calibration`
//! and TPP in `tpp`; the others are here.

pub mod activities;
pub mod complaints;
pub mod ikm;
pub mod skps;

use crate::error::{ApiError, ApiResult};
use crate::routes::list::{page_of, sheet, PageQuery};
use actix_web::{web, HttpRequest, HttpResponse};
use kinerja_domain::Period;
use kinerja_types::{Invalid, Issue};
use serde::{Deserialize, Serialize};
use utoipa::IntoParams;

pub use crate::services::reports::MAX_ROWS;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(activities::report).service(skps::report).service(ikm::report).service(complaints::report);
}

/// Filters of a report.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ReportQuery {
    /// The unit whose subtree to report (default: the whole city, for admins, auditors and city tokens).
    pub unit_id: Option<i64>,
    /// `2026`, `2026-Q3` or `2026-07`.
    pub period: String,
}

/// A period from a query.
pub fn parse_period(raw: &str) -> ApiResult<Period> {
    raw.parse().map_err(ApiError::from)
}

/// The rows as a JSON page (`page`, `per_page`), or all of them as a download named `name` (a
/// spreadsheet wants the whole report).
pub fn answer<T: Serialize>(
    req: &HttpRequest,
    paging: &PageQuery,
    items: Vec<T>,
    name: &str,
) -> ApiResult<HttpResponse> {
    if items.len() > MAX_ROWS {
        return Err(ApiError::field("period", Issue::new(Invalid::TooManyRows).with("max", MAX_ROWS)));
    }
    if let Some(sheet) = sheet(req, paging) {
        return crate::routes::spreadsheet::download(sheet, &items, name);
    }
    Ok(HttpResponse::Ok().json(page_of(items, paging)))
}
