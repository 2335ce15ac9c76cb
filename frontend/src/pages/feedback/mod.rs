//! Umpan Balik: the continuous feedback between an employee and the penilai, with replies, and
//! the performance dialogues (dialog kinerja) with their agreed follow-ups. The penilai writes
//! feedback and records dialogues; both reply. `/umpan-balik` is my own thread (and, for a
//! penilai, the way to each subordinate's); `/umpan-balik/{employee_id}` is someone's.

use super::activities::my_rhk;
use super::dialog_form::DialogForm;
use crate::api::{self, ApiError};
use crate::components::{use_toast, ErrorBanner, Field, Loading, SelectField};
use crate::format;
use crate::hooks::{setter, use_form, use_remote, use_write, Invalid};
use crate::i18n::use_i18n;
use crate::route::Route;
use crate::validation;
use kinerja_domain::CoreValue;
use kinerja_types::{Dialog, Employee, Feedback, Me, NewFeedback};
use std::collections::HashMap;
use std::rc::Rc;
use yew::prelude::*;
use yew_router::prelude::*;

mod dialogs;
mod thread;
mod write_feedback;

use dialogs::*;
pub use thread::FeedbackEntry;
use thread::*;
use write_feedback::*;

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
    let toast = use_toast();
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
        let toast = toast.clone();
        let reload = thread.reload.clone();
        Callback::from(move |message: String| {
            toast.say(message);
            reload.emit(());
        })
    };
    let recorded = {
        let toast = toast.clone();
        let reload = dialogs.reload.clone();
        Callback::from(move |message: String| {
            toast.say(message);
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
