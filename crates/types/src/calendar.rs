//! A person's working calendar on the wire: what each day is for them and what it may hold.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use validator::Validate;

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

/// A leave or absence recorded for an employee by the BKPSDM: the days it covers are excused
/// everywhere (daily log, reminders, attention list, TPP).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Leave {
    pub id: i64,
    pub employee_id: i64,
    pub employee_name: String,
    pub nip: String,
    pub kind: kinerja_domain::calendar::LeaveKind,
    /// From and until (inclusive).
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    /// The letter that grants it (nomor surat cuti or surat tugas), if any.
    pub reference: Option<String>,
    pub created_at: DateTime<Utc>,
    /// Annulled (recorded in error, or cut short): kept on record, excuses nothing.
    pub annulled_at: Option<DateTime<Utc>>,
}

/// Body of `POST /leave` (admin).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewLeave {
    pub employee_id: i64,
    pub kind: kinerja_domain::calendar::LeaveKind,
    /// From and until (inclusive), at most 3 years apart.
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    #[validate(length(min = 1, max = 100, message = "nomor surat 1-100 karakter"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 100))]
    pub reference: Option<String>,
}

/// Outcome of `POST /settings/holidays`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HolidayImport {
    /// The years whose holidays the file replaced.
    pub years: Vec<i32>,
    /// National holidays (libur nasional) and cuti bersama in the file.
    pub holidays: u64,
    pub cuti_bersama: u64,
    /// Earlier holidays of those years the file no longer lists.
    pub removed: u64,
}
