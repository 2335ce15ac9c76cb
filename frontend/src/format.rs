//! Showing values the way people read them, in the chosen language.

use crate::i18n::Lang;
use chrono::{DateTime, NaiveDate, Utc};
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

/// A calendar date, e.g. `31/01/2027`.
pub fn date(day: &NaiveDate) -> String {
    day.format("%d/%m/%Y").to_string()
}

/// A number the way the language writes it: `12`, `99,5` (id) or `99.5` (en).
pub fn number(value: f64, lang: Lang) -> String {
    let text = value.to_string();
    match lang {
        Lang::Id => text.replace('.', ","),
        Lang::En => text,
    }
}

/// Reads a number typed either way (`99,5` or `99.5`).
pub fn parse_number(text: &str) -> Option<f64> {
    text.trim().replace(',', ".").parse::<f64>().ok().filter(|v| v.is_finite())
}
