//! Showing values the way people read them, in the chosen language.

use crate::i18n::Lang;
use chrono::{DateTime, Utc};
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
