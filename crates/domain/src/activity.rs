//! Daily activities (progres harian): their flow and the Pemda's logging rules.

use crate::calendar::{Calendar, Day, Excuse};
use crate::org::vocabulary;
use chrono::{NaiveDate, NaiveTime};
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
    #[error("aktivitas paling lambat dicatat {days} hari kerja ke belakang (paling awal {})", earliest.format("%Y-%m-%d"))]
    TooOld { days: u32, earliest: NaiveDate },
    #[error("{} tercatat sebagai hari {} Anda; aktivitas tidak dicatat pada hari itu", date.format("%Y-%m-%d"), excuse.label())]
    Excused { date: NaiveDate, excuse: Excuse },
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

/// The Pemda's limits on logging, from the settings, applied on the person's calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LogRules {
    /// How many of the person's working days back a day may be logged.
    pub max_days_back: u32,
    /// No day holds more than this, whatever its hours.
    pub max_minutes_per_day: u32,
    /// Minutes beyond the day's hours (lembur); all a day off may hold.
    pub overtime_minutes: u32,
}

impl LogRules {
    /// What `date` may hold for the person of `cal`, and from when they may log, on `today`.
    pub fn limit(&self, date: NaiveDate, today: NaiveDate, cal: &Calendar) -> DayLimit {
        let day = cal.day(date);
        let hours = u32::from(day.expected().unwrap_or(0));
        DayLimit {
            earliest: cal.working_days_back(today, self.max_days_back),
            max_days_back: self.max_days_back,
            cap: hours.saturating_add(self.overtime_minutes).min(self.max_minutes_per_day),
            // Dinas luar is work away from the office: it is logged like any working day.
            excuse: match day {
                Day::Excused { excuse, .. } if day.is_leave() => Some(excuse),
                _ => None,
            },
        }
    }
}

/// What one day may hold for one person, and from when they may log: the same checks on the
/// server and, from the person's calendar, in the browser.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DayLimit {
    /// The earliest day they may still log (`max_days_back` of their working days back).
    pub earliest: NaiveDate,
    pub max_days_back: u32,
    /// The most the day may hold: its hours by the calendar (shortened in Ramadan, none on a day
    /// off) and the overtime allowance, within the Pemda's ceiling.
    pub cap: u32,
    /// Why nothing is logged on the day (cuti, sakit, izin), if so.
    pub excuse: Option<Excuse>,
}

impl DayLimit {
    /// The day may not lie in the future, nor before `earliest`, nor be excused.
    pub fn check_date(&self, date: NaiveDate, today: NaiveDate) -> Result<(), LogError> {
        if date > today {
            return Err(LogError::DateFuture);
        }
        if date < self.earliest {
            return Err(LogError::TooOld { days: self.max_days_back, earliest: self.earliest });
        }
        match self.excuse {
            Some(excuse) => Err(LogError::Excused { date, excuse }),
            None => Ok(()),
        }
    }

    /// `minutes` more on the day that already holds `logged` minutes must stay within the cap.
    pub fn check_minutes(&self, minutes: u32, logged: u32, date: NaiveDate) -> Result<(), LogError> {
        if minutes == 0 {
            return Err(LogError::MinutesPositive);
        }
        // Saturating: a huge `minutes` must not wrap around and pass under the cap.
        let total = logged.saturating_add(minutes);
        if total > self.cap {
            return Err(LogError::DayCap { date, total, cap: self.cap, logged });
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
        let rules = LogRules { max_days_back: 5, max_minutes_per_day: 720, overtime_minutes: 270 };
        let mut cal = Calendar::office(Default::default());
        // Monday 23 November 2026: five working days back is Monday the 16th.
        let today = d(2026, 11, 23);
        let check = |date: NaiveDate, cal: &Calendar| rules.limit(date, today, cal).check_date(date, today);
        assert!(check(today, &cal).is_ok());
        assert!(check(d(2026, 11, 16), &cal).is_ok());
        assert!(check(d(2026, 11, 15), &cal).unwrap_err().to_string().contains("5 hari kerja"));
        assert!(check(d(2026, 11, 24), &cal).unwrap_err().to_string().contains("masa depan"));
        cal.excused.insert(d(2026, 11, 20), Excuse::Cuti);
        assert!(check(d(2026, 11, 20), &cal).unwrap_err().to_string().contains("cuti"));
        cal.excused.insert(d(2026, 11, 19), Excuse::DinasLuar);
        assert!(check(d(2026, 11, 19), &cal).is_ok(), "dinas luar is work");
    }

    #[test]
    fn minutes() {
        let rules = LogRules { max_days_back: 7, max_minutes_per_day: 720, overtime_minutes: 270 };
        let mut cal = Calendar::office(Default::default());
        let (monday, saturday) = (d(2026, 11, 23), d(2026, 11, 21));
        let cap = |date: NaiveDate, cal: &Calendar| rules.limit(date, monday, cal).cap;
        assert_eq!(cap(monday, &cal), 720, "7.5 hours and the overtime, within the ceiling");
        assert_eq!(cap(saturday, &cal), 270, "a day off holds the overtime only");
        cal.pattern = crate::calendar::WorkPattern::six_days();
        assert_eq!(cap(saturday, &cal), 645);
        cal.overrides.push(crate::calendar::Override {
            name: "Ramadan".into(),
            from: monday,
            to: monday,
            minutes: 330,
        });
        assert_eq!(cap(monday, &cal), 600, "Ramadan hours shorten the day");
        let limit = DayLimit { earliest: monday, max_days_back: 7, cap: 720, excuse: None };
        assert!(limit.check_minutes(720, 0, monday).is_ok());
        assert!(limit.check_minutes(121, 600, monday).unwrap_err().to_string().contains("721 menit"));
        assert!(limit.check_minutes(0, 0, monday).is_err());
        // A value that would wrap a 32-bit sum is over the cap, not under it.
        assert!(limit.check_minutes(u32::MAX - 100, 600, monday).is_err());
        assert!(limit.check_minutes(u32::MAX, u32::MAX, monday).is_err());
        assert_eq!(minutes_between("07:30", "09:15"), Ok(105));
        assert!(minutes_between("09:00", "08:00").is_err());
        assert!(minutes_between("25:00", "26:00").is_err());
    }
}
