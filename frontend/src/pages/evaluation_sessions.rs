//! Evaluasi Kinerja: the evaluation meetings of a unit's leadership (periodic or annual) with who
//! attended, who was discussed, what was decided and the follow-ups with their owners and due
//! dates. Heads and admins record them (auditors read); the owners of follow-ups see theirs and
//! report them done with a note.

use super::session_form::SessionForm;
use super::PageProps;
use crate::api;
use crate::components::{use_toast, ErrorBanner, Loading, TaskBadge, TaskDone, TaskKind, UnitSelect, YearPicker};
use crate::format;
use crate::hooks::use_remote;
use crate::i18n::{use_i18n, I18n};
use kinerja_domain::oversight::TaskStatus;
use kinerja_domain::Role;
use kinerja_types::{EvaluationSession, Me, SessionFollowUp};
use std::rc::Rc;
use yew::prelude::*;

#[component]
pub fn EvaluationSessions(props: &PageProps) -> Html {
    let i18n = use_i18n();
    let me = &props.me;
    let oversees = [Role::KepalaUnit, Role::Admin, Role::Auditor].iter().any(|r| me.has(*r));
    let records = me.has(Role::KepalaUnit) || me.has(Role::Admin);
    let mine = use_remote((), |()| api::evaluation_sessions::follow_ups());
    let my_id = me.employee.as_ref().map(|e| e.id);
    let own: Vec<SessionFollowUp> = mine
        .state
        .data
        .iter()
        .flat_map(|all| all.iter())
        .filter(|f| !oversees || Some(f.owner_id) == my_id)
        .cloned()
        .collect();
    html! {
        <section class="page evaluation-sessions">
            <h1>{ i18n.t("session.title") }</h1>
            <p class="lead">{ i18n.t("session.lead") }</p>
            if my_id.is_some() && (!oversees || !own.is_empty()) {
                <section class="panel my-follow-ups">
                    <h2>{ i18n.t("session.my_follow_ups") }</h2>
                    <ErrorBanner error={mine.state.error.clone()} on_retry={mine.reload.clone()} />
                    if own.is_empty() && !mine.state.loading {
                        <p class="muted">{ i18n.t("session.no_follow_ups") }</p>
                    }
                    <ol class="follow-up-list">
                        { for own.iter().map(|f| follow_up(f, true, "mine", &mine.reload, &i18n)) }
                    </ol>
                </section>
            }
            if oversees {
                <Sessions me={me.clone()} {records} />
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct SessionsProps {
    me: Rc<Me>,
    records: bool,
}

/// The sessions of a unit and year, and the form that records one.
#[component]
fn Sessions(props: &SessionsProps) -> Html {
    let i18n = use_i18n();
    let city_wide = props.me.has(Role::Admin) || props.me.has(Role::Auditor);
    let unit = use_state(|| props.me.unit_id);
    let year = use_state(format::current_year);
    let sessions = use_remote((*unit, *year), |(unit, year)| api::evaluation_sessions::list(unit, year));
    let on_unit = {
        let unit = unit.clone();
        Callback::from(move |u: Option<i64>| unit.set(u))
    };
    let on_year = {
        let year = year.clone();
        Callback::from(move |y: i32| year.set(y))
    };
    let toast = use_toast();
    let on_recorded = {
        let (toast, reload, i18n) = (toast.clone(), sessions.reload.clone(), i18n.clone());
        Callback::from(move |s: EvaluationSession| {
            toast.say(i18n.tf("session.recorded", &[("title", &s.title)]));
            reload.emit(());
        })
    };
    let body = match sessions.state.data.as_deref().map(Vec::as_slice) {
        Some([]) => html! { <p class="muted">{ i18n.t("session.none") }</p> },
        Some(list) => html! {
            <div class="sessions">
                { for list.iter().map(|s| html! {
                    <SessionView key={s.id} session={Rc::new(s.clone())} may_act={props.records}
                        on_change={sessions.reload.clone()} />
                }) }
            </div>
        },
        None if sessions.state.loading => html! { <Loading /> },
        None => html! {},
    };
    let every = city_wide.then(|| AttrValue::from(i18n.t("session.all_units").to_owned()));
    html! {
        <>
            <section class="panel">
                <h2>{ i18n.t("session.list") }</h2>
                <div class="toolbar">
                    <UnitSelect id="session-unit-filter" label={i18n.t("session.unit").to_owned()} me={props.me.clone()}
                        value={*unit} on_change={on_unit} empty={every} />
                    <YearPicker id="session-year" value={*year} on_change={on_year} />
                </div>
                <ErrorBanner error={sessions.state.error.clone()} on_retry={sessions.reload.clone()} />
                { body }
            </section>
            if props.records {
                <SessionForm me={props.me.clone()} unit_id={*unit} on_done={on_recorded} />
            }
        </>
    }
}

#[derive(Properties, PartialEq)]
struct SessionViewProps {
    session: Rc<EvaluationSession>,
    may_act: bool,
    on_change: Callback<()>,
}

/// One session: kind, date, unit, attendees, who was discussed, decisions and follow-ups.
#[component]
fn SessionView(props: &SessionViewProps) -> Html {
    let i18n = use_i18n();
    let s = &props.session;
    html! {
        <article class="session" data-session={s.id.to_string()}>
            <h3>{ &s.title }</h3>
            <p class="feedback-head">
                <span class="chip">{ i18n.vocab("session_kind", s.kind.as_str(), s.kind.label()) }</span>
                <span>{ format::date(&s.held_on) }</span>
                <span class="muted">{ &s.unit_name }</span>
            </p>
            <dl class="facts">
                <dt>{ i18n.t("session.attendees") }</dt>
                <dd><ul class="plain">{ for s.attendees.iter().map(|a| html! { <li>{ a }</li> }) }</ul></dd>
                if !s.employees.is_empty() {
                    <dt>{ i18n.t("session.employees") }</dt>
                    <dd>{ s.employees.iter().map(|e| e.name.as_str()).collect::<Vec<_>>().join(", ") }</dd>
                }
                <dt>{ i18n.t("session.decisions") }</dt>
                <dd class="prewrap">{ &s.decisions }</dd>
                <dt>{ i18n.t("session.recorded_by") }</dt>
                <dd>{ &s.created_by }</dd>
            </dl>
            if !s.follow_ups.is_empty() {
                <h4>{ i18n.t("session.follow_ups") }</h4>
                <ol class="follow-up-list">
                    { for s.follow_ups.iter().map(|f| follow_up(f, props.may_act, "session", &props.on_change, &i18n)) }
                </ol>
            }
        </article>
    }
}

/// A follow-up: what, who, by when, where it stands, and while open the "done" form (when `may_act`).
fn follow_up(f: &SessionFollowUp, may_act: bool, place: &str, on_done: &Callback<()>, i18n: &I18n) -> Html {
    html! {
        <li key={format!("{place}-{}", f.id)} class={classes!("follow-up", f.overdue.then_some("overdue"))}
            data-follow-up={f.id.to_string()}>
            <p class="feedback-head">
                <strong>{ &f.description }</strong>
                <TaskBadge status={f.status} overdue={f.overdue} />
            </p>
            <p class="small">
                <span class="muted">{ i18n.t("session.owner") }{ ": " }</span>{ &f.owner_name }
                <span class="muted">{ " · " }{ i18n.t("forum.due_on") }{ ": " }</span>{ format::date(&f.due_on) }
            </p>
            if let Some(note) = &f.done_note {
                <p class="public-response"><span class="muted">{ i18n.t("task.done_note") }{ ": " }</span>{ note }</p>
            }
            if may_act && f.status == TaskStatus::Open {
                <TaskDone kind={TaskKind::FollowUp} task_id={f.id} on_done={on_done.clone()} place={place.to_owned()} />
            }
        </li>
    }
}
