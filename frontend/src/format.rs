//! Showing values the way people read them, in the chosen language.

use crate::i18n::Lang;
use chrono::{DateTime, NaiveDate, Utc};
use kinerja_types::Notification;
use wasm_bindgen::JsValue;

/// An instant in the browser's time zone, e.g. `23/11/2026, 09.15.00`.
pub fn instant(at: &DateTime<Utc>, lang: Lang) -> String {
    let date = js_sys::Date::new(&JsValue::from_f64(at.timestamp_millis() as f64));
    let locale = match lang {
        Lang::Id => "id-ID",
        Lang::En => "en-GB",
    };
    String::from(date.to_locale_string(locale, &JsValue::UNDEFINED))
}

/// The year today, by the browser's clock.
pub fn current_year() -> i32 {
    js_sys::Date::new_0().get_full_year() as i32
}

/// A calendar date as a person reads it, e.g. `Rabu, 02/12/2026` ([`kinerja_types::text::day`]).
pub fn date(day: &NaiveDate) -> String {
    kinerja_types::text::day(*day, crate::i18n::Lang::stored() == crate::i18n::Lang::En)
}

/// A number the way the language writes it: `12`, `99,5` (id) or `99.5` (en).
pub fn number(value: f64, lang: Lang) -> String {
    let text = value.to_string();
    match lang {
        Lang::Id => text.replace('.', ","),
        Lang::En => text,
    }
}

/// A number with exactly `decimals` decimals, e.g. `3,00` (id) or `3.00` (en).
pub fn fixed(value: f64, decimals: usize, lang: Lang) -> String {
    kinerja_types::text::decimal(value, decimals, lang == Lang::En)
}

/// Reads a number typed either way (`99,5` or `99.5`).
pub fn parse_number(text: &str) -> Option<f64> {
    text.trim().replace(',', ".").parse::<f64>().ok().filter(|v| v.is_finite())
}

/// Today by the browser's clock and time zone.
pub fn today() -> NaiveDate {
    let now = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(now.get_full_year() as i32, now.get_month() + 1, now.get_date()).unwrap_or_default()
}

/// A duration the way people say it: `45 menit`, `2 jam`, `6 jam 30 menit` (or in English).
pub fn minutes(total: u64, lang: Lang) -> String {
    let (hours, rest) = (total / 60, total % 60);
    let (h, m) = match lang {
        Lang::Id => ("jam", "menit"),
        Lang::En => ("h", "min"),
    };
    match (hours, rest) {
        (0, m_) => format!("{m_} {m}"),
        (h_, 0) => format!("{h_} {h}"),
        (h_, m_) => format!("{h_} {h} {m_} {m}"),
    }
}

/// A share as a percentage with one decimal, e.g. `37,5 %`.
pub fn percent(value: f64, lang: Lang) -> String {
    format!("{} %", number((value * 10.0).round() / 10.0, lang))
}

/// A file size, e.g. `69 B`, `12,5 KB`, `3,2 MB`.
pub fn bytes(size: u64, lang: Lang) -> String {
    const KB: f64 = 1024.0;
    let size_f = size as f64;
    if size_f < KB {
        format!("{size} B")
    } else if size_f < KB * KB {
        format!("{} KB", number((size_f / KB * 10.0).round() / 10.0, lang))
    } else {
        format!("{} MB", number((size_f / KB / KB * 10.0).round() / 10.0, lang))
    }
}

/// Hours with one decimal, e.g. `1,5 jam` (id) or `1.5 h` (en).
pub fn hours(value: f64, lang: Lang) -> String {
    let unit = match lang {
        Lang::Id => "jam",
        Lang::En => "h",
    };
    format!("{} {unit}", number((value * 10.0).round() / 10.0 + 0.0, lang))
}

/// A whole number with thousands grouped, e.g. `90.420` (id) or `90,420` (en).
pub fn count(value: u64, lang: Lang) -> String {
    let digits = value.to_string();
    let separator = match lang {
        Lang::Id => '.',
        Lang::En => ',',
    };
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(separator);
        }
        grouped.push(digit);
    }
    grouped
}

/// A notification's title and body in the reader's language, from its notice (code and
/// parameters); notifications older than notices keep the text they were stored with.
pub fn notification(note: &Notification, lang: Lang) -> (String, String) {
    match &note.notice {
        Some(notice) => notice.render(lang == Lang::En),
        None => (note.title.clone(), note.body.clone()),
    }
}
