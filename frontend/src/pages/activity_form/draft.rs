//! The entries of the activity form as typed, how they change, and their check on the device.

use super::*;
use crate::offline::KeptFile;
use kinerja_types::Issue;

/// The fields an entry shows its own errors for; the others go to its banner.
pub(super) const FIELDS: &[&str] = &["rhk_id", "minutes", "start", "end", "description", "output_qty", "evidence_ids"];

/// One activity as typed.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Entry {
    /// Stable across edits, for rendering and for matching answers to entries.
    pub(super) key: u32,
    pub(super) rhk_id: String,
    /// Start and end times rather than a number of minutes.
    pub(super) by_time: bool,
    pub(super) minutes: String,
    pub(super) start: String,
    pub(super) end: String,
    pub(super) description: String,
    pub(super) output: String,
    pub(super) evidence: Vec<Attached>,
    pub(super) uploading: bool,
    pub(super) invalid: HashMap<String, String>,
    pub(super) error: Option<ApiError>,
}

impl Entry {
    pub(super) fn is_blank(&self) -> bool {
        self.description.trim().is_empty()
            && self.minutes.trim().is_empty()
            && self.start.trim().is_empty()
            && self.output.trim().is_empty()
            && self.evidence.is_empty()
    }

    /// A copy of a logged activity (for "Ulangi kemarin" and for correcting one). The evidence
    /// stays only when correcting, each named by `evidence_word` and its number.
    pub(super) fn from_activity(activity: &Activity, evidence_word: Option<&str>) -> Self {
        let by_time = activity.start.is_some() && activity.end.is_some();
        Self {
            rhk_id: activity.rhk_id.to_string(),
            by_time,
            minutes: if by_time { String::new() } else { activity.minutes.to_string() },
            start: activity.start.clone().unwrap_or_default(),
            end: activity.end.clone().unwrap_or_default(),
            description: activity.description.clone(),
            output: activity.output_qty.map(|q| q.to_string()).unwrap_or_default(),
            evidence: match evidence_word {
                Some(word) => {
                    activity.evidence_ids.iter().map(|id| Attached::stored(*id, format!("{word} #{id}"))).collect()
                }
                None => Vec::new(),
            },
            ..Self::default()
        }
    }

    pub(super) fn error(&self, field: &str) -> Option<String> {
        self.invalid.get(field).cloned().or_else(|| self.error.as_ref().and_then(|e| e.field(field)))
    }

    /// How many of its fields are wrong, on the device or by the server.
    fn problems(&self) -> usize {
        let server = self.error.as_ref().map(|e| e.fields()).unwrap_or_default();
        self.invalid.len() + server.iter().filter(|f| !self.invalid.contains_key(&f.field)).count()
    }
}

/// The whole form.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Form {
    pub(super) entries: Vec<Entry>,
    /// The activity being corrected, if any.
    pub(super) editing: Option<i64>,
    pub(super) next_key: u32,
    pub(super) sending: bool,
}

impl Form {
    /// Fields wrong across every entry: the summary beside the save buttons.
    pub(super) fn problems(&self) -> usize {
        self.entries.iter().map(Entry::problems).sum()
    }

    pub(super) fn new(rhk: &str) -> Self {
        Self {
            entries: vec![Entry { key: 0, rhk_id: rhk.to_owned(), ..Entry::default() }],
            editing: None,
            next_key: 1,
            sending: false,
        }
    }
}

/// A text field of an entry.
#[derive(Clone, Copy)]
pub(super) enum Input {
    Rhk,
    Minutes,
    Start,
    End,
    Description,
    Output,
}

pub(super) enum Change {
    Set(u32, Input, String),
    ByTime(u32, bool),
    Add(String),
    Remove(u32),
    AddEvidence(u32, Attached),
    RemoveEvidence(u32, i64),
    Uploading(u32, bool),
    /// Copies of earlier activities, put in place of blank entries.
    Copy(Vec<Entry>),
    /// Start correcting this activity, its evidence named by the word given (or stop, with
    /// `None`, starting over on the RHK given).
    Edit(Option<Activity>, String),
    Invalid(HashMap<u32, HashMap<String, String>>),
    Sending,
    /// The saved (or queued) entries leave; the refused ones keep the server's answer.
    Finished {
        saved: Vec<u32>,
        failed: Vec<(u32, ApiError)>,
        rhk: String,
    },
}

/// The entry with `key`, if it is still in the form.
pub(super) fn find(entries: &mut [Entry], key: u32) -> Option<&mut Entry> {
    entries.iter_mut().find(|e| e.key == key)
}

impl Reducible for Form {
    type Action = Change;

    fn reduce(self: Rc<Self>, change: Change) -> Rc<Self> {
        let mut next = (*self).clone();
        match change {
            Change::Set(key, input, value) => {
                if let Some(e) = find(&mut next.entries, key) {
                    let (slot, field) = match input {
                        Input::Rhk => (&mut e.rhk_id, "rhk_id"),
                        Input::Minutes => (&mut e.minutes, "minutes"),
                        Input::Start => (&mut e.start, "start"),
                        Input::End => (&mut e.end, "end"),
                        Input::Description => (&mut e.description, "description"),
                        Input::Output => (&mut e.output, "output_qty"),
                    };
                    *slot = value;
                    // What was wrong with the field is fixed by typing; the check runs again on saving.
                    e.invalid.remove(field);
                }
            }
            Change::ByTime(key, on) => {
                if let Some(e) = find(&mut next.entries, key) {
                    e.by_time = on;
                    e.invalid.remove("minutes");
                    e.invalid.remove("end");
                }
            }
            Change::Add(rhk) => {
                next.entries.push(Entry { key: next.next_key, rhk_id: rhk, ..Entry::default() });
                next.next_key += 1;
            }
            Change::Remove(key) => next.entries.retain(|e| e.key != key),
            Change::AddEvidence(key, attached) => {
                if let Some(e) = find(&mut next.entries, key) {
                    e.evidence.push(attached);
                    e.invalid.remove("evidence_ids");
                }
            }
            Change::RemoveEvidence(key, id) => {
                if let Some(e) = find(&mut next.entries, key) {
                    e.evidence.retain(|a| a.id != id);
                }
            }
            Change::Uploading(key, on) => {
                if let Some(e) = find(&mut next.entries, key) {
                    e.uploading = on;
                }
            }
            Change::Copy(copies) => {
                next.entries.retain(|e| !e.is_blank());
                for mut copy in copies {
                    copy.key = next.next_key;
                    next.next_key += 1;
                    next.entries.push(copy);
                }
            }
            Change::Edit(Some(activity), word) => {
                let mut copy = Entry::from_activity(&activity, Some(&word));
                copy.key = next.next_key;
                next.next_key += 1;
                next.entries = vec![copy];
                next.editing = Some(activity.id);
            }
            Change::Edit(None, rhk) => {
                let key = next.next_key;
                next = Form { next_key: key + 1, ..Form::new(&rhk) };
                next.entries[0].key = key;
            }
            Change::Invalid(found) => {
                for e in &mut next.entries {
                    e.invalid = found.get(&e.key).cloned().unwrap_or_default();
                    e.error = None;
                }
            }
            Change::Sending => {
                next.sending = true;
                for e in &mut next.entries {
                    e.invalid.clear();
                    e.error = None;
                }
            }
            Change::Finished { saved, failed, rhk } => {
                next.sending = false;
                next.entries.retain(|e| !saved.contains(&e.key));
                for (key, error) in failed {
                    if let Some(e) = find(&mut next.entries, key) {
                        e.error = Some(error);
                    }
                }
                if next.entries.is_empty() {
                    let key = next.next_key;
                    next = Form { next_key: key + 1, ..Form::new(&rhk) };
                    next.entries[0].key = key;
                } else if !saved.is_empty() {
                    next.editing = None;
                }
            }
        }
        Rc::new(next)
    }
}

/// The files of `entry` kept on the device, to go with it into the offline queue.
pub(super) fn kept_files(entry: &Entry) -> Vec<KeptFile> {
    entry.evidence.iter().filter_map(|a| a.kept.clone()).collect()
}

/// The minutes a day holds before an entry: those saved, and those of the entries above it in the
/// form (not saved yet: a message must not call them "sudah tercatat").
#[derive(Debug, Clone, Copy)]
pub(super) struct Logged {
    pub(super) saved: u32,
    pub(super) pending: u32,
}

/// The request for `entry` and its minutes, or what is wrong with it by field.
pub(super) fn check(
    entry: &Entry,
    date: NaiveDate,
    today: NaiveDate,
    limit: DayLimit,
    logged: Logged,
    submit: bool,
    i18n: &I18n,
) -> Result<(NewActivity, u32), HashMap<String, String>> {
    let english = i18n.lang() == crate::i18n::Lang::En;
    let mut found = HashMap::new();
    let rhk_id = entry.rhk_id.parse::<i64>().ok();
    if rhk_id.is_none() {
        found.insert("rhk_id".to_owned(), i18n.t("activity.rhk_missing").to_owned());
    }
    let (minutes, start, end) = if entry.by_time {
        match minutes_between(&entry.start, &entry.end) {
            Ok(m) => (Some(m), Some(entry.start.trim().to_owned()), Some(entry.end.trim().to_owned())),
            Err(_) if entry.start.trim().is_empty() || entry.end.trim().is_empty() => {
                found.insert("end".to_owned(), i18n.t("activity.times_missing").to_owned());
                (None, None, None)
            }
            Err(e) => {
                found.insert("end".to_owned(), Issue::from(&e).render(english));
                (None, None, None)
            }
        }
    } else {
        match entry.minutes.trim().parse::<u32>() {
            Ok(m) if m > 0 => (Some(m), None, None),
            _ => {
                found.insert("minutes".to_owned(), i18n.t("activity.minutes_invalid").to_owned());
                (None, None, None)
            }
        }
    };
    if let Some(m) = minutes {
        if let Err(e) = limit.check_minutes(m, logged.saved.saturating_add(logged.pending), date) {
            let field = if entry.by_time { "end" } else { "minutes" };
            let words = match e {
                kinerja_domain::activity::LogError::DayCap { total, cap, .. } if logged.pending > 0 => i18n.tf(
                    "activity.over_cap_with_form",
                    &[
                        ("date", &format::date(&date)),
                        ("total", &total.to_string()),
                        ("cap", &cap.to_string()),
                        ("saved", &logged.saved.to_string()),
                        ("pending", &logged.pending.to_string()),
                    ],
                ),
                e => Issue::from(&e).render(english),
            };
            found.insert(field.to_owned(), words);
        }
    }
    if let Err(e) = limit.check_date(date, today) {
        found.insert("date".to_owned(), Issue::from(&e).render(english));
    }
    let output_qty = match entry.output.trim() {
        "" => None,
        text => match format::parse_number(text).filter(|q| *q >= 0.0) {
            Some(q) => Some(q),
            None => {
                found.insert("output_qty".to_owned(), i18n.t("activity.output_invalid").to_owned());
                None
            }
        },
    };
    let request = NewActivity {
        date,
        minutes: if entry.by_time { None } else { minutes },
        start,
        end,
        description: entry.description.trim().to_owned(),
        rhk_id: rhk_id.unwrap_or_default(),
        output_qty,
        evidence_ids: entry.evidence.iter().filter(|a| a.kept.is_none()).map(|a| a.id).collect(),
        submit,
    };
    for (field, message) in validation::check(&request, i18n) {
        found.entry(field).or_insert(message);
    }
    match minutes {
        Some(m) if found.is_empty() => Ok((request, m)),
        _ => Err(found),
    }
}
