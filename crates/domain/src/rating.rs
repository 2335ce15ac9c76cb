//! Ratings (PermenPANRB 6/2022): the two ratings, the predikat matrix, the organisation predikat,
//! and the expected distribution of predikat in a unit (SE MenPANRB 3/2023) kept as data.

use crate::org::vocabulary;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::fmt;
use std::str::FromStr;

vocabulary! {
    /// Rating Hasil Kerja or Rating Perilaku Kerja.
    Rating { DiAtas => "di_atas", Sesuai => "sesuai", DiBawah => "di_bawah" }
}

vocabulary! {
    /// The employee's predikat, following from the two ratings.
    Predikat {
        SangatBaik => "sangat_baik",
        Baik => "baik",
        ButuhPerbaikan => "butuh_perbaikan",
        Kurang => "kurang",
        SangatKurang => "sangat_kurang",
    }
}

vocabulary! {
    /// The organisation's predikat, set by the head of the parent unit.
    OrgPredikat {
        Istimewa => "istimewa",
        Baik => "baik",
        ButuhPerbaikan => "butuh_perbaikan",
        Kurang => "kurang",
        SangatKurang => "sangat_kurang",
    }
}

impl Predikat {
    /// The name shown to people.
    pub fn label(self) -> &'static str {
        match self {
            Predikat::SangatBaik => "Sangat Baik",
            Predikat::Baik => "Baik",
            Predikat::ButuhPerbaikan => "Butuh Perbaikan",
            Predikat::Kurang => "Kurang/Misconduct",
            Predikat::SangatKurang => "Sangat Kurang",
        }
    }
}

/// The matrix: there is no formula and no weighting, only this table.
///
/// | Hasil Kerja \ Perilaku | Di Bawah | Sesuai | Di Atas |
/// |---|---|---|---|
/// | Di Atas | Kurang | Baik | Sangat Baik |
/// | Sesuai | Kurang | Baik | Baik |
/// | Di Bawah | Sangat Kurang | Butuh Perbaikan | Butuh Perbaikan |
pub fn predikat(result: Rating, behavior: Rating) -> Predikat {
    use Rating::*;
    match (result, behavior) {
        (DiAtas, DiAtas) => Predikat::SangatBaik,
        (DiAtas | Sesuai, Sesuai) | (Sesuai, DiAtas) => Predikat::Baik,
        (DiAtas | Sesuai, DiBawah) => Predikat::Kurang,
        (DiBawah, DiBawah) => Predikat::SangatKurang,
        (DiBawah, Sesuai | DiAtas) => Predikat::ButuhPerbaikan,
    }
}

/// The Rating Hasil Kerja that a unit's organisation predikat proposes for its head (SE MenPANRB
/// 3/2023): Istimewa → Di Atas; Baik → Sesuai; Butuh Perbaikan, Kurang, Sangat Kurang → Di Bawah.
pub fn head_result_from(org: OrgPredikat) -> Rating {
    match org {
        OrgPredikat::Istimewa => Rating::DiAtas,
        OrgPredikat::Baik => Rating::Sesuai,
        OrgPredikat::ButuhPerbaikan | OrgPredikat::Kurang | OrgPredikat::SangatKurang => Rating::DiBawah,
    }
}

/// One rule of an expected distribution: the share of employees whose predikat is one of
/// `predikat` must stay within a bound.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Rule {
    pub predikat: Vec<Predikat>,
    pub bound: Bound,
}

/// A bound on a share, in whole percent, "at least one employee", or "most staff" (sebagian
/// besar: more than half).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case", tag = "kind", content = "percent")]
pub enum Bound {
    AtMost(u32),
    AtLeast(u32),
    AtLeastOne,
    Majority,
}

/// The expected distribution of one organisation predikat, as a Pemda keeps it in its settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OrgPattern {
    pub org_predikat: OrgPredikat,
    pub rules: Vec<Rule>,
}

/// The patterns of SE MenPANRB 3/2023 as a list, in the order of the organisation predikat.
pub fn default_pattern_list() -> Vec<OrgPattern> {
    let mut all = default_patterns();
    OrgPredikat::ALL.iter().map(|o| OrgPattern { org_predikat: *o, rules: all.remove(o).unwrap_or_default() }).collect()
}

/// Why a Pemda's patterns are refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PatternError {
    #[error("pola predikat organisasi {0} tercantum lebih dari sekali")]
    Duplicate(&'static str),
    #[error("setiap aturan pola menyebut paling sedikit satu predikat")]
    NoPredikat,
    #[error("persentase pola paling besar 100, bukan {0}")]
    Percent(u32),
}

/// Checks a Pemda's own patterns: each organisation predikat at most once, every rule naming a
/// predikat, every percent 0–100.
pub fn check_patterns(patterns: &[OrgPattern]) -> Result<(), PatternError> {
    let mut seen = std::collections::HashSet::new();
    for p in patterns {
        if !seen.insert(p.org_predikat) {
            return Err(PatternError::Duplicate(p.org_predikat.as_str()));
        }
        for r in &p.rules {
            if r.predikat.is_empty() {
                return Err(PatternError::NoPredikat);
            }
            if let Bound::AtMost(pct) | Bound::AtLeast(pct) = r.bound {
                if pct > 100 {
                    return Err(PatternError::Percent(pct));
                }
            }
        }
    }
    Ok(())
}

/// The patterns of SE MenPANRB 3/2023, as data (a Pemda may replace them in its settings).
pub fn default_patterns() -> HashMap<OrgPredikat, Vec<Rule>> {
    use Predikat as P;
    let rule = |predikat: &[P], bound| Rule { predikat: predikat.to_vec(), bound };
    HashMap::from([
        (
            OrgPredikat::Istimewa,
            vec![rule(&[P::SangatBaik], Bound::Majority), rule(&[P::SangatBaik], Bound::AtMost(70))],
        ),
        (
            OrgPredikat::Baik,
            vec![
                rule(&[P::Baik], Bound::Majority),
                rule(&[P::Baik], Bound::AtMost(70)),
                rule(&[P::ButuhPerbaikan, P::Kurang], Bound::AtLeastOne),
            ],
        ),
        (
            OrgPredikat::ButuhPerbaikan,
            vec![rule(&[P::ButuhPerbaikan], Bound::AtLeast(60)), rule(&[P::SangatBaik], Bound::AtMost(10))],
        ),
        (
            OrgPredikat::Kurang,
            vec![
                rule(&[P::Kurang], Bound::AtLeast(60)),
                rule(&[P::ButuhPerbaikan], Bound::AtLeast(10)),
                rule(&[P::SangatBaik], Bound::AtMost(10)),
            ],
        ),
        (
            OrgPredikat::SangatKurang,
            vec![
                rule(&[P::SangatKurang], Bound::AtLeast(60)),
                rule(&[P::Kurang, P::ButuhPerbaikan], Bound::AtLeast(10)),
                rule(&[P::SangatBaik], Bound::AtMost(0)),
            ],
        ),
    ])
}

/// The deviations of a unit's predikat counts from the rules, in words ("Baik 82 % > 70 %").
/// Shares are compared exactly (count × 100 against percent × total), so that 7 of 10 is within
/// "at most 70 %" and 3 of 5 meets "at least 60 %" on small units. Warnings, never blocks.
pub fn deviations(rules: &[Rule], counts: &HashMap<Predikat, u32>) -> Vec<String> {
    let total: u32 = counts.values().sum();
    if total == 0 {
        return Vec::new();
    }
    let mut out = Vec::new();
    for r in rules {
        let n: u32 = r.predikat.iter().map(|p| counts.get(p).copied().unwrap_or(0)).sum();
        let names = r.predikat.iter().map(|p| p.label()).collect::<Vec<_>>().join(" atau ");
        let shown = (f64::from(n) * 100.0 / f64::from(total)).round() as u32;
        match r.bound {
            Bound::AtMost(pct) if n * 100 > pct * total => {
                if pct == 0 {
                    out.push(format!("{names} {n} orang, seharusnya tidak ada"));
                } else {
                    out.push(format!("{names} {shown} % > {pct} %"));
                }
            }
            Bound::AtLeast(pct) if n * 100 < pct * total => out.push(format!("{names} {shown} % < {pct} %")),
            Bound::AtLeastOne if n == 0 => out.push(format!("belum ada pegawai dengan predikat {names}")),
            Bound::Majority if n * 2 <= total => {
                out.push(format!("{names} {shown} %, belum sebagian besar (lebih dari 50 %)"))
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use Predikat as P;

    /// SE 3/2023: under Baik most staff are Baik (more than half, at most 70 %) and someone is
    /// Butuh Perbaikan or Kurang. Ten staff: 5 Baik is not most; 6 is; 8 is over 70 %.
    #[test]
    fn most_staff_in_the_expected_band() {
        let rules = default_patterns().remove(&OrgPredikat::Baik).unwrap();
        let counts = |baik: u32, sb: u32, bp: u32| {
            HashMap::from([(P::Baik, baik), (P::SangatBaik, sb), (P::ButuhPerbaikan, bp)])
        };
        let five = deviations(&rules, &counts(5, 4, 1));
        assert_eq!(five, vec!["Baik 50 %, belum sebagian besar (lebih dari 50 %)".to_owned()]);
        assert!(deviations(&rules, &counts(6, 3, 1)).is_empty());
        assert_eq!(deviations(&rules, &counts(8, 1, 1)), vec!["Baik 80 % > 70 %".to_owned()]);
        assert!(check_patterns(&default_pattern_list()).is_ok());
        let mut twice = default_pattern_list();
        twice.push(twice[0].clone());
        assert!(check_patterns(&twice).is_err());
        let mut over = default_pattern_list();
        over[0].rules[1].bound = Bound::AtMost(120);
        assert!(check_patterns(&over).is_err());
    }
    use Rating::*;

    #[test]
    fn every_cell_of_the_matrix() {
        let cases = [
            (DiAtas, DiBawah, P::Kurang),
            (DiAtas, Sesuai, P::Baik),
            (DiAtas, DiAtas, P::SangatBaik),
            (Sesuai, DiBawah, P::Kurang),
            (Sesuai, Sesuai, P::Baik),
            (Sesuai, DiAtas, P::Baik),
            (DiBawah, DiBawah, P::SangatKurang),
            (DiBawah, Sesuai, P::ButuhPerbaikan),
            (DiBawah, DiAtas, P::ButuhPerbaikan),
        ];
        for (result, behavior, expected) in cases {
            assert_eq!(predikat(result, behavior), expected, "{result:?} × {behavior:?}");
        }
    }

    fn counts(pairs: &[(Predikat, u32)]) -> HashMap<Predikat, u32> {
        pairs.iter().copied().collect()
    }

    fn check(org: OrgPredikat, pairs: &[(Predikat, u32)]) -> Vec<String> {
        deviations(&default_patterns()[&org], &counts(pairs))
    }

    #[test]
    fn istimewa_limits_sangat_baik_to_70_percent() {
        assert!(check(OrgPredikat::Istimewa, &[(P::SangatBaik, 7), (P::Baik, 3)]).is_empty(), "7 of 10 is 70 %");
        assert_eq!(check(OrgPredikat::Istimewa, &[(P::SangatBaik, 3), (P::Baik, 1)]), vec!["Sangat Baik 75 % > 70 %"]);
    }

    #[test]
    fn baik_limits_baik_and_needs_one_below() {
        assert!(check(OrgPredikat::Baik, &[(P::Baik, 7), (P::SangatBaik, 2), (P::Kurang, 1)]).is_empty());
        let d = check(OrgPredikat::Baik, &[(P::Baik, 9), (P::SangatBaik, 2)]);
        assert_eq!(
            d,
            vec!["Baik 82 % > 70 %", "belum ada pegawai dengan predikat Butuh Perbaikan atau Kurang/Misconduct"]
        );
        assert!(check(OrgPredikat::Baik, &[(P::Baik, 2), (P::ButuhPerbaikan, 1)]).is_empty(), "2 of 3 is 66.7 %");
    }

    #[test]
    fn butuh_perbaikan_pattern() {
        assert!(
            check(OrgPredikat::ButuhPerbaikan, &[(P::ButuhPerbaikan, 3), (P::Baik, 2)]).is_empty(),
            "3 of 5 is 60 %"
        );
        assert_eq!(
            check(OrgPredikat::ButuhPerbaikan, &[(P::ButuhPerbaikan, 1), (P::Baik, 1)]),
            vec!["Butuh Perbaikan 50 % < 60 %"]
        );
        assert!(check(OrgPredikat::ButuhPerbaikan, &[(P::ButuhPerbaikan, 9), (P::SangatBaik, 1)]).is_empty(), "10 %");
        assert_eq!(
            check(OrgPredikat::ButuhPerbaikan, &[(P::ButuhPerbaikan, 6), (P::SangatBaik, 2), (P::Baik, 1)]),
            vec!["Sangat Baik 22 % > 10 %"]
        );
    }

    #[test]
    fn kurang_pattern() {
        assert!(check(
            OrgPredikat::Kurang,
            &[(P::Kurang, 6), (P::ButuhPerbaikan, 1), (P::SangatBaik, 1), (P::Baik, 2)]
        )
        .is_empty());
        let d = check(OrgPredikat::Kurang, &[(P::Kurang, 5), (P::Baik, 5)]);
        assert_eq!(d, vec!["Kurang/Misconduct 50 % < 60 %", "Butuh Perbaikan 0 % < 10 %"]);
        let d = check(OrgPredikat::Kurang, &[(P::Kurang, 6), (P::ButuhPerbaikan, 1), (P::SangatBaik, 2)]);
        assert_eq!(d, vec!["Sangat Baik 22 % > 10 %"]);
    }

    #[test]
    fn sangat_kurang_pattern() {
        assert!(check(OrgPredikat::SangatKurang, &[(P::SangatKurang, 6), (P::Kurang, 1), (P::Baik, 3)]).is_empty());
        let d = check(OrgPredikat::SangatKurang, &[(P::SangatKurang, 6), (P::SangatBaik, 1), (P::Baik, 3)]);
        assert_eq!(
            d,
            vec!["Kurang/Misconduct atau Butuh Perbaikan 0 % < 10 %", "Sangat Baik 1 orang, seharusnya tidak ada"]
        );
        assert!(check(OrgPredikat::SangatKurang, &[]).is_empty(), "an empty unit has nothing to compare");
    }

    #[test]
    fn patterns_are_data() {
        let json = serde_json::to_string(&default_patterns()[&OrgPredikat::Baik]).unwrap();
        assert!(json.contains("\"kind\":\"at_most\"") && json.contains("\"percent\":70"), "{json}");
        let back: Vec<Rule> = serde_json::from_str(&json).unwrap();
        assert_eq!(back, default_patterns()[&OrgPredikat::Baik]);
    }
}
