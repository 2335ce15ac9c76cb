//! Assessment periods by the Pemda's frequency: the one running today, the ones before and after
//! it, and a period in words.

use crate::i18n::I18n;
use chrono::NaiveDate;
use kinerja_domain::Period;
use kinerja_types::AssessmentFrequency;

/// The period of `frequency` that `today` falls in: `2026-S2`, `2026-Q4` or `2026-11`.
pub fn current(frequency: AssessmentFrequency, today: NaiveDate) -> Period {
    match frequency {
        AssessmentFrequency::Quarterly => Period::quarter_of(today),
        AssessmentFrequency::Monthly => Period::month_of(today),
        AssessmentFrequency::Semester => Period::semester_of(today),
    }
}

/// The period just after `period`, of the same kind (the domain has the one before,
/// `Period::previous`).
pub fn next(period: Period) -> Period {
    match period {
        Period::Year(y) => Period::Year(y + 1),
        Period::Semester(y, 2) => Period::Semester(y + 1, 1),
        Period::Semester(y, h) => Period::Semester(y, h + 1),
        Period::Quarter(y, 4) => Period::Quarter(y + 1, 1),
        Period::Quarter(y, q) => Period::Quarter(y, q + 1),
        Period::Month(y, 12) => Period::Month(y + 1, 1),
        Period::Month(y, m) => Period::Month(y, m + 1),
    }
}

/// The kinds of period an assessment may have: the frequency's own and the whole year (the
/// `PeriodPicker`'s names).
pub fn kinds(frequency: AssessmentFrequency) -> &'static [&'static str] {
    match frequency {
        AssessmentFrequency::Quarterly => &["quarter", "year"],
        AssessmentFrequency::Monthly => &["month", "year"],
        AssessmentFrequency::Semester => &["semester", "year"],
    }
}

/// A period in words: `November 2026`, `Triwulan 4 2026`, `Tahun 2026`.
pub fn words(period: Period, i18n: &I18n) -> String {
    match period {
        Period::Month(y, m) => format!("{} {y}", i18n.t(&format!("month.{m}"))),
        Period::Semester(y, h) => format!("{} {y}", i18n.tf("period.semester_n", &[("n", &h.to_string())])),
        Period::Quarter(y, q) => format!("{} {y}", i18n.tf("period.quarter_n", &[("n", &q.to_string())])),
        Period::Year(y) => i18n.tf("period.year_n", &[("year", &y.to_string())]),
    }
}

/// The words of a period as the server spells it (`2026-Q3`), or the spelling itself.
pub fn words_of(raw: &str, i18n: &I18n) -> String {
    raw.parse::<Period>().map(|p| words(p, i18n)).unwrap_or_else(|_| raw.to_owned())
}
