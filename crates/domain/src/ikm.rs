//! Indeks Kepuasan Masyarakat (PermenPANRB 14/2017): nine unsur answered 1–4, the mean per unsur
//! (NRR), the weighted index × 25, and the grade bands of the regulation.

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
        let v = (ikm * 100.0).round() as i64;
        match v {
            v if v >= 8831 => Grade::A,
            v if v >= 7661 => Grade::B,
            v if v >= 6500 => Grade::C,
            _ => Grade::D,
        }
    }
}

/// The result for one unit and period.
#[derive(Debug, Clone, PartialEq)]
pub struct Ikm {
    pub respondents: u64,
    /// Mean answer per unsur.
    pub nrr: [f64; 9],
    /// The index, 25–100, rounded to two decimals.
    pub ikm: f64,
    pub grade: Grade,
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

/// Computes the index from answers (each 1–4); `None` with no respondents. Equal weights (1/9)
/// unless custom ones are given.
pub fn compute(answers: &[[u8; 9]], weights: Option<&[f64; 9]>) -> Option<Ikm> {
    if answers.is_empty() {
        return None;
    }
    let n = answers.len() as f64;
    let mut nrr = [0f64; 9];
    for a in answers {
        for (i, v) in a.iter().enumerate() {
            nrr[i] += f64::from(*v);
        }
    }
    for x in &mut nrr {
        *x /= n;
    }
    let w = weights.copied().unwrap_or([1.0 / 9.0; 9]);
    let raw: f64 = nrr.iter().zip(w.iter()).map(|(a, b)| a * b).sum::<f64>() * 25.0;
    let ikm = (raw * 100.0).round() / 100.0;
    Some(Ikm { respondents: answers.len() as u64, nrr, ikm, grade: Grade::of(ikm) })
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
