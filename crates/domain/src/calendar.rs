//! The working calendar of one person: which days they work and for how many minutes.
//!
//! - A [`WorkPattern`] names the working days and their minutes: a week (5 or 6 working days), or
//!   a shift rota that repeats over N days from an anchor date. A night shift belongs to the day it
//!   starts on, the day after is the rota's rest day.
//! - [`Override`]s shorten the working days of a dated span (Ramadan hours).
//! - The Pemda's holidays and cuti bersama are days off for a pattern that observes them (an
//!   office); a rota that runs through holidays (an emergency room) ignores them.
//! - Excused days (leave, dinas luar, sick leave) come from the person's attendance or from the
//!   leave the BKPSDM records ([`LeaveKind`]), and count as excused everywhere: neither expected
//!   work nor absence.

use crate::org::vocabulary;
use chrono::{Datelike, Duration, NaiveDate};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use std::fmt;
use std::str::FromStr;

vocabulary! {
    /// A leave or absence recorded for an employee (PP 11/2017 and PermenPANRB on cuti; dinas
    /// luar and sick leave without a cuti decree).
    LeaveKind {
        CutiTahunan => "cuti_tahunan",
        CutiBesar => "cuti_besar",
        CutiSakit => "cuti_sakit",
        CutiMelahirkan => "cuti_melahirkan",
        CutiAlasanPenting => "cuti_alasan_penting",
        Cltn => "cuti_di_luar_tanggungan_negara",
        DinasLuar => "dinas_luar",
        Sakit => "sakit",
        Izin => "izin",
    }
}

impl LeaveKind {
    /// What it excuses a day as.
    pub fn excuse(self) -> Excuse {
        match self {
            Self::CutiSakit | Self::Sakit => Excuse::Sakit,
            Self::DinasLuar => Excuse::DinasLuar,
            Self::Izin => Excuse::Izin,
            Self::CutiTahunan | Self::CutiBesar | Self::CutiMelahirkan | Self::CutiAlasanPenting | Self::Cltn => {
                Excuse::Cuti
            }
        }
    }
}

/// Minutes of a working day by the common Perkada: 7.5 hours, 37.5 hours over five days.
pub const DAY_MINUTES: u16 = 450;
/// The longest rota, in days.
pub const MAX_ROTA_DAYS: usize = 56;

/// How a pattern's days repeat.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Repeat {
    /// `minutes` holds the seven weekdays, Monday first.
    Week,
    /// `minutes` holds the days of a rota that starts on `anchor` and repeats.
    Rota,
}

/// A work pattern: the minutes of each of its days (0: not a working day), and whether the
/// Pemda's holidays are days off under it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WorkPattern {
    /// Short code units refer to (`lima_hari`, `enam_hari`, `rota_igd`).
    pub code: String,
    pub name: String,
    pub repeat: Repeat,
    pub minutes: Vec<u16>,
    /// Day one of a rota.
    #[serde(default)]
    pub anchor: Option<NaiveDate>,
    #[serde(default = "yes")]
    pub observes_holidays: bool,
}

fn yes() -> bool {
    true
}

/// Why a pattern cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PatternError {
    /// A day longer than 24 hours.
    DayTooLong,
    /// No working day at all.
    NoWorkingDay,
    /// A week of other than seven days, or a rota of none or more than [`MAX_ROTA_DAYS`], or
    /// without its first day.
    Length,
    /// A code that is empty, too long, or not lowercase letters, digits and `_`.
    Code,
}

impl WorkPattern {
    /// Monday to Friday, 7.5 hours (the default of every unit).
    pub fn five_days() -> Self {
        let d = DAY_MINUTES;
        Self {
            code: "lima_hari".into(),
            name: "5 hari kerja (Senin–Jumat)".into(),
            repeat: Repeat::Week,
            minutes: vec![d, d, d, d, d, 0, 0],
            anchor: None,
            observes_holidays: true,
        }
    }

    /// Monday to Saturday, 37.5 hours over six days.
    pub fn six_days() -> Self {
        Self {
            code: "enam_hari".into(),
            name: "6 hari kerja (Senin–Sabtu)".into(),
            repeat: Repeat::Week,
            minutes: vec![375, 375, 375, 375, 375, 375, 0],
            anchor: None,
            observes_holidays: true,
        }
    }

    /// The pattern's minutes on `d` (0 when it is not a working day by the pattern).
    pub fn minutes(&self, d: NaiveDate) -> u16 {
        let at = match (self.repeat, self.anchor) {
            (Repeat::Week, _) => i64::from(d.weekday().num_days_from_monday()),
            (Repeat::Rota, Some(anchor)) if !self.minutes.is_empty() => {
                (d - anchor).num_days().rem_euclid(i64::try_from(self.minutes.len()).unwrap_or(1))
            }
            (Repeat::Rota, _) => return 0,
        };
        usize::try_from(at).ok().and_then(|i| self.minutes.get(i)).copied().unwrap_or(0)
    }

    /// Whether the pattern can be used.
    pub fn check(&self) -> Result<(), PatternError> {
        let code_ok = !self.code.is_empty()
            && self.code.len() <= 32
            && self.code.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
        if !code_ok {
            return Err(PatternError::Code);
        }
        let length_ok = match self.repeat {
            Repeat::Week => self.minutes.len() == 7,
            Repeat::Rota => self.anchor.is_some() && (1..=MAX_ROTA_DAYS).contains(&self.minutes.len()),
        };
        if !length_ok {
            return Err(PatternError::Length);
        }
        if self.minutes.iter().any(|m| *m > 24 * 60) {
            return Err(PatternError::DayTooLong);
        }
        if self.minutes.iter().all(|m| *m == 0) {
            return Err(PatternError::NoWorkingDay);
        }
        Ok(())
    }
}

/// A dated span whose working days are shortened to at most `minutes` (Ramadan hours).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Override {
    pub name: String,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub minutes: u16,
}

/// Why a day is excused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Excuse {
    /// Cuti of any type (tahunan, besar, melahirkan, alasan penting, bersama).
    Cuti,
    Sakit,
    Izin,
    DinasLuar,
}

/// What a day is for one person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Day {
    /// A working day of so many minutes.
    Working { minutes: u16 },
    /// Not a working day by the pattern (a weekend, a rota's rest day).
    Off,
    /// A holiday or cuti bersama the pattern observes.
    Holiday,
    /// A working day the person is excused from.
    Excused { excuse: Excuse, minutes: u16 },
}

impl Day {
    /// The minutes of work expected on the day: a working day's, and a day of dinas luar's (work
    /// done elsewhere); none off, on holidays and on leave.
    pub fn expected(self) -> Option<u16> {
        match self {
            Day::Working { minutes } | Day::Excused { excuse: Excuse::DinasLuar, minutes } => Some(minutes),
            Day::Off | Day::Holiday | Day::Excused { .. } => None,
        }
    }

    /// A day of leave (cuti, sakit, izin): neither expected work nor absence. Dinas luar is work.
    pub fn is_leave(self) -> bool {
        self.expected().is_none() && matches!(self, Day::Excused { .. })
    }
}

impl Excuse {
    pub const ALL: [Excuse; 4] = [Self::Cuti, Self::Sakit, Self::Izin, Self::DinasLuar];

    /// The wire code (`cuti`, `sakit`, `izin`, `dinas_luar`).
    pub fn code(self) -> &'static str {
        match self {
            Self::Cuti => "cuti",
            Self::Sakit => "sakit",
            Self::Izin => "izin",
            Self::DinasLuar => "dinas_luar",
        }
    }

    /// The excuse of a wire code.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|e| e.code() == code)
    }

    /// The word in Bahasa Indonesia.
    pub fn label(self) -> &'static str {
        match self {
            Self::Cuti => "cuti",
            Self::Sakit => "sakit",
            Self::Izin => "izin",
            Self::DinasLuar => "dinas luar",
        }
    }
}

/// One person's calendar.
#[derive(Debug, Clone)]
pub struct Calendar {
    pub pattern: WorkPattern,
    pub overrides: Vec<Override>,
    pub holidays: HashSet<NaiveDate>,
    pub excused: HashMap<NaiveDate, Excuse>,
}

impl Calendar {
    /// The common office calendar: five days, with the holidays given.
    pub fn office(holidays: HashSet<NaiveDate>) -> Self {
        Self { pattern: WorkPattern::five_days(), overrides: Vec::new(), holidays, excused: HashMap::new() }
    }

    /// What `d` is.
    pub fn day(&self, d: NaiveDate) -> Day {
        let mut minutes = self.pattern.minutes(d);
        if minutes == 0 {
            return Day::Off;
        }
        if self.pattern.observes_holidays && self.holidays.contains(&d) {
            return Day::Holiday;
        }
        for o in self.overrides.iter().filter(|o| o.from <= d && d <= o.to) {
            minutes = minutes.min(o.minutes);
        }
        match self.excused.get(&d) {
            Some(excuse) => Day::Excused { excuse: *excuse, minutes },
            None => Day::Working { minutes },
        }
    }

    /// The minutes expected of the person on `d` (0 off, on holidays and on leave; dinas luar is
    /// work).
    pub fn expected_minutes(&self, d: NaiveDate) -> u16 {
        self.day(d).expected().unwrap_or(0)
    }

    /// Whether `d` is a working day of the pattern, not a holiday (excused or not).
    pub fn is_working_day(&self, d: NaiveDate) -> bool {
        matches!(self.day(d), Day::Working { .. } | Day::Excused { .. })
    }

    /// The earliest day that lies at most `n` of the person's working days before `today`
    /// (`today` itself not counted): the days between are off days or working days.
    pub fn working_days_back(&self, today: NaiveDate, n: u32) -> NaiveDate {
        self.back(today, n, |day| matches!(day, Day::Working { .. } | Day::Excused { .. }))
    }

    /// The day `n` days of expected work before `today`: off days, holidays and leave do not
    /// count, so someone back from two weeks' leave is not "idle" for them.
    pub fn expected_days_back(&self, today: NaiveDate, n: u32) -> NaiveDate {
        self.back(today, n, |day| day.expected().is_some())
    }

    fn back(&self, today: NaiveDate, n: u32, counts: impl Fn(Day) -> bool) -> NaiveDate {
        let mut d = today;
        let mut left = n;
        // A pattern has a counting day every week or so; a year more without one cannot hold.
        let bound = usize::try_from(n).unwrap_or(usize::MAX / 8).saturating_mul(7).saturating_add(366);
        for _ in 0..bound {
            if left == 0 {
                break;
            }
            d -= Duration::days(1);
            if counts(self.day(d)) {
                left -= 1;
            }
        }
        d
    }

    /// `d` if it is a working day of the pattern, else the next one: where a deadline that falls on
    /// a day off or a holiday lands.
    pub fn working_day_from(&self, d: NaiveDate) -> NaiveDate {
        d.iter_days().take(366).find(|d| self.is_working_day(*d)).unwrap_or(d)
    }

    /// The day on which `n` working days after `start` have passed (`start` not counted).
    pub fn add_working_days(&self, start: NaiveDate, n: u32) -> NaiveDate {
        let mut d = start;
        let mut left = n;
        for _ in 0..(366 * 2) {
            if left == 0 {
                break;
            }
            d += Duration::days(1);
            if self.is_working_day(d) {
                left -= 1;
            }
        }
        d
    }

    /// The days of `from..=to` the person is expected to work (not off, a holiday or leave).
    pub fn working_days_between(&self, from: NaiveDate, to: NaiveDate) -> u32 {
        from.iter_days().take_while(|d| *d <= to).filter(|d| self.day(*d).expected().is_some()).count() as u32
    }

    /// The minutes expected over `from..=to`.
    pub fn expected_between(&self, from: NaiveDate, to: NaiveDate) -> u32 {
        from.iter_days().take_while(|d| *d <= to).map(|d| u32::from(self.expected_minutes(d))).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2027, m, day).unwrap()
    }

    #[test]
    fn working_days_skip_weekends_and_holidays() {
        let none = Calendar::office(HashSet::new());
        // Friday 5 March 2027 + 3 working days = Wednesday 10 March.
        assert_eq!(none.add_working_days(d(3, 5), 3), d(3, 10));
        // With Monday 8 March a holiday: Thursday 11 March.
        assert_eq!(Calendar::office(HashSet::from([d(3, 8)])).add_working_days(d(3, 5), 3), d(3, 11));
        // From a Saturday: counting starts Monday.
        assert_eq!(none.add_working_days(d(3, 6), 1), d(3, 8));
        assert!(!none.is_working_day(d(3, 7)));
    }

    #[test]
    fn a_deadline_on_a_closed_day_moves_to_the_next_working_day() {
        // Saturday 6 March 2027 → Monday 8; with Monday a holiday → Tuesday 9; a working day stays.
        let office = Calendar::office(HashSet::new());
        assert_eq!(office.working_day_from(d(3, 6)), d(3, 8));
        assert_eq!(Calendar::office(HashSet::from([d(3, 8)])).working_day_from(d(3, 6)), d(3, 9));
        assert_eq!(office.working_day_from(d(3, 5)), d(3, 5));
    }

    #[test]
    fn a_six_day_unit_works_saturday_and_an_office_does_not() {
        // 6 March 2027 is a Saturday.
        let saturday = d(3, 6);
        let office = Calendar::office(HashSet::new());
        assert_eq!(office.day(saturday), Day::Off);
        let puskesmas = Calendar { pattern: WorkPattern::six_days(), ..office.clone() };
        assert_eq!(puskesmas.day(saturday), Day::Working { minutes: 375 });
        assert_eq!(office.expected_between(d(3, 1), d(3, 7)), 5 * 450);
        assert_eq!(puskesmas.expected_between(d(3, 1), d(3, 7)), 6 * 375);
    }

    #[test]
    fn a_night_shift_counts_on_the_day_it_starts_and_the_rota_ignores_holidays() {
        // Pagi, siang, malam (21:00–07:00), lepas dinas, libur; from Monday 1 March 2027.
        let rota = WorkPattern {
            code: "rota_igd".into(),
            name: "Rota IGD".into(),
            repeat: Repeat::Rota,
            minutes: vec![420, 420, 600, 0, 0],
            anchor: Some(d(3, 1)),
            observes_holidays: false,
        };
        rota.check().unwrap();
        let holiday = HashSet::from([d(3, 3)]);
        let nurse = Calendar { pattern: rota, overrides: Vec::new(), holidays: holiday, excused: HashMap::new() };
        assert_eq!(nurse.day(d(3, 3)), Day::Working { minutes: 600 }, "the night shift, on a holiday");
        assert_eq!(nurse.day(d(3, 4)), Day::Off, "the morning after it");
        // The rota repeats: 6 March is day 5, a new morning shift; and it runs backwards too.
        assert_eq!(nurse.day(d(3, 6)), Day::Working { minutes: 420 });
        assert_eq!(nurse.day(d(2, 26)), Day::Working { minutes: 600 });
        assert_eq!(nurse.day(d(2, 27)), Day::Off);
    }

    #[test]
    fn ramadan_shortens_and_leave_excuses() {
        let mut cal = Calendar::office(HashSet::from([d(3, 10)]));
        cal.overrides.push(Override { name: "Ramadan 1448 H".into(), from: d(2, 8), to: d(3, 9), minutes: 390 });
        cal.excused.insert(d(3, 2), Excuse::Cuti);
        assert_eq!(cal.day(d(3, 1)), Day::Working { minutes: 390 });
        assert_eq!(cal.day(d(3, 2)), Day::Excused { excuse: Excuse::Cuti, minutes: 390 });
        assert_eq!(cal.expected_minutes(d(3, 2)), 0);
        assert_eq!(cal.day(d(3, 10)), Day::Holiday);
        assert_eq!(cal.day(d(3, 11)), Day::Working { minutes: 450 });
        // Five working days back from Friday 12 March: 11, 9, 8, 5, 4 (the 10th a holiday).
        assert_eq!(cal.working_days_back(d(3, 12), 5), d(3, 4));
        // Expected work only: the day of cuti does not count either.
        assert_eq!(cal.expected_days_back(d(3, 3), 1), d(3, 1));
        assert_eq!(cal.add_working_days(d(3, 9), 1), d(3, 11));
    }

    #[test]
    fn patterns_are_checked() {
        let mut p = WorkPattern::five_days();
        assert_eq!(p.check(), Ok(()));
        p.minutes = vec![0; 7];
        assert_eq!(p.check(), Err(PatternError::NoWorkingDay));
        p.minutes = vec![1500, 0, 0, 0, 0, 0, 0];
        assert_eq!(p.check(), Err(PatternError::DayTooLong));
        p.minutes = vec![450; 6];
        assert_eq!(p.check(), Err(PatternError::Length));
        p = WorkPattern { repeat: Repeat::Rota, minutes: vec![450], anchor: None, ..WorkPattern::five_days() };
        assert_eq!(p.check(), Err(PatternError::Length), "a rota needs its first day");
        p = WorkPattern { code: "Lima Hari".into(), ..WorkPattern::five_days() };
        assert_eq!(p.check(), Err(PatternError::Code));
    }
}
