//! Working days: the week a date falls in and the working day before it, skipping weekends and
//! the Pemda's holidays (from the settings).

use chrono::{Datelike, Duration, NaiveDate, Weekday};

/// Monday and Sunday of the week of `day`.
pub fn week_of(day: NaiveDate) -> (NaiveDate, NaiveDate) {
    let monday = day - Duration::days(i64::from(day.weekday().num_days_from_monday()));
    (monday, monday + Duration::days(6))
}

/// Whether people work on `day`: not a weekend, not a holiday.
pub fn is_working_day(day: NaiveDate, holidays: &[NaiveDate]) -> bool {
    !matches!(day.weekday(), Weekday::Sat | Weekday::Sun) && !holidays.contains(&day)
}

/// The last working day before `day` (looking back at most a month).
pub fn previous_working_day(day: NaiveDate, holidays: &[NaiveDate]) -> NaiveDate {
    (1..=31)
        .map(|back| day - Duration::days(back))
        .find(|d| is_working_day(*d, holidays))
        .unwrap_or(day - Duration::days(1))
}

/// The i18n key of the day's name, e.g. `weekday.mon`.
pub fn weekday_key(day: NaiveDate) -> &'static str {
    match day.weekday() {
        Weekday::Mon => "weekday.mon",
        Weekday::Tue => "weekday.tue",
        Weekday::Wed => "weekday.wed",
        Weekday::Thu => "weekday.thu",
        Weekday::Fri => "weekday.fri",
        Weekday::Sat => "weekday.sat",
        Weekday::Sun => "weekday.sun",
    }
}
