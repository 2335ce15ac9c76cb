//! Rules for text that both the server and the SPA apply: which characters a text field may hold,
//! and how a cell is written into a CSV file that a spreadsheet will open.

use std::borrow::Cow;

/// Whether `c` is a control character that no text field accepts: the C0 controls (U+0000 to
/// U+001F) and DEL, except tab and the line breaks LF and CR. PostgreSQL cannot store NUL, and
/// the others only hide text from the reader.
pub fn is_forbidden_control(c: char) -> bool {
    (c.is_ascii_control() && !matches!(c, '\t' | '\n' | '\r')) || c == '\u{7f}'
}

/// Whether `text` holds a character that [`is_forbidden_control`] refuses.
pub fn has_forbidden_control(text: &str) -> bool {
    text.chars().any(is_forbidden_control)
}

/// A cell as it is safe to write into a CSV file: a text that a spreadsheet would read as a
/// formula (its first visible character `=`, `+`, `-` or `@`, or a leading tab or CR) gets a
/// leading apostrophe, so Excel and LibreOffice show it as text instead of evaluating it. A plain
/// number (`-5`, `+62`, `-1.5`) stays as it is, so figures remain figures.
pub fn spreadsheet_cell(text: &str) -> Cow<'_, str> {
    let visible = text.trim_start_matches([' ', '\u{a0}']);
    let risky = text.starts_with(['\t', '\r']) || visible.starts_with(['=', '+', '-', '@']);
    if risky && !is_plain_number(visible) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// `-12`, `+62`, `-0.5`: a sign, digits and at most one decimal point, nothing else.
fn is_plain_number(text: &str) -> bool {
    let body = text.strip_prefix(['-', '+']).unwrap_or(text);
    let mut points = 0;
    !body.is_empty()
        && body.chars().all(|c| {
            if c == '.' {
                points += 1;
            }
            c.is_ascii_digit() || c == '.'
        })
        && points <= 1
        && body.chars().any(|c| c.is_ascii_digit())
}

/// `value` with `decimals` digits after the decimal mark, written as the reader's language writes
/// it (a comma in Indonesian, a point in English).
pub fn decimal(value: f64, decimals: usize, english: bool) -> String {
    let text = format!("{value:.decimals$}");
    if english {
        text
    } else {
        text.replace('.', ",")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised_and_numbers_kept() {
        for risky in ["=1+1", "+SUM(A1)", "-2+3", "@cmd", " =HYPERLINK(\"x\")", "\t=1", "\r=1", "-", "=", "+62 812"] {
            assert_eq!(spreadsheet_cell(risky), format!("'{risky}"), "{risky:?}");
        }
        for safe in ["Rapat koordinasi", "-5", "+62", "-1.5", "120", "", "a=b", "e-mail"] {
            assert_eq!(spreadsheet_cell(safe), safe, "{safe:?}");
        }
    }

    #[test]
    fn control_characters() {
        assert!(has_forbidden_control("a\u{0}b"));
        assert!(has_forbidden_control("\u{1b}[31m"));
        assert!(has_forbidden_control("del\u{7f}"));
        assert!(!has_forbidden_control("baris\nkedua\r\n\tmenjorok"));
        assert!(!has_forbidden_control("Ümlaut é 中文"));
    }

    #[test]
    fn decimals_as_each_language_writes_them() {
        assert_eq!(super::decimal(83.333, 2, false), "83,33");
        assert_eq!(super::decimal(83.335, 1, true), "83.3");
    }
}

/// A day as a person reads it: `Rabu, 02/12/2026` (or `Wednesday, 02/12/2026` in English). Every
/// date shown to a person goes through here: the SPA's and the messages' of the server.
pub fn day(date: chrono::NaiveDate, english: bool) -> String {
    use chrono::{Datelike, Weekday};
    let name = match (date.weekday(), english) {
        (Weekday::Mon, false) => "Senin",
        (Weekday::Tue, false) => "Selasa",
        (Weekday::Wed, false) => "Rabu",
        (Weekday::Thu, false) => "Kamis",
        (Weekday::Fri, false) => "Jumat",
        (Weekday::Sat, false) => "Sabtu",
        (Weekday::Sun, false) => "Minggu",
        (Weekday::Mon, true) => "Monday",
        (Weekday::Tue, true) => "Tuesday",
        (Weekday::Wed, true) => "Wednesday",
        (Weekday::Thu, true) => "Thursday",
        (Weekday::Fri, true) => "Friday",
        (Weekday::Sat, true) => "Saturday",
        (Weekday::Sun, true) => "Sunday",
    };
    format!("{name}, {}", date.format("%d/%m/%Y"))
}

#[cfg(test)]
mod day_tests {
    #[test]
    fn a_day_in_indonesian_and_english() {
        let d = chrono::NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
        assert_eq!(super::day(d, false), "Rabu, 02/12/2026");
        assert_eq!(super::day(d, true), "Wednesday, 02/12/2026");
    }
}
