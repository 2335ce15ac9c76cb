//! The settings form's text, turned back into `PemdaSettings` and into the PATCH of what changed.

use chrono::NaiveDate;
use kinerja_types::{AssessmentFrequency, PemdaSettings};
use serde_json::{Map, Value};
use std::collections::HashMap;

/// Every field of [`PemdaSettings`] as the form holds it (numbers and dates as typed).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SettingsDraft {
    pub text: HashMap<&'static str, String>,
    pub assessment_frequency: Option<AssessmentFrequency>,
    pub team_view_enabled: bool,
    pub development_jp_for_pppk: bool,
}

/// The fields typed as text, in form order: (field, is a whole number).
pub const TEXT_FIELDS: &[(&str, bool)] = &[
    ("pemda_name", false),
    ("helpdesk_contact", false),
    ("skp_deadline", false),
    ("activity_max_days_back", true),
    ("activity_max_minutes_per_day", true),
    ("activity_overtime_minutes", true),
    ("objection_days", true),
    ("objection_response_days", true),
    ("objection_decision_days", true),
    ("complaint_verify_days", true),
    ("complaint_response_days", true),
    ("complaint_class_days.ringan", true),
    ("complaint_class_days.normatif", true),
    ("complaint_class_days.tidak_berkadar_pengawasan", true),
    ("complaint_class_days.berkadar_pengawasan", true),
    ("development_jp_target", true),
    ("reminders.daily_log_at", false),
    ("reminders.skp_days_before", true),
    ("reminders.objection_days_before", true),
    ("reminders.queue_working_days", true),
    ("reminders.follow_up_days_before", true),
    ("reminders.digest_at", false),
    ("evidence_max_bytes", true),
    ("whatsapp_template", false),
    ("holidays", false),
    ("tpp", false),
    ("distribution_patterns", false),
    ("work_patterns", false),
    ("unit_work_patterns", false),
    ("calendar_overrides", false),
    ("pulse_min_respondents", true),
    ("pulse_questions", false),
    ("rater_bias", false),
    ("talent_potential", false),
];

/// The fields edited as JSON (structured rules of the Pemda's own regulation).
pub const JSON_FIELDS: &[&str] = &[
    "tpp",
    "distribution_patterns",
    "work_patterns",
    "unit_work_patterns",
    "calendar_overrides",
    "pulse_questions",
    "rater_bias",
    "talent_potential",
];

/// Why a typed value cannot be read: the field and the i18n key of the reason.
pub type Unreadable = Vec<(&'static str, &'static str)>;

impl SettingsDraft {
    pub fn from_settings(s: &PemdaSettings) -> Self {
        let text = HashMap::from([
            ("pemda_name", s.pemda_name.clone()),
            ("helpdesk_contact", s.helpdesk_contact.clone()),
            ("skp_deadline", s.skp_deadline.clone()),
            ("activity_max_days_back", s.activity_max_days_back.to_string()),
            ("activity_max_minutes_per_day", s.activity_max_minutes_per_day.to_string()),
            ("activity_overtime_minutes", s.activity_overtime_minutes.to_string()),
            ("objection_days", s.objection_days.to_string()),
            ("objection_response_days", s.objection_response_days.to_string()),
            ("objection_decision_days", s.objection_decision_days.to_string()),
            ("complaint_verify_days", s.complaint_verify_days.to_string()),
            ("complaint_response_days", s.complaint_response_days.to_string()),
            ("complaint_class_days.ringan", s.complaint_class_days.ringan.to_string()),
            ("complaint_class_days.normatif", s.complaint_class_days.normatif.to_string()),
            (
                "complaint_class_days.tidak_berkadar_pengawasan",
                s.complaint_class_days.tidak_berkadar_pengawasan.to_string(),
            ),
            ("complaint_class_days.berkadar_pengawasan", s.complaint_class_days.berkadar_pengawasan.to_string()),
            ("development_jp_target", s.development_jp_target.to_string()),
            ("reminders.daily_log_at", s.reminders.daily_log_at.clone()),
            ("reminders.skp_days_before", s.reminders.skp_days_before.to_string()),
            ("reminders.objection_days_before", s.reminders.objection_days_before.to_string()),
            ("reminders.queue_working_days", s.reminders.queue_working_days.to_string()),
            ("reminders.follow_up_days_before", s.reminders.follow_up_days_before.to_string()),
            ("reminders.digest_at", s.reminders.digest_at.clone()),
            ("whatsapp_template", s.whatsapp_template.clone()),
            ("evidence_max_bytes", s.evidence_max_bytes.to_string()),
            ("tpp", serde_json::to_string_pretty(&s.tpp).unwrap_or_default()),
            ("distribution_patterns", serde_json::to_string_pretty(&s.distribution_patterns).unwrap_or_default()),
            ("work_patterns", serde_json::to_string_pretty(&s.work_patterns).unwrap_or_default()),
            ("unit_work_patterns", serde_json::to_string_pretty(&s.unit_work_patterns).unwrap_or_default()),
            ("calendar_overrides", serde_json::to_string_pretty(&s.calendar_overrides).unwrap_or_default()),
            ("pulse_min_respondents", s.pulse_min_respondents.to_string()),
            ("pulse_questions", serde_json::to_string_pretty(&s.pulse_questions).unwrap_or_default()),
            ("rater_bias", serde_json::to_string_pretty(&s.rater_bias).unwrap_or_default()),
            ("talent_potential", serde_json::to_string_pretty(&s.talent_potential).unwrap_or_default()),
            ("holidays", s.holidays.iter().map(|d| d.format("%Y-%m-%d").to_string()).collect::<Vec<_>>().join("\n")),
        ]);
        Self {
            text,
            assessment_frequency: Some(s.assessment_frequency),
            team_view_enabled: s.team_view_enabled,
            development_jp_for_pppk: s.development_jp_for_pppk,
        }
    }

    /// The JSON of `field`, or its reason in `bad`.
    fn json<T: serde::de::DeserializeOwned>(&self, field: &'static str, bad: &mut Unreadable) -> Option<T> {
        let parsed = serde_json::from_str(self.get(field)).ok();
        if parsed.is_none() {
            bad.push((field, "validation.json"));
        }
        parsed
    }

    fn get(&self, field: &str) -> &str {
        self.text.get(field).map(|s| s.trim()).unwrap_or("")
    }

    /// The settings the form describes, starting from `base` for anything it cannot read.
    pub fn parse(&self, base: &PemdaSettings) -> Result<PemdaSettings, Unreadable> {
        let mut bad = Vec::new();
        let mut number = |field: &'static str| -> u64 {
            self.get(field).parse::<u64>().unwrap_or_else(|_| {
                bad.push((field, "validation.whole_number"));
                0
            })
        };
        let small = |n: u64| u32::try_from(n).unwrap_or(u32::MAX);
        let mut out = base.clone();
        out.pemda_name = self.get("pemda_name").to_owned();
        out.helpdesk_contact = self.get("helpdesk_contact").to_owned();
        out.skp_deadline = self.get("skp_deadline").to_owned();
        out.activity_max_days_back = small(number("activity_max_days_back"));
        out.activity_max_minutes_per_day = small(number("activity_max_minutes_per_day"));
        out.activity_overtime_minutes = small(number("activity_overtime_minutes"));
        out.objection_days = small(number("objection_days"));
        out.objection_response_days = small(number("objection_response_days"));
        out.objection_decision_days = small(number("objection_decision_days"));
        out.complaint_verify_days = small(number("complaint_verify_days"));
        out.complaint_response_days = small(number("complaint_response_days"));
        out.complaint_class_days.ringan = small(number("complaint_class_days.ringan"));
        out.complaint_class_days.normatif = small(number("complaint_class_days.normatif"));
        out.complaint_class_days.tidak_berkadar_pengawasan =
            small(number("complaint_class_days.tidak_berkadar_pengawasan"));
        out.complaint_class_days.berkadar_pengawasan = small(number("complaint_class_days.berkadar_pengawasan"));
        out.development_jp_target = small(number("development_jp_target"));
        out.reminders.daily_log_at = self.get("reminders.daily_log_at").to_owned();
        out.reminders.skp_days_before = small(number("reminders.skp_days_before"));
        out.reminders.objection_days_before = small(number("reminders.objection_days_before"));
        out.reminders.queue_working_days = small(number("reminders.queue_working_days"));
        out.reminders.follow_up_days_before = small(number("reminders.follow_up_days_before"));
        out.reminders.digest_at = self.get("reminders.digest_at").to_owned();
        // The frame keeps its line breaks; only the ends are trimmed.
        out.whatsapp_template = self.text.get("whatsapp_template").map(|t| t.trim().to_owned()).unwrap_or_default();
        out.evidence_max_bytes = number("evidence_max_bytes");
        out.pulse_min_respondents = small(number("pulse_min_respondents"));
        out.development_jp_for_pppk = self.development_jp_for_pppk;
        if let Some(value) = self.json("tpp", &mut bad) {
            out.tpp = value;
        }
        if let Some(value) = self.json("distribution_patterns", &mut bad) {
            out.distribution_patterns = value;
        }
        if let Some(value) = self.json("work_patterns", &mut bad) {
            out.work_patterns = value;
        }
        if let Some(value) = self.json("unit_work_patterns", &mut bad) {
            out.unit_work_patterns = value;
        }
        if let Some(value) = self.json("calendar_overrides", &mut bad) {
            out.calendar_overrides = value;
        }
        if let Some(value) = self.json("pulse_questions", &mut bad) {
            out.pulse_questions = value;
        }
        if let Some(value) = self.json("rater_bias", &mut bad) {
            out.rater_bias = value;
        }
        if let Some(value) = self.json("talent_potential", &mut bad) {
            out.talent_potential = value;
        }
        if let Some(frequency) = self.assessment_frequency {
            out.assessment_frequency = frequency;
        }
        out.team_view_enabled = self.team_view_enabled;
        let dates: Result<Vec<NaiveDate>, _> = self
            .get("holidays")
            .split(|c: char| c == ',' || c.is_whitespace())
            .filter(|s| !s.is_empty())
            .map(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d"))
            .collect();
        match dates {
            Ok(dates) => out.holidays = dates,
            Err(_) => bad.push(("holidays", "validation.dates")),
        }
        if !valid_month_day(&out.skp_deadline) {
            bad.push(("skp_deadline", "validation.month_day"));
        }
        if bad.is_empty() {
            Ok(out)
        } else {
            Err(bad)
        }
    }
}

/// `MM-DD` naming a real day (29 February allowed).
fn valid_month_day(text: &str) -> bool {
    NaiveDate::parse_from_str(&format!("2000-{text}"), "%Y-%m-%d").is_ok() && text.len() == 5
}

/// The fields of `edited` that differ from `original`, as a JSON object for PATCH.
pub fn changes(original: &PemdaSettings, edited: &PemdaSettings) -> Map<String, Value> {
    let (Ok(Value::Object(before)), Ok(Value::Object(after))) =
        (serde_json::to_value(original), serde_json::to_value(edited))
    else {
        return Map::new();
    };
    after.into_iter().filter(|(field, value)| before.get(field) != Some(value)).collect()
}
