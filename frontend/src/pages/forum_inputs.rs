//! The aspirasi of a forum for its staff: each with where it came from, the contact, its status
//! and public response, and a way to settle it (discussed, declined with a reason, hidden); and
//! the form that records what was said in the room.

use crate::api;
use crate::components::{ErrorBanner, Field, SelectField};
use crate::format;
use crate::hooks::{use_form, Invalid};
use crate::i18n::use_i18n;
use kinerja_domain::oversight::InputStatus;
use kinerja_types::{Forum, ForumInput, InputUpdate, NewRoomInput};
use std::rc::Rc;
use yew::prelude::*;

/// The statuses staff set by hand; "committed" comes from a commitment.
const SETTABLE: [InputStatus; 3] = [InputStatus::Discussed, InputStatus::Declined, InputStatus::Hidden];

#[derive(Properties, PartialEq)]
pub struct ForumInputsProps {
    pub forum: Rc<Forum>,
    /// Whether the viewer may change anything (runs forums, and the forum is not cancelled).
    pub may_run: bool,
    /// Told with a line to show once something changed.
    pub on_change: Callback<String>,
}

#[component]
pub fn ForumInputs(props: &ForumInputsProps) -> Html {
    let i18n = use_i18n();
    let inputs = &props.forum.inputs;
    html! {
        <section class="panel forum-inputs">
            <h2>{ i18n.tf("forum.inputs_n", &[("n", &inputs.len().to_string())]) }</h2>
            if inputs.is_empty() {
                <p class="muted">{ i18n.t("forum.no_inputs") }</p>
            } else {
                <ol class="aspirasi-list">
                    { for inputs.iter().map(|input| html! {
                        <InputItem key={input.id} input={input.clone()} may_run={props.may_run}
                            on_change={props.on_change.clone()} />
                    }) }
                </ol>
            }
            if props.may_run {
                <RoomInputForm forum_id={props.forum.id} on_done={props.on_change.clone()} />
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct InputBadgeProps {
    pub status: InputStatus,
}

/// An aspirasi's status in the public's words.
#[component]
pub fn InputBadge(props: &InputBadgeProps) -> Html {
    let i18n = use_i18n();
    let s = props.status;
    html! {
        <span class={classes!("badge", format!("badge-input-{}", s.as_str()))} data-status={s.as_str()}>
            { i18n.vocab("input_status", s.as_str(), s.public_label()) }
        </span>
    }
}

#[derive(Properties, PartialEq)]
struct InputItemProps {
    input: ForumInput,
    may_run: bool,
    on_change: Callback<String>,
}

/// One aspirasi and, while it may still change, its status form.
#[component]
fn InputItem(props: &InputItemProps) -> Html {
    let i18n = use_i18n();
    let a = &props.input;
    let choices: Vec<InputStatus> = SETTABLE.iter().copied().filter(|to| a.status.can_become(*to)).collect();
    html! {
        <li class="aspirasi" data-input={a.id.to_string()} data-code={a.tracking_code.clone()}>
            <p class="feedback-head">
                <strong class="mono">{ &a.tracking_code }</strong>
                <span class="chip">{ i18n.vocab("input_source", a.source.as_str(), a.source.label()) }</span>
                if let Some(speaker) = &a.speaker {
                    <span>{ speaker }</span>
                }
                <span class="muted small">{ format::instant(&a.created_at, i18n.lang()) }</span>
                <InputBadge status={a.status} />
            </p>
            <p class="feedback-text">{ &a.text }</p>
            if let Some(contact) = &a.contact {
                <p class="small">
                    <span class="muted">{ i18n.t("forum.contact") }{ ": " }</span>{ contact }
                    <span class="muted">{ " · " }{ i18n.t("forum.contact_private") }</span>
                </p>
            }
            if let Some(response) = &a.response {
                <p class="public-response"><span class="muted">{ i18n.t("forum.response") }{ ": " }</span>{ response }</p>
            }
            if props.may_run && !choices.is_empty() {
                <InputStatusForm input_id={a.id} {choices} response={a.response.clone().unwrap_or_default()}
                    on_done={props.on_change.clone()} />
            }
        </li>
    }
}

#[derive(Properties, PartialEq)]
struct InputStatusProps {
    input_id: i64,
    choices: Vec<InputStatus>,
    response: AttrValue,
    on_done: Callback<String>,
}

/// A status as chosen, and its public response.
#[derive(Clone, PartialEq)]
struct StatusDraft {
    status: Option<InputStatus>,
    response: String,
}

/// The new status and the public response (required to decline), behind "Ubah status".
#[component]
fn InputStatusForm(props: &InputStatusProps) -> Html {
    let i18n = use_i18n();
    let form =
        use_form(|| StatusDraft { status: props.choices.first().copied(), response: props.response.to_string() });
    let onsubmit = {
        let (id, on_done, i18n) = (props.input_id, props.on_done.clone(), i18n.clone());
        let needs_response = i18n.t("forum.decline_needs_response").to_owned();
        form.submit(
            move |d: &StatusDraft| {
                let to = d.status.ok_or_else(Invalid::new)?;
                let text = d.response.trim().to_owned();
                if InputStatus::needs_response(to) && text.is_empty() {
                    return Err(Invalid::from([("response".to_owned(), needs_response.clone())]));
                }
                let body = InputUpdate { status: to, response: Some(text).filter(|t| !t.is_empty()) };
                Ok(async move { api::forums::update_input(id, &body).await })
            },
            move |_, input| {
                let words = i18n.vocab("input_status", input.status.as_str(), input.status.public_label());
                on_done.emit(i18n.tf("forum.input_updated", &[("code", &input.tracking_code), ("status", words)]));
            },
        )
    };
    let options: Vec<(AttrValue, AttrValue)> = props
        .choices
        .iter()
        .map(|s| {
            (AttrValue::from(s.as_str()), AttrValue::from(i18n.vocab("input_status", s.as_str(), s.public_label())))
        })
        .collect();
    let id = props.input_id;
    html! {
        <details class="input-status">
            <summary>{ i18n.t("forum.change_status") }</summary>
            <form onchange={form.touch()} {onsubmit} novalidate=true>
                <div class="form-grid">
                    <SelectField id={format!("input-{id}-status")} label={i18n.t("forum.new_status").to_owned()}
                        value={form.status.map(|s| s.as_str()).unwrap_or_default()} {options}
                        on_change={form.set(|d, v: String| d.status = v.parse().ok())} name="status" error={form.error("status")} />
                    <Field id={format!("input-{id}-response")} label={i18n.t("forum.public_response").to_owned()}
                        value={form.response.clone()} on_input={form.text(|d| &mut d.response)} rows={Some(2)}
                        name="response" error={form.error("response")}
                        hint={Some(AttrValue::from(i18n.t("forum.public_response_hint")))} />
                </div>
                <ErrorBanner error={form.server_error()} shown_fields={&["status", "response"][..]} />
                <button type="submit" class="button-quiet" disabled={form.busy()}>{ i18n.t("forum.save_status") }</button>
                <crate::components::SubmitSummary problems={form.problems()} />
            </form>
        </details>
    }
}

#[derive(Properties, PartialEq)]
struct RoomInputProps {
    forum_id: i64,
    on_done: Callback<String>,
}

/// What was said in the room, as typed.
#[derive(Clone, PartialEq, Default)]
struct RoomDraft {
    text: String,
    speaker: String,
}

/// What someone said in the room, with their name if they wish.
#[component]
fn RoomInputForm(props: &RoomInputProps) -> Html {
    let i18n = use_i18n();
    let form = use_form(RoomDraft::default);
    let onsubmit = {
        let (forum_id, on_done, i18n) = (props.forum_id, props.on_done.clone(), i18n.clone());
        form.submit(
            move |d: &RoomDraft| {
                let body = NewRoomInput {
                    text: d.text.trim().to_owned(),
                    speaker: Some(d.speaker.trim().to_owned()).filter(|s| !s.is_empty()),
                };
                Ok(async move { api::forums::add_room_input(forum_id, &body).await })
            },
            move |form, input| {
                form.reset(RoomDraft::default());
                on_done.emit(i18n.tf("forum.room_input_added", &[("code", &input.tracking_code)]));
            },
        )
    };
    html! {
        <form onchange={form.touch()} class="room-input" {onsubmit} novalidate=true>
            <h3>{ i18n.t("forum.room_input") }</h3>
            <div class="form-grid">
                <Field id="room-input-text" label={i18n.t("forum.room_input_text").to_owned()} rows={Some(3)}
                    value={form.text.clone()} on_input={form.text(|d| &mut d.text)} required=true name="text" error={form.error("text")} />
                <Field id="room-input-speaker" label={i18n.t("forum.speaker").to_owned()} value={form.speaker.clone()}
                    on_input={form.text(|d| &mut d.speaker)} name="speaker" error={form.error("speaker")} />
            </div>
            <ErrorBanner error={form.server_error()} shown_fields={&["text", "speaker"][..]} />
            <button type="submit" class="button-primary" disabled={form.busy()}>{ i18n.t("forum.add_room_input") }</button>
            <crate::components::SubmitSummary problems={form.problems()} />
        </form>
    }
}
