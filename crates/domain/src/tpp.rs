//! TPP (Tambahan Penghasilan Pegawai): the monthly allowance percentage of an employee from the
//! Pemda's rule (its Perkada). Commonly 60 % performance — approved work minutes against the
//! monthly target — and 40 % discipline, from which lateness and absence are deducted.

use crate::org::vocabulary;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

vocabulary! {
    /// A day of attendance, as the attendance system exports it. Only `alpa` (absent without
    /// leave), late `hadir` days and `tanpa_rekam` (no check-in record) cost allowance.
    AttendanceStatus {
        Hadir => "hadir",
        Alpa => "alpa",
        Izin => "izin",
        Sakit => "sakit",
        Cuti => "cuti",
        DinasLuar => "dinas_luar",
        TanpaRekam => "tanpa_rekam",
    }
}

/// One lateness band: a late day of at most `up_to_minutes` (none: beyond every band, or no
/// record) costs `percent` of the whole allowance.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LatenessBand {
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 1440))]
    pub up_to_minutes: Option<u32>,
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 100))]
    pub percent: f64,
}

/// The Pemda's TPP rule.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TppRule {
    /// Share of the allowance paid for performance, in percent.
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 100))]
    pub performance_share: f64,
    /// Share paid for discipline, in percent (the two add up to 100).
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 100))]
    pub discipline_share: f64,
    /// Approved work minutes a month that earn the whole performance share: 1 to 44,640 (a
    /// month of 31 days around the clock).
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 44640))]
    pub monthly_minutes_target: u32,
    /// Lateness bands, ascending; the last one has no upper bound (at most 20 bands).
    #[cfg_attr(feature = "openapi", schema(min_items = 1, max_items = 20))]
    pub lateness_bands: Vec<LatenessBand>,
    /// Percent deducted for each day of absence without leave (alpa).
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 100))]
    pub absence_percent: f64,
}

impl Default for TppRule {
    /// The example of the domain guide: 60/40, 0.5 % for 1–30 minutes late, 1 % for 31–60,
    /// 1.25 % for 61–90, 1.5 % beyond or without a record; 3 % a day of absence; 6,750 minutes
    /// (22.5 days of 5 hours) a month.
    fn default() -> Self {
        let band = |up_to_minutes, percent| LatenessBand { up_to_minutes, percent };
        Self {
            performance_share: 60.0,
            discipline_share: 40.0,
            monthly_minutes_target: 6750,
            lateness_bands: vec![band(Some(30), 0.5), band(Some(60), 1.0), band(Some(90), 1.25), band(None, 1.5)],
            absence_percent: 3.0,
        }
    }
}

/// The largest monthly minutes target: a month of 31 days around the clock.
pub const MAX_MONTHLY_MINUTES: u32 = 31 * 24 * 60;

/// Why a rule is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TppRuleError {
    #[error("bagian kinerja dan disiplin harus berjumlah 100 %")]
    SharesNot100,
    #[error("target menit bulanan harus 1 sampai 44640")]
    NoTarget,
    #[error("pita keterlambatan harus naik berurutan dan diakhiri satu pita tanpa batas atas")]
    Bands,
    #[error("persentase potongan harus 0 sampai 100")]
    Percent,
}

/// Attendance of one month, as the deduction rules need it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Discipline {
    /// Minutes late on each late day; `None` for a day without a check-in record.
    pub late_days: Vec<Option<u32>>,
    /// Days absent without leave.
    pub absent_days: u32,
}

/// The allowance of one employee for one month, in percent of the full TPP.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TppResult {
    pub performance: f64,
    pub lateness_deduction: f64,
    pub absence_deduction: f64,
    pub discipline: f64,
    pub total: f64,
}

fn round2(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}

impl TppRule {
    /// Checks that the rule can be applied.
    pub fn check(&self) -> Result<(), TppRuleError> {
        let pct = |v: f64| (0.0..=100.0).contains(&v);
        if !pct(self.performance_share)
            || !pct(self.discipline_share)
            || (self.performance_share + self.discipline_share - 100.0).abs() > 1e-9
        {
            return Err(TppRuleError::SharesNot100);
        }
        if !(1..=MAX_MONTHLY_MINUTES).contains(&self.monthly_minutes_target) {
            return Err(TppRuleError::NoTarget);
        }
        if !pct(self.absence_percent) || self.lateness_bands.iter().any(|b| !pct(b.percent)) {
            return Err(TppRuleError::Percent);
        }
        if self.lateness_bands.len() > 20
            || self.lateness_bands.iter().any(|b| b.up_to_minutes.is_some_and(|m| !(1..=1440).contains(&m)))
        {
            return Err(TppRuleError::Bands);
        }
        let Some((last, bounded)) = self.lateness_bands.split_last() else { return Err(TppRuleError::Bands) };
        let ascending =
            bounded.windows(2).all(|w| matches!((w[0].up_to_minutes, w[1].up_to_minutes), (Some(a), Some(b)) if a < b));
        if last.up_to_minutes.is_some() || bounded.iter().any(|b| b.up_to_minutes.is_none()) || !ascending {
            return Err(TppRuleError::Bands);
        }
        Ok(())
    }

    /// The deduction for one late day (`None`: no record).
    pub fn lateness(&self, minutes: Option<u32>) -> f64 {
        let fits = |b: &&LatenessBand| match (minutes, b.up_to_minutes) {
            (Some(m), Some(up)) => m <= up,
            (_, None) => true,
            (None, Some(_)) => false,
        };
        self.lateness_bands.iter().find(fits).map(|b| b.percent).unwrap_or(0.0)
    }

    /// The month's allowance: performance in proportion to approved minutes (capped at the share),
    /// discipline less the deductions (never below zero).
    pub fn compute(&self, approved_minutes: u64, d: &Discipline) -> TppResult {
        let ratio = (approved_minutes as f64 / f64::from(self.monthly_minutes_target.max(1))).min(1.0);
        let performance = round2(self.performance_share * ratio);
        // A fold from +0.0: `sum` of nothing is -0.0, which payroll systems would print as "-0".
        let lateness = d.late_days.iter().map(|m| self.lateness(*m)).fold(0.0, |a, b| a + b);
        let absence = self.absence_percent * f64::from(d.absent_days);
        let discipline = round2((self.discipline_share - lateness - absence).max(0.0));
        TppResult {
            performance,
            lateness_deduction: round2(lateness),
            absence_deduction: round2(absence),
            discipline,
            total: round2(performance + discipline),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bands_of_the_guide() {
        let r = TppRule::default();
        assert_eq!(r.check(), Ok(()));
        for (m, pct) in [(1, 0.5), (30, 0.5), (31, 1.0), (60, 1.0), (61, 1.25), (90, 1.25), (91, 1.5), (400, 1.5)] {
            assert_eq!(r.lateness(Some(m)), pct, "{m} minutes late");
        }
        assert_eq!(r.lateness(None), 1.5, "no record");
    }

    #[test]
    fn worked_examples() {
        let r = TppRule::default();
        // Full target, spotless: 100 %.
        assert_eq!(r.compute(6750, &Discipline::default()).total, 100.0);
        // More work does not pay more than the performance share.
        assert_eq!(r.compute(9000, &Discipline::default()).performance, 60.0);
        // 5,400 of 6,750 minutes = 80 % of 60 = 48; late 20, 45 and 75 minutes and one day without
        // a record: 0.5 + 1 + 1.25 + 1.5 = 4.25; one day alpa: 3; discipline 40 - 7.25 = 32.75.
        let d = Discipline { late_days: vec![Some(20), Some(45), Some(75), None], absent_days: 1 };
        let t = r.compute(5400, &d);
        assert_eq!(
            t,
            TppResult {
                performance: 48.0,
                lateness_deduction: 4.25,
                absence_deduction: 3.0,
                discipline: 32.75,
                total: 80.75
            }
        );
        // No deduction is a plain zero, never -0.
        assert!(r.compute(100, &Discipline::default()).lateness_deduction.is_sign_positive());
        // Fourteen days alpa wipe the discipline share out, no further.
        let t = r.compute(0, &Discipline { late_days: vec![], absent_days: 14 });
        assert_eq!((t.discipline, t.total), (0.0, 0.0));
    }

    #[test]
    fn bad_rules_are_refused() {
        let mut r = TppRule { discipline_share: 50.0, ..TppRule::default() };
        assert_eq!(r.check(), Err(TppRuleError::SharesNot100));
        r = TppRule { monthly_minutes_target: 0, ..TppRule::default() };
        assert_eq!(r.check(), Err(TppRuleError::NoTarget));
        // 2^31 minutes is no month: refused, not wrapped into a negative stored number.
        r = TppRule { monthly_minutes_target: 1 << 31, ..TppRule::default() };
        assert_eq!(r.check(), Err(TppRuleError::NoTarget));
        r = TppRule::default();
        r.lateness_bands[0].up_to_minutes = Some(100_000);
        assert_eq!(r.check(), Err(TppRuleError::Bands));
        r = TppRule::default();
        r.lateness_bands.swap(0, 1);
        assert_eq!(r.check(), Err(TppRuleError::Bands));
        r = TppRule::default();
        r.lateness_bands.pop();
        assert_eq!(r.check(), Err(TppRuleError::Bands), "the last band must be open-ended");
        r = TppRule { absence_percent: 120.0, ..TppRule::default() };
        assert_eq!(r.check(), Err(TppRuleError::Percent));
    }
}
