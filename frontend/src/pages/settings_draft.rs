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
}

/// The fields typed as text, in form order: (field, is a whole number).
pub const TEXT_FIELDS: &[(&str, bool)] = &[
    ("pemda_name", false),
    ("skp_deadline", false),
    ("activity_max_days_back", true),
    ("activity_max_minutes_per_day", true),
    ("objection_days", true),
    ("objection_response_days", true),
    ("objection_decision_days", true),
    ("complaint_verify_days", true),
    ("complaint_response_days", true),
    ("evidence_max_bytes", true),
    ("holidays", false),
];

/// Why a typed value cannot be read: the field and the i18n key of the reason.
pub type Unreadable = Vec<(&'static str, &'static str)>;

impl SettingsDraft {
    pub fn from_settings(s: &PemdaSettings) -> Self {
        let text = HashMap::from([
            ("pemda_name", s.pemda_name.clone()),
            ("skp_deadline", s.skp_deadline.clone()),
            ("activity_max_days_back", s.activity_max_days_back.to_string()),
            ("activity_max_minutes_per_day", s.activity_max_minutes_per_day.to_string()),
            ("objection_days", s.objection_days.to_string()),
            ("objection_response_days", s.objection_response_days.to_string()),
            ("objection_decision_days", s.objection_decision_days.to_string()),
            ("complaint_verify_days", s.complaint_verify_days.to_string()),
            ("complaint_response_days", s.complaint_response_days.to_string()),
            ("evidence_max_bytes", s.evidence_max_bytes.to_string()),
            ("holidays", s.holidays.iter().map(|d| d.format("%Y-%m-%d").to_string()).collect::<Vec<_>>().join("\n")),
        ]);
        Self { text, assessment_frequency: Some(s.assessment_frequency), team_view_enabled: s.team_view_enabled }
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
        out.skp_deadline = self.get("skp_deadline").to_owned();
        out.activity_max_days_back = small(number("activity_max_days_back"));
        out.activity_max_minutes_per_day = small(number("activity_max_minutes_per_day"));
        out.objection_days = small(number("objection_days"));
        out.objection_response_days = small(number("objection_response_days"));
        out.objection_decision_days = small(number("objection_decision_days"));
        out.complaint_verify_days = small(number("complaint_verify_days"));
        out.complaint_response_days = small(number("complaint_response_days"));
        out.evidence_max_bytes = number("evidence_max_bytes");
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
