//! Umpan Balik: the continuous feedback between an employee and the penilai, with replies, and
//! the performance dialogues (dialog kinerja) with their agreed follow-ups. The penilai writes
//! feedback and records dialogues; both reply. `/umpan-balik` is my own thread (and, for a
//! penilai, the way to each subordinate's); `/umpan-balik/{employee_id}` is someone's.

use super::activities::my_rhk;
use super::dialog_form::DialogForm;
use crate::api::{self, ApiError};
use crate::components::{ErrorBanner, Field, Loading, Notice, SelectField};
use crate::format;
use crate::hooks::use_remote;
use crate::i18n::use_i18n;
use crate::route::Route;
use crate::validation;
use kinerja_domain::CoreValue;
use kinerja_types::{Dialog, Employee, Feedback, Me, NewFeedback};
use std::collections::HashMap;
use std::rc::Rc;
use yew::platform::spawn_local;
use yew::prelude::*;
use yew_router::prelude::*;

/// The fields the feedback forms show their own errors for.
const FIELDS: &[&str] = &["text", "rhk_id", "core_value"];

#[derive(Properties, PartialEq)]
pub struct FeedbackPageProps {
    pub me: Rc<Me>,
    /// Whose thread; `None` for my own.
    pub employee_id: Option<i64>,
}

#[component]
pub fn FeedbackPage(props: &FeedbackPageProps) -> Html {
    let i18n = use_i18n();
    let flash = use_state(|| None::<String>);
    let my_id = props.me.employee.as_ref().map(|e| e.id);
    let subject = props.employee_id.or(my_id);
    // My own record comes with the session; anyone else's is read (within visibility).
    let own = props.me.employee.clone();
    let person = use_remote(subject, move |id| {
        let own = own.clone();
        async move {
            match (id, own) {
                (Some(id), Some(own)) if own.id == id => Ok(Some(own)),
                (Some(id), _) => api::employees::get(id).await.map(Some),
                (None, _) => Ok(None),
            }
        }
    });
    let thread = use_remote(subject, |id| async move {
        match id {
            Some(id) => api::feedback::thread(id).await.map(|p| p.items),
            None => Ok(Vec::new()),
        }
    });
    let dialogs = use_remote(subject, |id| async move {
        match id {
            Some(id) => api::feedback::dialogs(id).await.map(|p| p.items),
            None => Ok(Vec::new()),
        }
    });
    // The RHK are only names for the feedback; whoever may not read the plan sees numbers.
    let rhk = use_remote(subject, |id| async move {
        let list = match id {
            Some(id) => my_rhk(id, format::current_year()).await.unwrap_or_default(),
            None => Vec::new(),
        };
        Ok::<_, ApiError>(list.into_iter().map(|r| (r.id, r.text)).collect::<Vec<_>>())
    });
    {
        let flash = flash.clone();
        use_effect_with(subject, move |_| flash.set(None));
    }

    let Some(subject) = subject else {
        return html! {
            <section class="page">
                <h1>{ i18n.t("feedback.title") }</h1>
                <p>{ i18n.t("profile.no_employee") }</p>
            </section>
        };
    };
    let employee: Option<Employee> = person.state.data.as_deref().cloned().flatten();
    let is_self = my_id == Some(subject);
    let is_penilai = my_id.is_some() && employee.as_ref().is_some_and(|e| e.supervisor_id == my_id);
    let may_reply = is_self || is_penilai;
    let rhk_names: Rc<Vec<(i64, String)>> = rhk.state.data.clone().unwrap_or_default();

    let written = {
        let flash = flash.clone();
        let reload = thread.reload.clone();
        Callback::from(move |message: String| {
            flash.set(Some(message));
            reload.emit(());
        })
    };
    let recorded = {
        let flash = flash.clone();
        let reload = dialogs.reload.clone();
        Callback::from(move |message: String| {
            flash.set(Some(message));
            reload.emit(());
        })
    };

    let heading = match &employee {
        Some(e) if !is_self => html! {
            <p class="lead">{ i18n.tf("feedback.about", &[("name", &e.name), ("position", &e.position_title)]) }</p>
        },
        _ => html! { <p class="lead">{ i18n.t("feedback.lead_self") }</p> },
    };
    html! {
        <section class="page">
            <h1>{ i18n.t("feedback.title") }</h1>
            { heading }
            if let Some(text) = &*flash {
                <Notice text={text.clone()} />
            }
            <ErrorBanner error={person.state.error.clone()} on_retry={person.reload.clone()} />
            if is_self && props.me.is_supervisor {
                <Subordinates me={props.me.clone()} />
            }
            <section class="panel">
                <h2>{ i18n.t("feedback.thread") }</h2>
                <ErrorBanner error={thread.state.error.clone()} on_retry={thread.reload.clone()} />
                { match &thread.state.data {
                    Some(items) => html! {
                        <Thread items={items.clone()} employee_id={subject} {may_reply} rhk={rhk_names.clone()}
                            on_written={written.clone()} />
                    },
                    None if thread.state.loading => html! { <Loading /> },
                    None => html! {},
                } }
                if is_penilai {
                    <WriteFeedback employee_id={subject} rhk={rhk_names.clone()} on_written={written.clone()} />
                }
            </section>
            <section class="panel">
                <h2>{ i18n.t("dialog.title") }</h2>
                <ErrorBanner error={dialogs.state.error.clone()} on_retry={dialogs.reload.clone()} />
                { match &dialogs.state.data {
                    Some(items) if items.is_empty() => html! { <p class="muted">{ i18n.t("dialog.empty") }</p> },
                    Some(items) => html! { <DialogList items={items.clone()} /> },
                    None if dialogs.state.loading => html! { <Loading /> },
                    None => html! {},
                } }
                if is_penilai {
                    <DialogForm employee_id={subject} on_recorded={recorded} />
                }
            </section>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct SubordinatesProps {
    me: Rc<Me>,
}

/// A penilai's way to each direct subordinate's thread.
#[component]
fn Subordinates(props: &SubordinatesProps) -> Html {
    let i18n = use_i18n();
    let my_id = props.me.employee.as_ref().map(|e| e.id);
    let team = use_remote(my_id, |id| async move {
        match id {
            Some(id) => api::employees::subordinates(id).await.map(|p| p.items),
            None => Ok(Vec::new()),
        }
    });
    let body = match team.state.data.as_deref().map(Vec::as_slice) {
        Some([]) => html! { <p class="muted">{ i18n.t("team.no_members") }</p> },
        Some(people) => html! {
            <ul class="link-list">
                { for people.iter().map(|e| html! {
                    <li key={e.id}>
                        <Link<Route> to={Route::Feedback { employee_id: e.id }}>{ &e.name }</Link<Route>>
                        { " " }<span class="muted">{ &e.position_title }</span>
                    </li>
                }) }
            </ul>
        },
        None if team.state.loading => html! { <Loading /> },
        None => html! {},
    };
    html! {
        <section class="panel">
            <h2>{ i18n.t("feedback.team") }</h2>
            <p class="muted">{ i18n.t("feedback.team_hint") }</p>
            <ErrorBanner error={team.state.error.clone()} on_retry={team.reload.clone()} />
            { body }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct ThreadProps {
    items: Rc<Vec<Feedback>>,
    employee_id: i64,
    may_reply: bool,
    rhk: Rc<Vec<(i64, String)>>,
    on_written: Callback<String>,
}

/// Each piece of feedback, oldest first, with its replies under it.
#[component]
fn Thread(props: &ThreadProps) -> Html {
    let i18n = use_i18n();
    if props.items.is_empty() {
        return html! { <p class="muted">{ i18n.t("feedback.empty") }</p> };
    }
    let known: Vec<i64> = props.items.iter().map(|f| f.id).collect();
    let mut replies: HashMap<i64, Vec<&Feedback>> = HashMap::new();
    let mut roots = Vec::new();
    for f in props.items.iter() {
        match f.parent_id.filter(|p| known.contains(p)) {
            Some(parent) => replies.entry(parent).or_default().push(f),
            None => roots.push(f),
        }
    }
    html! {
        <ol class="thread">
            { for roots.into_iter().map(|root| {
                let answers = replies.get(&root.id).cloned().unwrap_or_default();
                html! {
                    <li key={root.id} class="thread-item">
                        <FeedbackEntry feedback={root.clone()} rhk={props.rhk.clone()} />
                        if !answers.is_empty() {
                            <ol class="replies">
                                { for answers.into_iter().map(|reply| html! {
                                    <li key={reply.id}><FeedbackEntry feedback={reply.clone()} rhk={props.rhk.clone()} /></li>
                                }) }
                            </ol>
                        }
                        if props.may_reply {
                            <Reply employee_id={props.employee_id} parent_id={root.id} on_written={props.on_written.clone()} />
                        }
                    </li>
                }
            }) }
        </ol>
    }
}

#[derive(Properties, PartialEq)]
pub struct FeedbackEntryProps {
    pub feedback: Feedback,
    /// Names of the RHK feedback may be about, by id.
    pub rhk: Rc<Vec<(i64, String)>>,
}

/// One piece of feedback: author, time, its tags and the text (also shown as rating evidence).
#[component]
pub fn FeedbackEntry(props: &FeedbackEntryProps) -> Html {
    let i18n = use_i18n();
    let f = &props.feedback;
    let rhk = f.rhk_id.map(|id| {
        props.rhk.iter().find(|(r, _)| *r == id).map(|(_, text)| text.clone()).unwrap_or_else(|| format!("RHK #{id}"))
    });
    html! {
        <article class="feedback">
            <header class="feedback-head">
                <strong>{ &f.author_name }</strong>
                <span class="muted">{ format::instant(&f.created_at, i18n.lang()) }</span>
            </header>
            if f.core_value.is_some() || rhk.is_some() {
                <p class="feedback-tags">
                    if let Some(value) = f.core_value {
                        <span class="chip">{ i18n.word("core_value", value.as_str()) }</span>
                    }
                    if let Some(text) = rhk {
                        <span class="chip">{ text }</span>
                    }
                </p>
            }
            <p class="feedback-text">{ &f.text }</p>
        </article>
    }
}

#[derive(Properties, PartialEq)]
struct ReplyProps {
    employee_id: i64,
    parent_id: i64,
    on_written: Callback<String>,
}

/// "Balas": folded into a button until asked for.
#[component]
fn Reply(props: &ReplyProps) -> Html {
    let i18n = use_i18n();
    let open = use_state(|| false);
    let text = use_state(String::new);
    let invalid = use_state(|| None::<String>);
    let busy = use_state(|| false);
    let error = use_state(|| None::<ApiError>);
    if !*open {
        let open = open.clone();
        return html! {
            <button type="button" class="button-quiet button-small" onclick={move |_| open.set(true)}>
                { i18n.t("feedback.reply") }
            </button>
        };
    }
    let onsubmit = {
        let text = text.clone();
        let invalid = invalid.clone();
        let busy = busy.clone();
        let error = error.clone();
        let open = open.clone();
        let on_written = props.on_written.clone();
        let i18n = i18n.clone();
        let (employee_id, parent_id) = (props.employee_id, props.parent_id);
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if *busy {
                return;
            }
            let request = NewFeedback {
                employee_id,
                text: text.trim().to_owned(),
                rhk_id: None,
                core_value: None,
                parent_id: Some(parent_id),
            };
            if let Some(message) = validation::check(&request, &i18n).remove("text") {
                invalid.set(Some(message));
                return;
            }
            invalid.set(None);
            busy.set(true);
            error.set(None);
            let text = text.clone();
            let busy = busy.clone();
            let error = error.clone();
            let open = open.clone();
            let on_written = on_written.clone();
            let done = i18n.t("feedback.replied").to_owned();
            spawn_local(async move {
                match api::feedback::write(&request).await {
                    Ok(_) => {
                        text.set(String::new());
                        open.set(false);
                        on_written.emit(done);
                    }
                    Err(e) => error.set(Some(e)),
                }
                busy.set(false);
            });
        })
    };
    let on_text = {
        let text = text.clone();
        Callback::from(move |v: String| text.set(v))
    };
    let cancel = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(false))
    };
    html! {
        <form class="form reply-form" {onsubmit} novalidate=true>
            <ErrorBanner error={(*error).clone()} shown_fields={FIELDS} />
            <Field id={format!("reply-{}", props.parent_id)} label={i18n.t("feedback.reply_text").to_owned()}
                value={(*text).clone()} rows={2} on_input={on_text} required=true
                error={(*invalid).clone().or_else(|| error.as_ref().and_then(|e| e.field("text")))} />
            <div class="actions">
                <button type="submit" class="button-primary" disabled={*busy}>
                    { if *busy { i18n.t("common.saving") } else { i18n.t("feedback.reply_send") } }
                </button>
                <button type="button" class="button-quiet" onclick={cancel} disabled={*busy}>{ i18n.t("common.cancel") }</button>
            </div>
        </form>
    }
}

#[derive(Properties, PartialEq)]
struct WriteFeedbackProps {
    employee_id: i64,
    rhk: Rc<Vec<(i64, String)>>,
    on_written: Callback<String>,
}

/// The penilai's new feedback, optionally on an RHK or a core value.
#[component]
fn WriteFeedback(props: &WriteFeedbackProps) -> Html {
    let i18n = use_i18n();
    let text = use_state(String::new);
    let rhk_id = use_state(String::new);
    let core_value = use_state(String::new);
    let invalid = use_state(|| None::<String>);
    let busy = use_state(|| false);
    let error = use_state(|| None::<ApiError>);
    let onsubmit = {
        let text = text.clone();
        let rhk_id = rhk_id.clone();
        let core_value = core_value.clone();
        let invalid = invalid.clone();
        let busy = busy.clone();
        let error = error.clone();
        let on_written = props.on_written.clone();
        let i18n = i18n.clone();
        let employee_id = props.employee_id;
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if *busy {
                return;
            }
            let request = NewFeedback {
                employee_id,
                text: text.trim().to_owned(),
                rhk_id: rhk_id.parse().ok(),
                core_value: core_value.parse::<CoreValue>().ok(),
                parent_id: None,
            };
            if let Some(message) = validation::check(&request, &i18n).remove("text") {
                invalid.set(Some(message));
                return;
            }
            invalid.set(None);
            busy.set(true);
            error.set(None);
            let text = text.clone();
            let rhk_id = rhk_id.clone();
            let core_value = core_value.clone();
            let busy = busy.clone();
            let error = error.clone();
            let on_written = on_written.clone();
            let done = i18n.t("feedback.written").to_owned();
            spawn_local(async move {
                match api::feedback::write(&request).await {
                    Ok(_) => {
                        text.set(String::new());
                        rhk_id.set(String::new());
                        core_value.set(String::new());
                        on_written.emit(done);
                    }
                    Err(e) => error.set(Some(e)),
                }
                busy.set(false);
            });
        })
    };
    let set = crate::hooks::setter;
    let none = || (AttrValue::from(""), AttrValue::from(i18n.t("feedback.none_chosen").to_owned()));
    let rhk_options: Vec<(AttrValue, AttrValue)> = std::iter::once(none())
        .chain(props.rhk.iter().map(|(id, text)| (AttrValue::from(id.to_string()), AttrValue::from(text.clone()))))
        .collect();
    let value_options: Vec<(AttrValue, AttrValue)> = std::iter::once(none())
        .chain(
            CoreValue::ALL
                .iter()
                .map(|v| (AttrValue::from(v.as_str()), AttrValue::from(i18n.word("core_value", v.as_str())))),
        )
        .collect();
    html! {
        <form class="form write-feedback" {onsubmit} novalidate=true>
            <h3>{ i18n.t("feedback.write") }</h3>
            <ErrorBanner error={(*error).clone()} shown_fields={FIELDS} />
            <Field id="feedback-text" label={i18n.t("feedback.text").to_owned()} value={(*text).clone()} rows={3}
                on_input={set(&text)} required=true
                error={(*invalid).clone().or_else(|| error.as_ref().and_then(|e| e.field("text")))} />
            <div class="form-grid">
                <SelectField id="feedback-rhk" label={i18n.t("feedback.rhk").to_owned()} value={(*rhk_id).clone()}
                    options={rhk_options} on_change={set(&rhk_id)} error={error.as_ref().and_then(|e| e.field("rhk_id"))} />
                <SelectField id="feedback-core-value" label={i18n.t("feedback.core_value").to_owned()}
                    value={(*core_value).clone()} options={value_options} on_change={set(&core_value)}
                    error={error.as_ref().and_then(|e| e.field("core_value"))} />
            </div>
            <button type="submit" class="button-primary" disabled={*busy}>
                { if *busy { i18n.t("common.saving") } else { i18n.t("feedback.send") } }
            </button>
        </form>
    }
}

#[derive(Properties, PartialEq)]
struct DialogListProps {
    items: Rc<Vec<Dialog>>,
}

/// The dialogues, newest first, each with its follow-ups and whether they are done.
#[component]
fn DialogList(props: &DialogListProps) -> Html {
    let i18n = use_i18n();
    html! {
        <ol class="dialogs">
            { for props.items.iter().map(|d| html! {
                <li key={d.id} class="dialog">
                    <h3>{ i18n.tf("dialog.on", &[("date", &format::date(&d.date))]) }</h3>
                    <p class="dialog-notes">{ &d.notes }</p>
                    if !d.follow_ups.is_empty() {
                        <h4>{ i18n.t("dialog.follow_ups") }</h4>
                        <ul class="follow-ups">
                            { for d.follow_ups.iter().map(|f| html! {
                                <li class={classes!(f.done.then_some("done"))}>
                                    <span class="follow-up-state">
                                        { if f.done { i18n.t("dialog.done") } else { i18n.t("dialog.open") } }
                                    </span>
                                    { " " }{ &f.text }
                                    if let Some(due) = f.due_date {
                                        { " " }<span class="muted">{ i18n.tf("dialog.due", &[("date", &format::date(&due))]) }</span>
                                    }
                                </li>
                            }) }
                        </ul>
                    }
                </li>
            }) }
        </ol>
    }
}
