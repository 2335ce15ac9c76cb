//! Activity import from a spreadsheet, for staff who keep their daily log in Excel: a CSV or XLSX
//! file of rows (date, minutes or start and end, description, the RHK by its number in the SKP or
//! its id, optionally the output) goes through exactly the rules of the daily log (the day's cap,
//! how far back, one's own RHK) row by row, in one transaction: a preview shows what would be
//! logged and every bad row at once; an import logs all rows as drafts, or nothing.

use super::entry;
use crate::audit::Actor;
use crate::entities::{rhk, skps};
use crate::error::ApiError;
use crate::services::csv_import::{err, CsvFile, ImportFailure};
use chrono::{Datelike, NaiveDate};
use kinerja_domain::SkpStatus;
use kinerja_types::{ActivityImportReport, ActivityImportRow, ImportError, Invalid, Issue, NewActivity};
use sea_orm::{ColumnTrait, DatabaseTransaction, EntityTrait, QueryFilter, QueryOrder, TransactionTrait};
use std::collections::HashMap;

/// The columns, each with the headers that name it (Indonesian first).
const COLUMNS: [(&str, &[&str]); 7] = [
    ("date", &["tanggal", "date"]),
    ("minutes", &["menit", "durasi", "minutes"]),
    ("start", &["mulai", "jam_mulai", "start"]),
    ("end", &["selesai", "jam_selesai", "end"]),
    ("description", &["uraian", "kegiatan", "description"]),
    ("rhk", &["rhk", "no_rhk"]),
    ("output_qty", &["output", "jumlah_output", "output_qty"]),
];

/// The most rows a file may hold: a month of a busy log is about 100; each row is written in the
/// file's one transaction, which holds the audit chain until it ends.
pub const MAX_ROWS: usize = 1_000;

/// A file's rows: each with its line (the header is line 1) and its cells by column.
pub struct Rows(Vec<(u64, HashMap<&'static str, String>)>);

/// The column a header names, if any.
fn column(header: &str) -> Option<&'static str> {
    let h = header.trim().to_lowercase().replace([' ', '-'], "_");
    if h == "rhk_id" {
        return Some("rhk_id");
    }
    COLUMNS.iter().find(|(_, names)| names.contains(&h.as_str())).map(|(c, _)| *c)
}

fn check_header(headers: &[Option<&'static str>]) -> Result<(), ImportFailure> {
    let has = |c: &str| headers.contains(&Some(c));
    let mut missing = Vec::new();
    for needed in ["date", "description"] {
        if !has(needed) {
            missing.push(err(1, needed, Invalid::ColumnMissing));
        }
    }
    let timed = has("minutes") || (has("start") && has("end"));
    if !timed {
        missing.push(err(1, "minutes", Invalid::ColumnMissing));
    }
    if !has("rhk") && !has("rhk_id") {
        missing.push(err(1, "rhk", Invalid::ColumnMissing));
    }
    if missing.is_empty() {
        Ok(())
    } else {
        Err(ImportFailure::Rows(missing))
    }
}

impl Rows {
    /// Reads a CSV file (UTF-8, a header row).
    pub fn csv(bytes: &[u8]) -> Result<Self, ImportFailure> {
        let file = CsvFile::read(bytes, &[])?;
        if !file.errors.is_empty() {
            return Err(ImportFailure::Rows(file.errors));
        }
        let headers: Vec<Option<&'static str>> = file.headers.iter().map(|h| column(h)).collect();
        check_header(&headers)?;
        if file.records.len() > MAX_ROWS {
            let line = file.records[MAX_ROWS].0;
            return Err(ImportFailure::Rows(vec![err(
                line,
                "file",
                Issue::new(Invalid::FileTooLong).with("max", MAX_ROWS),
            )]));
        }
        let rows = file
            .records
            .iter()
            .map(|(line, record)| {
                let cells = headers
                    .iter()
                    .zip(record.iter())
                    .filter_map(|(c, v)| c.map(|c| (c, v.trim().to_owned())))
                    .collect();
                (*line, cells)
            })
            .collect();
        Ok(Self(rows))
    }

    /// Reads the first sheet of an XLSX workbook: its first row names the columns; dates may be
    /// real dates or text, times real times or text.
    pub fn xlsx(bytes: &[u8]) -> Result<Self, ImportFailure> {
        use calamine::{Data, Reader, Xlsx};
        let unreadable = |detail: String| {
            ImportFailure::Rows(vec![err(1, "file", Issue::new(Invalid::HeaderUnreadable).with("detail", detail))])
        };
        let mut book: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes)).map_err(|e| unreadable(e.to_string()))?;
        let range = book
            .worksheet_range_at(0)
            .ok_or_else(|| unreadable("buku kerja tanpa lembar".into()))?
            .map_err(|e| unreadable(e.to_string()))?;
        // The sheet's used range may start below its first row (a title above the header).
        let top = range.start().map_or(0, |(row, _)| u64::from(row));
        let mut rows = range.rows();
        let headers: Vec<Option<&'static str>> =
            rows.next().map(|r| r.iter().map(|c| column(&c.to_string())).collect()).unwrap_or_default();
        check_header(&headers)?;
        let text = |cell: &Data, col: &str| -> String {
            match cell {
                Data::DateTime(d) => match d.as_datetime() {
                    Some(at) if col == "date" => at.date().to_string(),
                    Some(at) => at.time().format("%H:%M").to_string(),
                    None => cell.to_string(),
                },
                Data::Float(f) if col == "start" || col == "end" => {
                    // A time typed as a fraction of a day.
                    let minutes = (f * 1440.0).round() as i64;
                    format!("{:02}:{:02}", minutes / 60, minutes % 60)
                }
                Data::Float(f) if f.fract() == 0.0 => format!("{}", *f as i64),
                other => other.to_string(),
            }
        };
        let mut out = Vec::new();
        for (i, row) in rows.enumerate() {
            if i >= MAX_ROWS {
                return Err(ImportFailure::Rows(vec![err(
                    top + i as u64 + 2,
                    "file",
                    Issue::new(Invalid::FileTooLong).with("max", MAX_ROWS),
                )]));
            }
            let cells: HashMap<&'static str, String> = headers
                .iter()
                .zip(row.iter())
                .filter_map(|(c, v)| c.map(|c| (c, text(v, c).trim().to_owned())))
                .collect();
            if cells.values().all(String::is_empty) {
                continue;
            }
            out.push((top + i as u64 + 2, cells));
        }
        Ok(Self(out))
    }
}

/// A date as people type it: `2026-12-01`, `01/12/2026`, `1-12-2026`.
fn date(text: &str) -> Option<NaiveDate> {
    ["%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y"].iter().find_map(|f| NaiveDate::parse_from_str(text, f).ok())
}

/// The RHK of the employee's approved SKP of `year`, in order.
async fn my_rhk(txn: &DatabaseTransaction, me: i64, year: i32) -> Result<Vec<rhk::Model>, ImportFailure> {
    let Some(skp) = skps::Entity::find()
        .filter(skps::Column::EmployeeId.eq(me))
        .filter(skps::Column::Year.eq(year))
        .filter(skps::Column::Superseded.eq(false))
        .filter(skps::Column::Status.eq(SkpStatus::Approved.as_str()))
        .one(txn)
        .await?
    else {
        return Ok(Vec::new());
    };
    Ok(rhk::Entity::find().filter(rhk::Column::SkpId.eq(skp.id)).order_by_asc(rhk::Column::Position).all(txn).await?)
}

/// One row as the daily log's request, or what is wrong with its cells.
async fn request(
    txn: &DatabaseTransaction,
    me: i64,
    line: u64,
    cells: &HashMap<&'static str, String>,
    plans: &mut HashMap<i32, Vec<rhk::Model>>,
) -> Result<(NewActivity, String), RowRefusal> {
    let cell = |c: &str| cells.get(c).map(String::as_str).unwrap_or("");
    let mut bad = Vec::new();
    let day = date(cell("date"));
    if day.is_none() {
        bad.push(err(line, "date", Issue::new(Invalid::ImportDate).with("value", cell("date"))));
    }
    let minutes = match cell("minutes") {
        "" => None,
        m => match m.parse::<u32>() {
            Ok(m) => Some(m),
            Err(_) => {
                bad.push(err(line, "minutes", Issue::new(Invalid::ImportNumber).with("value", m)));
                None
            }
        },
    };
    let output_qty = match cell("output_qty") {
        "" => None,
        q => match q.replace(',', ".").parse::<f64>() {
            Ok(q) => Some(q),
            Err(_) => {
                bad.push(err(line, "output_qty", Issue::new(Invalid::ImportNumber).with("value", q)));
                None
            }
        },
    };
    let mut rhk_text = String::new();
    let rhk_id = match (day, cell("rhk_id"), cell("rhk")) {
        (_, id, _) if !id.is_empty() => id.parse::<i64>().ok(),
        (Some(day), _, number) => {
            let plan = match plans.get(&day.year()) {
                Some(p) => p,
                None => {
                    let p = my_rhk(txn, me, day.year()).await?;
                    plans.entry(day.year()).or_insert(p)
                }
            };
            let wanted = number.trim_start_matches(|c: char| !c.is_ascii_digit()).parse::<usize>().ok();
            match wanted.and_then(|n| n.checked_sub(1)).and_then(|i| plan.get(i)) {
                Some(r) => {
                    rhk_text = r.text.clone();
                    Some(r.id)
                }
                None => {
                    let issue = Issue::new(Invalid::ImportRhkNumber).with("value", number).with("count", plan.len());
                    bad.push(err(line, "rhk", issue));
                    None
                }
            }
        }
        _ => None,
    };
    if !bad.is_empty() {
        return Err(RowRefusal::Bad(bad));
    }
    let body = NewActivity {
        date: day.unwrap_or_default(),
        minutes,
        start: Some(cell("start").to_owned()).filter(|s| !s.is_empty()),
        end: Some(cell("end").to_owned()).filter(|s| !s.is_empty()),
        description: cell("description").to_owned(),
        rhk_id: rhk_id.unwrap_or_default(),
        output_qty,
        evidence_ids: Vec::new(),
        submit: false,
    };
    if let Err(e) = validator::Validate::validate(&body) {
        return Err(RowRefusal::Bad(errors_of(line, ApiError::from(e))));
    }
    Ok((body, rhk_text))
}

/// Why a row was not taken: its cells, or the database.
enum RowRefusal {
    Bad(Vec<ImportError>),
    Failed(ImportFailure),
}

impl From<ImportFailure> for RowRefusal {
    fn from(e: ImportFailure) -> Self {
        Self::Failed(e)
    }
}

/// The daily log's refusal of a row, as the row's errors.
fn errors_of(line: u64, e: ApiError) -> Vec<ImportError> {
    match e {
        ApiError::Validation { errors, .. } => errors
            .into_iter()
            .map(|f| ImportError { line, field: f.field, message: f.message, code: f.code, params: f.params })
            .collect(),
        other => vec![ImportError {
            line,
            field: "row".into(),
            message: other.to_string(),
            code: other.problem().code,
            params: Default::default(),
        }],
    }
}

/// Logs every row as the caller's draft under the daily log's rules, each in a savepoint of `txn`
/// so that every bad row is found; answers the report, or every bad row. The caller commits only
/// a clean import that is not a preview.
pub async fn import(
    txn: &DatabaseTransaction,
    actor: &Actor,
    me: i64,
    rows: Rows,
    preview: bool,
) -> Result<ActivityImportReport, ImportFailure> {
    if rows.0.is_empty() {
        return Err(ImportFailure::Rows(vec![err(2, "file", Invalid::FileEmpty)]));
    }
    let mut plans = HashMap::new();
    let mut bad: Vec<ImportError> = Vec::new();
    let mut done = Vec::new();
    for (line, cells) in &rows.0 {
        let (body, rhk_text) = match request(txn, me, *line, cells, &mut plans).await {
            Ok(r) => r,
            Err(RowRefusal::Bad(errors)) => {
                bad.extend(errors);
                continue;
            }
            Err(RowRefusal::Failed(e)) => return Err(e),
        };
        let point = txn.begin().await?;
        match entry::create(&point, actor, me, &body).await {
            Ok(a) => {
                point.commit().await?;
                done.push(ActivityImportRow {
                    line: *line,
                    date: a.date,
                    minutes: a.minutes,
                    description: a.description,
                    rhk_id: a.rhk_id,
                    rhk_text: if rhk_text.is_empty() { a.rhk_text } else { rhk_text },
                });
            }
            Err(e) => {
                point.rollback().await?;
                // The row's own refusal is listed; the database failing is not the row's fault.
                match e {
                    ApiError::Internal(_) | ApiError::Unavailable | ApiError::Busy { .. } => return Err(e.into()),
                    e => bad.extend(errors_of(*line, e)),
                }
            }
        }
    }
    if !bad.is_empty() {
        return Err(ImportFailure::Rows(bad));
    }
    Ok(ActivityImportReport {
        preview,
        imported: if preview { 0 } else { done.len() as u64 },
        minutes: done.iter().map(|r| u64::from(r.minutes)).sum(),
        rows: done,
    })
}
