//! Paging and content negotiation shared by every list: `?page=&per_page=` with a hard maximum,
//! and `text/csv` when asked with `Accept: text/csv` or `?format=csv`.

use crate::error::{ApiError, ApiResult};
use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse};
use kinerja_types::Invalid;
use kinerja_types::Page;
use serde::{Deserialize, Serialize};
use utoipa::IntoParams;

/// Paging parameters of every list.
#[derive(Debug, Clone, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PageQuery {
    /// Page number, from 1.
    pub page: Option<u64>,
    /// Items per page, at most 200 (default 50).
    pub per_page: Option<u64>,
    /// `csv` for a spreadsheet instead of JSON.
    pub format: Option<String>,
}

impl PageQuery {
    /// The highest page number honoured: 10 million pages of 200 rows.
    pub const MAX_PAGE: u64 = 10_000_000;

    /// The page, from 1 to a bound far beyond any real list (so the offset cannot overflow).
    pub fn page(&self) -> u64 {
        self.page.unwrap_or(1).clamp(1, Self::MAX_PAGE)
    }

    /// Rows skipped before this page.
    pub fn offset(&self) -> u64 {
        (self.page() - 1) * self.per_page()
    }

    pub fn per_page(&self) -> u64 {
        self.per_page.unwrap_or(Page::<()>::DEFAULT_PER_PAGE).clamp(1, Page::<()>::MAX_PER_PAGE)
    }
}

/// Whether the client asked for CSV.
pub fn wants_csv(req: &HttpRequest, format: Option<&str>) -> bool {
    if let Some(f) = format {
        return f.eq_ignore_ascii_case("csv");
    }
    req.headers().get(header::ACCEPT).and_then(|v| v.to_str().ok()).map(|v| v.contains("text/csv")).unwrap_or(false)
}

/// Answers a page as JSON, or its items as CSV (UTF-8, header row, RFC 4180 quoting) with the
/// paging in headers.
pub fn respond<T: Serialize>(req: &HttpRequest, q: &PageQuery, page: Page<T>, name: &str) -> ApiResult<HttpResponse> {
    if wants_csv(req, q.format.as_deref()) {
        return csv_response(&page.items, name).map(|mut r| {
            if let Ok(v) = header::HeaderValue::from_str(&page.total.to_string()) {
                r.headers_mut().insert(header::HeaderName::from_static("x-total-count"), v);
            }
            r
        });
    }
    Ok(HttpResponse::Ok().json(page))
}

/// Serialises rows to a CSV download.
pub fn csv_response<T: Serialize>(rows: &[T], name: &str) -> ApiResult<HttpResponse> {
    let mut w = csv::Writer::from_writer(Vec::new());
    for row in rows {
        w.serialize(row).map_err(|e| ApiError::Internal(e.into()))?;
    }
    let body = w.into_inner().map_err(|e| ApiError::Internal(anyhow::anyhow!("csv: {e}")))?;
    Ok(HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, "text/csv; charset=utf-8"))
        .insert_header((header::CONTENT_DISPOSITION, format!("attachment; filename=\"{name}.csv\"")))
        .body(body))
}

/// One page of rows already in memory (a list bounded by its subject, such as one complaint's
/// history), with the total.
pub fn page_of<T>(mut all: Vec<T>, q: &PageQuery) -> Page<T> {
    let total = all.len() as u64;
    let start = (q.offset().min(total)) as usize;
    let end = (q.offset().saturating_add(q.per_page())).min(total) as usize;
    let items = all.drain(start..end).collect();
    Page { items, total, page: q.page(), per_page: q.per_page() }
}

/// Builds the page body.
pub fn page<T>(items: Vec<T>, total: u64, q: &PageQuery) -> Page<T> {
    Page { items, total, page: q.page(), per_page: q.per_page() }
}

/// Years a plan, rating or report may be about.
pub const YEARS: std::ops::RangeInclusive<i32> = 2000..=2100;

/// 422 on `field` unless the year is within [`YEARS`].
pub fn check_year(field: &str, year: i32) -> ApiResult<i32> {
    if YEARS.contains(&year) {
        Ok(year)
    } else {
        Err(ApiError::field(field, Invalid::YearRange))
    }
}
