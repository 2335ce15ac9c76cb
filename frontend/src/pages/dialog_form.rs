//! "Catat dialog": the penilai records a performance dialogue (dialog kinerja / bimbingan) with
//! the date, the notes and the follow-ups agreed, each with an optional due date.

use crate::api::{self, ApiError};
use crate::components::{CheckField, ErrorBanner, Field};
use crate::format;
use crate::i18n::use_i18n;
use crate::validation;
use chrono::NaiveDate;
use kinerja_types::{FollowUp, NewDialog};
use std::collections::HashMap;
use yew::platform::spawn_local;
use yew::prelude::*;

/// The fields this form shows its own errors for.
const FIELDS: &[&str] = &["date", "notes", "follow_ups"];

/// A follow-up as typed.
#[derive(Debug, Clone, PartialEq, Default)]
struct Row {
    text: String,
    due: String,
    done: bool,
}

#[derive(Properties, PartialEq)]
pub struct DialogFormProps {
    pub employee_id: i64,
    /// Told what to say once the dialogue was recorded.
    pub on_recorded: Callback<String>,
}

#[component]
pub fn DialogForm(props: &DialogFormProps) -> Html {
    let i18n = use_i18n();
    let open = use_state(|| false);
    let date = use_state(|| format::today().to_string());
    let notes = use_state(String::new);
    let rows = use_state(|| vec![Row::default()]);
    let invalid = use_state(HashMap::<String, String>::new);
    let busy = use_state(|| false);
    let error = use_state(|| None::<ApiError>);
    if !*open {
        let open = open.clone();
        return html! {
            <button type="button" class="button-quiet" onclick={move |_| open.set(true)}>{ i18n.t("dialog.record") }</button>
        };
    }
    let onsubmit = {
        let date = date.clone();
        let notes = notes.clone();
        let rows = rows.clone();
        let invalid = invalid.clone();
        let busy = busy.clone();
        let error = error.clone();
        let open = open.clone();
        let on_recorded = props.on_recorded.clone();
        let i18n = i18n.clone();
        let employee_id = props.employee_id;
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if *busy {
                return;
            }
            let mut found = HashMap::new();
            let day = NaiveDate::parse_from_str(&date, "%Y-%m-%d").ok();
            if day.is_none() {
                found.insert("date".to_owned(), i18n.t("dialog.date_missing").to_owned());
            }
            let mut follow_ups = Vec::new();
            for (index, row) in rows.iter().enumerate() {
                if row.text.trim().is_empty() {
                    continue;
                }
                let due = match row.due.trim() {
                    "" => None,
                    text => match NaiveDate::parse_from_str(text, "%Y-%m-%d") {
                        Ok(d) => Some(d),
                        Err(_) => {
                            found.insert(format!("row-{index}"), i18n.t("dialog.due_invalid").to_owned());
                            None
                        }
                    },
                };
                follow_ups.push(FollowUp { text: row.text.trim().to_owned(), due_date: due, done: row.done });
            }
            let request =
                NewDialog { employee_id, date: day.unwrap_or_default(), notes: notes.trim().to_owned(), follow_ups };
            for (field, message) in validation::check(&request, &i18n) {
                found.entry(field).or_insert(message);
            }
            if !found.is_empty() {
                invalid.set(found);
                return;
            }
            invalid.set(HashMap::new());
            busy.set(true);
            error.set(None);
            let notes = notes.clone();
            let rows = rows.clone();
            let busy = busy.clone();
            let error = error.clone();
            let open = open.clone();
            let on_recorded = on_recorded.clone();
            let done = i18n.t("dialog.recorded").to_owned();
            spawn_local(async move {
                match api::feedback::record_dialog(&request).await {
                    Ok(_) => {
                        notes.set(String::new());
                        rows.set(vec![Row::default()]);
                        open.set(false);
                        on_recorded.emit(done);
                    }
                    Err(e) => error.set(Some(e)),
                }
                busy.set(false);
            });
        })
    };
    let field_error = |field: &str| invalid.get(field).cloned().or_else(|| error.as_ref().and_then(|e| e.field(field)));
    let on_date = {
        let date = date.clone();
        Callback::from(move |v: String| date.set(v))
    };
    let on_notes = {
        let notes = notes.clone();
        Callback::from(move |v: String| notes.set(v))
    };
    let edit_row = |index: usize, change: fn(&mut Row, String)| {
        let rows = rows.clone();
        Callback::from(move |v: String| {
            let mut next = (*rows).clone();
            if let Some(row) = next.get_mut(index) {
                change(row, v);
            }
            rows.set(next);
        })
    };
    let toggle_row = |index: usize| {
        let rows = rows.clone();
        Callback::from(move |on: bool| {
            let mut next = (*rows).clone();
            if let Some(row) = next.get_mut(index) {
                row.done = on;
            }
            rows.set(next);
        })
    };
    let add_row = {
        let rows = rows.clone();
        Callback::from(move |_: MouseEvent| {
            let mut next = (*rows).clone();
            next.push(Row::default());
            rows.set(next);
        })
    };
    let remove_row = |index: usize| {
        let rows = rows.clone();
        Callback::from(move |_: MouseEvent| {
            let mut next = (*rows).clone();
            if index < next.len() {
                next.remove(index);
            }
            rows.set(next);
        })
    };
    let cancel = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(false))
    };
    html! {
        <form class="form dialog-form" {onsubmit} novalidate=true>
            <h3>{ i18n.t("dialog.record") }</h3>
            <ErrorBanner error={(*error).clone()} shown_fields={FIELDS} />
            <Field id="dialog-date" label={i18n.t("dialog.date").to_owned()} kind="date" value={(*date).clone()}
                on_input={on_date} required=true error={field_error("date")} />
            <Field id="dialog-notes" label={i18n.t("dialog.notes").to_owned()} value={(*notes).clone()} rows={4}
                on_input={on_notes} required=true error={field_error("notes")} />
            <fieldset class="choices follow-up-editor">
                <legend>{ i18n.t("dialog.follow_ups") }</legend>
                { for rows.iter().enumerate().map(|(index, row)| {
                    let n = (index + 1).to_string();
                    html! {
                        <div class="follow-up-row" key={index}>
                            <Field id={format!("follow-up-{index}-text")} label={i18n.tf("dialog.follow_up_n", &[("n", &n)])}
                                value={row.text.clone()} on_input={edit_row(index, |r, v| r.text = v)} />
                            <Field id={format!("follow-up-{index}-due")} label={i18n.t("dialog.due_date").to_owned()} kind="date"
                                value={row.due.clone()} on_input={edit_row(index, |r, v| r.due = v)}
                                error={invalid.get(&format!("row-{index}")).cloned()} />
                            <CheckField id={format!("follow-up-{index}-done")} label={i18n.t("dialog.done").to_owned()}
                                checked={row.done} on_toggle={toggle_row(index)} />
                            if rows.len() > 1 {
                                <button type="button" class="button-quiet button-small button-danger" onclick={remove_row(index)}>
                                    { i18n.tf("dialog.remove_follow_up", &[("n", &n)]) }
                                </button>
                            }
                        </div>
                    }
                }) }
                if let Some(message) = field_error("follow_ups") {
                    <small class="field-error">{ message }</small>
                }
                <button type="button" class="button-quiet button-small" onclick={add_row}>{ i18n.t("dialog.add_follow_up") }</button>
            </fieldset>
            <div class="actions">
                <button type="submit" class="button-primary" disabled={*busy}>
                    { if *busy { i18n.t("common.saving") } else { i18n.t("dialog.save") } }
                </button>
                <button type="button" class="button-quiet" onclick={cancel} disabled={*busy}>{ i18n.t("common.cancel") }</button>
            </div>
        </form>
    }
}
