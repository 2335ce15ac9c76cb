//! Filling `{name}` placeholders of the texts shared by the server and the SPA.

use std::collections::BTreeMap;

/// [`fill`] for a reader: a parameter that is a date (`2026-12-02`, as the server records it) is
/// written as the reader reads dates ([`crate::text::day`]: `Rabu, 02/12/2026`).
pub fn fill_for(template: &str, params: &BTreeMap<String, String>, english: bool) -> String {
    let readable: BTreeMap<String, String> = params
        .iter()
        .map(|(k, v)| {
            let shown = match chrono::NaiveDate::parse_from_str(v, "%Y-%m-%d") {
                Ok(date) if v.len() == 10 => crate::text::day(date, english),
                _ => v.clone(),
            };
            (k.clone(), shown)
        })
        .collect();
    fill(template, &readable)
}

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_written_for_the_reader() {
        let params = BTreeMap::from([("date".to_owned(), "2026-12-02".to_owned()), ("n".to_owned(), "3".to_owned())]);
        assert_eq!(fill_for("pada {date} ({n})", &params, false), "pada Rabu, 02/12/2026 (3)");
        assert_eq!(fill_for("on {date}", &params, true), "on Wednesday, 02/12/2026");
        assert_eq!(fill("pada {date}", &params), "pada 2026-12-02");
    }
}
