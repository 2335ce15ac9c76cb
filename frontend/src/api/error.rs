//! The one error type of every API call, and the words shown for it.

use crate::i18n::{I18n, Lang};
use kinerja_types::{FieldError, Problem};

/// Why an API call failed. Built from the status and the problem+json body.
#[derive(Debug, Clone, PartialEq)]
pub enum ApiError {
    /// The server could not be reached.
    Network,
    /// 401: no session, or it is over.
    Unauthorized(Option<String>),
    /// 403: visible but not allowed.
    Forbidden(Option<String>),
    /// 404.
    NotFound(Option<String>),
    /// 409: wrong state or duplicate.
    Conflict(Option<String>),
    /// 400 or 422: the request or some of its fields are wrong.
    Invalid { detail: Option<String>, fields: Vec<FieldError> },
    /// 429, with the seconds the server asks to wait (`Retry-After`) when it said.
    TooManyRequests { retry_after: Option<u64> },
    /// 503: the database does not answer.
    Unavailable,
    /// 500 and other server failures; never shows details.
    Server,
    /// Any other status (413, 415...).
    Other { status: u16, detail: Option<String> },
    /// The answer was not what the contract says.
    BadResponse,
}

impl ApiError {
    /// Maps a failed answer; `problem` is its body when it was problem+json.
    pub fn from_status(status: u16, problem: Option<Problem>) -> Self {
        let detail = problem.as_ref().map(|p| p.detail.trim().to_owned()).filter(|d| !d.is_empty());
        match status {
            400 | 422 => ApiError::Invalid { detail, fields: problem.map(|p| p.errors).unwrap_or_default() },
            401 => ApiError::Unauthorized(detail),
            403 => ApiError::Forbidden(detail),
            404 => ApiError::NotFound(detail),
            409 => ApiError::Conflict(detail),
            429 => ApiError::TooManyRequests { retry_after: None },
            503 => ApiError::Unavailable,
            500..=599 => ApiError::Server,
            _ => ApiError::Other { status, detail },
        }
    }

    /// Adds the wait a 429 answer asked for (its `Retry-After` header, in seconds).
    pub fn with_retry_after(self, header: Option<String>) -> Self {
        match self {
            ApiError::TooManyRequests { .. } => {
                ApiError::TooManyRequests { retry_after: header.and_then(|h| h.trim().parse().ok()) }
            }
            other => other,
        }
    }

    /// What to tell the user: the server's own words when it gave some and they are in the
    /// reader's language (the server words its details in Indonesian), else ours. Invalid fields
    /// are worded from their codes.
    pub fn message(&self, i18n: &I18n) -> String {
        let english = i18n.lang() == Lang::En;
        let own = |detail: &Option<String>, key: &str| match detail {
            Some(d) if !english => d.clone(),
            _ => i18n.t(key).to_owned(),
        };
        if let ApiError::Invalid { fields, .. } = self {
            if english && !fields.is_empty() {
                return fields.iter().map(|f| format!("{}: {}", f.field, f.words(true))).collect::<Vec<_>>().join("; ");
            }
        }
        match self {
            ApiError::Network => i18n.t("error.network").to_owned(),
            ApiError::Unauthorized(d) => own(d, "error.unauthorized"),
            ApiError::Forbidden(d) => own(d, "error.forbidden"),
            ApiError::NotFound(d) => own(d, "error.not_found"),
            ApiError::Conflict(d) => own(d, "error.conflict"),
            ApiError::Invalid { detail, .. } => own(detail, "error.invalid"),
            ApiError::TooManyRequests { retry_after: None } => i18n.t("error.too_many").to_owned(),
            ApiError::TooManyRequests { retry_after: Some(seconds) } => {
                i18n.tf("error.too_many_wait", &[("minutes", &seconds.div_ceil(60).max(1).to_string())])
            }
            ApiError::Unavailable => i18n.t("error.unavailable").to_owned(),
            ApiError::Server => i18n.t("error.server").to_owned(),
            ApiError::Other { status, detail } => match detail {
                Some(d) if !english => d.clone(),
                _ => i18n.tf("error.other", &[("status", &status.to_string())]),
            },
            ApiError::BadResponse => i18n.t("error.bad_response").to_owned(),
        }
    }

    /// Every invalid field the server named.
    pub fn fields(&self) -> &[FieldError] {
        match self {
            ApiError::Invalid { fields, .. } => fields,
            _ => &[],
        }
    }

    /// What the server said about `field`, if anything, in the reader's language.
    pub fn field(&self, field: &str) -> Option<String> {
        let english = Lang::stored() == Lang::En;
        let messages: Vec<String> =
            self.fields().iter().filter(|e| e.field == field).map(|e| e.words(english)).collect();
        (!messages.is_empty()).then(|| messages.join("; "))
    }
}
