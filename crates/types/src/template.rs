//! Filling `{name}` placeholders of the texts shared by the server and the SPA.

use std::collections::BTreeMap;

/// Replaces each `{name}` of the template by its parameter; an unknown placeholder stays as written.
pub fn fill(template: &str, params: &BTreeMap<String, String>) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}').map(|close| (&after[..close], close)) {
            Some((name, close)) if params.contains_key(name) => {
                out.push_str(&params[name]);
                rest = &after[close + 1..];
            }
            _ => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}
