//! Indeks Kepuasan Masyarakat (PermenPANRB 14/2017): nine unsur answered 1–4, the mean per unsur
//! (NRR), the weighted index × 25, the grade bands of the regulation with their interval value
//! (nilai persepsi 1–4), per unsur too, and the minimum sample of the Krejcie–Morgan table.
//!
//! Everything is computed exactly in integers (answers are whole numbers, weights fractions) and
//! rounded half up to two decimals once, before grading: an index exactly on a band edge
//! (88.305) is graded on 88.31, as the regulation's tables read.

use serde::{Deserialize, Serialize};

/// The nine elements of the survey, in order U1..U9.
pub const UNSUR: [&str; 9] = [
    "Persyaratan",
    "Sistem, mekanisme dan prosedur",
    "Waktu penyelesaian",
    "Biaya/tarif",
    "Produk spesifikasi jenis pelayanan",
    "Kompetensi pelaksana",
    "Perilaku pelaksana",
    "Penanganan pengaduan, saran dan masukan",
    "Sarana dan prasarana",
];

/// The grade of an index.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum Grade {
    A,
    B,
    C,
    D,
}

impl Grade {
    /// The grade's letter, as the index and each unsur show it.
    pub fn letter(self) -> &'static str {
        match self {
            Grade::A => "A",
            Grade::B => "B",
            Grade::C => "C",
            Grade::D => "D",
        }
    }

    /// The regulation's words for the grade.
    pub fn label(self) -> &'static str {
        match self {
            Grade::A => "sangat baik",
            Grade::B => "baik",
            Grade::C => "kurang baik",
            Grade::D => "tidak baik",
        }
    }

    /// The band of an index, on its value rounded to two decimals:
    /// A 88.31–100.00, B 76.61–88.30, C 65.00–76.60, D 25.00–64.99.
    pub fn of(ikm: f64) -> Grade {
        Grade::of_hundredths((ikm * 100.0).round() as i64)
    }

    /// The band of an index given in hundredths (8831 is 88.31).
    pub fn of_hundredths(v: i64) -> Grade {
        match v {
            v if v >= 8831 => Grade::A,
            v if v >= 7661 => Grade::B,
            v if v >= 6500 => Grade::C,
            _ => Grade::D,
        }
    }

    /// The interval value (nilai persepsi) of the band: 4 for A down to 1 for D.
    pub fn interval(self) -> u8 {
        match self {
            Grade::A => 4,
            Grade::B => 3,
            Grade::C => 2,
            Grade::D => 1,
        }
    }
}

/// One unsur's result: its mean answer (NRR), that mean on the index scale (NRR × 25, rounded
/// half up to two decimals), its interval value 1–4 and its grade.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct UnsurResult {
    pub nrr: f64,
    pub value: f64,
    pub interval: u8,
    pub grade: Grade,
}

/// The result for one unit and period.
#[derive(Debug, Clone, PartialEq)]
pub struct Ikm {
    pub respondents: u64,
    /// Mean answer per unsur.
    pub nrr: [f64; 9],
    /// The index, 25–100, rounded half up to two decimals.
    pub ikm: f64,
    pub grade: Grade,
    pub unsur: [UnsurResult; 9],
}

/// Why custom weights are refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WeightsError {
    #[error("bobot harus 9 angka, bukan {0}")]
    Count(usize),
    #[error("bobot tidak boleh negatif")]
    Negative,
    /// The sum, to four decimals.
    #[error("jumlah bobot harus 1, bukan {0}")]
    Sum(String),
}

/// Checks custom weights: nine, none negative, summing to 1.
pub fn check_weights(w: &[f64]) -> Result<[f64; 9], WeightsError> {
    let arr: [f64; 9] = w.try_into().map_err(|_| WeightsError::Count(w.len()))?;
    if arr.iter().any(|x| !x.is_finite() || *x < 0.0) {
        return Err(WeightsError::Negative);
    }
    let sum: f64 = arr.iter().sum();
    if (sum - 1.0).abs() > 1e-6 {
        return Err(WeightsError::Sum(format!("{sum:.4}")));
    }
    Ok(arr)
}

/// `num / den` rounded half up (both positive).
fn round_half_up(num: u128, den: u128) -> u128 {
    (2 * num + den) / (2 * den)
}

/// Weights as whole parts of a common denominator: the regulation's 1/9 each, or a unit's own in
/// millionths (the precision they are checked to).
fn weight_parts(weights: Option<&[f64; 9]>) -> ([u128; 9], u128) {
    match weights {
        None => ([1; 9], 9),
        Some(w) => {
            let parts = w.map(|x| (x * 1_000_000.0).round().max(0.0) as u128);
            // Divided by their own sum, so that thirds or ninths rounded to millionths still weigh 1.
            let sum = parts.iter().sum::<u128>().max(1);
            (parts, sum)
        }
    }
}

/// Computes the index from answers (each 1–4); `None` with no respondents. Equal weights (1/9)
/// unless custom ones are given. Exact: IKM × 100 = 2500 × Σ wᵢ·sumᵢ / n, rounded half up once.
pub fn compute(answers: &[[u8; 9]], weights: Option<&[f64; 9]>) -> Option<Ikm> {
    if answers.is_empty() {
        return None;
    }
    let n = answers.len() as u128;
    let mut sums = [0u128; 9];
    for a in answers {
        for (i, v) in a.iter().enumerate() {
            sums[i] += u128::from(*v);
        }
    }
    let (parts, denominator) = weight_parts(weights);
    let weighted: u128 = sums.iter().zip(parts.iter()).map(|(s, w)| s * w).sum();
    let hundredths = round_half_up(2500 * weighted, n * denominator) as i64;
    let unsur = sums.map(|sum| {
        let v = round_half_up(2500 * sum, n) as i64;
        let grade = Grade::of_hundredths(v);
        UnsurResult { nrr: sum as f64 / n as f64, value: v as f64 / 100.0, interval: grade.interval(), grade }
    });
    Some(Ikm {
        respondents: answers.len() as u64,
        nrr: unsur.map(|u| u.nrr),
        ikm: hundredths as f64 / 100.0,
        grade: Grade::of_hundredths(hundredths),
        unsur,
    })
}

/// The Krejcie–Morgan table (1970) that PermenPANRB 14/2017 uses: population → minimum sample.
const KREJCIE_MORGAN: &[(u64, u64)] = &[
    (10, 10),
    (15, 14),
    (20, 19),
    (25, 24),
    (30, 28),
    (35, 32),
    (40, 36),
    (45, 40),
    (50, 44),
    (55, 48),
    (60, 52),
    (65, 56),
    (70, 59),
    (75, 63),
    (80, 66),
    (85, 70),
    (90, 73),
    (95, 76),
    (100, 80),
    (110, 86),
    (120, 92),
    (130, 97),
    (140, 103),
    (150, 108),
    (160, 113),
    (170, 118),
    (180, 123),
    (190, 127),
    (200, 132),
    (210, 136),
    (220, 140),
    (230, 144),
    (240, 148),
    (250, 152),
    (260, 155),
    (270, 159),
    (280, 162),
    (290, 165),
    (300, 169),
    (320, 175),
    (340, 181),
    (360, 186),
    (380, 191),
    (400, 196),
    (420, 201),
    (440, 205),
    (460, 210),
    (480, 214),
    (500, 217),
    (550, 226),
    (600, 234),
    (650, 242),
    (700, 248),
    (750, 254),
    (800, 260),
    (850, 265),
    (900, 269),
    (950, 274),
    (1000, 278),
    (1100, 285),
    (1200, 291),
    (1300, 297),
    (1400, 302),
    (1500, 306),
    (1600, 310),
    (1700, 313),
    (1800, 317),
    (1900, 320),
    (2000, 322),
    (2200, 327),
    (2400, 331),
    (2600, 335),
    (2800, 338),
    (3000, 341),
    (3500, 346),
    (4000, 351),
    (4500, 354),
    (5000, 357),
    (6000, 361),
    (7000, 364),
    (8000, 367),
    (9000, 368),
    (10000, 370),
    (15000, 375),
    (20000, 377),
    (30000, 379),
    (40000, 380),
    (50000, 381),
    (75000, 382),
    (1000000, 384),
];

/// The minimum number of respondents for a population of service users: the table's row for the
/// smallest tabulated population at least as large (so never too few); every user below 10; 384
/// from 75,001 up.
pub fn minimum_sample(population: u64) -> u64 {
    if population < 10 {
        return population;
    }
    KREJCIE_MORGAN.iter().find(|(n, _)| *n >= population).map_or(384, |(_, s)| *s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hand_worked_example() {
        // Four respondents. Column sums: 13, 14, 12, 15, 13, 14, 14, 12, 13 → NRR 3.25, 3.5, 3.0,
        // 3.75, 3.25, 3.5, 3.5, 3.0, 3.25; mean 30/9 = 3.3333; × 25 = 83.33 → B (baik).
        let answers = [
            [4, 4, 3, 4, 3, 4, 4, 3, 4],
            [3, 3, 3, 4, 3, 3, 3, 3, 3],
            [3, 4, 3, 3, 4, 3, 4, 3, 3],
            [3, 3, 3, 4, 3, 4, 3, 3, 3],
        ];
        let r = compute(&answers, None).unwrap();
        assert_eq!(r.respondents, 4);
        assert_eq!(r.nrr, [3.25, 3.5, 3.0, 3.75, 3.25, 3.5, 3.5, 3.0, 3.25]);
        assert_eq!(r.ikm, 83.33);
        assert_eq!(r.grade, Grade::B);
        assert!(compute(&[], None).is_none());
        assert_eq!(compute(&[[4; 9]], None).unwrap().ikm, 100.0);
        assert_eq!(compute(&[[1; 9]], None).unwrap().grade, Grade::D);
    }

    #[test]
    fn band_edges() {
        assert_eq!(Grade::of(88.31), Grade::A);
        assert_eq!(Grade::of(88.30), Grade::B);
        assert_eq!(Grade::of(76.61), Grade::B);
        assert_eq!(Grade::of(76.60), Grade::C);
        assert_eq!(Grade::of(65.00), Grade::C);
        assert_eq!(Grade::of(64.99), Grade::D);
        assert_eq!(Grade::of(88.305), Grade::A, "graded on the value rounded to two decimals");
    }

    /// Indices exactly on a band's edge (x.xx5) round up before grading, whatever floating point
    /// would make of them: 5,000 respondents whose answers total 158,949 give 88.305 → 88.31 (A).
    #[test]
    fn band_edges_are_exact() {
        let with_total = |total: u32| -> Vec<[u8; 9]> {
            // 5,000 respondents answering 3 everywhere (135,000), then single answers raised to 4.
            let mut rows = vec![[3u8; 9]; 5000];
            let mut extra = total - 135_000;
            for row in rows.iter_mut() {
                for v in row.iter_mut() {
                    if extra > 0 {
                        *v = 4;
                        extra -= 1;
                    }
                }
            }
            rows
        };
        for (total, ikm, grade) in [(158_949, 88.31, Grade::A), (137_889, 76.61, Grade::B)] {
            let r = compute(&with_total(total), None).unwrap();
            assert_eq!((r.ikm, r.grade), (ikm, grade), "total {total}");
        }
        // Per unsur: every unsur of that sample is answered 4 by the first 2,661 respondents and 3
        // by the rest: NRR 3.5322, × 25 = 88.305 → 88.31, interval 4, grade A.
        let r = compute(&with_total(158_949), None).unwrap();
        assert_eq!(r.unsur[0].value, 88.31);
        // Custom weights of a ninth each (rounded to millionths, summing to 999,999) weigh the same.
        let ninths = compute(&with_total(158_949), Some(&[1.0 / 9.0; 9])).unwrap();
        assert_eq!((ninths.ikm, ninths.grade), (88.31, Grade::A));
        assert_eq!((r.unsur[0].interval, r.unsur[0].grade), (4, Grade::A));
        assert_eq!((r.unsur[8].interval, r.unsur[8].grade), (4, Grade::A));
        let low = compute(&[[2, 2, 2, 2, 2, 2, 2, 2, 3]], None).unwrap();
        assert_eq!((low.unsur[0].value, low.unsur[0].interval, low.unsur[0].grade), (50.0, 1, Grade::D));
        assert_eq!((low.unsur[8].value, low.unsur[8].interval, low.unsur[8].grade), (75.0, 2, Grade::C));
    }

    #[test]
    fn krejcie_morgan() {
        for (population, sample) in
            [(5, 5), (10, 10), (100, 80), (105, 86), (1_000, 278), (10_000, 370), (100_000, 384), (5_000_000, 384)]
        {
            assert_eq!(minimum_sample(population), sample, "population {population}");
        }
    }

    #[test]
    fn custom_weights() {
        let mut w = [0.1; 9];
        w[0] = 0.2;
        let w = check_weights(&w).unwrap();
        // U1 answered 4, the rest 2: 4×0.2 + 2×0.8 = 2.4 → 60.00.
        let r = compute(&[[4, 2, 2, 2, 2, 2, 2, 2, 2]], Some(&w)).unwrap();
        assert_eq!(r.ikm, 60.0);
        assert!(check_weights(&[0.2; 9]).unwrap_err().to_string().contains("jumlah bobot"));
        assert!(check_weights(&[0.5; 3]).is_err());
    }
}
