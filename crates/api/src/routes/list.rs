//! Paging and content negotiation shared by every list: `?page=&per_page=` with a hard maximum,
//! and a download (CSV or XLSX, see [`super::spreadsheet`]) when asked.

use super::spreadsheet::Sheet;
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
    #[serde(default, deserialize_with = "page_number")]
    #[param(minimum = 1, maximum = 10_000_000)]
    pub page: Option<u64>,
    /// Items per page, at most 200 (default 50).
    #[serde(default, deserialize_with = "per_page_count")]
    #[param(minimum = 1, maximum = 200)]
    pub per_page: Option<u64>,
    /// `csv` or `xlsx` for a spreadsheet instead of JSON.
    pub format: Option<String>,
    /// `id` with `format=csv`: the CSV for Excel in Indonesian (headers in Indonesian, `;`, a
    /// decimal comma, a UTF-8 BOM).
    pub lang: Option<String>,
}

/// `page` as declared in the spec: 1 to [`PageQuery::MAX_PAGE`], else 400 naming it.
fn page_number<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<u64>, D::Error> {
    bounded(d, "page", 1, PageQuery::MAX_PAGE)
}

/// `per_page` as declared in the spec: 1 to 200, else 400 naming it (never silently clamped).
fn per_page_count<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<u64>, D::Error> {
    bounded(d, "per_page", 1, Page::<()>::MAX_PER_PAGE)
}

fn bounded<'de, D: serde::Deserializer<'de>>(d: D, name: &str, min: u64, max: u64) -> Result<Option<u64>, D::Error> {
    let value = Option::<u64>::deserialize(d)?;
    match value {
        Some(n) if !(min..=max).contains(&n) => Err(serde::de::Error::custom(format!("{name} harus {min}-{max}"))),
        _ => Ok(value),
    }
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

/// The download the client asked for, if any.
pub fn sheet(req: &HttpRequest, q: &PageQuery) -> Option<Sheet> {
    super::spreadsheet::requested(req, q.format.as_deref(), q.lang.as_deref())
}

/// Answers a page as JSON, or its items as a download with the paging in headers.
pub fn respond<T: Serialize>(req: &HttpRequest, q: &PageQuery, page: Page<T>, name: &str) -> ApiResult<HttpResponse> {
    if let Some(sheet) = sheet(req, q) {
        return super::spreadsheet::download(sheet, &page.items, name).map(|mut r| {
            if let Ok(v) = header::HeaderValue::from_str(&page.total.to_string()) {
                r.headers_mut().insert(header::HeaderName::from_static("x-total-count"), v);
            }
            r
        });
    }
    Ok(HttpResponse::Ok().json(page))
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
