//! Words for the `validator` errors of the shared request types, so that forms check on the
//! device with the same rules the server applies.

use crate::i18n::{I18n, Lang};
use kinerja_types::Issue;
use std::collections::HashMap;
use validator::{Validate, ValidationError};

/// Field name → what is wrong with it, for every rule `value` breaks.
pub fn check<T: Validate>(value: &T, i18n: &I18n) -> HashMap<String, String> {
    let Err(errors) = value.validate() else {
        return HashMap::new();
    };
    errors
        .field_errors()
        .into_iter()
        .map(|(field, list)| {
            let text = list.iter().map(|e| describe(e, i18n)).collect::<Vec<_>>().join("; ");
            (field.to_string(), text)
        })
        .collect()
}

/// A broken rule in the reader's language: the request type's own Indonesian words where it gives
/// some, else (and always in English) the words of the rule's code and bounds.
fn describe(error: &ValidationError, i18n: &I18n) -> String {
    let english = i18n.lang() == Lang::En;
    match &error.message {
        Some(message) if !english => message.to_string(),
        _ => Issue::from(error).render(english),
    }
}
