//! A person's working calendar on the wire: what each day is for them and what it may hold.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Days of `GET /api/v1/me/calendar` (both ends included; at most 62 days).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct CalendarRange {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

/// One day of a person's calendar.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CalendarDay {
    pub date: NaiveDate,
    /// `working`, `off` (not a working day of their pattern), `holiday` or `excused`.
    pub kind: String,
    /// The day's working minutes by their pattern and overrides (0 off and on holidays).
    pub minutes: u32,
    /// The most the day's activities may hold: its minutes and the overtime, within the ceiling.
    pub cap: u32,
    /// Why an excused day is: `cuti`, `sakit`, `izin`, `dinas_luar`.
    pub excuse: Option<String>,
    /// Whether activities may be logged on it (not in the future, within the window, not on
    /// leave).
    pub loggable: bool,
}

/// `GET /api/v1/me/calendar`: the days asked for, and the earliest day the person may still log.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MyCalendar {
    pub earliest: NaiveDate,
    pub days: Vec<CalendarDay>,
}
