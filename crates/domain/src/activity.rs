//! Daily activities (progres harian): their flow and the Pemda's logging rules.

use crate::org::vocabulary;
use chrono::{Duration, NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

vocabulary! {
    /// Where an activity is in its flow. A rejected one can be corrected and submitted again.
    ActivityStatus { Draft => "draft", Submitted => "submitted", Approved => "approved", Rejected => "rejected" }
}

/// An action on an activity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActivityAction {
    Edit,
    Submit,
    Approve,
    Reject,
}

impl ActivityStatus {
    /// The status after `action`, or a message saying why not.
    pub fn apply(self, action: ActivityAction) -> Result<ActivityStatus, String> {
        use ActivityAction::*;
        use ActivityStatus::*;
        let (next, verb) = match action {
            Edit => (matches!(self, Draft | Rejected).then_some(self), "diubah"),
            Submit => (matches!(self, Draft | Rejected).then_some(Submitted), "diajukan"),
            Approve => ((self == Submitted).then_some(Approved), "disetujui"),
            Reject => ((self == Submitted).then_some(Rejected), "ditolak"),
        };
        next.ok_or_else(|| format!("aktivitas berstatus {self} tidak dapat {verb}"))
    }
}

/// Why an activity cannot be logged as given.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LogError {
    #[error("tanggal aktivitas tidak boleh di masa depan")]
    DateFuture,
    #[error("aktivitas paling lambat dicatat {days} hari ke belakang (paling awal {})", earliest.format("%Y-%m-%d"))]
    TooOld { days: u32, earliest: NaiveDate },
    #[error("durasi harus lebih dari 0 menit")]
    MinutesPositive,
    #[error(
        "total aktivitas pada {} menjadi {total} menit, melebihi batas {cap} menit per hari (sudah tercatat {logged} menit)",
        date.format("%Y-%m-%d")
    )]
    DayCap { date: NaiveDate, total: u32, cap: u32, logged: u32 },
    #[error("jam '{0}' tidak valid; gunakan JJ:MM")]
    TimeFormat(String),
    #[error("jam selesai harus setelah jam mulai")]
    EndBeforeStart,
}

/// The Pemda's limits on logging, from the settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LogRules {
    pub max_days_back: u32,
    pub max_minutes_per_day: u32,
}

impl LogRules {
    /// A date may not lie in the future nor further back than allowed.
    pub fn check_date(&self, date: NaiveDate, today: NaiveDate) -> Result<(), LogError> {
        if date > today {
            return Err(LogError::DateFuture);
        }
        let earliest = today - Duration::days(i64::from(self.max_days_back));
        if date < earliest {
            return Err(LogError::TooOld { days: self.max_days_back, earliest });
        }
        Ok(())
    }

    /// `minutes` more on a day that already holds `logged` minutes must stay within the cap.
    pub fn check_minutes(&self, minutes: u32, logged: u32, date: NaiveDate) -> Result<(), LogError> {
        if minutes == 0 {
            return Err(LogError::MinutesPositive);
        }
        // Saturating: a huge `minutes` must not wrap around and pass under the cap.
        let total = logged.saturating_add(minutes);
        if total > self.max_minutes_per_day {
            return Err(LogError::DayCap { date, total, cap: self.max_minutes_per_day, logged });
        }
        Ok(())
    }
}

/// Minutes between a start and an end time given as `HH:MM` on the same day.
pub fn minutes_between(start: &str, end: &str) -> Result<u32, LogError> {
    let parse = |t: &str| NaiveTime::parse_from_str(t.trim(), "%H:%M").map_err(|_| LogError::TimeFormat(t.to_owned()));
    let (a, b) = (parse(start)?, parse(end)?);
    if b <= a {
        return Err(LogError::EndBeforeStart);
    }
    Ok((b - a).num_minutes() as u32)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ActivityAction::*;
    use ActivityStatus::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn flow() {
        assert_eq!(Draft.apply(Submit), Ok(Submitted));
        assert_eq!(Rejected.apply(Submit), Ok(Submitted));
        assert_eq!(Submitted.apply(Approve), Ok(Approved));
        assert_eq!(Submitted.apply(Reject), Ok(Rejected));
        for (s, a) in [
            (Draft, Approve),
            (Draft, Reject),
            (Approved, Edit),
            (Approved, Reject),
            (Submitted, Edit),
            (Approved, Submit),
        ] {
            assert!(s.apply(a).is_err(), "{s:?} {a:?}");
        }
    }

    #[test]
    fn dates() {
        let rules = LogRules { max_days_back: 7, max_minutes_per_day: 720 };
        let today = d(2026, 11, 23);
        assert!(rules.check_date(today, today).is_ok());
        assert!(rules.check_date(d(2026, 11, 16), today).is_ok());
        assert!(rules.check_date(d(2026, 11, 15), today).unwrap_err().to_string().contains("7 hari"));
        assert!(rules.check_date(d(2026, 11, 24), today).unwrap_err().to_string().contains("masa depan"));
    }

    #[test]
    fn minutes() {
        let rules = LogRules { max_days_back: 7, max_minutes_per_day: 720 };
        let day = d(2026, 11, 23);
        assert!(rules.check_minutes(720, 0, day).is_ok());
        assert!(rules.check_minutes(121, 600, day).unwrap_err().to_string().contains("721 menit"));
        assert!(rules.check_minutes(0, 0, day).is_err());
        // A value that would wrap a 32-bit sum is over the cap, not under it.
        assert!(rules.check_minutes(u32::MAX - 100, 600, day).is_err());
        assert!(rules.check_minutes(u32::MAX, u32::MAX, day).is_err());
        assert_eq!(minutes_between("07:30", "09:15"), Ok(105));
        assert!(minutes_between("09:00", "08:00").is_err());
        assert!(minutes_between("25:00", "26:00").is_err());
    }
}
