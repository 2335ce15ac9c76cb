//! What every all-or-nothing CSV import shares: reading the file (UTF-8, optional BOM, a header
//! row naming the columns), the per-line errors, the failure type and progress reporting.

use kinerja_types::{ImportError, Invalid, Issue};
use sea_orm::DbErr;

/// Why an import wrote nothing.
#[derive(Debug)]
pub enum ImportFailure {
    /// The file has bad rows (or a bad header): each is listed.
    Rows(Vec<ImportError>),
    Db(DbErr),
}

impl From<DbErr> for ImportFailure {
    fn from(e: DbErr) -> Self {
        Self::Db(e)
    }
}

impl From<crate::error::ApiError> for ImportFailure {
    fn from(e: crate::error::ApiError) -> Self {
        Self::Db(DbErr::Custom(e.to_string()))
    }
}

/// Progress: (rows done, rows in all).
pub type Progress<'a> = &'a (dyn Fn(u64, u64) + Sync);

/// The largest file accepted, in rows.
pub const MAX_ROWS: usize = 100_000;

/// A value that is none of the vocabulary's words, with the words to choose from.
pub fn unknown_choice<'a>(value: &str, allowed: impl Iterator<Item = &'a str>) -> Issue {
    Issue::new(Invalid::UnknownChoice)
        .with("value", value.trim())
        .with("allowed", allowed.collect::<Vec<_>>().join(", "))
}

/// One bad cell.
pub fn err(line: u64, field: &str, issue: impl Into<Issue>) -> ImportError {
    ImportError::new(line, field, issue)
}

/// A parsed file: the lower-cased header and each record with its line number (the header is
/// line 1). Unreadable rows and rows beyond [`MAX_ROWS`] are reported in `errors`.
pub struct CsvFile {
    pub headers: Vec<String>,
    pub records: Vec<(u64, csv::StringRecord)>,
    pub errors: Vec<ImportError>,
}

impl CsvFile {
    /// Reads the file and checks that the `required` columns are in its header.
    pub fn read(bytes: &[u8], required: &[&str]) -> Result<CsvFile, ImportFailure> {
        let text =
            std::str::from_utf8(bytes).map_err(|_| ImportFailure::Rows(vec![err(1, "file", Invalid::FileNotUtf8)]))?;
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        // Excel set to Indonesian (and the app's own `lang=id` downloads) separates with ';'.
        let first = text.lines().next().unwrap_or_default();
        let delimiter = if first.contains(';') && !first.contains(',') { b';' } else { b',' };
        let mut reader = csv::ReaderBuilder::new()
            .trim(csv::Trim::All)
            .flexible(true)
            .delimiter(delimiter)
            .from_reader(text.as_bytes());
        let headers: Vec<String> = reader
            .headers()
            .map_err(|e| {
                ImportFailure::Rows(vec![err(1, "header", Issue::new(Invalid::HeaderUnreadable).with("detail", e))])
            })?
            .iter()
            .map(|h| h.to_lowercase())
            .collect();
        let missing: Vec<ImportError> = required
            .iter()
            .filter(|r| !headers.iter().any(|h| h == *r))
            .map(|r| err(1, r, Invalid::ColumnMissing))
            .collect();
        if !missing.is_empty() {
            return Err(ImportFailure::Rows(missing));
        }
        let mut records = Vec::new();
        let mut errors = Vec::new();
        for (i, record) in reader.records().enumerate() {
            // The line in the file as an editor shows it (a quoted cell may span lines).
            let line = record.as_ref().ok().and_then(|r| r.position()).map_or(i as u64 + 2, |p| p.line());
            if records.len() + errors.len() >= MAX_ROWS {
                errors.push(err(line, "file", Issue::new(Invalid::FileTooLong).with("max", MAX_ROWS)));
                break;
            }
            match record {
                Ok(r) => records.push((line, r)),
                Err(e) => errors.push(err(line, "row", Issue::new(Invalid::LineUnreadable).with("detail", e))),
            }
        }
        Ok(CsvFile { headers, records, errors })
    }

    /// The position of a column.
    pub fn col(&self, name: &str) -> Option<usize> {
        self.headers.iter().position(|h| h == name)
    }

    /// A cell by column name ("" when absent).
    pub fn get<'r>(&self, record: &'r csv::StringRecord, name: &str) -> &'r str {
        self.col(name).and_then(|i| record.get(i)).unwrap_or("")
    }
}
