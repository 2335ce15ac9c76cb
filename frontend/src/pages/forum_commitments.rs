//! The commitments of a forum: what will be done, by whom and by when, which aspirasi each one
//! answers, and their completion; with the form that makes a new one from chosen aspirasi.

use super::commitment_tracking::CommitmentTracking;
use super::complaint_queue::excerpt;
use crate::api::{self, ApiError};
use crate::components::{ErrorBanner, Field, TaskBadge, TaskDone, TaskKind};
use crate::format;
use crate::hooks::use_form;
use crate::i18n::use_i18n;
use kinerja_domain::oversight::{InputStatus, TaskStatus};
use kinerja_types::{FieldError, Forum, ForumCommitment, NewCommitment};
use std::collections::BTreeSet;
use std::rc::Rc;
use yew::prelude::*;

/// How much of an aspirasi a check box shows.
const EXCERPT_CHARS: usize = 90;

#[derive(Properties, PartialEq)]
pub struct ForumCommitmentsProps {
    pub forum: Rc<Forum>,
    pub may_run: bool,
    pub on_change: Callback<String>,
}

#[component]
pub fn ForumCommitments(props: &ForumCommitmentsProps) -> Html {
    let i18n = use_i18n();
    let f = &props.forum;
    let done = {
        let (on_change, i18n) = (props.on_change.clone(), i18n.clone());
        Callback::from(move |()| on_change.emit(i18n.t("forum.commitment_done").to_owned()))
    };
    let changed = props.on_change.clone();
    html! {
        <section class="panel forum-commitments">
            <h2>{ i18n.tf("forum.commitments_n", &[("n", &f.commitments.len().to_string())]) }</h2>
            if f.commitments.is_empty() {
                <p class="muted">{ i18n.t("forum.no_commitments") }</p>
            } else {
                <ol class="commitment-list">
                    { for f.commitments.iter().map(|c| commitment(c, f, props.may_run, &done, &changed, &i18n)) }
                </ol>
            }
            if props.may_run {
                <CommitmentForm forum={f.clone()} on_done={props.on_change.clone()} />
            }
        </section>
    }
}

/// One commitment, its linked aspirasi by code, and the "done" form while open.
fn commitment(
    c: &ForumCommitment,
    f: &Forum,
    may_run: bool,
    done: &Callback<()>,
    changed: &Callback<String>,
    i18n: &crate::i18n::I18n,
) -> Html {
    let codes: Vec<String> = c
        .input_ids
        .iter()
        .filter_map(|id| f.inputs.iter().find(|i| i.id == *id))
        .map(|i| i.tracking_code.clone())
        .collect();
    html! {
        <li key={c.id} class={classes!("commitment", c.overdue.then_some("overdue"))} data-commitment={c.id.to_string()}>
            <p class="feedback-head">
                <strong>{ &c.description }</strong>
                <TaskBadge status={c.status} overdue={c.overdue} />
            </p>
            <p class="small">
                <span class="muted">{ i18n.t("forum.owner") }{ ": " }</span>{ &c.owner }
                <span class="muted">{ " · " }{ i18n.t("forum.due_on") }{ ": " }</span>{ format::date(&c.due_on) }
            </p>
            if !codes.is_empty() {
                <p class="small">
                    <span class="muted">{ i18n.t("forum.answers") }{ ": " }</span>
                    <span class="mono">{ codes.join(", ") }</span>
                </p>
            }
            if let Some(note) = &c.done_note {
                <p class="public-response">
                    <span class="muted">{ i18n.t("task.done_note") }{ ": " }</span>{ note }
                    if let Some(at) = &c.done_at {
                        <span class="muted small">{ " · " }{ format::instant(at, i18n.lang()) }</span>
                    }
                </p>
            }
            if let Some(official) = &c.official_name {
                <p class="small commitment-official">
                    <span class="muted">{ i18n.t("commitment.official") }{ ": " }</span>{ official }
                    <span class="muted">{ " · " }{ i18n.tf("commitment.activities", &[("n", &c.activities.to_string())]) }</span>
                </p>
            }
            <p class="small">
                <span class="muted">{ i18n.t("commitment.progress") }{ ": " }</span>
                <strong class="commitment-progress">{ format!("{} %", c.progress_percent) }</strong>
                if let Some(note) = &c.progress_note {
                    { " — " }{ note }
                }
            </p>
            if may_run && c.status == TaskStatus::Open {
                <CommitmentTracking commitment={c.clone()} unit_id={f.unit_id} changed={changed.clone()} />
                <TaskDone kind={TaskKind::Commitment} task_id={c.id} on_done={done.clone()} />
            }
        </li>
    }
}

#[derive(Properties, PartialEq)]
struct CommitmentFormProps {
    forum: Rc<Forum>,
    on_done: Callback<String>,
}

/// A new commitment as typed.
#[derive(Clone, PartialEq, Default)]
struct Draft {
    description: String,
    owner: String,
    due: String,
    /// The aspirasi it answers.
    linked: BTreeSet<i64>,
}

/// A new commitment: what, who, by when, and the aspirasi it answers (they become commitments).
#[component]
fn CommitmentForm(props: &CommitmentFormProps) -> Html {
    let i18n = use_i18n();
    let form = use_form(Draft::default);
    let onsubmit = {
        let (forum_id, on_done, i18n) = (props.forum.id, props.on_done.clone(), i18n.clone());
        let due_required = i18n.t("forum.due_required").to_owned();
        form.submit(
            move |d: &Draft| {
                let body = d.due.parse::<chrono::NaiveDate>().map(|due_on| NewCommitment {
                    description: d.description.trim().to_owned(),
                    owner: d.owner.trim().to_owned(),
                    due_on,
                    input_ids: d.linked.iter().copied().collect(),
                });
                let due_required = due_required.clone();
                Ok(async move {
                    // No date shows as the server's refusal would, in the banner and beside the field.
                    let body = body.map_err(|_| ApiError::Invalid {
                        detail: None,
                        fields: vec![FieldError::local("due_on", &due_required)],
                    })?;
                    api::forums::add_commitment(forum_id, &body).await
                })
            },
            move |form, _| {
                form.reset(Draft::default());
                on_done.emit(i18n.t("forum.commitment_added").to_owned());
            },
        )
    };
    let field_error = |f: &str| form.error(f);
    // Aspirasi that may still become a commitment; hidden ones are not offered.
    let open: Vec<_> = props
        .forum
        .inputs
        .iter()
        .filter(|i| i.status != InputStatus::Hidden && i.status.can_become(InputStatus::Committed))
        .collect();
    let boxes = open.iter().map(|input| {
        let id = input.id;
        let checked = form.linked.contains(&id);
        let toggle = form.set(move |d, on: bool| {
            if on {
                d.linked.insert(id);
            } else {
                d.linked.remove(&id);
            }
        });
        let onchange = toggle.reform(|e: Event| e.target_unchecked_into::<web_sys::HtmlInputElement>().checked());
        let box_id = format!("commitment-input-{id}");
        html! {
            <div class="field field-check" key={id}>
                <input id={box_id.clone()} type="checkbox" {checked} {onchange} />
                <label for={box_id}>
                    <span class="mono">{ &input.tracking_code }</span>{ " — " }{ excerpt(&input.text, EXCERPT_CHARS) }
                </label>
            </div>
        }
    });
    html! {
        <form onchange={form.touch()} class="commitment-form" {onsubmit} novalidate=true>
            <h3>{ i18n.t("forum.new_commitment") }</h3>
            <Field id="commitment-description" label={i18n.t("forum.commitment_description").to_owned()} rows={Some(2)}
                value={form.description.clone()} on_input={form.text(|d| &mut d.description)} required=true error={field_error("description")} />
            <div class="form-grid">
                <Field id="commitment-owner" label={i18n.t("forum.owner").to_owned()} value={form.owner.clone()}
                    on_input={form.text(|d| &mut d.owner)} required=true error={field_error("owner")}
                    hint={Some(AttrValue::from(i18n.t("forum.owner_hint")))} />
                <Field id="commitment-due" label={i18n.t("forum.due_on").to_owned()} kind="date" value={form.due.clone()}
                    on_input={form.text(|d| &mut d.due)} required=true error={field_error("due_on")} />
            </div>
            if !open.is_empty() {
                <fieldset class="choices commitment-inputs">
                    <legend>{ i18n.t("forum.answers") }</legend>
                    { for boxes }
                </fieldset>
            }
            <ErrorBanner error={form.server_error()} shown_fields={&["description", "owner", "due_on"][..]} />
            <button type="submit" class="button-primary" disabled={form.busy()}>{ i18n.t("forum.add_commitment") }</button>
            <crate::components::SubmitSummary problems={form.problems()} />
        </form>
    }
}
