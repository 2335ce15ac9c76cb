use crate::invalid::{Invalid, Issue};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// RFC 9457 problem details: the body of every error answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Problem {
    /// A URI naming the kind of problem.
    #[serde(rename = "type")]
    pub kind: String,
    /// Short summary of the kind of problem.
    pub title: String,
    /// The HTTP status.
    pub status: u16,
    /// What went wrong this time, in words a person can act on.
    pub detail: String,
    /// A stable machine-readable code, e.g. `validation`, `not_found`.
    pub code: String,
    /// For validation errors: each field and what is wrong with it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldError>,
}

/// One invalid field: what is wrong as a code with parameters (for clients that word it in their
/// own language, see [`Invalid`]) and in Indonesian words.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FieldError {
    pub field: String,
    /// In Indonesian.
    pub message: String,
    /// An [`Invalid`] code, e.g. `level_range`, `length`.
    #[serde(default = "invalid_code")]
    pub code: String,
    /// The values of the code's placeholders.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub params: BTreeMap<String, String>,
}

/// The code of errors a client found itself (see [`FieldError::local`]).
const LOCAL: &str = "local";

pub(crate) fn invalid_code() -> String {
    Invalid::Invalid.code().to_owned()
}

impl FieldError {
    /// The field's issue, worded in Indonesian.
    pub fn new(field: impl Into<String>, issue: impl Into<Issue>) -> Self {
        let issue = issue.into();
        Self {
            field: field.into(),
            message: issue.render(false),
            code: issue.kind.code().to_owned(),
            params: issue.params,
        }
    }

    /// An error a client found itself, already in its reader's language (code `local`).
    pub fn local(field: impl Into<String>, words: impl Into<String>) -> Self {
        Self { field: field.into(), message: words.into(), code: LOCAL.to_owned(), params: BTreeMap::new() }
    }

    /// The issue's words in the reader's language: English from the code, Indonesian as sent (a
    /// client's own `local` errors as they are).
    pub fn words(&self, english: bool) -> String {
        if self.code == LOCAL {
            return self.message.clone();
        }
        words(&self.code, &self.params, &self.message, english)
    }
}

/// Words for a coded issue: English from its code and parameters, Indonesian as sent.
pub(crate) fn words(code: &str, params: &BTreeMap<String, String>, message: &str, english: bool) -> String {
    match Invalid::from_code(code) {
        Some(kind) if english => crate::template::fill_for(kind.template(true), params, true),
        None if english => Invalid::Invalid.template(true).to_owned(),
        _ => message.to_owned(),
    }
}
