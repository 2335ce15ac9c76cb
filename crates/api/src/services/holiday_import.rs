//! The year's national holidays and cuti bersama from a CSV (`date,name[,kind]`, kind
//! `libur_nasional` or `cuti_bersama`, as the SKB of three ministers lists them), all or nothing:
//! the holidays of every year the file names are replaced by the file's, other years kept.

use super::csv_import::{err, CsvFile, ImportFailure};
use chrono::{Datelike, NaiveDate};
use kinerja_types::{HolidayImport, Invalid, Issue};
use std::collections::{BTreeSet, HashMap};

/// The most holidays a year may hold.
const MAX_PER_YEAR: usize = 60;

/// The holidays after importing `bytes` over `current`, and what the file held.
pub fn merge(current: &[NaiveDate], bytes: &[u8]) -> Result<(Vec<NaiveDate>, HolidayImport), ImportFailure> {
    let file = CsvFile::read(bytes, &["date", "name"])?;
    let mut errors = file.errors.clone();
    let mut dates: HashMap<NaiveDate, u64> = HashMap::new();
    let (mut holidays, mut cuti_bersama) = (0u64, 0u64);
    for (line, record) in &file.records {
        let line = *line;
        let name = file.get(record, "name");
        if name.is_empty() || name.chars().count() > 200 {
            errors.push(err(line, "name", Invalid::HolidayName));
        }
        match file.get(record, "kind") {
            "" | "libur_nasional" => holidays += 1,
            "cuti_bersama" => cuti_bersama += 1,
            other => {
                errors.push(err(line, "kind", Issue::new(Invalid::HolidayKind).with("code", other).with("name", name)))
            }
        }
        match NaiveDate::parse_from_str(file.get(record, "date"), "%Y-%m-%d") {
            Ok(d) => {
                if let Some(first) = dates.insert(d, line) {
                    errors.push(err(line, "date", Issue::new(Invalid::DateTwice).with("line", first)));
                }
            }
            Err(_) => errors.push(err(line, "date", Invalid::DateFormat)),
        }
    }
    if file.records.is_empty() && errors.is_empty() {
        errors.push(err(2, "file", Invalid::FileEmpty));
    }
    let years: BTreeSet<i32> = dates.keys().map(|d| d.year()).collect();
    for year in &years {
        if dates.keys().filter(|d| d.year() == *year).count() > MAX_PER_YEAR {
            errors.push(err(
                1,
                "file",
                Issue::new(Invalid::HolidaysPerYear).with("year", year).with("max", MAX_PER_YEAR),
            ));
        }
    }
    if !errors.is_empty() {
        errors.sort_by_key(|e| e.line);
        return Err(ImportFailure::Rows(errors));
    }
    let kept = current.iter().filter(|d| !years.contains(&d.year())).copied();
    let removed = current.iter().filter(|d| years.contains(&d.year()) && !dates.contains_key(d)).count() as u64;
    let next: BTreeSet<NaiveDate> = kept.chain(dates.keys().copied()).collect();
    Ok((
        next.into_iter().collect(),
        HolidayImport { years: years.into_iter().collect(), holidays, cuti_bersama, removed },
    ))
}
