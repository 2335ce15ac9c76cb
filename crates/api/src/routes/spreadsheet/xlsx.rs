//! The XLSX form of a download: one sheet, a bold header row that stays in view and filters,
//! each cell written as its column's kind (numbers, hours, percentages and dates as values with an
//! Excel format; a NIP as text), columns sized to their content.

use super::columns::{term, Kind};
use super::{described, Table, Value};
use crate::error::{ApiError, ApiResult};
use chrono::{Datelike, Timelike};
use rust_xlsxwriter::{Color, ExcelDateTime, Format, Workbook, XlsxError};

fn failed(e: XlsxError) -> ApiError {
    ApiError::Internal(anyhow::anyhow!("xlsx: {e}"))
}

/// The workbook's bytes.
pub(super) fn workbook(table: &Table) -> ApiResult<Vec<u8>> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Data").map_err(failed)?;
    let head = Format::new().set_bold().set_background_color(Color::RGB(0x00E6_EEF6)).set_text_wrap();
    let hours = Format::new().set_num_format("0.00");
    let percent = Format::new().set_num_format("0.0%");
    let date = Format::new().set_num_format("dd/mm/yyyy");
    let instant = Format::new().set_num_format("dd/mm/yyyy hh:mm");
    let columns = described(table);
    for (c, (label, _)) in columns.iter().enumerate() {
        sheet.write_string_with_format(0, col(c)?, label, &head).map_err(failed)?;
    }
    for (r, cells) in table.rows.iter().enumerate() {
        let r = u32::try_from(r + 1).map_err(|_| ApiError::Internal(anyhow::anyhow!("xlsx: too many rows")))?;
        for (c, (cell, (_, kind))) in cells.iter().zip(&columns).enumerate() {
            if cell.is_empty() {
                continue;
            }
            let c = col(c)?;
            match Value::of(cell, *kind) {
                Value::Number(n) => sheet.write_number(r, c, n),
                Value::Hours(h) => sheet.write_number_with_format(r, c, h, &hours),
                Value::Percent(p) => sheet.write_number_with_format(r, c, p, &percent),
                Value::Date(d) => {
                    let at =
                        ExcelDateTime::from_ymd(year(d.year())?, d.month() as u8, d.day() as u8).map_err(failed)?;
                    sheet.write_datetime_with_format(r, c, &at, &date)
                }
                Value::Instant(t) => {
                    let at = ExcelDateTime::from_ymd(year(t.year())?, t.month() as u8, t.day() as u8)
                        .and_then(|d| d.and_hms(t.hour() as u16, t.minute() as u8, t.second()))
                        .map_err(failed)?;
                    sheet.write_datetime_with_format(r, c, &at, &instant)
                }
                Value::Flag(on) => sheet.write_string(r, c, if on { "Ya" } else { "Tidak" }),
                // A string cell is never run as a formula: no neutralising needed here.
                Value::Text(t) if *kind == Kind::Term => sheet.write_string(r, c, term(&t)),
                Value::Text(t) => sheet.write_string(r, c, fitting(&t)),
            }
            .map_err(failed)?;
        }
    }
    if !columns.is_empty() {
        let last_row = u32::try_from(table.rows.len()).unwrap_or(u32::MAX);
        sheet.set_freeze_panes(1, 0).map_err(failed)?;
        sheet.autofilter(0, 0, last_row, col(columns.len() - 1)?).map_err(failed)?;
        sheet.autofit();
    }
    book.save_to_buffer().map_err(failed)
}

/// Excel holds at most 32,767 characters in a cell: a longer text is cut, marked with "…".
fn fitting(text: &str) -> String {
    const MOST: usize = 32_767;
    if text.chars().count() <= MOST {
        return text.to_owned();
    }
    let mut cut: String = text.chars().take(MOST - 1).collect();
    cut.push('…');
    cut
}

fn col(c: usize) -> ApiResult<u16> {
    u16::try_from(c).map_err(|_| ApiError::Internal(anyhow::anyhow!("xlsx: too many columns")))
}

fn year(y: i32) -> ApiResult<u16> {
    u16::try_from(y).map_err(|_| ApiError::Internal(anyhow::anyhow!("xlsx: year {y}")))
}
