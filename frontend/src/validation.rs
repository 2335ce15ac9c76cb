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
    // Nested structs and lists too, named by their path as the server names them.
    let mut out: HashMap<String, String> = HashMap::new();
    for (field, e) in kinerja_types::field_paths::flat(&errors) {
        let text = describe(e, i18n);
        out.entry(field).and_modify(|t| *t = format!("{t}; {text}")).or_insert(text);
    }
    out
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
