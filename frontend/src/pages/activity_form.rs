//! "Catat kegiatan": the quick entry form of the daily page. It holds one entry, or several when
//! "Ulangi kemarin" copied the previous working day's activities; each is checked on the device
//! with the rules the server applies, then saved as a draft or submitted at once. Entries that
//! were saved leave the form; those the server refused stay with its words beside their fields.
//! The same form corrects a draft or a rejected activity.

use crate::api::{self, ApiError};
use crate::calendar;
use crate::components::evidence::{Attached, EvidenceAttach};
use crate::components::{CheckField, ErrorBanner, Field, SelectField};
use crate::format;
use crate::i18n::{use_i18n, I18n};
use crate::validation;
use chrono::NaiveDate;
use kinerja_domain::activity::minutes_between;
use kinerja_domain::{ActivityStatus, Aspect, LogRules};
use kinerja_types::{Activity, NewActivity, Rhk};
use std::collections::HashMap;
use std::rc::Rc;
use yew::platform::spawn_local;
use yew::prelude::*;

/// The fields an entry shows its own errors for; the others go to its banner.
const FIELDS: &[&str] = &["rhk_id", "minutes", "start", "end", "description", "output_qty", "evidence_ids"];

/// One activity as typed.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Entry {
    /// Stable across edits, for rendering and for matching answers to entries.
    key: u32,
    rhk_id: String,
    /// Start and end times rather than a number of minutes.
    by_time: bool,
    minutes: String,
    start: String,
    end: String,
    description: String,
    output: String,
    evidence: Vec<Attached>,
    uploading: bool,
    invalid: HashMap<String, String>,
    error: Option<ApiError>,
}

impl Entry {
    fn is_blank(&self) -> bool {
        self.description.trim().is_empty()
            && self.minutes.trim().is_empty()
            && self.start.trim().is_empty()
            && self.output.trim().is_empty()
            && self.evidence.is_empty()
    }

    /// A copy of a logged activity (for "Ulangi kemarin" and for correcting one). The evidence
    /// stays only when correcting, each named by `evidence_word` and its number.
    fn from_activity(activity: &Activity, evidence_word: Option<&str>) -> Self {
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
                Some(word) => activity
                    .evidence_ids
                    .iter()
                    .map(|id| Attached { id: *id, label: format!("{word} #{id}") })
                    .collect(),
                None => Vec::new(),
            },
            ..Self::default()
        }
    }

    fn error(&self, field: &str) -> Option<String> {
        self.invalid.get(field).cloned().or_else(|| self.error.as_ref().and_then(|e| e.field(field)))
    }
}

/// The whole form.
#[derive(Debug, Clone, PartialEq)]
struct Form {
    entries: Vec<Entry>,
    /// The activity being corrected, if any.
    editing: Option<i64>,
    next_key: u32,
    sending: bool,
}

impl Form {
    fn new(rhk: &str) -> Self {
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
enum Input {
    Rhk,
    Minutes,
    Start,
    End,
    Description,
    Output,
}

enum Change {
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
    /// The saved entries leave; the refused ones keep the server's answer.
    Finished {
        saved: Vec<u32>,
        failed: Vec<(u32, ApiError)>,
        rhk: String,
    },
}

/// The entry with `key`, if it is still in the form.
fn find(entries: &mut [Entry], key: u32) -> Option<&mut Entry> {
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

#[derive(Properties, PartialEq)]
pub struct ActivityFormProps {
    pub employee_id: i64,
    /// The day the entries are for.
    pub date: NaiveDate,
    pub today: NaiveDate,
    pub rules: LogRules,
    pub holidays: Rc<Vec<NaiveDate>>,
    pub max_bytes: Option<u64>,
    /// The RHK of the approved SKP of the date's year (`None` while loading).
    pub choices: Option<Rc<Vec<Rhk>>>,
    /// The day's activities, for the daily cap.
    pub day: Rc<Vec<Activity>>,
    /// The activity chosen for correcting in the list, if any.
    pub editing: Option<Activity>,
    pub on_cancel_edit: Callback<()>,
    /// Told what to say once something was saved.
    pub on_saved: Callback<String>,
}

#[component]
pub fn ActivityForm(props: &ActivityFormProps) -> Html {
    let i18n = use_i18n();
    // With a single RHK there is nothing to choose: it is picked already.
    let only_rhk = match props.choices.as_deref().map(Vec::as_slice) {
        Some([one]) => one.id.to_string(),
        _ => String::new(),
    };
    let form = {
        let only_rhk = only_rhk.clone();
        use_reducer(move || Form::new(&only_rhk))
    };
    let copying = use_state(|| false);
    let copy_note = use_state(|| None::<String>);
    {
        let form = form.clone();
        let start = match &props.editing {
            Some(_) => i18n.t("evidence.word").to_owned(),
            None => only_rhk.clone(),
        };
        use_effect_with(props.editing.clone(), move |editing| {
            form.dispatch(Change::Edit(editing.clone(), start));
        });
    }
    {
        // The choices arrive after the form: a lone RHK is filled into entries still without one.
        let form = form.clone();
        use_effect_with(only_rhk.clone(), move |rhk| {
            if !rhk.is_empty() {
                for e in form.entries.iter().filter(|e| e.rhk_id.is_empty()) {
                    form.dispatch(Change::Set(e.key, Input::Rhk, rhk.clone()));
                }
            }
        });
    }

    let save = |submit: bool| {
        let form = form.clone();
        let i18n = i18n.clone();
        let date = props.date;
        let today = props.today;
        let rules = props.rules;
        let day = props.day.clone();
        let on_saved = props.on_saved.clone();
        let only_rhk = only_rhk.clone();
        Callback::from(move |_: MouseEvent| {
            if form.sending || form.entries.iter().any(|e| e.uploading) {
                return;
            }
            let editing = form.editing;
            // Minutes already on the day (rejected ones do not count; the one being corrected is replaced).
            let mut logged: u32 = day
                .iter()
                .filter(|a| a.status != ActivityStatus::Rejected && Some(a.id) != editing)
                .map(|a| a.minutes)
                .sum();
            let mut requests = Vec::new();
            let mut found = HashMap::new();
            for entry in &form.entries {
                match check(entry, date, today, rules, logged, submit, &i18n) {
                    Ok(request) => {
                        logged += request.1;
                        requests.push((entry.key, request.0));
                    }
                    Err(problems) => {
                        found.insert(entry.key, problems);
                    }
                }
            }
            if !found.is_empty() {
                form.dispatch(Change::Invalid(found));
                return;
            }
            form.dispatch(Change::Sending);
            // The next entry starts on the RHK just used: the same work often goes on.
            let next_rhk = match (&editing, requests.last()) {
                (None, Some((_, last))) if only_rhk.is_empty() => last.rhk_id.to_string(),
                _ => only_rhk.clone(),
            };
            let form = form.clone();
            let on_saved = on_saved.clone();
            let i18n = i18n.clone();
            spawn_local(async move {
                let mut saved = Vec::new();
                let mut failed = Vec::new();
                for (key, request) in requests {
                    let outcome = match editing {
                        Some(id) => api::activities::update(id, &request).await,
                        None => api::activities::create(&request).await,
                    };
                    match outcome {
                        Ok(_) => saved.push(key),
                        Err(error) => failed.push((key, error)),
                    }
                }
                let count = saved.len();
                form.dispatch(Change::Finished { saved, failed, rhk: next_rhk });
                if count > 0 {
                    let key = match (editing.is_some(), submit) {
                        (true, true) => "activity.updated_submitted",
                        (true, false) => "activity.updated",
                        (false, true) => "activity.saved_submitted",
                        (false, false) => "activity.saved_draft",
                    };
                    on_saved.emit(i18n.tf(key, &[("n", &count.to_string())]));
                }
            });
        })
    };

    let previous = calendar::previous_working_day(props.date, &props.holidays);
    let previous_text = format!("{} {}", i18n.t(calendar::weekday_key(previous)), format::date(&previous));
    let repeat = {
        let form = form.clone();
        let copying = copying.clone();
        let copy_note = copy_note.clone();
        let employee_id = props.employee_id;
        let choices = props.choices.clone();
        let i18n = i18n.clone();
        let previous_text = previous_text.clone();
        Callback::from(move |_: MouseEvent| {
            if *copying {
                return;
            }
            copying.set(true);
            copy_note.set(None);
            let form = form.clone();
            let copying = copying.clone();
            let copy_note = copy_note.clone();
            let known: Vec<i64> = choices.as_deref().map(|c| c.iter().map(|r| r.id).collect()).unwrap_or_default();
            let i18n = i18n.clone();
            let previous_text = previous_text.clone();
            spawn_local(async move {
                match api::activities::between(employee_id, previous, previous).await {
                    Ok(mut earlier) => {
                        // The list is newest first; the form reads better in the order of the day.
                        earlier.retain(|a| a.status != ActivityStatus::Rejected);
                        earlier.sort_by_key(|a| (a.start.clone(), a.id));
                        let copies: Vec<Entry> = earlier
                            .iter()
                            .map(|a| {
                                let mut copy = Entry::from_activity(a, None);
                                if !known.contains(&a.rhk_id) {
                                    copy.rhk_id = String::new();
                                }
                                copy
                            })
                            .collect();
                        let n = copies.len();
                        if n == 0 {
                            copy_note.set(Some(i18n.tf("activity.repeat_none", &[("day", &previous_text)])));
                        } else {
                            form.dispatch(Change::Copy(copies));
                            copy_note.set(Some(
                                i18n.tf("activity.repeat_done", &[("n", &n.to_string()), ("day", &previous_text)]),
                            ));
                        }
                    }
                    Err(e) => copy_note.set(Some(e.message(&i18n))),
                }
                copying.set(false);
            });
        })
    };
    let add_entry = {
        let form = form.clone();
        let only_rhk = only_rhk.clone();
        Callback::from(move |_: MouseEvent| form.dispatch(Change::Add(only_rhk.clone())))
    };
    let cancel_edit = {
        let on_cancel = props.on_cancel_edit.clone();
        Callback::from(move |_: MouseEvent| on_cancel.emit(()))
    };

    let rhk_list: Vec<Rhk> = props.choices.as_deref().cloned().unwrap_or_default();
    let several = form.entries.len() > 1;
    let entries = form.entries.iter().enumerate().map(|(index, entry)| {
        html! {
            <EntryFields key={entry.key} entry={entry.clone()} number={several.then_some(index + 1)}
                choices={rhk_list.clone()} form={form.dispatcher()} max_bytes={props.max_bytes}
                removable={several && form.editing.is_none()} cap={props.rules.max_minutes_per_day} />
        }
    });
    let uploading = form.entries.iter().any(|e| e.uploading);
    let busy = form.sending || uploading;
    let date_text = format!("{} {}", i18n.t(calendar::weekday_key(props.date)), format::date(&props.date));
    let (title, draft_label, submit_label) = match (form.editing.is_some(), several) {
        (true, _) => (i18n.t("activity.edit_title"), i18n.t("activity.save_draft"), i18n.t("activity.save_submit")),
        (false, false) => (i18n.t("activity.new_title"), i18n.t("activity.save_draft"), i18n.t("activity.save_submit")),
        (false, true) => {
            (i18n.t("activity.new_title_many"), i18n.t("activity.save_draft_all"), i18n.t("activity.save_submit_all"))
        }
    };
    html! {
        <form id="activity-form" class="panel form activity-form" onsubmit={|e: SubmitEvent| e.prevent_default()} novalidate=true
            aria-labelledby="activity-form-title">
            <div class="panel-head">
                <h2 id="activity-form-title">{ title }{ " · " }<span class="muted">{ date_text }</span></h2>
                if form.editing.is_none() {
                    // The copies keep their RHK only when it is one of the choices: wait for them.
                    <button type="button" class="button-quiet" onclick={repeat}
                        disabled={*copying || form.sending || props.choices.is_none()}
                        title={i18n.tf("activity.repeat_hint", &[("day", &previous_text)])}>
                        { if *copying { i18n.t("common.working") } else { i18n.t("activity.repeat") } }
                    </button>
                }
            </div>
            if let Some(note) = &*copy_note {
                <p class="notice notice-info" role="status">{ note.clone() }</p>
            }
            if form.editing.is_some() {
                <p class="callout callout-info">{ i18n.t("activity.editing_hint") }</p>
            }
            { for entries }
            if form.editing.is_none() {
                <button type="button" class="button-quiet add-entry" onclick={add_entry} disabled={form.sending}>
                    { i18n.t("activity.add_entry") }
                </button>
            }
            <div class="actions form-actions">
                <button type="button" class="button-primary" onclick={save(true)} disabled={busy}>
                    { if form.sending { i18n.t("common.saving") } else if uploading { i18n.t("activity.wait_upload") } else { submit_label } }
                </button>
                <button type="button" class="button-quiet" onclick={save(false)} disabled={busy}>
                    { draft_label }
                </button>
                if form.editing.is_some() {
                    <button type="button" class="button-quiet" onclick={cancel_edit} disabled={form.sending}>
                        { i18n.t("activity.cancel_edit") }
                    </button>
                }
            </div>
        </form>
    }
}

/// The request for `entry` and its minutes, or what is wrong with it by field. `logged` is what
/// the day already holds (with the entries above this one).
fn check(
    entry: &Entry,
    date: NaiveDate,
    today: NaiveDate,
    rules: LogRules,
    logged: u32,
    submit: bool,
    i18n: &I18n,
) -> Result<(NewActivity, u32), HashMap<String, String>> {
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
            Err(message) => {
                found.insert("end".to_owned(), message);
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
        if let Err(message) = rules.check_minutes(m, logged, date) {
            let field = if entry.by_time { "end" } else { "minutes" };
            found.insert(field.to_owned(), message);
        }
    }
    if let Err(message) = rules.check_date(date, today) {
        found.insert("date".to_owned(), message);
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
        evidence_ids: entry.evidence.iter().map(|a| a.id).collect(),
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

#[derive(Properties, PartialEq)]
struct EntryFieldsProps {
    entry: Entry,
    /// Shown as "Kegiatan n" when the form holds several.
    number: Option<usize>,
    choices: Vec<Rhk>,
    form: UseReducerDispatcher<Form>,
    max_bytes: Option<u64>,
    removable: bool,
    cap: u32,
}

/// The controls of one entry.
#[component]
fn EntryFields(props: &EntryFieldsProps) -> Html {
    let i18n = use_i18n();
    let entry = &props.entry;
    let key = entry.key;
    let id = |name: &str| format!("activity-{key}-{name}");
    let set = |input: Input| {
        let form = props.form.clone();
        Callback::from(move |value: String| form.dispatch(Change::Set(key, input, value)))
    };
    let options: Vec<(AttrValue, AttrValue)> =
        std::iter::once((AttrValue::from(""), AttrValue::from(i18n.t("validation.choose").to_owned())))
            .chain(props.choices.iter().map(|r| (AttrValue::from(r.id.to_string()), AttrValue::from(r.text.clone()))))
            .collect();
    // The output is counted in the unit of the RHK's quantity indicator.
    let unit = props
        .choices
        .iter()
        .find(|r| r.id.to_string() == entry.rhk_id)
        .and_then(|r| r.indicators.iter().find(|i| i.aspect == Aspect::Kuantitas))
        .map(|i| i.unit.clone());
    let output_hint = match &unit {
        Some(unit) => i18n.tf("activity.output_hint_unit", &[("unit", unit)]),
        None => i18n.t("activity.output_hint").to_owned(),
    };
    let by_time = {
        let form = props.form.clone();
        Callback::from(move |on: bool| form.dispatch(Change::ByTime(key, on)))
    };
    let timed = entry.by_time.then(|| minutes_between(&entry.start, &entry.end).ok()).flatten();
    let on_add = {
        let form = props.form.clone();
        Callback::from(move |attached| {
            form.dispatch(Change::AddEvidence(key, attached));
        })
    };
    let on_remove = {
        let form = props.form.clone();
        Callback::from(move |evidence_id| form.dispatch(Change::RemoveEvidence(key, evidence_id)))
    };
    let on_busy = {
        let form = props.form.clone();
        Callback::from(move |on| form.dispatch(Change::Uploading(key, on)))
    };
    let remove = {
        let form = props.form.clone();
        Callback::from(move |_: MouseEvent| form.dispatch(Change::Remove(key)))
    };
    let body = html! {
        <>
            <ErrorBanner error={entry.error.clone()} shown_fields={FIELDS} />
            if let Some(message) = entry.invalid.get("date") {
                <p class="field-error">{ message.clone() }</p>
            }
            <SelectField id={id("rhk")} label={i18n.t("activity.rhk").to_owned()} value={entry.rhk_id.clone()}
                {options} on_change={set(Input::Rhk)} required=true error={entry.error("rhk_id")} />
            <CheckField id={id("by-time")} label={i18n.t("activity.by_time").to_owned()} checked={entry.by_time}
                on_toggle={by_time} />
            if entry.by_time {
                <div class="form-grid">
                    <Field id={id("start")} label={i18n.t("activity.start").to_owned()} kind="time"
                        value={entry.start.clone()} on_input={set(Input::Start)} error={entry.error("start")} />
                    <Field id={id("end")} label={i18n.t("activity.end").to_owned()} kind="time"
                        value={entry.end.clone()} on_input={set(Input::End)} error={entry.error("end")}
                        hint={timed.map(|m| AttrValue::from(i18n.tf("activity.timed", &[("duration", &format::minutes(u64::from(m), i18n.lang()))])))} />
                </div>
            } else {
                <Field id={id("minutes")} label={i18n.t("activity.minutes").to_owned()} kind="number" inputmode="numeric"
                    value={entry.minutes.clone()} on_input={set(Input::Minutes)} required=true
                    hint={AttrValue::from(i18n.tf("activity.minutes_hint", &[("cap", &props.cap.to_string())]))}
                    error={entry.error("minutes")} />
            }
            <Field id={id("description")} label={i18n.t("activity.description").to_owned()} rows={3}
                value={entry.description.clone()} on_input={set(Input::Description)} required=true
                hint={AttrValue::from(i18n.t("activity.description_hint").to_owned())}
                error={entry.error("description")} />
            <Field id={id("output")} label={i18n.t("activity.output").to_owned()} inputmode="decimal"
                value={entry.output.clone()} on_input={set(Input::Output)} hint={AttrValue::from(output_hint)}
                error={entry.error("output_qty")} />
            <EvidenceAttach id={id("evidence")} attached={entry.evidence.clone()} {on_add} {on_remove} {on_busy}
                max_bytes={props.max_bytes} error={entry.error("evidence_ids")} />
        </>
    };
    match props.number {
        Some(n) => html! {
            <fieldset class="entry">
                <legend>{ i18n.tf("activity.entry_n", &[("n", &n.to_string())]) }</legend>
                { body }
                if props.removable {
                    <button type="button" class="button-quiet button-danger button-small" onclick={remove}>
                        { i18n.tf("activity.remove_entry", &[("n", &n.to_string())]) }
                    </button>
                }
            </fieldset>
        },
        None => body,
    }
}
