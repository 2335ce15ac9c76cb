//! An evaluation follow-up or a forum commitment: where it stands (with the overdue mark), and the
//! short form that reports it done with a note.

use super::{ErrorBanner, Field};
use crate::api;
use crate::hooks::use_write;
use crate::i18n::use_i18n;
use kinerja_domain::oversight::TaskStatus;
use kinerja_types::TaskUpdate;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TaskBadgeProps {
    pub status: TaskStatus,
    /// Open and past its due date.
    pub overdue: bool,
}

/// "Berjalan" or "Selesai", and "Terlambat" when overdue.
#[component]
pub fn TaskBadge(props: &TaskBadgeProps) -> Html {
    let i18n = use_i18n();
    let s = props.status;
    html! {
        <span class="badges">
            <span class={classes!("badge", format!("badge-task-{}", s.as_str()))} data-status={s.as_str()}>
                { i18n.vocab("task_status", s.as_str(), s.label()) }
            </span>
            if props.overdue {
                <span class="badge badge-overdue">{ i18n.t("task.overdue") }</span>
            }
        </span>
    }
}

/// What kind of task a [`TaskDone`] form reports on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TaskKind {
    /// A follow-up of an evaluation session.
    FollowUp,
    /// A commitment of a public forum.
    Commitment,
}

#[derive(Properties, PartialEq)]
pub struct TaskDoneProps {
    pub kind: TaskKind,
    pub task_id: i64,
    /// Told once the server took it.
    pub on_done: Callback<()>,
    /// Tells the control ids apart where one task shows twice on a page.
    #[prop_or_default]
    pub place: AttrValue,
}

/// A note of what was done and "Tandai selesai"; the server asks for the note too.
#[component]
pub fn TaskDone(props: &TaskDoneProps) -> Html {
    let i18n = use_i18n();
    let note = use_state(String::new);
    let write = use_write();
    let missing = use_state(|| false);
    let onsubmit = {
        let (note, write, missing) = (note.clone(), write.clone(), missing.clone());
        let (kind, id, on_done) = (props.kind, props.task_id, props.on_done.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let text = note.trim().to_owned();
            missing.set(text.is_empty());
            if text.is_empty() {
                return;
            }
            let body = TaskUpdate { status: TaskStatus::Done, note: Some(text) };
            let on_done = on_done.clone();
            write.run(
                async move {
                    match kind {
                        TaskKind::FollowUp => api::evaluation_sessions::update_follow_up(id, &body).await.map(drop),
                        TaskKind::Commitment => api::forums::update_commitment(id, &body).await.map(drop),
                    }
                },
                move |()| on_done.emit(()),
            );
        })
    };
    let on_note = {
        let note = note.clone();
        Callback::from(move |v: String| note.set(v))
    };
    let kind = match props.kind {
        TaskKind::FollowUp => "follow-up",
        TaskKind::Commitment => "commitment",
    };
    let prefix = if props.place.is_empty() { kind.to_owned() } else { format!("{kind}-{}", props.place) };
    let field_error = if *missing { Some(i18n.t("task.note_required").to_owned()) } else { write.field("note") };
    html! {
        <form class="task-done" {onsubmit} novalidate=true>
            <Field id={format!("{prefix}-{}-note", props.task_id)} label={i18n.t("task.done_note").to_owned()}
                value={(*note).clone()} on_input={on_note} rows={Some(2)} error={field_error} />
            <ErrorBanner error={write.error.clone()} shown_fields={&["note"][..]} />
            <button type="submit" class="button-quiet" disabled={write.busy}>{ i18n.t("task.mark_done") }</button>
        </form>
    }
}
