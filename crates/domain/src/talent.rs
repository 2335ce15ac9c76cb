//! The talent 9-box of PermenPANRB 3/2020 (manajemen talenta ASN): performance against potential,
//! each in three levels, and the boxes whose people form the succession pool.

use crate::org::{vocabulary, PositionKind};
use crate::rating::Predikat;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

vocabulary! {
    /// Performance (kinerja) or potential (potensial) in three levels.
    Level { Low => "low", Mid => "mid", High => "high" }
}

/// The thresholds of potential, in job-person match percent, a Pemda keeps in its settings.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct PotentialThresholds {
    /// At or above: menengah.
    pub mid_percent: u32,
    /// At or above: tinggi.
    pub high_percent: u32,
}

impl Default for PotentialThresholds {
    fn default() -> Self {
        Self { mid_percent: 70, high_percent: 85 }
    }
}

impl PotentialThresholds {
    /// Whether the thresholds are in order and within 1–100.
    pub fn is_valid(&self) -> bool {
        (1..=100).contains(&self.mid_percent) && self.mid_percent < self.high_percent && self.high_percent <= 100
    }
}

/// Performance from a predikat: Sangat Baik is above expectations (high), Baik as expected (mid),
/// the rest below (low).
pub fn performance(p: Predikat) -> Level {
    match p {
        Predikat::SangatBaik => Level::High,
        Predikat::Baik => Level::Mid,
        Predikat::ButuhPerbaikan | Predikat::Kurang | Predikat::SangatKurang => Level::Low,
    }
}

/// Potential from a percentage (the job-person match, or its mean with an assessment-centre score).
pub fn potential(percent: f64, t: &PotentialThresholds) -> Level {
    if percent >= f64::from(t.high_percent) {
        Level::High
    } else if percent >= f64::from(t.mid_percent) {
        Level::Mid
    } else {
        Level::Low
    }
}

/// The box, 1 to 9, as numbered by PermenPANRB 3/2020: 1 low/low, 2 performance low and potential
/// mid, 3 performance mid and potential low, 4 performance low and potential high, 5 mid/mid, 6
/// performance high and potential low, 7 performance mid and potential high, 8 performance high and
/// potential mid, 9 high/high.
pub fn nine_box(performance: Level, potential: Level) -> u8 {
    use Level::*;
    match (performance, potential) {
        (Low, Low) => 1,
        (Low, Mid) => 2,
        (Mid, Low) => 3,
        (Low, High) => 4,
        (Mid, Mid) => 5,
        (High, Low) => 6,
        (Mid, High) => 7,
        (High, Mid) => 8,
        (High, High) => 9,
    }
}

/// The box's name in the regulation's words.
pub fn box_label(b: u8) -> &'static str {
    match b {
        1 => "Kinerja di bawah ekspektasi, potensial rendah",
        2 => "Kinerja di bawah ekspektasi, potensial menengah",
        3 => "Kinerja sesuai ekspektasi, potensial rendah",
        4 => "Kinerja di bawah ekspektasi, potensial tinggi",
        5 => "Kinerja sesuai ekspektasi, potensial menengah",
        6 => "Kinerja di atas ekspektasi, potensial rendah",
        7 => "Kinerja sesuai ekspektasi, potensial tinggi",
        8 => "Kinerja di atas ekspektasi, potensial menengah",
        _ => "Kinerja di atas ekspektasi, potensial tinggi",
    }
}

/// Boxes 7, 8 and 9 form the talent pool from which successors are drawn.
pub fn in_pool(b: u8) -> bool {
    b >= 7
}

/// Positions that get a succession shortlist: JPT and administrator posts.
pub fn has_succession(kind: PositionKind) -> bool {
    matches!(kind, PositionKind::Jpt | PositionKind::Administrator)
}

/// Whether someone in a position of kind `candidate` may be shortlisted for a post of kind `post`:
/// one level below it (a pengawas for an administrator post, an administrator for a JPT) or a
/// lateral move at the same level.
pub fn may_succeed(candidate: PositionKind, post: PositionKind) -> bool {
    let level = |k: PositionKind| match k {
        PositionKind::Jpt => 4,
        PositionKind::Administrator => 3,
        PositionKind::Pengawas => 2,
        PositionKind::Pelaksana | PositionKind::Fungsional => 1,
    };
    let (c, p) = (level(candidate), level(post));
    c == p || c + 1 == p
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_boxes_follow_the_regulation() {
        assert_eq!(nine_box(Level::High, Level::High), 9);
        assert_eq!(nine_box(Level::Mid, Level::High), 7);
        assert_eq!(nine_box(Level::High, Level::Mid), 8);
        assert_eq!(nine_box(Level::High, Level::Low), 6);
        assert_eq!(nine_box(Level::Low, Level::Low), 1);
        let all: std::collections::BTreeSet<u8> =
            Level::ALL.iter().flat_map(|p| Level::ALL.iter().map(move |q| nine_box(*p, *q))).collect();
        assert_eq!(all.len(), 9);
        assert!(in_pool(7) && !in_pool(6));
    }

    #[test]
    fn levels_come_from_predikat_and_the_thresholds() {
        let t = PotentialThresholds::default();
        assert_eq!(performance(Predikat::SangatBaik), Level::High);
        assert_eq!(performance(Predikat::Kurang), Level::Low);
        assert_eq!(potential(85.0, &t), Level::High);
        assert_eq!(potential(84.9, &t), Level::Mid);
        assert_eq!(potential(69.9, &t), Level::Low);
        assert!(!PotentialThresholds { mid_percent: 90, high_percent: 80 }.is_valid());
    }

    #[test]
    fn successors_come_from_one_level_below_or_the_same() {
        assert!(may_succeed(PositionKind::Pengawas, PositionKind::Administrator));
        assert!(may_succeed(PositionKind::Administrator, PositionKind::Administrator));
        assert!(!may_succeed(PositionKind::Pelaksana, PositionKind::Administrator));
        assert!(may_succeed(PositionKind::Administrator, PositionKind::Jpt));
        assert!(!has_succession(PositionKind::Pengawas));
    }
}
