//! Working days of the office calendar ([`Calendar::office`]): Monday to Friday, minus the Pemda's
//! holidays. Complaint deadlines (verify within 3, respond within 5) still count these.

use crate::calendar::Calendar;
use chrono::NaiveDate;
use std::collections::HashSet;

/// Whether `d` is a working day of the office calendar.
pub fn is_working_day(d: NaiveDate, holidays: &HashSet<NaiveDate>) -> bool {
    Calendar::office(holidays.clone()).is_working_day(d)
}

/// The day on which `n` working days after `start` have passed (the start day itself not counted).
pub fn add_working_days(start: NaiveDate, n: u32, holidays: &HashSet<NaiveDate>) -> NaiveDate {
    Calendar::office(holidays.clone()).add_working_days(start, n)
}

/// Whether a deadline of `n` working days from `start` has passed on `today`.
pub fn is_overdue(start: NaiveDate, n: u32, today: NaiveDate, holidays: &HashSet<NaiveDate>) -> bool {
    today > add_working_days(start, n, holidays)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).unwrap()
    }

    #[test]
    fn skips_weekends_and_holidays() {
        let none = HashSet::new();
        // Friday 20 Nov + 3 working days = Wednesday 25 Nov.
        assert_eq!(add_working_days(d(11, 20), 3, &none), d(11, 25));
        // With Monday 23 Nov a holiday: Thursday 26 Nov.
        let holiday = HashSet::from([d(11, 23)]);
        assert_eq!(add_working_days(d(11, 20), 3, &holiday), d(11, 26));
        // Filed on Saturday: counting starts Monday.
        assert_eq!(add_working_days(d(11, 21), 1, &none), d(11, 23));
        assert!(!is_overdue(d(11, 20), 3, d(11, 25), &none));
        assert!(is_overdue(d(11, 20), 3, d(11, 26), &none));
        assert!(!is_working_day(d(11, 22), &none));
    }
}
