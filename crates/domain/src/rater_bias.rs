//! The rater-bias radar: patterns in one penilai's ratings of a period that suggest leniency,
//! central tendency, a halo, or ratings without evidence. Flags are prompts for a calibration
//! session, never verdicts; each carries the figures it rests on.

use crate::org::vocabulary;
use crate::rating::{deviations, predikat, Bound, Predikat, Rating, Rule};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::fmt;
use std::str::FromStr;

vocabulary! {
    /// A pattern the radar looks for.
    BiasFlag {
        Leniency => "leniency",
        CentralTendency => "central_tendency",
        Halo => "halo",
        NoEvidence => "no_evidence",
    }
}

impl BiasFlag {
    /// The name shown to people.
    pub fn label(self) -> &'static str {
        match self {
            BiasFlag::Leniency => "Kelonggaran (leniency)",
            BiasFlag::CentralTendency => "Kecenderungan tengah",
            BiasFlag::Halo => "Efek halo",
            BiasFlag::NoEvidence => "Penilaian tanpa bukti",
        }
    }
}

/// The thresholds a Pemda keeps in its settings.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct BiasThresholds {
    /// Fewest ratings of a penilai before central tendency and halo are read into them.
    pub min_ratings: u32,
    /// Leniency when this share (percent) or more of a penilai's result ratings are `di_atas`…
    pub leniency_percent: u32,
    /// …or when their share of `di_atas` exceeds the unit's by this many percentage points.
    pub leniency_margin_points: u32,
}

impl Default for BiasThresholds {
    fn default() -> Self {
        Self { min_ratings: 3, leniency_percent: 70, leniency_margin_points: 30 }
    }
}

/// One rating a penilai gave: the two ratings, and whether approved activities or a realisation
/// stand behind it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Given {
    pub result: Rating,
    pub behavior: Rating,
    pub evidenced: bool,
}

/// A raised flag with the figures behind it, in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Raised {
    pub flag: BiasFlag,
    pub figures: String,
}

/// Whole percent of `n` in `total` (0 for none).
fn percent(n: usize, total: usize) -> u32 {
    if total == 0 {
        0
    } else {
        ((n as f64) * 100.0 / (total as f64)).round() as u32
    }
}

/// The flags of one penilai's ratings, against the unit's share of `di_atas` results (percent)
/// and the expected distribution of the unit's organisation predikat, if one is set.
pub fn radar(given: &[Given], unit_di_atas_percent: u32, pattern: Option<&[Rule]>, t: &BiasThresholds) -> Vec<Raised> {
    let n = given.len();
    if n == 0 {
        return Vec::new();
    }
    let mut out = Vec::new();
    let above = given.iter().filter(|g| g.result == Rating::DiAtas).count();
    let share = percent(above, n);
    // Only the "too many at the top" rules of the pattern speak to leniency.
    let top_rules: Vec<Rule> = pattern
        .unwrap_or_default()
        .iter()
        .filter(|r| matches!(r.bound, Bound::AtMost(_)) && r.predikat.contains(&Predikat::SangatBaik))
        .cloned()
        .collect();
    let mut counts: HashMap<Predikat, u32> = HashMap::new();
    for g in given {
        *counts.entry(predikat(g.result, g.behavior)).or_default() += 1;
    }
    let pattern_words = deviations(&top_rules, &counts);
    let over_share = share >= t.leniency_percent;
    let over_unit = share >= unit_di_atas_percent + t.leniency_margin_points;
    // One or two ratings make no pattern: a single `di_atas` is not leniency.
    let enough = n as u32 >= t.min_ratings.max(2);
    if above > 0 && enough && (over_share || over_unit || !pattern_words.is_empty()) {
        let mut figures = format!(
            "{above} dari {n} dinilai Di Atas Ekspektasi ({share} %); unit {unit_di_atas_percent} %; ambang {} % atau +{} poin",
            t.leniency_percent, t.leniency_margin_points
        );
        for w in pattern_words {
            figures.push_str(&format!("; pola predikat organisasi: {w}"));
        }
        out.push(Raised { flag: BiasFlag::Leniency, figures });
    }
    if enough && given.iter().all(|g| g.result == Rating::Sesuai && g.behavior == Rating::Sesuai) {
        out.push(Raised {
            flag: BiasFlag::CentralTendency,
            figures: format!("{n} dari {n} dinilai Sesuai Ekspektasi pada hasil kerja dan perilaku"),
        });
    }
    if enough && given.iter().all(|g| g.result == g.behavior) {
        let same = given.iter().filter(|g| g.result == g.behavior).count();
        out.push(Raised {
            flag: BiasFlag::Halo,
            figures: format!("hasil kerja dan perilaku sama pada {same} dari {n} penilaian"),
        });
    }
    let bare = given.iter().filter(|g| !g.evidenced).count();
    if bare > 0 {
        out.push(Raised {
            flag: BiasFlag::NoEvidence,
            figures: format!("{bare} dari {n} penilaian tanpa aktivitas disetujui atau realisasi"),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rating::default_patterns;
    use crate::OrgPredikat;
    use Rating::*;

    fn g(result: Rating, behavior: Rating) -> Given {
        Given { result, behavior, evidenced: true }
    }

    fn flags(r: &[Raised]) -> Vec<BiasFlag> {
        r.iter().map(|r| r.flag).collect()
    }

    #[test]
    fn everyone_di_atas_is_lenient_and_a_halo_with_the_figures() {
        let given = vec![g(DiAtas, DiAtas); 4];
        let raised = radar(&given, 20, None, &BiasThresholds::default());
        assert_eq!(flags(&raised), vec![BiasFlag::Leniency, BiasFlag::Halo]);
        assert!(raised[0].figures.starts_with("4 dari 4 dinilai Di Atas Ekspektasi (100 %); unit 20 %"));
    }

    #[test]
    fn the_organisation_pattern_speaks_to_leniency() {
        let rules = default_patterns().remove(&OrgPredikat::ButuhPerbaikan).unwrap_or_default();
        // 1 of 5 Sangat Baik (20 %) where at most 10 % is expected; below the share thresholds.
        let mut given = vec![g(Sesuai, DiAtas); 4];
        given.push(g(DiAtas, DiAtas));
        let raised = radar(&given, 20, Some(&rules), &BiasThresholds::default());
        assert_eq!(flags(&raised), vec![BiasFlag::Leniency]);
        assert!(raised[0].figures.contains("Sangat Baik 20 % > 10 %"), "{}", raised[0].figures);
    }

    #[test]
    fn a_single_di_atas_is_no_leniency() {
        assert!(radar(&[g(DiAtas, Sesuai)], 0, None, &BiasThresholds::default()).is_empty());
    }

    #[test]
    fn everyone_sesuai_is_central_tendency_and_needs_enough_ratings() {
        let raised = radar(&[g(Sesuai, Sesuai); 3], 0, None, &BiasThresholds::default());
        assert_eq!(flags(&raised), vec![BiasFlag::CentralTendency, BiasFlag::Halo]);
        assert!(radar(&[g(Sesuai, Sesuai); 2], 0, None, &BiasThresholds::default()).is_empty());
    }

    #[test]
    fn varied_ratings_with_evidence_raise_nothing_and_bare_ones_are_counted() {
        let mut given = vec![g(Sesuai, DiAtas), g(DiBawah, Sesuai), g(Sesuai, Sesuai), g(DiAtas, Sesuai)];
        assert!(radar(&given, 25, None, &BiasThresholds::default()).is_empty());
        given[1].evidenced = false;
        let raised = radar(&given, 25, None, &BiasThresholds::default());
        assert_eq!(flags(&raised), vec![BiasFlag::NoEvidence]);
        assert_eq!(raised[0].figures, "1 dari 4 penilaian tanpa aktivitas disetujui atau realisasi");
    }
}
