//! Competencies (PermenPANRB 38/2017): the catalogue, required and assessed levels, the gap, the
//! job-person match, when a development plan is mandatory, and the yearly competency development
//! in jam pelajaran (JP) every civil servant is entitled to (PP 11/2017: a PNS at least 20 JP;
//! PP 49/2018: a PPPK at most 24 JP).

use crate::org::vocabulary;
use crate::Predikat;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// Levels run from 1 to 5.
pub const LEVELS: std::ops::RangeInclusive<u8> = 1..=5;

/// Jam pelajaran (JP) of competency development a PNS has at least each year (PP 11/2017
/// Pasal 203 ayat 4; Peraturan LAN 10/2018): the default target.
pub const PNS_JP_PER_YEAR: u32 = 20;

/// The most JP of competency development a PPPK is given a year (PP 49/2018 Pasal 39 ayat 3).
pub const PPPK_JP_MAX: u32 = 24;

/// The yearly JP target of an employee: the Pemda's `target` for a PNS; for a PPPK only where the
/// Pemda applies it (`for_pppk`), and never beyond what a PPPK may be given. `None`: no target.
pub fn jp_target(employment: crate::EmploymentType, target: u32, for_pppk: bool) -> Option<u32> {
    match employment {
        crate::EmploymentType::Pns => Some(target),
        crate::EmploymentType::Pppk => for_pppk.then_some(target.min(PPPK_JP_MAX)),
    }
}

/// How many of the largest gaps a new development plan suggests.
pub const SUGGESTED_GAPS: usize = 3;

vocabulary! {
    /// The three kinds of competency.
    CompetencyKind { Manajerial => "manajerial", SosialKultural => "sosial_kultural", Teknis => "teknis" }
}

vocabulary! {
    /// Who assessed a level.
    AssessmentSource { AssessmentCentre => "assessment_centre", Supervisor => "supervisor", SelfAssessment => "self_assessment" }
}

vocabulary! {
    /// The life of a development plan.
    PlanStatus { Draft => "draft", Active => "active", Completed => "completed", Cancelled => "cancelled" }
}

vocabulary! {
    /// The life of one training in a plan.
    TrainingStatus { Planned => "planned", Completed => "completed", Cancelled => "cancelled" }
}

vocabulary! {
    /// The job-person match category (Peraturan BKN 26/2019).
    MatchCategory { Optimal => "optimal", CukupOptimal => "cukup_optimal", KurangOptimal => "kurang_optimal" }
}

impl CompetencyKind {
    /// The label in the UI.
    pub fn label(self) -> &'static str {
        match self {
            Self::Manajerial => "Manajerial",
            Self::SosialKultural => "Sosial Kultural",
            Self::Teknis => "Teknis",
        }
    }
}

impl AssessmentSource {
    /// The label in the UI.
    pub fn label(self) -> &'static str {
        match self {
            Self::AssessmentCentre => "Assessment center",
            Self::Supervisor => "Atasan langsung",
            Self::SelfAssessment => "Penilaian diri",
        }
    }
}

impl MatchCategory {
    /// The category of a match percentage: optimal from 90 %, cukup optimal from 78 %.
    pub fn of(percent: f64) -> Self {
        if percent >= 90.0 {
            Self::Optimal
        } else if percent >= 78.0 {
            Self::CukupOptimal
        } else {
            Self::KurangOptimal
        }
    }

    /// The label in the UI.
    pub fn label(self) -> &'static str {
        match self {
            Self::Optimal => "Optimal",
            Self::CukupOptimal => "Cukup Optimal",
            Self::KurangOptimal => "Kurang Optimal",
        }
    }
}

/// One competency of the catalogue as shipped: the Pemda may edit every text.
#[derive(Debug, Clone, Copy)]
pub struct CatalogueEntry {
    pub code: &'static str,
    pub kind: CompetencyKind,
    pub name: &'static str,
    pub description: &'static str,
    /// What each level 1–5 looks like.
    pub levels: [&'static str; 5],
}

/// The managerial (M1–M8) and socio-cultural competencies of PermenPANRB 38/2017, with a short
/// description of each level. Technical competencies are defined by each Pemda per position.
pub const CATALOGUE: &[CatalogueEntry] = &[
    CatalogueEntry {
        code: "M1",
        kind: CompetencyKind::Manajerial,
        name: "Integritas",
        description: "Konsisten berperilaku selaras dengan nilai, norma dan etika organisasi, jujur dalam hubungan \
                      dengan atasan, rekan kerja, bawahan dan pemangku kepentingan.",
        levels: [
            "Mampu bertindak sesuai nilai, norma, etika organisasi dalam kapasitas pribadi",
            "Mampu mengingatkan dan mengajak rekan kerja untuk bertindak sesuai nilai, norma dan etika organisasi",
            "Mampu memastikan, menanamkan keyakinan bersama agar anggota yang dipimpin bertindak sesuai nilai, \
             norma dan etika organisasi dalam lingkup formal",
            "Mampu menciptakan situasi kerja yang membuat rekan kerja tetap bertindak sesuai nilai, norma dan etika \
             organisasi dalam segala situasi dan kondisi",
            "Mampu menjadi role model dan keteladanan dalam penerapan standar keadilan dan etika di tingkat nasional",
        ],
    },
    CatalogueEntry {
        code: "M2",
        kind: CompetencyKind::Manajerial,
        name: "Kerja Sama",
        description: "Kemampuan menjalin, membina, mempertahankan hubungan kerja yang efektif, memiliki komitmen \
                      saling membantu dalam penyelesaian tugas, dan mengoptimalkan segala sumber daya.",
        levels: [
            "Berpartisipasi dalam kelompok kerja",
            "Menumbuhkan tim kerja yang partisipatif dan efektif",
            "Efektif membangun tim kerja untuk peningkatan kinerja organisasi",
            "Membangun komitmen tim dan sinergi",
            "Menciptakan situasi kerja sama yang berkesinambungan lintas instansi dan sektor",
        ],
    },
    CatalogueEntry {
        code: "M3",
        kind: CompetencyKind::Manajerial,
        name: "Komunikasi",
        description: "Kemampuan menerangkan pandangan dan gagasan secara jelas, sistematis, disertai argumentasi yang \
                      logis dengan cara-cara yang sesuai, baik lisan maupun tertulis.",
        levels: [
            "Menyampaikan informasi dengan jelas, lengkap, pemahaman yang sama",
            "Aktif menjalankan komunikasi secara formal dan informal; bersedia mendengarkan orang lain",
            "Berkomunikasi secara asertif, terampil berkomunikasi lisan dan tertulis",
            "Mampu mengemukakan pemikiran multidimensi secara lisan dan tertulis untuk mendorong kesepakatan",
            "Mengemukakan pemikiran multidimensi secara lisan dan tertulis untuk menciptakan kesepakatan \
             lintas sektor dan instansi",
        ],
    },
    CatalogueEntry {
        code: "M4",
        kind: CompetencyKind::Manajerial,
        name: "Orientasi pada Hasil",
        description: "Kemampuan mempertahankan komitmen pribadi yang tinggi untuk menyelesaikan tugas, dapat \
                      diandalkan, bertanggung jawab, dan mampu meningkatkan hasil kerja.",
        levels: [
            "Bertanggung jawab untuk memenuhi standar kerja",
            "Berupaya meningkatkan hasil kerja pribadi yang lebih tinggi dari standar yang ditetapkan",
            "Menetapkan target kerja yang menantang bagi unit kerja dan berupaya mencapainya",
            "Mendorong unit kerja mencapai target yang ditetapkan atau melebihi hasil kerja sebelumnya",
            "Kemampuan menyusun kebijakan dengan target kinerja yang tinggi di tingkat nasional",
        ],
    },
    CatalogueEntry {
        code: "M5",
        kind: CompetencyKind::Manajerial,
        name: "Pelayanan Publik",
        description: "Kemampuan melaksanakan tugas pemerintahan, pembangunan dan kegiatan pemenuhan kebutuhan \
                      pelayanan publik secara profesional, transparan, mengikuti standar pelayanan yang objektif, \
                      netral, tidak memihak, tidak diskriminatif.",
        levels: [
            "Menjalankan pelayanan sesuai standar",
            "Mampu mensupervisi dan mengawasi pelaksanaan pelayanan publik",
            "Mampu memanfaatkan kekuatan kelompok serta memperbaiki standar pelayanan publik di lingkup unit kerja",
            "Mampu memonitor, mengevaluasi, memperhitungkan dan mengantisipasi dampak isu-isu jangka panjang \
             terhadap pelayanan publik",
            "Mampu menciptakan kebijakan pelayanan publik yang menjamin terselenggaranya pelayanan publik yang \
             objektif, netral dan tidak diskriminatif",
        ],
    },
    CatalogueEntry {
        code: "M6",
        kind: CompetencyKind::Manajerial,
        name: "Pengembangan Diri dan Orang Lain",
        description: "Kemampuan meningkatkan pengetahuan dan menyempurnakan keterampilan diri; menginspirasi orang \
                      lain untuk mengembangkan dan menyempurnakan pengetahuan dan keterampilan.",
        levels: [
            "Pengembangan diri",
            "Meningkatkan kemampuan bawahan dengan memberikan contoh dan penjelasan cara melaksanakan pekerjaan",
            "Memberikan umpan balik, membimbing",
            "Menyusun program pengembangan jangka panjang dalam rangka mendorong manajemen pembelajaran",
            "Menciptakan situasi yang mendorong organisasi untuk mengembangkan kemampuan belajar secara \
             berkelanjutan",
        ],
    },
    CatalogueEntry {
        code: "M7",
        kind: CompetencyKind::Manajerial,
        name: "Mengelola Perubahan",
        description: "Kemampuan menyesuaikan diri dengan situasi yang baru atau berubah dan tidak bergantung secara \
                      berlebihan pada metode dan proses lama.",
        levels: [
            "Mengikuti perubahan dengan arahan",
            "Proaktif beradaptasi mengikuti perubahan",
            "Membantu orang lain mengikuti perubahan, mengantisipasi perubahan secara tepat",
            "Memimpin perubahan pada unit kerja",
            "Memimpin, menggerakkan dan mengevaluasi perubahan secara menyeluruh yang berdampak luas",
        ],
    },
    CatalogueEntry {
        code: "M8",
        kind: CompetencyKind::Manajerial,
        name: "Pengambilan Keputusan",
        description: "Kemampuan membuat keputusan yang baik secara tepat waktu dan dengan keyakinan diri setelah \
                      mempertimbangkan prinsip kehati-hatian, dirumuskan secara sistematis dan seksama.",
        levels: [
            "Mengumpulkan informasi untuk bertindak sesuai kewenangan",
            "Menganalisis masalah secara mendalam",
            "Membandingkan berbagai alternatif, menyeimbangkan risiko keberhasilan dalam implementasi",
            "Menyelesaikan masalah yang mengandung risiko tinggi, mengantisipasi dampak keputusan, membuat \
             tindakan pengamanan; mitigasi risiko",
            "Menghasilkan solusi dan mengambil keputusan untuk mengatasi permasalahan jangka panjang / strategis \
             yang berdampak nasional",
        ],
    },
    CatalogueEntry {
        code: "SK1",
        kind: CompetencyKind::SosialKultural,
        name: "Perekat Bangsa",
        description: "Kemampuan dalam mempromosikan sikap toleransi, keterbukaan, peka terhadap perbedaan \
                      individu/kelompok masyarakat; mampu menjadi perpanjangan tangan pemerintah dalam \
                      mempersatukan masyarakat.",
        levels: [
            "Peka memahami dan menerima kemajemukan",
            "Aktif mengembangkan sikap saling menghargai, menekankan persamaan dan persatuan",
            "Mempromosikan, mengembangkan sikap toleransi dan persatuan",
            "Mendayagunakan perbedaan secara konstruktif dan kreatif untuk meningkatkan efektivitas organisasi",
            "Wakil pemerintah untuk membangun hubungan sosial psikologis",
        ],
    },
];

/// The shortfall of an assessed level against the required one (zero when it meets or exceeds it);
/// `None` when the competency has not been assessed.
pub fn gap(required: u8, assessed: Option<u8>) -> Option<u8> {
    assessed.map(|a| required.saturating_sub(a))
}

/// The job-person match in percent: the assessed levels, each counted up to the required level, over
/// the required levels of every required competency (one decimal). A required competency not yet
/// assessed meets nothing: leaving it out would inflate the match. `None` until at least one of
/// them is assessed.
pub fn job_person_match(pairs: &[(u8, Option<u8>)]) -> Option<f64> {
    let required: Vec<(u8, Option<u8>)> = pairs.iter().copied().filter(|(r, _)| *r > 0).collect();
    if required.iter().all(|(_, a)| a.is_none()) {
        return None;
    }
    let met: u32 = required.iter().map(|(r, a)| u32::from(a.unwrap_or(0).min(*r))).sum();
    let total: u32 = required.iter().map(|(r, _)| u32::from(*r)).sum();
    Some((f64::from(met) / f64::from(total) * 1000.0).round() / 10.0)
}

/// Whether a development plan is mandatory after this predikat: Butuh Perbaikan or worse.
pub fn plan_required(predikat: Predikat) -> bool {
    matches!(predikat, Predikat::ButuhPerbaikan | Predikat::Kurang | Predikat::SangatKurang)
}

/// The competencies a plan should address first: those with a gap, largest first (ties by code),
/// at most `SUGGESTED_GAPS`.
pub fn suggestions<'a>(gaps: &[(&'a str, u8)]) -> Vec<&'a str> {
    let mut with_gap: Vec<(&str, u8)> = gaps.iter().copied().filter(|(_, g)| *g > 0).collect();
    with_gap.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
    with_gap.into_iter().take(SUGGESTED_GAPS).map(|(c, _)| c).collect()
}

/// Whether a level is within 1–5.
pub fn valid_level(level: u8) -> bool {
    LEVELS.contains(&level)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_catalogue_has_m1_to_m8_and_perekat_bangsa_with_five_levels_each() {
        let codes: Vec<&str> = CATALOGUE.iter().map(|c| c.code).collect();
        assert_eq!(codes, ["M1", "M2", "M3", "M4", "M5", "M6", "M7", "M8", "SK1"]);
        assert!(CATALOGUE.iter().all(|c| c.levels.iter().all(|l| !l.is_empty())));
        assert_eq!(CATALOGUE.iter().filter(|c| c.kind == CompetencyKind::SosialKultural).count(), 1);
    }

    #[test]
    fn a_gap_is_the_shortfall_only() {
        assert_eq!(gap(3, Some(1)), Some(2));
        assert_eq!(gap(3, Some(3)), Some(0));
        assert_eq!(gap(3, Some(5)), Some(0), "exceeding is not a negative gap");
        assert_eq!(gap(3, None), None);
    }

    #[test]
    fn the_job_person_match_caps_each_level_at_the_requirement() {
        // 3 of 3, 2 of 4, 5 of 3 (counted as 3): 8 of 10.
        assert_eq!(job_person_match(&[(3, Some(3)), (4, Some(2)), (3, Some(5))]), Some(80.0));
        // Unassessed competencies are left out rather than counted as zero.
        // An unassessed requirement meets nothing: 3 of 3 + 4 required.
        assert_eq!(job_person_match(&[(3, Some(3)), (4, None)]), Some(42.9));
        assert_eq!(job_person_match(&[(3, None)]), None);
        assert_eq!(job_person_match(&[]), None);
        // One decimal: 7 of 9.
        assert_eq!(job_person_match(&[(3, Some(2)), (3, Some(2)), (3, Some(3))]), Some(77.8));
    }

    #[test]
    fn match_categories_at_their_bounds() {
        assert_eq!(MatchCategory::of(100.0), MatchCategory::Optimal);
        assert_eq!(MatchCategory::of(90.0), MatchCategory::Optimal);
        assert_eq!(MatchCategory::of(89.9), MatchCategory::CukupOptimal);
        assert_eq!(MatchCategory::of(78.0), MatchCategory::CukupOptimal);
        assert_eq!(MatchCategory::of(77.8), MatchCategory::KurangOptimal);
    }

    #[test]
    fn a_plan_is_mandatory_from_butuh_perbaikan_down() {
        let required: Vec<Predikat> = Predikat::ALL.iter().copied().filter(|p| plan_required(*p)).collect();
        assert_eq!(required, [Predikat::ButuhPerbaikan, Predikat::Kurang, Predikat::SangatKurang]);
    }

    #[test]
    fn suggestions_take_the_largest_gaps_first() {
        let gaps = [("M1", 1), ("M3", 2), ("M2", 2), ("M4", 0), ("T1", 1)];
        assert_eq!(suggestions(&gaps), ["M2", "M3", "M1"]);
        assert!(suggestions(&[("M1", 0)]).is_empty());
    }

    #[test]
    fn levels_run_from_one_to_five() {
        assert!(!valid_level(0));
        assert!(valid_level(1) && valid_level(5));
        assert!(!valid_level(6));
        assert_eq!("self_assessment".parse::<AssessmentSource>(), Ok(AssessmentSource::SelfAssessment));
    }
}

#[cfg(test)]
mod jp_tests {
    use super::*;
    use crate::EmploymentType::{Pns, Pppk};

    #[test]
    fn the_jp_target_follows_the_employment_type() {
        assert_eq!(jp_target(Pns, PNS_JP_PER_YEAR, false), Some(20), "PP 11/2017: 20 JP for a PNS");
        assert_eq!(jp_target(Pppk, PNS_JP_PER_YEAR, false), None, "no PPPK target unless the Pemda sets one");
        assert_eq!(jp_target(Pppk, PNS_JP_PER_YEAR, true), Some(20));
        assert_eq!(jp_target(Pppk, 30, true), Some(24), "PP 49/2018: at most 24 JP for a PPPK");
        assert_eq!(jp_target(Pns, 30, true), Some(30));
    }
}
