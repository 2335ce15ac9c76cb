//! How every CSV import route answers: `text/csv` only; a clean file gives its report, a refused
//! one a 422 problem listing every bad line (nothing written).

use crate::error::{ApiError, ApiResult};
use crate::services::csv_import::ImportFailure;
use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse};
use kinerja_types::{ImportError, Problem};
use serde::Serialize;
use utoipa::ToSchema;

/// The body of a refused import: every bad row.
#[derive(Serialize, ToSchema)]
pub struct ImportProblem {
    #[serde(flatten)]
    pub problem: Problem,
    /// Each bad cell with its line number.
    pub rows: Vec<ImportError>,
}

/// 415 unless the body is declared `text/csv`.
pub fn require_csv(req: &HttpRequest) -> ApiResult<()> {
    let ctype = req.headers().get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("");
    if ctype.starts_with("text/csv") {
        Ok(())
    } else {
        Err(ApiError::UnsupportedMediaType("kirim berkas dengan Content-Type: text/csv".into()))
    }
}

/// The answer to an import.
pub fn answer<T: Serialize>(result: Result<T, ImportFailure>) -> ApiResult<HttpResponse> {
    match result {
        Ok(report) => Ok(HttpResponse::Ok().json(report)),
        Err(ImportFailure::Rows(rows)) => {
            let mut problem = ApiError::fields(Vec::new()).problem();
            problem.detail = format!("{} baris bermasalah; tidak ada data yang diimpor", rows.len());
            problem.errors = rows
                .iter()
                .map(|r| kinerja_types::FieldError {
                    field: format!("baris {}: {}", r.line, r.field),
                    message: r.message.clone(),
                    code: r.code.clone(),
                    params: r.params.clone(),
                })
                .collect();
            Ok(HttpResponse::UnprocessableEntity()
                .insert_header((header::CONTENT_TYPE, "application/problem+json"))
                .json(ImportProblem { problem, rows }))
        }
        Err(ImportFailure::Db(e)) => Err(e.into()),
    }
}
