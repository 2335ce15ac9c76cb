//! Assessment and reporting periods: `2026`, `2026-S1` and `2026-S2` (semesters), `2026-Q1`..`2026-Q4`,
//! `2026-01`..`2026-12`.

use chrono::NaiveDate;
use std::fmt;
use std::str::FromStr;

/// A calendar period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Period {
    Year(i32),
    /// A half year: 1 is January–June, 2 July–December.
    Semester(i32, u32),
    Quarter(i32, u32),
    Month(i32, u32),
}

/// Why a period string is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("periode '{0}' tidak valid; gunakan 2026, 2026-S1 atau 2026-S2, 2026-Q1 sampai 2026-Q4, atau 2026-01 sampai 2026-12")]
pub struct PeriodError(pub String);

impl Period {
    /// The year the period falls in.
    pub fn year(self) -> i32 {
        match self {
            Period::Year(y) | Period::Semester(y, _) | Period::Quarter(y, _) | Period::Month(y, _) => y,
        }
    }

    /// First and last day, inclusive.
    pub fn bounds(self) -> (NaiveDate, NaiveDate) {
        let (y, first, last) = match self {
            Period::Year(y) => (y, 1, 12),
            Period::Semester(y, h) => (y, h * 6 - 5, h * 6),
            Period::Quarter(y, q) => (y, q * 3 - 2, q * 3),
            Period::Month(y, m) => (y, m, m),
        };
        let start = NaiveDate::from_ymd_opt(y, first, 1).unwrap_or(NaiveDate::MIN);
        let next =
            if last == 12 { NaiveDate::from_ymd_opt(y + 1, 1, 1) } else { NaiveDate::from_ymd_opt(y, last + 1, 1) };
        let end = next.and_then(|d| d.pred_opt()).unwrap_or(NaiveDate::MAX);
        (start, end)
    }

    /// The quarter a date falls in.
    pub fn quarter_of(date: NaiveDate) -> Period {
        use chrono::Datelike;
        Period::Quarter(date.year(), (date.month() - 1) / 3 + 1)
    }

    /// The semester a date falls in.
    pub fn semester_of(date: NaiveDate) -> Period {
        use chrono::Datelike;
        Period::Semester(date.year(), if date.month() <= 6 { 1 } else { 2 })
    }

    /// The month a date falls in.
    pub fn month_of(date: NaiveDate) -> Period {
        use chrono::Datelike;
        Period::Month(date.year(), date.month())
    }

    /// The period of the same kind just before this one.
    pub fn previous(self) -> Period {
        match self {
            Period::Year(y) => Period::Year(y - 1),
            Period::Semester(y, 1) => Period::Semester(y - 1, 2),
            Period::Semester(y, h) => Period::Semester(y, h - 1),
            Period::Quarter(y, 1) => Period::Quarter(y - 1, 4),
            Period::Quarter(y, q) => Period::Quarter(y, q - 1),
            Period::Month(y, 1) => Period::Month(y - 1, 12),
            Period::Month(y, m) => Period::Month(y, m - 1),
        }
    }

    /// Whether `date` lies inside the period.
    pub fn contains(self, date: NaiveDate) -> bool {
        let (a, b) = self.bounds();
        a <= date && date <= b
    }
}

impl FromStr for Period {
    type Err = PeriodError;
    fn from_str(raw: &str) -> Result<Self, Self::Err> {
        let err = || PeriodError(raw.to_owned());
        let s = raw.trim();
        let year = |y: &str| -> Result<i32, PeriodError> {
            if y.len() != 4 {
                return Err(err());
            }
            y.parse::<i32>().ok().filter(|y| (1900..=9999).contains(y)).ok_or_else(err)
        };
        match s.split_once('-') {
            None => Ok(Period::Year(year(s)?)),
            Some((y, rest)) => {
                let y = year(y)?;
                if let Some(h) = rest.strip_prefix('S') {
                    return match h {
                        "1" | "2" => Ok(Period::Semester(y, if h == "1" { 1 } else { 2 })),
                        _ => Err(err()),
                    };
                }
                if let Some(q) = rest.strip_prefix('Q') {
                    let q: u32 = q.parse().map_err(|_| err())?;
                    if (1..=4).contains(&q) && rest.len() == 2 {
                        return Ok(Period::Quarter(y, q));
                    }
                    return Err(err());
                }
                let m: u32 = rest.parse().map_err(|_| err())?;
                if rest.len() == 2 && (1..=12).contains(&m) {
                    Ok(Period::Month(y, m))
                } else {
                    Err(err())
                }
            }
        }
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Period::Year(y) => write!(f, "{y}"),
            Period::Semester(y, h) => write!(f, "{y}-S{h}"),
            Period::Quarter(y, q) => write!(f, "{y}-Q{q}"),
            Period::Month(y, m) => write!(f, "{y}-{m:02}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_period_before_crosses_years() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        assert_eq!(Period::quarter_of(d(2026, 11, 23)), Period::Quarter(2026, 4));
        assert_eq!(Period::quarter_of(d(2026, 3, 31)), Period::Quarter(2026, 1));
        assert_eq!(Period::month_of(d(2026, 1, 1)), Period::Month(2026, 1));
        assert_eq!(Period::Quarter(2026, 1).previous(), Period::Quarter(2025, 4));
        assert_eq!(Period::Quarter(2026, 4).previous(), Period::Quarter(2026, 3));
        assert_eq!(Period::Month(2026, 1).previous(), Period::Month(2025, 12));
        assert_eq!(Period::Month(2026, 7).previous(), Period::Month(2026, 6));
        assert_eq!(Period::Year(2026).previous(), Period::Year(2025));
        assert_eq!(Period::semester_of(d(2026, 6, 30)), Period::Semester(2026, 1));
        assert_eq!(Period::semester_of(d(2026, 7, 1)), Period::Semester(2026, 2));
        assert_eq!(Period::Semester(2026, 1).previous(), Period::Semester(2025, 2));
        assert_eq!(Period::Semester(2026, 2).previous(), Period::Semester(2026, 1));
    }

    #[test]
    fn parses_every_form() {
        assert_eq!("2026".parse(), Ok(Period::Year(2026)));
        assert_eq!("2026-Q4".parse(), Ok(Period::Quarter(2026, 4)));
        assert_eq!("2026-02".parse(), Ok(Period::Month(2026, 2)));
        assert_eq!("2026-S2".parse(), Ok(Period::Semester(2026, 2)));
        assert_eq!(Period::Semester(2026, 1).to_string(), "2026-S1");
        for bad in ["26", "2026-S3", "2026-S0", "2026-S", "2026-S12", "2026-Q5", "2026-13", "2026-1", "2026-Q", "x"] {
            assert!(bad.parse::<Period>().is_err(), "{bad}");
        }
        assert_eq!(Period::Month(2026, 2).to_string(), "2026-02");
    }

    #[test]
    fn bounds() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(Period::Month(2028, 2).bounds(), (d(2028, 2, 1), d(2028, 2, 29)));
        assert_eq!(Period::Quarter(2026, 4).bounds(), (d(2026, 10, 1), d(2026, 12, 31)));
        assert!(Period::Year(2026).contains(d(2026, 6, 1)));
        assert_eq!(Period::Semester(2026, 1).bounds(), (d(2026, 1, 1), d(2026, 6, 30)));
        assert_eq!(Period::Semester(2026, 2).bounds(), (d(2026, 7, 1), d(2026, 12, 31)));
    }
}
