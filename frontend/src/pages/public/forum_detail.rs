//! `/forum-publik/{id}`: one public dialogue forum for citizens: when and where, a form to send an
//! aspirasi while it still takes them (with the tracking code afterwards), every public aspirasi
//! with its status and response, the minutes once held, and the commitments with their progress.

use super::Honeypot;
use crate::api;
use crate::components::{CopyButton, ErrorBanner, Field, Loading};
use crate::format;
use crate::hooks::{use_form, use_remote, Invalid};
use crate::i18n::{use_i18n, I18n};
use crate::route::Route;
use kinerja_domain::oversight::ForumStatus;
use kinerja_types::{NewPublicInput, PublicCommitment, PublicForum, PublicInput};
use std::rc::Rc;
use yew::prelude::*;
use yew_router::prelude::*;

/// What the server takes: the aspirasi's length and the contact's.
const TEXT_MIN: usize = 10;
const TEXT_MAX: usize = 4000;
const CONTACT_MAX: usize = 200;

#[derive(Properties, PartialEq)]
pub struct PublicForumDetailProps {
    pub id: i64,
}

#[component]
pub fn PublicForumDetail(props: &PublicForumDetailProps) -> Html {
    let i18n = use_i18n();
    let forum = use_remote(props.id, api::public::forum);
    let receipt = use_state(|| None::<String>);
    let on_sent = {
        let (receipt, reload) = (receipt.clone(), forum.reload.clone());
        Callback::from(move |code: String| {
            receipt.set(Some(code));
            reload.emit(());
        })
    };
    let again = {
        let receipt = receipt.clone();
        Callback::from(move |_: MouseEvent| receipt.set(None))
    };
    let body = match forum.state.data.as_ref() {
        Some(f) => html! {
            <>
                <Facts forum={f.clone()} />
                if let Some(code) = &*receipt {
                    <section class="panel receipt" role="status">
                        <h2>{ i18n.t("pforum.sent_title") }</h2>
                        <p>{ i18n.t("pforum.sent_body") }</p>
                        <p class="tracking-label">{ i18n.t("pforum.tracking_code") }</p>
                        <p class="tracking-code" id="aspirasi-code">{ code }</p>
                        <div class="actions">
                            <CopyButton text={code.clone()} label={i18n.t("complaint.copy_code").to_owned()} />
                            <Link<Route> to={Route::TrackCode { code: code.clone() }} classes="button-primary">
                                { i18n.t("pforum.track_now") }
                            </Link<Route>>
                        </div>
                        <p class="muted">{ i18n.t("complaint.keep_code") }</p>
                        if f.accepts_input {
                            <button type="button" class="button-quiet" onclick={again}>{ i18n.t("pforum.another") }</button>
                        }
                    </section>
                } else if f.accepts_input {
                    <AspirasiForm forum_id={f.id} on_sent={on_sent.clone()} />
                } else if f.status == ForumStatus::Announced {
                    <p class="callout callout-info">{ i18n.t("pforum.closed") }</p>
                }
                if let Some(minutes) = &f.minutes {
                    <section class="panel forum-minutes">
                        <h2>{ i18n.t("forum.minutes") }</h2>
                        <p class="minutes">{ minutes }</p>
                    </section>
                }
                <section class="panel public-aspirasi">
                    <h2>{ i18n.tf("pforum.inputs_n", &[("n", &f.inputs.len().to_string())]) }</h2>
                    if f.inputs.is_empty() {
                        <p class="muted">{ i18n.t("pforum.no_inputs") }</p>
                    } else {
                        <ol class="aspirasi-list">{ for f.inputs.iter().map(|a| aspirasi(a, &i18n)) }</ol>
                    }
                </section>
                if f.status != ForumStatus::Cancelled {
                    <section class="panel public-commitments">
                        <h2>{ i18n.tf("forum.commitments_n", &[("n", &f.commitments.len().to_string())]) }</h2>
                        if f.commitments.is_empty() {
                            <p class="muted">{ i18n.t("pforum.no_commitments") }</p>
                        } else {
                            <ol class="commitment-list">{ for f.commitments.iter().map(|c| commitment(c, &i18n)) }</ol>
                        }
                    </section>
                }
            </>
        },
        None if forum.state.loading => html! { <Loading /> },
        None => html! {},
    };
    let title = forum.state.data.as_ref().map(|f| f.topic.clone()).unwrap_or_else(|| i18n.t("pforum.title").to_owned());
    html! {
        <section class="page public-page public-forum">
            <p class="breadcrumb"><Link<Route> to={Route::PublicForums}>{ i18n.t("pforum.back") }</Link<Route>></p>
            <h1>{ title }</h1>
            <ErrorBanner error={forum.state.error.clone()} on_retry={forum.reload.clone()} />
            { body }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct FactsProps {
    forum: Rc<PublicForum>,
}

/// The unit, the date and place, the status and what the forum is about.
#[component]
fn Facts(props: &FactsProps) -> Html {
    let i18n = use_i18n();
    let f = &props.forum;
    html! {
        <section class="panel">
            <dl class="facts">
                <dt>{ i18n.t("forum.unit") }</dt>
                <dd>{ &f.unit_name }</dd>
                <dt>{ i18n.t("forum.date") }</dt>
                <dd>{ format::date(&f.date) }</dd>
                <dt>{ i18n.t("forum.place") }</dt>
                <dd>{ &f.place }</dd>
                <dt>{ i18n.t("forum.status") }</dt>
                <dd>
                    <span class={classes!("badge", format!("badge-forum-{}", f.status.as_str()))} id="forum-status">
                        { i18n.vocab("pforum_status", f.status.as_str(), f.status.public_label()) }
                    </span>
                </dd>
            </dl>
            if let Some(d) = &f.description {
                <p class="prewrap forum-description">{ d }</p>
            }
        </section>
    }
}

/// A public aspirasi: code, where it came from, the words, the status and the response.
fn aspirasi(a: &PublicInput, i18n: &I18n) -> Html {
    html! {
        <li key={a.tracking_code.clone()} class="aspirasi" data-code={a.tracking_code.clone()}>
            <p class="feedback-head">
                <strong class="mono">{ &a.tracking_code }</strong>
                <span class="chip">{ i18n.vocab("input_source", a.source.as_str(), a.source.label()) }</span>
                <span class={classes!("badge", format!("badge-input-{}", a.status.as_str()))} data-status={a.status.as_str()}>
                    { i18n.vocab("input_status", a.status.as_str(), a.status.public_label()) }
                </span>
            </p>
            <p class="feedback-text">{ &a.text }</p>
            if let Some(response) = &a.response {
                <p class="public-response"><span class="muted">{ i18n.t("forum.response") }{ ": " }</span>{ response }</p>
            }
        </li>
    }
}

/// A commitment: what, who, by when, and how far.
fn commitment(c: &PublicCommitment, i18n: &I18n) -> Html {
    html! {
        <li class="commitment">
            <p class="feedback-head">
                <strong>{ &c.description }</strong>
                <span class={classes!("badge", format!("badge-task-{}", c.status.as_str()))} data-status={c.status.as_str()}>
                    { i18n.vocab("task_status", c.status.as_str(), c.status.label()) }
                </span>
            </p>
            <p class="small">
                <span class="muted">{ i18n.t("forum.owner") }{ ": " }</span>{ &c.owner }
                <span class="muted">{ " · " }{ i18n.t("forum.due_on") }{ ": " }</span>{ format::date(&c.due_on) }
            </p>
            if let Some(official) = &c.official {
                <p class="small"><span class="muted">{ i18n.t("pforum.official") }{ ": " }</span>{ official }</p>
            }
            if c.status == kinerja_domain::oversight::TaskStatus::Open {
                <p class="small public-progress">
                    <span class="muted">{ i18n.t("pforum.progress") }{ ": " }</span>
                    <strong class="commitment-progress">{ format!("{} %", c.progress_percent) }</strong>
                    <progress max="100" value={c.progress_percent.to_string()} aria-label={i18n.t("pforum.progress")}></progress>
                </p>
            }
            if !c.milestones.is_empty() {
                <ul class="public-milestones small">
                    { for c.milestones.iter().map(|m| html! {
                        <li data-done={m.done.to_string()}>
                            { if m.done { "✓ " } else { "○ " } }{ format!("{} · {}", m.title, format::date(&m.due_on)) }
                        </li>
                    }) }
                </ul>
            }
            if let Some(note) = &c.done_note {
                <p class="public-response"><span class="muted">{ i18n.t("task.done_note") }{ ": " }</span>{ note }</p>
            }
        </li>
    }
}

#[derive(Properties, PartialEq)]
struct AspirasiFormProps {
    forum_id: i64,
    /// Told the tracking code once sent.
    on_sent: Callback<String>,
}

/// What the aspirasi form holds.
#[derive(Clone, Default, PartialEq)]
struct Draft {
    text: String,
    contact: String,
    website: String,
}

impl Draft {
    /// The aspirasi to send, or what is wrong with it, found on the device.
    fn request(&self, i18n: &I18n) -> Result<NewPublicInput, Invalid> {
        let words = self.text.trim().to_owned();
        let who = self.contact.trim().to_owned();
        let mut wrong = Invalid::new();
        if !(TEXT_MIN..=TEXT_MAX).contains(&words.chars().count()) {
            let (min, max) = (TEXT_MIN.to_string(), TEXT_MAX.to_string());
            wrong.insert("text".to_owned(), i18n.tf("pforum.text_length", &[("min", &min), ("max", &max)]));
        }
        if who.chars().count() > CONTACT_MAX {
            let max = CONTACT_MAX.to_string();
            wrong.insert("contact".to_owned(), i18n.tf("complaint.contact_long", &[("max", &max)]));
        }
        if !wrong.is_empty() {
            return Err(wrong);
        }
        Ok(NewPublicInput {
            text: words,
            contact: Some(who).filter(|c| !c.is_empty()),
            website: Some(self.website.clone()),
        })
    }
}

/// The aspirasi, an optional contact, and the field only bots fill.
#[component]
fn AspirasiForm(props: &AspirasiFormProps) -> Html {
    let i18n = use_i18n();
    let form = use_form(Draft::default);
    let onsubmit = {
        let (forum_id, on_sent, i18n) = (props.forum_id, props.on_sent.clone(), i18n.clone());
        form.submit(
            move |d: &Draft| {
                d.request(&i18n).map(|body| async move { api::public::send_aspirasi(forum_id, &body).await })
            },
            move |form, receipt| {
                form.update(|d| {
                    d.text.clear();
                    d.contact.clear();
                });
                on_sent.emit(receipt.tracking_code);
            },
        )
    };
    let sending = form.busy();
    let count = form.text.trim().chars().count();
    html! {
        <section class="panel aspirasi-form-panel">
            <h2>{ i18n.t("pforum.send_title") }</h2>
            <p class="muted">{ i18n.t("pforum.send_lead") }</p>
            <form onchange={form.touch()} class="aspirasi-form" {onsubmit} novalidate=true>
                <ErrorBanner error={form.server_error()} shown_fields={&["text", "contact"][..]} />
                <Field id="aspirasi-text" label={i18n.t("pforum.text").to_owned()} rows={Some(5)}
                    value={form.text.clone()} on_input={form.text(|d| &mut d.text)} required=true
                    hint={i18n.tf("complaint.text_count", &[("n", &count.to_string()), ("min", &TEXT_MIN.to_string()), ("max", &TEXT_MAX.to_string())])}
                    name="text" error={form.error("text")} />
                <Field id="aspirasi-contact" label={i18n.t("pforum.contact").to_owned()} value={form.contact.clone()}
                    on_input={form.text(|d| &mut d.contact)} autocomplete="tel"
                    hint={i18n.t("pforum.contact_hint").to_owned()} name="contact" error={form.error("contact")} />
                <Honeypot value={form.website.clone()} on_input={form.text(|d| &mut d.website)} />
                <button type="submit" class="button-primary button-block" disabled={sending}
                    aria-busy={sending.then_some("true")}>
                    { if sending { i18n.t("complaint.sending") } else { i18n.t("pforum.send") } }
                </button>
                <crate::components::SubmitSummary problems={form.problems()} />
            </form>
        </section>
    }
}
