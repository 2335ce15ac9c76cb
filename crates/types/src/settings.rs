use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use validator::Validate;

/// The Pemda's own choices where the regulation leaves them open. Every field has the default of
/// the domain guide; `PATCH /api/v1/settings` changes any subset.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct PemdaSettings {
    /// Name of the Pemda shown in the UI.
    #[validate(length(min = 1, max = 200))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 200))]
    pub pemda_name: String,
    /// How staff reach the BKPSDM's help desk (a phone or WhatsApp number, a room): shown on the
    /// sign-in page to whoever forgot their password (empty: the page says to ask the BKPSDM).
    #[validate(length(max = 200))]
    #[cfg_attr(feature = "openapi", schema(max_length = 200))]
    pub helpdesk_contact: String,
    /// SKP due date each year, as `MM-DD` (default end of January).
    #[validate(length(equal = 5))]
    #[cfg_attr(feature = "openapi", schema(min_length = 5, max_length = 5))]
    pub skp_deadline: String,
    /// How many of the employee's working days back an activity may be dated.
    #[validate(range(min = 0, max = 366))]
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 366))]
    pub activity_max_days_back: u32,
    /// Maximum minutes of activities per employee per day, whatever the day's hours.
    #[validate(range(min = 30, max = 1440))]
    #[cfg_attr(feature = "openapi", schema(minimum = 30, maximum = 1440))]
    pub activity_max_minutes_per_day: u32,
    /// Minutes a day may hold beyond its hours by the person's calendar (lembur); all a day off
    /// holds. A day's cap is its hours plus these, within `activity_max_minutes_per_day`.
    #[validate(range(min = 0, max = 1440))]
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 1440))]
    pub activity_overtime_minutes: u32,
    /// `monthly`, `quarterly` or `semester` periodic assessment (the annual one exists in every case).
    pub assessment_frequency: AssessmentFrequency,
    /// Days after finalisation in which the employee may object.
    #[validate(range(min = 1, max = 90))]
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 90))]
    pub objection_days: u32,
    /// Days after an objection in which the penilai gives a written response (tanggapan).
    #[validate(range(min = 1, max = 60))]
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 60))]
    pub objection_response_days: u32,
    /// Days after an objection in which the atasan penilai (or the BKPSDM for the PPK) decides.
    #[validate(range(min = 1, max = 90))]
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 90))]
    pub objection_decision_days: u32,
    /// Working days to verify a complaint.
    #[validate(range(min = 1, max = 60))]
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 60))]
    pub complaint_verify_days: u32,
    /// Working days to respond after disposition, for a complaint verified without a class.
    #[validate(range(min = 1, max = 60))]
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 60))]
    pub complaint_response_days: u32,
    /// Working days to follow up after disposition, per class set at verification.
    #[validate(nested)]
    pub complaint_class_days: ComplaintClassDays,
    /// Public holidays (and cuti bersama) skipped when counting working days.
    pub holidays: Vec<NaiveDate>,
    /// Co-workers under one supervisor see each other's approved activities.
    pub team_view_enabled: bool,
    /// The Pemda's time zone as minutes east of UTC (WIB 420, WITA 480, WIT 540): what "today" means.
    #[validate(range(min = -720, max = 840))]
    #[cfg_attr(feature = "openapi", schema(minimum = -720, maximum = 840))]
    pub utc_offset_minutes: i32,
    /// Largest evidence upload, in bytes.
    #[validate(range(min = 1024, max = 104857600))]
    #[cfg_attr(feature = "openapi", schema(minimum = 1024, maximum = 104857600))]
    pub evidence_max_bytes: u64,
    /// The TPP rule of the Pemda's Perkada: shares, monthly minutes target, lateness bands, absence.
    pub tpp: kinerja_domain::tpp::TppRule,
    /// The expected distribution of employee predikat per organisation predikat (SE MenPANRB
    /// 3/2023 by default); a Pemda may set its own.
    pub distribution_patterns: Vec<kinerja_domain::rating::OrgPattern>,
    /// Jam pelajaran (JP) of competency development each employee should complete a year (PP
    /// 11/2017 Pasal 203: at least 20 for a PNS).
    #[validate(range(min = 1, max = 200))]
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 200))]
    pub development_jp_target: u32,
    /// Whether the JP target applies to PPPK too (PP 49/2018 Pasal 39 gives a PPPK at most 24 JP a
    /// year and sets no minimum; off by default). Applied, it is capped at 24.
    pub development_jp_for_pppk: bool,
    /// Reminders before deadlines, in the app and on each person's verified channels.
    #[validate(nested)]
    pub reminders: Reminders,
    /// The frame of every WhatsApp message: `{pesan}` stands for the message, `{pemda}` for the
    /// Pemda's name (a gateway of an official account may require its approved wording).
    #[validate(length(min = 7, max = 500))]
    #[cfg_attr(feature = "openapi", schema(min_length = 7, max_length = 500))]
    pub whatsapp_template: String,
    /// The work patterns of the Pemda's units: by default 5 days of 7.5 hours (`lima_hari`) and 6
    /// days of 6.25 hours (`enam_hari`); a shift rota repeats its days from its first one. The
    /// first is the pattern of every unit not given another.
    #[validate(length(min = 1, max = 50))]
    #[cfg_attr(feature = "openapi", schema(min_items = 1, max_items = 50))]
    pub work_patterns: Vec<kinerja_domain::calendar::WorkPattern>,
    /// The pattern of a unit, by unit code (`{"PKM-SUKAJADI": "enam_hari"}`), followed by its
    /// subtree unless a unit below has its own (at most 1,000 units named).
    pub unit_work_patterns: std::collections::BTreeMap<String, String>,
    /// Dated spans whose working days are shorter (Ramadan hours: `{"name","from","to","minutes"}`).
    #[validate(length(max = 50))]
    #[cfg_attr(feature = "openapi", schema(max_items = 50))]
    pub calendar_overrides: Vec<kinerja_domain::calendar::Override>,
    /// The questions of the 360° and upward pulse, at least one on each BerAKHLAK core value (at
    /// most 21), answered 1 (tidak pernah) to 5 (selalu).
    #[validate(nested, length(min = 7, max = 21))]
    #[cfg_attr(feature = "openapi", schema(min_items = 7, max_items = 21))]
    pub pulse_questions: Vec<crate::PulseQuestion>,
    /// Fewest answers of a group before its aggregate shows (never fewer than 3).
    #[validate(range(min = 3, max = 20))]
    #[cfg_attr(feature = "openapi", schema(minimum = 3, maximum = 20))]
    pub pulse_min_respondents: u32,
    /// Thresholds of the rater-bias radar.
    pub rater_bias: kinerja_domain::rater_bias::BiasThresholds,
    /// Thresholds of potential on the talent 9-box (job-person match percent).
    pub talent_potential: kinerja_domain::talent::PotentialThresholds,
}

/// When reminders go out (0 or an empty time turns one off).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct Reminders {
    /// On working days at this local time (`HH:MM`), to whoever has logged nothing that day
    /// (empty: off). Before the Pemda's daily cut-off, so the log is not back-filled at the end.
    #[validate(length(max = 5))]
    #[cfg_attr(feature = "openapi", schema(max_length = 5))]
    pub daily_log_at: String,
    /// This many days before the SKP deadline, to whoever has not submitted their SKP of the year.
    #[validate(range(min = 0, max = 60))]
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 60))]
    pub skp_days_before: u32,
    /// This many days before an objection window closes, to the rated employee who has neither
    /// accepted nor objected.
    #[validate(range(min = 0, max = 30))]
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 30))]
    pub objection_days_before: u32,
    /// To a penilai whose oldest submitted activity has waited more than this many working days
    /// (once a day).
    #[validate(range(min = 0, max = 60))]
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 60))]
    pub queue_working_days: u32,
    /// This many days before an evaluation follow-up is due, to its owner while it is open.
    #[validate(range(min = 0, max = 30))]
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 30))]
    pub follow_up_days_before: u32,
    /// The local time (`HH:MM`) of the daily digest, for those who asked for one instead of
    /// single messages.
    #[validate(length(min = 4, max = 5))]
    #[cfg_attr(feature = "openapi", schema(min_length = 4, max_length = 5))]
    pub digest_at: String,
}

impl Default for Reminders {
    fn default() -> Self {
        Self {
            daily_log_at: "15:00".into(),
            skp_days_before: 7,
            objection_days_before: 2,
            queue_working_days: 3,
            follow_up_days_before: 2,
            digest_at: "07:00".into(),
        }
    }
}

/// Follow-up times of the complaint classes, in working days (PermenPANRB 62/2018 by default:
/// 2, 5, 14 and 60).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct ComplaintClassDays {
    #[validate(range(min = 1, max = 120))]
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 120))]
    pub ringan: u32,
    #[validate(range(min = 1, max = 120))]
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 120))]
    pub normatif: u32,
    #[validate(range(min = 1, max = 120))]
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 120))]
    pub tidak_berkadar_pengawasan: u32,
    #[validate(range(min = 1, max = 120))]
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 120))]
    pub berkadar_pengawasan: u32,
}

impl ComplaintClassDays {
    /// The follow-up time of a class.
    pub fn of(&self, class: kinerja_domain::ComplaintClass) -> u32 {
        use kinerja_domain::ComplaintClass::*;
        match class {
            Ringan => self.ringan,
            Normatif => self.normatif,
            TidakBerkadarPengawasan => self.tidak_berkadar_pengawasan,
            BerkadarPengawasan => self.berkadar_pengawasan,
        }
    }
}

impl Default for ComplaintClassDays {
    fn default() -> Self {
        use kinerja_domain::ComplaintClass::*;
        Self {
            ringan: Ringan.default_days(),
            normatif: Normatif.default_days(),
            tidak_berkadar_pengawasan: TidakBerkadarPengawasan.default_days(),
            berkadar_pengawasan: BerkadarPengawasan.default_days(),
        }
    }
}

/// Frequency of periodic assessment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum AssessmentFrequency {
    Monthly,
    Quarterly,
    /// Per half year: `2026-S1`, `2026-S2`.
    Semester,
}

impl PemdaSettings {
    /// Today's date in the Pemda's time zone.
    pub fn today(&self) -> NaiveDate {
        (chrono::Utc::now() + chrono::Duration::minutes(i64::from(self.utc_offset_minutes))).date_naive()
    }
}

impl Default for PemdaSettings {
    fn default() -> Self {
        Self {
            pemda_name: "Pemerintah Kota".into(),
            helpdesk_contact: String::new(),
            skp_deadline: "01-31".into(),
            activity_max_days_back: 7,
            activity_max_minutes_per_day: 720,
            activity_overtime_minutes: 270,
            assessment_frequency: AssessmentFrequency::Quarterly,
            objection_days: 14,
            objection_response_days: 7,
            objection_decision_days: 14,
            complaint_verify_days: 3,
            complaint_response_days: 5,
            complaint_class_days: ComplaintClassDays::default(),
            holidays: Vec::new(),
            team_view_enabled: true,
            utc_offset_minutes: 7 * 60,
            evidence_max_bytes: 10 * 1024 * 1024,
            tpp: kinerja_domain::tpp::TppRule::default(),
            distribution_patterns: kinerja_domain::rating::default_pattern_list(),
            development_jp_target: kinerja_domain::competency::PNS_JP_PER_YEAR,
            development_jp_for_pppk: false,
            reminders: Reminders::default(),
            whatsapp_template: "*{pemda}*\n{pesan}".into(),
            work_patterns: vec![
                kinerja_domain::calendar::WorkPattern::five_days(),
                kinerja_domain::calendar::WorkPattern::six_days(),
            ],
            unit_work_patterns: Default::default(),
            calendar_overrides: Vec::new(),
            pulse_questions: default_pulse_questions(),
            pulse_min_respondents: kinerja_domain::pulse::MIN_RESPONDENTS,
            rater_bias: Default::default(),
            talent_potential: Default::default(),
        }
    }
}

/// One question per BerAKHLAK core value, after the value's behaviour guide (SE MenPANRB 20/2021).
pub fn default_pulse_questions() -> Vec<crate::PulseQuestion> {
    use kinerja_domain::CoreValue::*;
    [
        (BerorientasiPelayanan, "Memahami dan memenuhi kebutuhan masyarakat dengan ramah, cekatan dan solutif"),
        (Akuntabel, "Melaksanakan tugas dengan jujur, bertanggung jawab, cermat dan disiplin"),
        (Kompeten, "Terus belajar, mengembangkan kapabilitas dan membantu orang lain belajar"),
        (Harmonis, "Menghargai setiap orang apa pun latar belakangnya dan suka menolong"),
        (Loyal, "Menjaga nama baik sesama ASN, pimpinan, instansi dan negara"),
        (Adaptif, "Cepat menyesuaikan diri menghadapi perubahan dan terus berinovasi"),
        (Kolaboratif, "Memberi kesempatan kepada berbagai pihak untuk berkontribusi dan bekerja sama"),
    ]
    .into_iter()
    .map(|(core_value, text)| crate::PulseQuestion { core_value, text: text.into() })
    .collect()
}
