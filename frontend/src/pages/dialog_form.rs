//! "Catat dialog": the penilai records a performance dialogue (dialog kinerja / bimbingan) with
//! the date, the notes and the follow-ups agreed, each with an optional due date.

use crate::api;
use crate::components::{CheckField, ErrorBanner, Field};
use crate::format;
use crate::hooks::{use_form, Invalid};
use crate::i18n::{use_i18n, I18n};
use crate::validation;
use chrono::NaiveDate;
use kinerja_types::{FollowUp, NewDialog};
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

/// What the form holds.
#[derive(Clone, PartialEq)]
struct Draft {
    date: String,
    notes: String,
    rows: Vec<Row>,
}

impl Draft {
    /// The dialogue to record, or what is wrong (a follow-up's due date as `row-<index>`).
    fn request(&self, employee_id: i64, i18n: &I18n) -> Result<NewDialog, Invalid> {
        let mut found = Invalid::new();
        let day = NaiveDate::parse_from_str(&self.date, "%Y-%m-%d").ok();
        if day.is_none() {
            found.insert("date".to_owned(), i18n.t("dialog.date_missing").to_owned());
        }
        let mut follow_ups = Vec::new();
        for (index, row) in self.rows.iter().enumerate() {
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
            NewDialog { employee_id, date: day.unwrap_or_default(), notes: self.notes.trim().to_owned(), follow_ups };
        for (field, message) in validation::check(&request, i18n) {
            found.entry(field).or_insert(message);
        }
        if found.is_empty() {
            Ok(request)
        } else {
            Err(found)
        }
    }
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
    let form =
        use_form(|| Draft { date: format::today().to_string(), notes: String::new(), rows: vec![Row::default()] });
    if !*open {
        let open = open.clone();
        return html! {
            <button type="button" class="button-quiet" onclick={move |_| open.set(true)}>{ i18n.t("dialog.record") }</button>
        };
    }
    let onsubmit = {
        let open = open.clone();
        let on_recorded = props.on_recorded.clone();
        let i18n = i18n.clone();
        let employee_id = props.employee_id;
        let done = i18n.t("dialog.recorded").to_owned();
        form.submit(
            move |d: &Draft| {
                let request = d.request(employee_id, &i18n)?;
                Ok(async move { api::feedback::record_dialog(&request).await })
            },
            move |form, _| {
                form.update(|d| {
                    d.notes.clear();
                    d.rows = vec![Row::default()];
                });
                open.set(false);
                on_recorded.emit(done.clone());
            },
        )
    };
    let busy = form.busy();
    let edit_row = |index: usize, change: fn(&mut Row, String)| {
        form.set(move |d, v: String| {
            if let Some(row) = d.rows.get_mut(index) {
                change(row, v);
            }
        })
    };
    let toggle_row = |index: usize| {
        form.set(move |d, on: bool| {
            if let Some(row) = d.rows.get_mut(index) {
                row.done = on;
            }
        })
    };
    let add_row = form.set(|d, _: MouseEvent| d.rows.push(Row::default()));
    let remove_row = |index: usize| {
        form.set(move |d, _: MouseEvent| {
            if index < d.rows.len() {
                d.rows.remove(index);
            }
        })
    };
    let cancel = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(false))
    };
    html! {
        <form onchange={form.touch()} class="form dialog-form" {onsubmit} novalidate=true>
            <h3>{ i18n.t("dialog.record") }</h3>
            <ErrorBanner error={form.server_error()} shown_fields={FIELDS} />
            <Field id="dialog-date" label={i18n.t("dialog.date").to_owned()} kind="date" value={form.date.clone()}
                on_input={form.text(|d| &mut d.date)} required=true name="date" error={form.error("date")} />
            <Field id="dialog-notes" label={i18n.t("dialog.notes").to_owned()} value={form.notes.clone()} rows={4}
                on_input={form.text(|d| &mut d.notes)} required=true name="notes" error={form.error("notes")} />
            <fieldset class="choices follow-up-editor">
                <legend>{ i18n.t("dialog.follow_ups") }</legend>
                { for form.rows.iter().enumerate().map(|(index, row)| {
                    let n = (index + 1).to_string();
                    html! {
                        <div class="follow-up-row" key={index}>
                            <Field id={format!("follow-up-{index}-text")} label={i18n.tf("dialog.follow_up_n", &[("n", &n)])}
                                value={row.text.clone()} on_input={edit_row(index, |r, v| r.text = v)} />
                            <Field id={format!("follow-up-{index}-due")} label={i18n.t("dialog.due_date").to_owned()} kind="date"
                                value={row.due.clone()} on_input={edit_row(index, |r, v| r.due = v)}
                                error={form.error(&format!("row-{index}"))} />
                            <CheckField id={format!("follow-up-{index}-done")} label={i18n.t("dialog.done").to_owned()}
                                checked={row.done} on_toggle={toggle_row(index)} />
                            if form.rows.len() > 1 {
                                <button type="button" class="button-quiet button-small button-danger" onclick={remove_row(index)}>
                                    { i18n.tf("dialog.remove_follow_up", &[("n", &n)]) }
                                </button>
                            }
                        </div>
                    }
                }) }
                if let Some(message) = form.error("follow_ups") {
                    <small class="field-error">{ message }</small>
                }
                <button type="button" class="button-quiet button-small" onclick={add_row}>{ i18n.t("dialog.add_follow_up") }</button>
            </fieldset>
            <div class="actions">
                <button type="submit" class="button-primary" disabled={busy}>
                    { if busy { i18n.t("common.saving") } else { i18n.t("dialog.save") } }
                </button>
                <crate::components::SubmitSummary problems={form.problems()} />
                <button type="button" class="button-quiet" onclick={cancel} disabled={busy}>{ i18n.t("common.cancel") }</button>
            </div>
        </form>
    }
}
