//! Words for the `validator` errors of the shared request types, so that forms check on the
//! device with the same rules the server applies.

use crate::i18n::I18n;
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

fn describe(error: &ValidationError, i18n: &I18n) -> String {
    if let Some(message) = &error.message {
        return message.to_string();
    }
    let param = |name: &str| error.params.get(name).map(|v| v.to_string());
    match (error.code.as_ref(), param("min"), param("max"), param("equal")) {
        ("range", Some(min), Some(max), _) => i18n.tf("validation.range", &[("min", &min), ("max", &max)]),
        ("length", _, _, Some(equal)) => i18n.tf("validation.length_equal", &[("n", &equal)]),
        ("length", Some(min), Some(max), _) => i18n.tf("validation.length", &[("min", &min), ("max", &max)]),
        _ => i18n.t("validation.invalid").to_owned(),
    }
}
