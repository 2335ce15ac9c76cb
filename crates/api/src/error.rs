//! One error type for every handler, mapped to RFC 9457 problem details. Internal causes are
//! logged with their chain and never shown.

use actix_web::http::{header, StatusCode};
use actix_web::{HttpResponse, ResponseError};
use kinerja_types::{FieldError, Issue, Problem};
use sea_orm::{DbErr, RuntimeErr, SqlErr};

/// Everything a request can fail with.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error("{0}")]
    BadRequest(String),
    #[error("{0}")]
    Unauthorized(String),
    #[error("{0}")]
    Forbidden(String),
    #[error("not found")]
    NotFound,
    #[error("{0}")]
    Conflict(String),
    #[error("{detail}")]
    Validation { detail: String, errors: Vec<FieldError> },
    #[error("metode ini tidak tersedia di alamat ini; gunakan {allow}")]
    MethodNotAllowed { allow: &'static str },
    #[error("{0}")]
    PayloadTooLarge(String),
    #[error("{0}")]
    UnsupportedMediaType(String),
    #[error("{detail}")]
    TooManyRequests { detail: String, retry_after: u64 },
    #[error("server sedang sibuk; coba lagi dalam {retry_after} detik")]
    Busy { retry_after: u64 },
    #[error("database unavailable")]
    Unavailable,
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

pub type ApiResult<T> = Result<T, ApiError>;

impl ApiError {
    /// A 422 for one field: what is wrong as a code with parameters, worded in Indonesian.
    pub fn field(field: &str, issue: impl Into<Issue>) -> Self {
        Self::fields(vec![FieldError::new(field, issue)])
    }

    /// A 422 for several fields.
    pub fn fields(errors: Vec<FieldError>) -> Self {
        let detail = errors.iter().map(|e| format!("{}: {}", e.field, e.message)).collect::<Vec<_>>().join("; ");
        Self::Validation { detail, errors }
    }

    /// 413 for a request body over `limit` bytes.
    pub fn body_too_large(limit: usize) -> Self {
        Self::PayloadTooLarge(format!("badan permintaan melebihi batas {} KB", limit / 1024))
    }

    /// 403 with the default wording.
    pub fn forbidden() -> Self {
        Self::Forbidden("Anda tidak berwenang melakukan tindakan ini".into())
    }

    /// The stable code, title and status of each kind: the one table of error codes.
    fn kind(&self) -> (StatusCode, &'static str, &'static str) {
        match self {
            Self::BadRequest(_) => (StatusCode::BAD_REQUEST, "bad_request", "Permintaan tidak valid"),
            Self::Unauthorized(_) => (StatusCode::UNAUTHORIZED, "unauthorized", "Perlu masuk"),
            Self::Forbidden(_) => (StatusCode::FORBIDDEN, "forbidden", "Tidak diizinkan"),
            Self::NotFound => (StatusCode::NOT_FOUND, "not_found", "Tidak ditemukan"),
            Self::Conflict(_) => (StatusCode::CONFLICT, "conflict", "Konflik"),
            Self::Validation { .. } => (StatusCode::UNPROCESSABLE_ENTITY, "validation", "Data tidak valid"),
            Self::MethodNotAllowed { .. } => {
                (StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed", "Metode tidak diizinkan")
            }
            Self::PayloadTooLarge(_) => (StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large", "Data terlalu besar"),
            Self::UnsupportedMediaType(_) => {
                (StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type", "Jenis konten tidak didukung")
            }
            Self::TooManyRequests { .. } => {
                (StatusCode::TOO_MANY_REQUESTS, "rate_limited", "Terlalu banyak permintaan")
            }
            Self::Unavailable => {
                (StatusCode::SERVICE_UNAVAILABLE, "database_unavailable", "Layanan sementara tidak tersedia")
            }
            Self::Busy { .. } => (StatusCode::SERVICE_UNAVAILABLE, "busy", "Server sedang sibuk"),
            Self::Internal(_) => (StatusCode::INTERNAL_SERVER_ERROR, "internal", "Kesalahan server"),
        }
    }

    /// The problem body.
    pub fn problem(&self) -> Problem {
        let (status, code, title) = self.kind();
        let detail = match self {
            Self::NotFound => "Data tidak ditemukan".to_owned(),
            Self::Unavailable => "Basis data tidak dapat dihubungi; coba lagi sebentar lagi".to_owned(),
            Self::Internal(_) => "Terjadi kesalahan pada server; kejadian ini telah dicatat".to_owned(),
            other => other.to_string(),
        };
        let errors = match self {
            Self::Validation { errors, .. } => errors.clone(),
            _ => Vec::new(),
        };
        Problem {
            kind: format!("/problems/{code}"),
            title: title.to_owned(),
            status: status.as_u16(),
            detail,
            code: code.to_owned(),
            errors,
        }
    }
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        self.kind().0
    }

    fn error_response(&self) -> HttpResponse {
        if let Self::Internal(err) = self {
            tracing::error!(error = ?err, "internal error");
        }
        let mut res = HttpResponse::build(self.status_code());
        res.insert_header((header::CONTENT_TYPE, "application/problem+json"));
        if let Self::TooManyRequests { retry_after, .. } | Self::Busy { retry_after } = self {
            res.insert_header((header::RETRY_AFTER, retry_after.to_string()));
        }
        if let Self::MethodNotAllowed { allow } = self {
            res.insert_header((header::ALLOW, *allow));
        }
        if let Self::Unauthorized(_) = self {
            res.insert_header((header::WWW_AUTHENTICATE, "Bearer"));
        }
        res.body(serde_json::to_string(&self.problem()).unwrap_or_default())
    }
}

impl From<DbErr> for ApiError {
    fn from(err: DbErr) -> Self {
        if is_unavailable(&err) {
            tracing::warn!(error = %err, "database unavailable");
            return Self::Unavailable;
        }
        Self::Internal(anyhow::Error::new(err))
    }
}

/// Whether a database error means the database cannot be reached (→ 503).
pub fn is_unavailable(err: &DbErr) -> bool {
    use sea_orm::sqlx::Error as Sqlx;
    let runtime = match err {
        DbErr::ConnectionAcquire(_) => return true,
        DbErr::Conn(r) | DbErr::Exec(r) | DbErr::Query(r) => r,
        _ => return false,
    };
    match runtime {
        RuntimeErr::SqlxError(e) => matches!(
            e.as_ref(),
            Sqlx::Io(_) | Sqlx::PoolTimedOut | Sqlx::PoolClosed | Sqlx::Tls(_) | Sqlx::WorkerCrashed
        ),
        _ => false,
    }
}

/// Turns a unique-constraint violation into 409 with a message, where it happens.
pub trait ConflictExt<T> {
    fn on_conflict(self, message: &str) -> ApiResult<T>;
}

impl<T> ConflictExt<T> for Result<T, DbErr> {
    fn on_conflict(self, message: &str) -> ApiResult<T> {
        self.map_err(|e| match e.sql_err() {
            Some(SqlErr::UniqueConstraintViolation(_)) => ApiError::Conflict(message.to_owned()),
            _ => ApiError::from(e),
        })
    }
}

/// A period that cannot be read is a 422 on the `period` field, wherever it came from.
impl From<kinerja_domain::PeriodError> for ApiError {
    fn from(e: kinerja_domain::PeriodError) -> Self {
        Self::field("period", &e)
    }
}

impl From<validator::ValidationErrors> for ApiError {
    fn from(errs: validator::ValidationErrors) -> Self {
        // Nested structs and lists too, each named by its path (`complaint_class_days.ringan`).
        let out = kinerja_types::field_paths::flat(&errs)
            .into_iter()
            .map(|(field, e)| {
                let mut error = FieldError::new(field, e);
                // The rule's own Indonesian words, where the request type gives some.
                if let Some(m) = &e.message {
                    error.message = m.to_string();
                }
                error
            })
            .collect();
        Self::fields(out)
    }
}

/// The mark of an answer that is a page the server rendered for a person, errors included.
#[derive(Debug, Clone, Copy)]
pub struct RenderedPage;

/// Gives every error answer that is not yet problem+json (payload limits, wrong methods, actix's
/// own rejections) a problem body with the same status, and never lets an internal message out.
/// A page the server rendered (`pages`, marked [`RenderedPage`]: HTML that says what went wrong)
/// is left as it is.
pub fn problem_fallback<B>(
    res: actix_web::dev::ServiceResponse<B>,
) -> actix_web::Result<actix_web::middleware::ErrorHandlerResponse<B>> {
    use actix_web::middleware::ErrorHandlerResponse;
    let is_problem = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(|v| v.starts_with("application/problem+json"))
        .unwrap_or(false)
        || res.response().extensions().get::<RenderedPage>().is_some();
    let status = res.status();
    if is_problem || !(status.is_client_error() || status.is_server_error()) {
        return Ok(ErrorHandlerResponse::Response(res.map_into_left_body()));
    }
    let (code, title, detail) = match status.as_u16() {
        404 => ("not_found", "Tidak ditemukan", "Data tidak ditemukan"),
        405 => ("method_not_allowed", "Metode tidak diizinkan", "Metode HTTP ini tidak didukung untuk alamat ini"),
        413 => ("payload_too_large", "Data terlalu besar", "Badan permintaan melebihi batas ukuran"),
        415 => ("unsupported_media_type", "Jenis konten tidak didukung", "Jenis konten tidak didukung"),
        s if s >= 500 => ("internal", "Kesalahan server", "Terjadi kesalahan pada server; kejadian ini telah dicatat"),
        _ => ("bad_request", "Permintaan tidak valid", "Permintaan tidak dapat diproses"),
    };
    let problem = Problem {
        kind: format!("/problems/{code}"),
        title: title.into(),
        status: status.as_u16(),
        detail: detail.into(),
        code: code.into(),
        errors: Vec::new(),
    };
    let (req, _) = res.into_parts();
    let mut response = HttpResponse::build(status);
    response.insert_header((header::CONTENT_TYPE, "application/problem+json"));
    let response = response.body(serde_json::to_string(&problem).unwrap_or_default());
    Ok(ErrorHandlerResponse::Response(actix_web::dev::ServiceResponse::new(req, response).map_into_right_body()))
}
