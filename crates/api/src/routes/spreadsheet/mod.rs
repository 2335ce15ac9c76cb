//! Every download of a list or report, in the form its reader wants:
//! - `?format=csv` (or `Accept: text/csv`): the contract's CSV for scripts and other systems —
//!   machine headers, commas, a decimal point, RFC 4180 quoting, formula-like text neutralised;
//! - `?format=csv&lang=id`: the same rows for a person opening them in Excel set to Indonesian —
//!   a UTF-8 BOM, Indonesian headers, `;` between cells, a decimal comma, hours instead of minutes,
//!   percentages instead of fractions, dates as `dd/mm/yyyy`, Ya/Tidak, status words;
//! - `?format=xlsx`: a workbook with the Indonesian headers and real numbers, dates and
//!   percentages that Excel formats itself, whatever its language.
//!
//! What each column is comes from [`columns`], by the machine name of the field.

pub mod columns;
mod xlsx;

use crate::error::{ApiError, ApiResult};
use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse};
use chrono::{DateTime, NaiveDate, Utc};
use columns::{column, term, Kind};
use serde::Serialize;

/// The XLSX media type.
pub const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// The form of a download.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sheet {
    /// The contract's CSV, for machines.
    Csv,
    /// CSV for a person with Excel in Indonesian.
    CsvIndonesian,
    /// An Excel workbook.
    Xlsx,
}

/// The download asked for, if any (`None`: JSON). `format` (`csv`, `xlsx`) wins over `Accept`;
/// `lang=id` turns the CSV into the one for people.
pub fn requested(req: &HttpRequest, format: Option<&str>, lang: Option<&str>) -> Option<Sheet> {
    let csv = || if lang.is_some_and(|l| l.eq_ignore_ascii_case("id")) { Sheet::CsvIndonesian } else { Sheet::Csv };
    if let Some(f) = format {
        return if f.eq_ignore_ascii_case("csv") {
            Some(csv())
        } else if f.eq_ignore_ascii_case("xlsx") {
            Some(Sheet::Xlsx)
        } else {
            None
        };
    }
    let accept = req.headers().get(header::ACCEPT).and_then(|v| v.to_str().ok()).unwrap_or_default();
    if accept.contains("text/csv") {
        Some(csv())
    } else if accept.contains(XLSX) {
        Some(Sheet::Xlsx)
    } else {
        None
    }
}

/// The rows as a table of text: the header (the fields' machine names, in their order, every
/// field that any row has) and each row's cells. A nested value is written flat: a list as its
/// items joined by ", ", an object as its JSON.
struct Table {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}

fn table<T: Serialize>(rows: &[T]) -> ApiResult<Table> {
    let values = rows
        .iter()
        .map(serde_json::to_value)
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| ApiError::Internal(anyhow::anyhow!("spreadsheet: {e}")))?;
    Ok(table_of(&values))
}

fn table_of(rows: &[serde_json::Value]) -> Table {
    let mut header: Vec<String> = Vec::new();
    for row in rows {
        if let Some(fields) = row.as_object() {
            for name in fields.keys() {
                if !header.iter().any(|h| h == name) {
                    header.push(name.clone());
                }
            }
        }
    }
    let rows = rows
        .iter()
        .map(|row| header.iter().map(|name| flat(row.get(name).unwrap_or(&serde_json::Value::Null))).collect())
        .collect();
    Table { header, rows }
}

/// One value as the text of a cell.
fn flat(value: &serde_json::Value) -> String {
    use serde_json::Value;
    match value {
        Value::Null => String::new(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => s.clone(),
        Value::Array(items) => items
            .iter()
            .map(|v| match v {
                Value::Object(_) => v.to_string(),
                other => flat(other),
            })
            .collect::<Vec<_>>()
            .join(", "),
        Value::Object(_) => value.to_string(),
    }
}

/// The header a person reads and the kind of each column of the table (an unknown name stays as
/// it is, as text). A name that means a quantity in one list and words in another (a forum's
/// `minutes` are its notulen) is read by its values: when one does not parse as the kind, the
/// column is text, under its text header.
fn described(table: &Table) -> Vec<(String, Kind)> {
    table
        .header
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let fits = |kind: Kind| {
                table
                    .rows
                    .iter()
                    .filter_map(|r| r.get(i))
                    .filter(|c| !c.is_empty())
                    .all(|c| !matches!(Value::of(c, kind), Value::Text(_)))
            };
            match column(name) {
                Some((label, kind)) if matches!(kind, Kind::Text | Kind::Code | Kind::Term) || fits(kind) => match kind
                {
                    Kind::Instant => (format!("{label} (UTC)"), kind),
                    _ => (label.to_owned(), kind),
                },
                Some((label, _)) => (columns::as_text(name).unwrap_or(label).to_owned(), Kind::Text),
                None => (name.to_owned(), Kind::Text),
            }
        })
        .collect()
}

/// Rows as a download named `name` (without extension): every download the server writes goes
/// through here.
pub fn download<T: Serialize>(sheet: Sheet, rows: &[T], name: &str) -> ApiResult<HttpResponse> {
    answer(sheet, &table(rows)?, name)
}

/// The items of a JSON list page as a download (`crate::downloads` for the lists that answer JSON only).
pub fn download_values(sheet: Sheet, rows: &[serde_json::Value], name: &str) -> ApiResult<HttpResponse> {
    answer(sheet, &table_of(rows), name)
}

fn answer(sheet: Sheet, table: &Table, name: &str) -> ApiResult<HttpResponse> {
    let (body, media, extension) = match sheet {
        Sheet::Csv => (machine_csv(table)?, "text/csv; charset=utf-8", "csv"),
        Sheet::CsvIndonesian => (indonesian_csv(table)?, "text/csv; charset=utf-8", "csv"),
        Sheet::Xlsx => (xlsx::workbook(table)?, XLSX, "xlsx"),
    };
    Ok(HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, media))
        .insert_header((header::CONTENT_DISPOSITION, format!("attachment; filename=\"{name}.{extension}\"")))
        .body(body))
}

/// The contract's CSV: our header row as it is, each cell safe from formula injection
/// ([`kinerja_types::text::spreadsheet_cell`]).
fn machine_csv(table: &Table) -> ApiResult<Vec<u8>> {
    let csv_error = |e: csv::Error| ApiError::Internal(e.into());
    let mut out = csv::Writer::from_writer(Vec::new());
    if !table.header.is_empty() {
        out.write_record(&table.header).map_err(csv_error)?;
    }
    for row in &table.rows {
        out.write_record(row.iter().map(|cell| kinerja_types::text::spreadsheet_cell(cell).into_owned()))
            .map_err(csv_error)?;
    }
    out.into_inner().map_err(|e| ApiError::Internal(anyhow::anyhow!("csv: {e}")))
}

/// The CSV for Excel in Indonesian (see the module documentation).
fn indonesian_csv(table: &Table) -> ApiResult<Vec<u8>> {
    let csv_error = |e: csv::Error| ApiError::Internal(e.into());
    let mut body = "\u{feff}".as_bytes().to_vec();
    let columns = described(table);
    let mut out = csv::WriterBuilder::new().delimiter(b';').from_writer(Vec::new());
    if !columns.is_empty() {
        out.write_record(columns.iter().map(|(label, _)| label)).map_err(csv_error)?;
    }
    for row in &table.rows {
        let cells = row.iter().zip(&columns).map(|(cell, (_, kind))| indonesian_cell(cell, *kind));
        out.write_record(cells.map(|c| kinerja_types::text::spreadsheet_cell(&c).into_owned())).map_err(csv_error)?;
    }
    body.extend(out.into_inner().map_err(|e| ApiError::Internal(anyhow::anyhow!("csv: {e}")))?);
    Ok(body)
}

/// One cell as Excel in Indonesian reads it.
fn indonesian_cell(cell: &str, kind: Kind) -> String {
    if cell.is_empty() {
        return String::new();
    }
    let decimal = |v: f64, places: usize| kinerja_types::text::decimal(v, places, false);
    match (kind, Value::of(cell, kind)) {
        (_, Value::Hours(h)) => decimal(h, 2),
        (_, Value::Percent(p)) => format!("{}%", decimal(p * 100.0, 1)),
        (_, Value::Number(n)) if n.fract() == 0.0 => format!("{n:.0}"),
        (_, Value::Number(n)) => decimal(n, 2),
        (_, Value::Date(d)) => d.format("%d/%m/%Y").to_string(),
        (_, Value::Instant(t)) => t.format("%d/%m/%Y %H:%M").to_string(),
        (_, Value::Flag(on)) => (if on { "Ya" } else { "Tidak" }).to_owned(),
        (Kind::Term, Value::Text(t)) => term(&t),
        (_, Value::Text(t)) => t,
    }
}

/// A cell read by its column's kind; a value that does not parse as its kind stays text.
enum Value {
    Text(String),
    Number(f64),
    Hours(f64),
    Percent(f64),
    Date(NaiveDate),
    Instant(DateTime<Utc>),
    Flag(bool),
}

impl Value {
    fn of(cell: &str, kind: Kind) -> Value {
        let number = || cell.parse::<f64>().ok().filter(|n| n.is_finite());
        let parsed = match kind {
            Kind::Integer | Kind::Number => number().map(Value::Number),
            Kind::Hours => number().map(|m| Value::Hours(m / 60.0)),
            Kind::Percent => number().map(Value::Percent),
            Kind::Date => NaiveDate::parse_from_str(cell, "%Y-%m-%d").ok().map(Value::Date),
            Kind::Instant => DateTime::parse_from_rfc3339(cell).ok().map(|t| Value::Instant(t.with_timezone(&Utc))),
            Kind::Flag => match cell {
                "true" => Some(Value::Flag(true)),
                "false" => Some(Value::Flag(false)),
                _ => None,
            },
            Kind::Text | Kind::Code | Kind::Term => None,
        };
        parsed.unwrap_or_else(|| Value::Text(cell.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nested_values_are_written_flat() {
        let rows = [serde_json::json!({ "id": 1, "roles": ["admin", "auditor"], "note": null, "ok": true })];
        let t = table_of(&rows);
        assert_eq!(t.header, ["id", "roles", "note", "ok"], "in the fields' order");
        assert_eq!(t.rows[0], ["1", "admin, auditor", "", "true"]);
    }

    #[test]
    fn cells_for_excel_in_indonesian() {
        assert_eq!(indonesian_cell("90", Kind::Hours), "1,50");
        assert_eq!(indonesian_cell("0.855", Kind::Percent), "85,5%");
        assert_eq!(indonesian_cell("2.5", Kind::Number), "2,50");
        assert_eq!(indonesian_cell("12", Kind::Integer), "12");
        assert_eq!(indonesian_cell("2026-12-02", Kind::Date), "02/12/2026");
        assert_eq!(indonesian_cell("true", Kind::Flag), "Ya");
        assert_eq!(indonesian_cell("sangat_baik", Kind::Term), "Sangat baik");
        assert_eq!(indonesian_cell("198503102010011002", Kind::Code), "198503102010011002");
        assert_eq!(indonesian_cell("tidak angka", Kind::Hours), "tidak angka");
    }
}
