//! CSV written on the device for tables the server has no download of, such as the attention
//! list, in the form of the server's CSV for people: a UTF-8 BOM and `;` between cells, as Excel
//! set to Indonesian reads them, RFC 4180 quoting otherwise. Cells that a spreadsheet would take
//! for a formula are written as text, by the same rule as the server's
//! ([`kinerja_types::text::spreadsheet_cell`]).

use crate::api::client::Download;
use std::borrow::Cow;

/// The CSV text of `header` and `rows`: a BOM, `;`-separated, CRLF line ends, a field quoted when
/// it holds a `;`, a comma, a quote, a line break or surrounding space (its quotes doubled).
pub fn write<R>(header: &[&str], rows: R) -> String
where
    R: IntoIterator<Item = Vec<String>>,
{
    let line = |cells: &mut dyn Iterator<Item = Cow<'_, str>>| cells.collect::<Vec<_>>().join(";");
    let mut text = String::from("\u{feff}");
    text.push_str(&line(&mut header.iter().map(|h| field(h))));
    text.push_str("\r\n");
    for row in rows {
        text.push_str(&line(
            &mut row.iter().map(|c| Cow::Owned(field(&kinerja_types::text::spreadsheet_cell(c)).into_owned())),
        ));
        text.push_str("\r\n");
    }
    text
}

/// One field, quoted when it must be.
fn field(text: &str) -> Cow<'_, str> {
    let needs_quotes = text.contains([';', ',', '"', '\r', '\n'])
        || text.starts_with(char::is_whitespace)
        || text.ends_with(char::is_whitespace);
    if needs_quotes {
        Cow::Owned(format!("\"{}\"", text.replace('"', "\"\"")))
    } else {
        Cow::Borrowed(text)
    }
}

/// `text` as a file to save under `name`.
pub fn file(text: String, name: &str) -> Download {
    Download {
        bytes: text.into_bytes(),
        filename: Some(name.to_owned()),
        content_type: "text/csv; charset=utf-8".to_owned(),
    }
}
