//! Every broken rule of a `validator` result with the path of its field, nested structs and lists
//! included (`complaint_class_days.ringan`, `indicators[2].target`): the server and the SPA name
//! the same field.

use validator::{ValidationError, ValidationErrors, ValidationErrorsKind};

/// Each field's path with one of its broken rules, sorted by path.
pub fn flat(errors: &ValidationErrors) -> Vec<(String, &ValidationError)> {
    let mut out = Vec::new();
    walk(errors, "", &mut out);
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

fn walk<'a>(errors: &'a ValidationErrors, prefix: &str, out: &mut Vec<(String, &'a ValidationError)>) {
    for (field, kind) in errors.errors() {
        let path = if prefix.is_empty() { field.to_string() } else { format!("{prefix}.{field}") };
        match kind {
            ValidationErrorsKind::Field(list) => out.extend(list.iter().map(|e| (path.clone(), e))),
            ValidationErrorsKind::Struct(inner) => walk(inner, &path, out),
            ValidationErrorsKind::List(items) => {
                for (i, inner) in items {
                    walk(inner, &format!("{path}[{i}]"), out);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use validator::Validate;

    #[test]
    fn nested_fields_are_named_by_their_path() {
        let mut s = crate::PemdaSettings::default();
        s.complaint_class_days.ringan = 0;
        s.objection_days = 0;
        let errors = s.validate().unwrap_err();
        let paths: Vec<String> = flat(&errors).into_iter().map(|(p, _)| p).collect();
        assert_eq!(paths, ["complaint_class_days.ringan", "objection_days"]);
    }
}
