//! TPP (Tambahan Penghasilan Pegawai): the monthly allowance percentage of an employee from the
//! Pemda's rule (its Perkada). Commonly 60 % performance — approved work minutes against the
//! monthly target, optionally scaled by the employee's predikat — and 40 % discipline, from which
//! lateness, leaving early, missed apel or upacara and absence are deducted; a month with too many
//! days of absence may forfeit the allowance, and a disciplinary sanction in force cuts it.

use crate::org::vocabulary;
use crate::rating::Predikat;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
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

vocabulary! {
    /// The level of a disciplinary sanction (hukuman disiplin, PP 94/2021 Pasal 8).
    SanctionLevel { Ringan => "ringan", Sedang => "sedang", Berat => "berat" }
}

vocabulary! {
    /// What the absence deduction is taken from: the discipline part only (it never reaches the
    /// performance part) or the whole allowance.
    AbsenceBase { Discipline => "discipline", Total => "total" }
}

/// Percent of the month's allowance cut while a sanction of each level is in force.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SanctionDeductions {
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 100))]
    pub ringan: f64,
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 100))]
    pub sedang: f64,
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 100))]
    pub berat: f64,
}

impl Default for SanctionDeductions {
    /// PP 94/2021 Pasal 8: a light sanction is a reprimand only (0 %); a medium one cuts the
    /// tunjangan kinerja by 25 %; under a heavy one (demotion, release from office) the common
    /// Perkada pays no TPP (100 %).
    fn default() -> Self {
        Self { ringan: 0.0, sedang: 25.0, berat: 100.0 }
    }
}

impl SanctionDeductions {
    pub fn of(&self, level: SanctionLevel) -> f64 {
        match level {
            SanctionLevel::Ringan => self.ringan,
            SanctionLevel::Sedang => self.sedang,
            SanctionLevel::Berat => self.berat,
        }
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
    /// Leaving early (pulang sebelum waktunya) bands, ascending like the lateness bands.
    #[serde(default = "default_bands")]
    #[cfg_attr(feature = "openapi", schema(min_items = 1, max_items = 20))]
    pub early_leave_bands: Vec<LatenessBand>,
    /// Percent deducted for each missed apel or upacara.
    #[serde(default = "default_apel_percent")]
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 100))]
    pub apel_percent: f64,
    /// The share of the performance part paid by the employee's predikat of the period's rating
    /// (percent per predikat); none: performance from the approved minutes only.
    #[serde(default)]
    pub performance_by_predikat: Option<BTreeMap<Predikat, f64>>,
    /// What the absence deduction is taken from (default: the discipline part).
    #[serde(default = "default_absence_base")]
    pub absence_from: AbsenceBase,
    /// From this many days of absence without leave in a month no TPP is paid for it (1–31);
    /// none: absence only costs its daily percent.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 31))]
    pub absence_forfeit_days: Option<u32>,
    /// The cut of the allowance, in percent of it, in a month with a disciplinary sanction in
    /// force (the heaviest one counts).
    #[serde(default)]
    pub sanction_percent: SanctionDeductions,
}

fn default_absence_base() -> AbsenceBase {
    AbsenceBase::Discipline
}

/// The lateness bands of the domain guide, also the default for leaving early.
fn default_bands() -> Vec<LatenessBand> {
    let band = |up_to_minutes, percent| LatenessBand { up_to_minutes, percent };
    vec![band(Some(30), 0.5), band(Some(60), 1.0), band(Some(90), 1.25), band(None, 1.5)]
}

fn default_apel_percent() -> f64 {
    0.5
}

impl Default for TppRule {
    /// The example of the domain guide: 60/40, 0.5 % for 1–30 minutes late, 1 % for 31–60,
    /// 1.25 % for 61–90, 1.5 % beyond or without a record; 3 % a day of absence; 6,750 minutes
    /// (22.5 days of 5 hours) a month.
    fn default() -> Self {
        Self {
            performance_share: 60.0,
            discipline_share: 40.0,
            monthly_minutes_target: 6750,
            lateness_bands: default_bands(),
            absence_percent: 3.0,
            early_leave_bands: default_bands(),
            apel_percent: default_apel_percent(),
            performance_by_predikat: None,
            absence_from: AbsenceBase::Discipline,
            absence_forfeit_days: None,
            sanction_percent: SanctionDeductions::default(),
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
    #[error("batas hari alpa yang menghapus TPP harus 1 sampai 31")]
    ForfeitDays,
}

/// Attendance of one month, as the deduction rules need it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Discipline {
    /// Minutes late on each late day; `None` for a day without a check-in record.
    pub late_days: Vec<Option<u32>>,
    /// Days absent without leave.
    pub absent_days: u32,
    /// Minutes left early on each such day.
    pub early_days: Vec<u32>,
    /// Apel or upacara missed.
    pub missed_apel: u32,
    /// The heaviest disciplinary sanction in force during the month.
    pub sanction: Option<SanctionLevel>,
}

/// The allowance of one employee for one month, in percent of the full TPP.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TppResult {
    pub performance: f64,
    pub lateness_deduction: f64,
    pub early_leave_deduction: f64,
    pub apel_deduction: f64,
    pub absence_deduction: f64,
    pub discipline: f64,
    /// The month was forfeited for absence (`absence_forfeit_days` reached).
    pub forfeited: bool,
    /// Percentage points cut for a disciplinary sanction.
    pub sanction_deduction: f64,
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
        let bands = [&self.lateness_bands, &self.early_leave_bands];
        let factors = self.performance_by_predikat.iter().flat_map(|m| m.values().copied());
        if !pct(self.absence_percent)
            || !pct(self.apel_percent)
            || bands.iter().any(|list| list.iter().any(|b| !pct(b.percent)))
            || factors.clone().any(|f| !pct(f))
            || [self.sanction_percent.ringan, self.sanction_percent.sedang, self.sanction_percent.berat]
                .iter()
                .any(|p| !pct(*p))
        {
            return Err(TppRuleError::Percent);
        }
        if self.absence_forfeit_days.is_some_and(|d| !(1..=31).contains(&d)) {
            return Err(TppRuleError::ForfeitDays);
        }
        for list in bands {
            check_bands(list)?;
        }
        Ok(())
    }

    /// The deduction for one late day (`None`: no record).
    pub fn lateness(&self, minutes: Option<u32>) -> f64 {
        band_percent(&self.lateness_bands, minutes)
    }

    /// The deduction for one day left early by `minutes`.
    pub fn early_leave(&self, minutes: u32) -> f64 {
        band_percent(&self.early_leave_bands, Some(minutes))
    }

    /// The month's allowance: performance in proportion to approved minutes (capped at the share)
    /// and, where the rule says so, scaled by the employee's `predikat` (none yet: not scaled);
    /// discipline less the deductions (never below zero), the absence taken from the discipline
    /// part or from the whole as the rule says; nothing when the month is forfeited for absence;
    /// then cut by the percent of a sanction in force.
    pub fn compute(&self, approved_minutes: u64, d: &Discipline, predikat: Option<Predikat>) -> TppResult {
        self.compute_against(approved_minutes, self.monthly_minutes_target, d, predikat)
    }

    /// [`Self::compute`] against the person's own monthly `target` (the rule's, in proportion to
    /// the working minutes their calendar expects); a target of 0 (nothing was expected of them: a
    /// month wholly on leave) pays the whole performance share, as leave is never a deduction.
    pub fn compute_against(
        &self,
        approved_minutes: u64,
        target: u32,
        d: &Discipline,
        predikat: Option<Predikat>,
    ) -> TppResult {
        let ratio = if target == 0 { 1.0 } else { (approved_minutes as f64 / f64::from(target)).min(1.0) };
        let factor = match (&self.performance_by_predikat, predikat) {
            (Some(by), Some(p)) => by.get(&p).copied().unwrap_or(100.0) / 100.0,
            _ => 1.0,
        };
        let performance = round2(self.performance_share * ratio * factor);
        // A fold from +0.0: `sum` of nothing is -0.0, which payroll systems would print as "-0".
        let lateness = d.late_days.iter().map(|m| self.lateness(*m)).fold(0.0, |a, b| a + b);
        let early = d.early_days.iter().map(|m| self.early_leave(*m)).fold(0.0, |a, b| a + b);
        let apel = self.apel_percent * f64::from(d.missed_apel);
        let absence = self.absence_percent * f64::from(d.absent_days);
        let (discipline, before_sanction) = match self.absence_from {
            AbsenceBase::Discipline => {
                let discipline = round2((self.discipline_share - lateness - early - apel - absence).max(0.0));
                (discipline, performance + discipline)
            }
            AbsenceBase::Total => {
                let discipline = round2((self.discipline_share - lateness - early - apel).max(0.0));
                (discipline, (performance + discipline - absence).max(0.0))
            }
        };
        let forfeited = self.absence_forfeit_days.is_some_and(|n| d.absent_days >= n);
        let before_sanction = if forfeited { 0.0 } else { round2(before_sanction) };
        let cut = d.sanction.map_or(0.0, |l| self.sanction_percent.of(l));
        let total = round2(before_sanction * (100.0 - cut) / 100.0);
        TppResult {
            performance,
            lateness_deduction: round2(lateness),
            early_leave_deduction: round2(early),
            apel_deduction: round2(apel),
            absence_deduction: round2(absence),
            discipline,
            forfeited,
            // A subtraction from +0.0 keeps "no cut" a plain zero.
            sanction_deduction: round2(before_sanction - total).max(0.0),
            total,
        }
    }
}

/// Checks one list of bands: at most 20, ascending, bounds 1–1440 minutes, ending open.
fn check_bands(bands: &[LatenessBand]) -> Result<(), TppRuleError> {
    if bands.len() > 20 || bands.iter().any(|b| b.up_to_minutes.is_some_and(|m| !(1..=1440).contains(&m))) {
        return Err(TppRuleError::Bands);
    }
    let Some((last, bounded)) = bands.split_last() else { return Err(TppRuleError::Bands) };
    let ascending =
        bounded.windows(2).all(|w| matches!((w[0].up_to_minutes, w[1].up_to_minutes), (Some(a), Some(b)) if a < b));
    if last.up_to_minutes.is_some() || bounded.iter().any(|b| b.up_to_minutes.is_none()) || !ascending {
        return Err(TppRuleError::Bands);
    }
    Ok(())
}

/// The percent of the first band that holds `minutes` (`None`: no record, the open band).
fn band_percent(bands: &[LatenessBand], minutes: Option<u32>) -> f64 {
    let fits = |b: &&LatenessBand| match (minutes, b.up_to_minutes) {
        (Some(m), Some(up)) => m <= up,
        (_, None) => true,
        (None, Some(_)) => false,
    };
    bands.iter().find(fits).map(|b| b.percent).unwrap_or(0.0)
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
        assert_eq!(r.compute(6750, &Discipline::default(), None).total, 100.0);
        // More work does not pay more than the performance share.
        assert_eq!(r.compute(9000, &Discipline::default(), None).performance, 60.0);
        // 5,400 of 6,750 minutes = 80 % of 60 = 48; late 20, 45 and 75 minutes and one day without
        // a record: 0.5 + 1 + 1.25 + 1.5 = 4.25; one day alpa: 3; discipline 40 - 7.25 = 32.75.
        let d =
            Discipline { late_days: vec![Some(20), Some(45), Some(75), None], absent_days: 1, ..Default::default() };
        let t = r.compute(5400, &d, None);
        assert_eq!(
            t,
            TppResult {
                performance: 48.0,
                lateness_deduction: 4.25,
                early_leave_deduction: 0.0,
                apel_deduction: 0.0,
                absence_deduction: 3.0,
                discipline: 32.75,
                forfeited: false,
                sanction_deduction: 0.0,
                total: 80.75
            }
        );
        // No deduction is a plain zero, never -0.
        assert!(r.compute(100, &Discipline::default(), None).lateness_deduction.is_sign_positive());
        // Fourteen days alpa wipe the discipline share out, no further.
        let t = r.compute(0, &Discipline { absent_days: 14, ..Default::default() }, None);
        assert_eq!((t.discipline, t.total), (0.0, 0.0));
    }

    /// Leaving early 20 and 70 minutes (0.5 + 1.25), two missed apel (2 × 0.5), and a rule that
    /// pays Butuh Perbaikan 75 % of the performance part: 48 × 0.75 = 36; 40 - 2.75 = 37.25.
    #[test]
    fn early_leave_apel_and_predikat() {
        let by = BTreeMap::from([(Predikat::Baik, 100.0), (Predikat::ButuhPerbaikan, 75.0)]);
        let mut r = TppRule { performance_by_predikat: Some(by), ..TppRule::default() };
        let d = Discipline { early_days: vec![20, 70], missed_apel: 2, ..Default::default() };
        let t = r.compute(5400, &d, Some(Predikat::ButuhPerbaikan));
        assert_eq!((t.performance, t.early_leave_deduction, t.apel_deduction), (36.0, 1.75, 1.0));
        assert_eq!((t.discipline, t.total), (37.25, 73.25));
        // Not yet rated, or a predikat the rule leaves out: the performance part is not scaled.
        assert_eq!(r.compute(5400, &d, None).performance, 48.0);
        assert_eq!(r.compute(5400, &d, Some(Predikat::SangatBaik)).performance, 48.0);
        r.performance_by_predikat = Some(BTreeMap::from([(Predikat::Kurang, 130.0)]));
        assert_eq!(r.check(), Err(TppRuleError::Percent));
    }

    /// The shape of the absence deduction: 3 days alpa at 3 % from the whole allowance instead of
    /// the discipline part; and a Perkada that pays nothing from 5 days alpa in a month.
    #[test]
    fn absence_shapes() {
        let mut r = TppRule { absence_from: AbsenceBase::Total, ..TppRule::default() };
        // 60 + 40 - 9 = 91 either way while the discipline part covers it...
        let three = Discipline { absent_days: 3, ..Default::default() };
        assert_eq!(r.compute(6750, &three, None).total, 91.0);
        // ...but 20 days (60 %) reach into the performance part only from the whole: 100 - 60 = 40,
        // where the discipline part alone would stop at 60.
        let twenty = Discipline { absent_days: 20, ..Default::default() };
        assert_eq!(r.compute(6750, &twenty, None).total, 40.0);
        assert_eq!(TppRule::default().compute(6750, &twenty, None).total, 60.0);
        r = TppRule { absence_forfeit_days: Some(5), ..TppRule::default() };
        let four = Discipline { absent_days: 4, ..Default::default() };
        let five = Discipline { absent_days: 5, ..Default::default() };
        assert_eq!((r.compute(6750, &four, None).total, r.compute(6750, &four, None).forfeited), (88.0, false));
        assert_eq!((r.compute(6750, &five, None).total, r.compute(6750, &five, None).forfeited), (0.0, true));
        r.absence_forfeit_days = Some(0);
        assert_eq!(r.check(), Err(TppRuleError::ForfeitDays));
    }

    /// PP 94/2021 Pasal 8: a medium sanction cuts the allowance by 25 % (80.75 → 60.56), a heavy
    /// one by the Perkada's 100 %; a light one (a reprimand) costs nothing by default.
    #[test]
    fn sanctions_cut_the_allowance() {
        let r = TppRule::default();
        let base =
            Discipline { late_days: vec![Some(20), Some(45), Some(75), None], absent_days: 1, ..Default::default() };
        let with = |level| Discipline { sanction: Some(level), ..base.clone() };
        let sedang = r.compute(5400, &with(SanctionLevel::Sedang), None);
        assert_eq!((sedang.total, sedang.sanction_deduction), (60.56, 20.19));
        let berat = r.compute(5400, &with(SanctionLevel::Berat), None);
        assert_eq!((berat.total, berat.sanction_deduction), (0.0, 80.75));
        let ringan = r.compute(5400, &with(SanctionLevel::Ringan), None);
        assert_eq!((ringan.total, ringan.sanction_deduction), (80.75, 0.0));
        assert!(r.compute(5400, &base, None).sanction_deduction.is_sign_positive());
        let bad = TppRule { sanction_percent: SanctionDeductions { sedang: 101.0, ..Default::default() }, ..r };
        assert_eq!(bad.check(), Err(TppRuleError::Percent));
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
