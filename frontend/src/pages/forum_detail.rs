//! One public dialogue forum for the staff who run it: the announcement, recording it held with
//! the minutes (notulen) or cancelling it (after a confirmation), the aspirasi, and the
//! commitments made. Auditors read.

use super::forum_commitments::ForumCommitments;
use super::forum_inputs::ForumInputs;
use super::forums::{runs_forums, ForumBadge};
use crate::api;
use crate::components::{use_toast, Confirm, ErrorBanner, Field, Loading};
use crate::format;
use crate::hooks::{setter, use_remote, use_write};
use crate::i18n::use_i18n;
use crate::route::Route;
use kinerja_domain::oversight::ForumStatus;
use kinerja_types::{Forum, ForumPatch, Me};
use std::rc::Rc;
use yew::prelude::*;
use yew_router::prelude::*;

/// The shortest minutes the server takes.
const MINUTES_MIN: usize = 10;

#[derive(Properties, PartialEq)]
pub struct ForumDetailProps {
    pub me: Rc<Me>,
    pub id: i64,
}

#[component]
pub fn ForumDetail(props: &ForumDetailProps) -> Html {
    let i18n = use_i18n();
    let forum = use_remote(props.id, api::forums::get);
    let toast = use_toast();
    let may_run = runs_forums(&props.me);
    let on_change = {
        let (toast, reload) = (toast.clone(), forum.reload.clone());
        Callback::from(move |message: String| {
            toast.say(message);
            reload.emit(());
        })
    };
    let body = match forum.state.data.as_ref() {
        Some(f) => {
            let open = f.status != ForumStatus::Cancelled;
            html! {
                <>
                    <Facts forum={f.clone()} />
                    if may_run && f.status == ForumStatus::Announced {
                        <HeldForm forum={f.clone()} on_done={on_change.clone()} />
                        <CancelForum forum={f.clone()} on_done={on_change.clone()} />
                    }
                    if f.status == ForumStatus::Held {
                        <section class="panel forum-minutes">
                            <h2>{ i18n.t("forum.minutes") }</h2>
                            if let Some(minutes) = &f.minutes {
                                <p class="minutes">{ minutes }</p>
                            }
                            if may_run {
                                <HeldForm forum={f.clone()} on_done={on_change.clone()} />
                            }
                        </section>
                    }
                    <ForumInputs forum={f.clone()} may_run={may_run && open} on_change={on_change.clone()} />
                    <ForumCommitments forum={f.clone()} may_run={may_run && open} on_change={on_change.clone()} />
                </>
            }
        }
        None if forum.state.loading => html! { <Loading /> },
        None => html! {},
    };
    let title =
        forum.state.data.as_ref().map(|f| f.topic.clone()).unwrap_or_else(|| i18n.t("nav.forum_detail").to_owned());
    html! {
        <section class="page forum-detail">
            <p class="breadcrumb"><Link<Route> to={Route::Forums}>{ i18n.t("forum.back") }</Link<Route>></p>
            <h1>{ title }</h1>
            <ErrorBanner error={forum.state.error.clone()} on_retry={forum.reload.clone()} />
            { body }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct ForumProps {
    forum: Rc<Forum>,
}

/// Unit, date, place, status, description, and the way to the public page.
#[component]
fn Facts(props: &ForumProps) -> Html {
    let i18n = use_i18n();
    let f = &props.forum;
    html! {
        <section class="panel forum-facts">
            <dl class="facts">
                <dt>{ i18n.t("forum.status") }</dt>
                <dd><ForumBadge status={f.status} /></dd>
                <dt>{ i18n.t("forum.unit") }</dt>
                <dd>{ &f.unit_name }</dd>
                <dt>{ i18n.t("forum.date") }</dt>
                <dd>{ format::date(&f.date) }</dd>
                <dt>{ i18n.t("forum.place") }</dt>
                <dd>{ &f.place }</dd>
                if let Some(d) = &f.description {
                    <dt>{ i18n.t("forum.description") }</dt>
                    <dd class="prewrap">{ d }</dd>
                }
            </dl>
            if f.status != ForumStatus::Cancelled {
                <p>
                    <Link<Route> to={Route::PublicForum { id: f.id }}>{ i18n.t("forum.public_page") }</Link<Route>>
                </p>
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct ChangeProps {
    forum: Rc<Forum>,
    on_done: Callback<String>,
}

/// An announced forum is recorded held with its minutes; a held one's minutes can be corrected.
#[component]
fn HeldForm(props: &ChangeProps) -> Html {
    let i18n = use_i18n();
    let held = props.forum.status == ForumStatus::Held;
    let minutes = {
        let start = props.forum.minutes.clone().unwrap_or_default();
        use_state(move || start)
    };
    let write = use_write();
    let short = use_state(|| false);
    let onsubmit = {
        let (minutes, write, short) = (minutes.clone(), write.clone(), short.clone());
        let (id, on_done, i18n) = (props.forum.id, props.on_done.clone(), i18n.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let text = minutes.trim().to_owned();
            let too_short = text.chars().count() < MINUTES_MIN;
            short.set(too_short);
            if too_short {
                return;
            }
            let body = ForumPatch {
                status: (!held).then_some(ForumStatus::Held),
                minutes: Some(text),
                ..ForumPatch::default()
            };
            let (on_done, i18n) = (on_done.clone(), i18n.clone());
            write.run(async move { api::forums::update(id, &body).await }, move |_| {
                on_done.emit(i18n.t(if held { "forum.minutes_saved" } else { "forum.held_done" }).to_owned())
            });
        })
    };
    let on_minutes = setter(&minutes);
    let field_error = if *short {
        Some(i18n.tf("forum.minutes_short", &[("min", &MINUTES_MIN.to_string())]))
    } else {
        write.field("minutes")
    };
    let form = html! {
        <form {onsubmit} novalidate=true>
            <Field id="forum-minutes" label={i18n.t("forum.minutes").to_owned()} rows={Some(6)}
                value={(*minutes).clone()} on_input={on_minutes} required=true error={field_error}
                hint={Some(AttrValue::from(i18n.t("forum.minutes_hint")))} />
            <ErrorBanner error={write.error.clone()} shown_fields={&["minutes"][..]} />
            <button type="submit" class="button-primary" disabled={write.busy}>
                { i18n.t(if held { "forum.save_minutes" } else { "forum.mark_held" }) }
            </button>
        </form>
    };
    if held {
        html! {
            <details class="minutes-edit">
                <summary>{ i18n.t("forum.edit_minutes") }</summary>
                { form }
            </details>
        }
    } else {
        html! {
            <section class="panel">
                <h2>{ i18n.t("forum.held_title") }</h2>
                { form }
            </section>
        }
    }
}

/// Cancelling asks first: citizens see it cancelled and can no longer send aspirasi.
#[component]
fn CancelForum(props: &ChangeProps) -> Html {
    let i18n = use_i18n();
    let asking = use_state(|| false);
    let write = use_write();
    let on_confirm = {
        let asking = asking.clone();
        let (id, on_done, i18n) = (props.forum.id, props.on_done.clone(), i18n.clone());
        write.action(
            move |()| {
                let body = ForumPatch { status: Some(ForumStatus::Cancelled), ..ForumPatch::default() };
                async move { api::forums::update(id, &body).await }
            },
            move |_| {
                asking.set(false);
                on_done.emit(i18n.t("forum.cancelled_done").to_owned());
            },
        )
    };
    let on_cancel = {
        let asking = asking.clone();
        Callback::from(move |()| asking.set(false))
    };
    let ask = {
        let asking = asking.clone();
        Callback::from(move |_: MouseEvent| asking.set(true))
    };
    html! {
        <section class="panel forum-cancel">
            if *asking {
                <Confirm text={i18n.t("forum.cancel_confirm").to_owned()} confirm_label={i18n.t("forum.cancel_yes").to_owned()}
                    {on_confirm} {on_cancel} busy={write.busy} />
            } else {
                <button type="button" class="button-quiet button-danger" onclick={ask}>{ i18n.t("forum.cancel") }</button>
            }
            <ErrorBanner error={write.error.clone()} />
        </section>
    }
}
