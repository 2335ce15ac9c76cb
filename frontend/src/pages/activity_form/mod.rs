//! "Catat kegiatan": the quick entry form of the daily page. It holds one entry, or several when
//! "Ulangi kemarin" copied the previous working day's activities (only those that can be saved:
//! none of 0 minutes); each is checked on the device with the rules the server applies, then saved
//! as a draft or submitted at once. A running total sets the form's minutes against what is left
//! of the day, and an entry that would go past it is marked before anything is sent. Entries that
//! were saved leave the form; those the server refused stay with its words beside their fields.
//! The same form corrects a draft or a rejected activity.

use crate::api::{self, ApiError};
use crate::components::evidence::{Attached, EvidenceAttach};
use crate::components::{CheckField, ErrorBanner, Field, Meter};
use crate::format;
use crate::hooks::use_write;
use crate::i18n::{use_i18n, I18n};
use crate::offline::{self, KeptFile};
use crate::validation;
use chrono::NaiveDate;
use kinerja_domain::activity::minutes_between;
use kinerja_domain::{ActivityStatus, Aspect, DayLimit};
use kinerja_types::{Activity, NewActivity, Rhk};
use std::collections::HashMap;
use std::rc::Rc;
use yew::prelude::*;

mod draft;
mod entry_fields;
mod rhk_picker;

use draft::*;
use entry_fields::*;
use rhk_picker::RhkPicker;

/// The minutes an entry holds as typed (`None` while they cannot be read).
fn entry_minutes(entry: &Entry) -> Option<u32> {
    if entry.by_time {
        minutes_between(&entry.start, &entry.end).ok()
    } else {
        entry.minutes.trim().parse::<u32>().ok()
    }
}

#[derive(Properties, PartialEq)]
pub struct ActivityFormProps {
    pub employee_id: i64,
    /// The day the entries are for.
    pub date: NaiveDate,
    pub today: NaiveDate,
    /// What the day may hold and from when the person may log (from their calendar).
    pub limit: DayLimit,
    /// The last day before `date` the person worked by their calendar: "repeat" copies it.
    pub previous: NaiveDate,
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
    /// Told when entries went into the offline queue.
    pub on_queued: Callback<()>,
}

/// Puts a new entry in the offline queue: `Ok(true)` when it is there.
async fn queue(
    employee_id: i64,
    key: Option<&str>,
    request: &NewActivity,
    kept: &[KeptFile],
) -> Result<bool, ApiError> {
    // The device's store refusing (private mode, full) is told as the connection it stands for.
    offline::enqueue(employee_id, key, request, kept).await.map(|()| true).map_err(|_| ApiError::Network)
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
    let saving = use_write();
    let copying = use_write();
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
        let limit = props.limit;
        let day = props.day.clone();
        let on_saved = props.on_saved.clone();
        let on_queued = props.on_queued.clone();
        let employee_id = props.employee_id;
        let only_rhk = only_rhk.clone();
        let saving = saving.clone();
        Callback::from(move |_: MouseEvent| {
            if form.sending || form.entries.iter().any(|e| e.uploading) {
                return;
            }
            let editing = form.editing;
            // Correcting an activity on its own date is allowed however old, or on leave (as the
            // server allows it): only its minutes are checked.
            let limit = match editing {
                Some(_) => DayLimit { earliest: NaiveDate::MIN, excuse: None, ..limit },
                None => limit,
            };
            // Minutes already on the day (rejected ones do not count; the one being corrected is replaced).
            let saved: u32 = day
                .iter()
                .filter(|a| a.status != ActivityStatus::Rejected && Some(a.id) != editing)
                .map(|a| a.minutes)
                .sum();
            let mut pending = 0u32;
            let mut requests = Vec::new();
            let mut found = HashMap::new();
            for entry in &form.entries {
                match check(entry, date, today, limit, Logged { saved, pending }, submit, &i18n) {
                    Ok(request) => {
                        pending += request.1;
                        requests.push((entry.key, request.0, kept_files(entry)));
                    }
                    Err(problems) => {
                        found.insert(entry.key, problems);
                    }
                }
            }
            if !found.is_empty() {
                form.dispatch(Change::Invalid(found));
                crate::components::focus_first_error();
                return;
            }
            form.dispatch(Change::Sending);
            // The next entry starts on the RHK just used: the same work often goes on.
            let next_rhk = match (&editing, requests.last()) {
                (None, Some((_, last, _))) if only_rhk.is_empty() => last.rhk_id.to_string(),
                _ => only_rhk.clone(),
            };
            let form = form.clone();
            let on_saved = on_saved.clone();
            let on_queued = on_queued.clone();
            let i18n = i18n.clone();
            // Each entry is sent on its own; what the server refused stays in the form with its error.
            // Without a connection (or with files kept on the device) a new entry goes into the
            // offline queue instead, to be sent when the connection returns.
            let send = async move {
                let mut saved = Vec::new();
                let mut queued = Vec::new();
                let mut failed = Vec::new();
                for (key, request, kept) in requests {
                    let outcome = match editing {
                        Some(id) => api::activities::update(id, &request).await.map(|_| false),
                        None if !kept.is_empty() || !offline::online() => {
                            queue(employee_id, None, &request, &kept).await
                        }
                        None => {
                            // Sent under a key of its own: if the answer is lost, the queue
                            // retries with the same key and the server keeps one activity.
                            let key = offline::new_key();
                            let sent = match &key {
                                Some(key) => api::activities::create_keyed(&request, key).await,
                                None => api::activities::create(&request).await,
                            };
                            match sent {
                                Err(ApiError::Network) => queue(employee_id, key.as_deref(), &request, &kept).await,
                                sent => sent.map(|_| false),
                            }
                        }
                    };
                    match outcome {
                        Ok(false) => saved.push(key),
                        Ok(true) => queued.push(key),
                        Err(error) => failed.push((key, error)),
                    }
                }
                Ok::<_, ApiError>((saved, queued, failed))
            };
            saving.run(send, move |(mut saved, queued, failed)| {
                let count = saved.len();
                let waiting = queued.len();
                saved.extend(queued);
                form.dispatch(Change::Finished { saved, failed, rhk: next_rhk });
                if waiting > 0 {
                    on_queued.emit(());
                    on_saved.emit(i18n.tf("offline.queued", &[("n", &waiting.to_string())]));
                }
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

    let previous = props.previous;
    let previous_text = format::date(&previous);
    let repeat = {
        let form = form.clone();
        let copying = copying.clone();
        let copy_note = copy_note.clone();
        let employee_id = props.employee_id;
        let choices = props.choices.clone();
        let i18n = i18n.clone();
        let previous_text = previous_text.clone();
        Callback::from(move |_: MouseEvent| {
            if copying.busy {
                return;
            }
            copy_note.set(None);
            let form = form.clone();
            let copy_note = copy_note.clone();
            let known: Vec<i64> = choices.as_deref().map(|c| c.iter().map(|r| r.id).collect()).unwrap_or_default();
            let i18n = i18n.clone();
            let previous_text = previous_text.clone();
            copying.run(api::activities::between(employee_id, previous, previous), move |mut earlier| {
                // The list is newest first; the form reads better in the order of the day. What
                // could not be saved again is not copied: a rejected activity, or one of 0 minutes.
                earlier.retain(|a| a.status != ActivityStatus::Rejected);
                let before = earlier.len();
                earlier.retain(|a| a.minutes > 0);
                let skipped = before - earlier.len();
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
                let mut note = if n == 0 {
                    i18n.tf("activity.repeat_none", &[("day", &previous_text)])
                } else {
                    form.dispatch(Change::Copy(copies));
                    i18n.tf("activity.repeat_done", &[("n", &n.to_string()), ("day", &previous_text)])
                };
                if skipped > 0 {
                    note.push(' ');
                    note.push_str(&i18n.tf("activity.repeat_skipped", &[("n", &skipped.to_string())]));
                }
                copy_note.set(Some(note));
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
    // What is left of the day, and the form's entries against it as they are typed.
    let cap = props.limit.cap;
    let saved: u32 = props
        .day
        .iter()
        .filter(|a| a.status != ActivityStatus::Rejected && Some(a.id) != form.editing)
        .map(|a| a.minutes)
        .sum();
    let left = cap.saturating_sub(saved);
    let mut running = 0u32;
    let entries = form
        .entries
        .iter()
        .enumerate()
        .map(|(index, entry)| {
            let minutes = entry_minutes(entry).unwrap_or(0);
            running = running.saturating_add(minutes);
            let overflow = (minutes > 0 && running > left).then(|| {
                i18n.tf(
                    "activity.over_day",
                    &[
                        ("total", &format::minutes(u64::from(running), i18n.lang())),
                        ("left", &format::minutes(u64::from(left), i18n.lang())),
                    ],
                )
            });
            html! {
                <EntryFields key={entry.key} entry={entry.clone()} number={several.then_some(index + 1)}
                    choices={rhk_list.clone()} form={form.dispatcher()} max_bytes={props.max_bytes}
                    removable={several && form.editing.is_none()} {cap} {overflow}
                    offline_user={form.editing.is_none().then_some(props.employee_id)} />
            }
        })
        .collect::<Vec<_>>();
    let in_form: u32 = form.entries.iter().filter_map(entry_minutes).sum();
    let uploading = form.entries.iter().any(|e| e.uploading);
    let busy = form.sending || uploading;
    let date_text = format::date(&props.date);
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
                        disabled={copying.busy || form.sending || props.choices.is_none()}
                        title={i18n.tf("activity.repeat_hint", &[("day", &previous_text)])}>
                        { if copying.busy { i18n.t("common.working") } else { i18n.t("activity.repeat") } }
                    </button>
                }
            </div>
            if let Some(note) = copy_note.as_ref().cloned().or_else(|| copying.error.as_ref().map(|e| e.message(&i18n))) {
                <p class="notice notice-info" role="status">{ note }</p>
            }
            if form.editing.is_some() {
                <p class="callout callout-info">{ i18n.t("activity.editing_hint") }</p>
            }
            { for entries }
            <div class="form-total" data-testid="form-total">
                <p class={classes!((in_form > left).then_some("field-error"))}>
                    { i18n.tf("activity.form_total", &[
                        ("form", &format::minutes(u64::from(in_form), i18n.lang())),
                        ("left", &format::minutes(u64::from(left), i18n.lang())),
                    ]) }
                </p>
                <Meter value={f64::from(in_form)} max={f64::from(left.max(1))}
                    label={i18n.t("activity.form_total_label").to_owned()}
                    tone={if in_form > left { "over" } else { "ok" }} />
            </div>
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
                <crate::components::SubmitSummary problems={form.problems()} />
            </div>
        </form>
    }
}
