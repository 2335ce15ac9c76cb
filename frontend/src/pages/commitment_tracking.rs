//! A forum commitment as someone's target, for the forum's staff: make it an RHK of a named
//! official (with the superior's RHK it supports), report its progress, and keep its milestones.

use crate::api;
use crate::api::employees::EmployeeFilter;
use crate::components::{use_ask_first, Confirm, ErrorBanner, SelectField};
use crate::format;
use crate::hooks::{use_remote, use_write};
use crate::i18n::use_i18n;
use chrono::Datelike;
use kinerja_types::{CommitmentProgress, CommitmentTarget, ForumCommitment, NewMilestone};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TrackingProps {
    pub commitment: ForumCommitment,
    pub unit_id: i64,
    /// Something changed, in words: reload the forum and say it.
    pub changed: Callback<String>,
}

/// The official, the progress and the milestones of an open commitment.
#[component]
pub fn CommitmentTracking(props: &TrackingProps) -> Html {
    let c = &props.commitment;
    html! {
        <div class="commitment-tracking">
            if c.official_id.is_none() {
                <TargetForm commitment={c.clone()} unit_id={props.unit_id} changed={props.changed.clone()} />
            }
            <ProgressForm commitment={c.clone()} changed={props.changed.clone()} />
            <Milestones commitment={c.clone()} changed={props.changed.clone()} />
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct PartProps {
    commitment: ForumCommitment,
    #[prop_or_default]
    unit_id: i64,
    changed: Callback<String>,
}

/// Choose the official of the unit and the superior's RHK it supports.
#[component]
fn TargetForm(props: &PartProps) -> Html {
    let i18n = use_i18n();
    let write = use_write();
    let c = &props.commitment;
    let people = use_remote(props.unit_id, |unit| async move {
        let filter = EmployeeFilter { unit_id: Some(unit), page: 1, per_page: 100, ..EmployeeFilter::default() };
        api::employees::list(&filter).await.map(|p| p.items)
    });
    let picked = use_state(|| None::<i64>);
    let official = (*picked).or_else(|| people.state.data.as_ref().and_then(|p| p.first().map(|e| e.id)));
    let supervisor = people
        .state
        .data
        .as_ref()
        .and_then(|p| p.iter().find(|e| Some(e.id) == official).and_then(|e| e.supervisor_id));
    let year = c.due_on.year();
    let parents = use_remote((supervisor, year), |(sup, year)| async move {
        match sup {
            Some(id) => api::skp::current(id, year).await.map(|s| s.map(|s| s.rhk).unwrap_or_default()),
            None => Ok(Vec::new()),
        }
    });
    let parent = use_state(|| None::<i64>);
    let parent_id = (*parent).or_else(|| parents.state.data.as_ref().and_then(|r| r.first().map(|r| r.id)));
    let id = c.id;
    let submit = {
        let (changed, i18n) = (props.changed.clone(), i18n.clone());
        let run = write.action(
            move |body: CommitmentTarget| api::forums::target(id, body),
            move |_: ForumCommitment| changed.emit(i18n.t("commitment.targeted").to_owned()),
        );
        run
    };
    // It changes the official's plan (a revision of an approved one): asked once more first.
    let question = use_ask_first();
    let confirm = question.answered(move || {
        if let Some(employee_id) = official {
            submit.emit(CommitmentTarget { employee_id, parent_rhk_id: parent_id, pk_goal_id: None });
        }
    });
    let people_options: Vec<(AttrValue, AttrValue)> = people
        .state
        .data
        .iter()
        .flat_map(|p| p.iter())
        .map(|e| (AttrValue::from(e.id.to_string()), AttrValue::from(format!("{} ({})", e.name, e.position_title))))
        .collect();
    let parent_options: Vec<(AttrValue, AttrValue)> = parents
        .state
        .data
        .iter()
        .flat_map(|r| r.iter())
        .map(|r| (AttrValue::from(r.id.to_string()), AttrValue::from(r.text.clone())))
        .collect();
    let official_name = people
        .state
        .data
        .iter()
        .flat_map(|p| p.iter())
        .find(|e| Some(e.id) == official)
        .map(|e| e.name.clone())
        .unwrap_or_default();
    html! {
        <form class="form-grid target-form" onsubmit={question.ask.clone()} data-target-for={c.id.to_string()}>
            <h4>{ i18n.t("commitment.target_title") }</h4>
            <SelectField id={format!("target-official-{id}")} label={i18n.t("commitment.official").to_owned()}
                value={AttrValue::from(official.map(|o| o.to_string()).unwrap_or_default())} options={people_options}
                on_change={let p = picked.clone(); let parent = parent.clone(); Callback::from(move |v: String| { p.set(v.parse().ok()); parent.set(None); })} />
            if parents.state.error.is_some() {
                <p class="muted small">{ i18n.t("commitment.parent_hidden") }</p>
            } else {
                <SelectField id={format!("target-parent-{id}")} label={i18n.t("commitment.parent").to_owned()}
                    value={AttrValue::from(parent_id.map(|o| o.to_string()).unwrap_or_default())} options={parent_options}
                    on_change={let p = parent.clone(); Callback::from(move |v: String| p.set(v.parse().ok()))} />
            }
            <p class="muted small">{ i18n.t("commitment.target_hint") }</p>
            <ErrorBanner error={write.error.clone()} />
            if question.asking {
                <Confirm text={i18n.tf("commitment.target_confirm", &[("name", &official_name)])} confirm_label={i18n.t("commitment.target")}
                    on_confirm={confirm} on_cancel={question.cancel.clone()} busy={write.busy} />
            } else {
                <button type="submit" class="button-quiet" disabled={write.busy || official.is_none()}>{ i18n.t("commitment.target") }</button>
            }
        </form>
    }
}

/// The progress in percent, with a note the public reads.
#[component]
fn ProgressForm(props: &PartProps) -> Html {
    let i18n = use_i18n();
    let write = use_write();
    let c = &props.commitment;
    let percent = use_state(|| c.progress_percent.to_string());
    let bad = use_state(|| false);
    let note = use_state(|| c.progress_note.clone().unwrap_or_default());
    let id = c.id;
    let submit = {
        let (changed, i18n) = (props.changed.clone(), i18n.clone());
        let run = write.action(
            move |body: CommitmentProgress| api::forums::progress(id, body),
            move |_: ForumCommitment| changed.emit(i18n.t("commitment.saved").to_owned()),
        );
        let (percent, note, bad) = (percent.clone(), note.clone(), bad.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(p) = percent.trim().parse::<u8>().ok().filter(|p| *p <= 100) else {
                bad.set(true);
                return;
            };
            bad.set(false);
            let n = note.trim().to_owned();
            run.emit(CommitmentProgress { percent: p, note: (!n.is_empty()).then_some(n) });
        })
    };
    html! {
        <form class="form-grid progress-form" onsubmit={submit}>
            <label class="field">
                <span class="field-label">{ i18n.t("commitment.progress") }</span>
                <input id={format!("progress-{id}")} type="number" min="0" max="100" inputmode="numeric" value={(*percent).clone()}
                    oninput={let p = percent.clone(); Callback::from(move |e: InputEvent| p.set(e.target_unchecked_into::<web_sys::HtmlInputElement>().value()))} />
            </label>
            <label class="field">
                <span class="field-label">{ i18n.t("commitment.progress_note") }</span>
                <input id={format!("progress-note-{id}")} type="text" maxlength="1000" value={(*note).clone()}
                    oninput={let n = note.clone(); Callback::from(move |e: InputEvent| n.set(e.target_unchecked_into::<web_sys::HtmlInputElement>().value()))} />
            </label>
            if *bad {
                <p class="field-error" role="alert">{ i18n.t("commitment.bad_percent") }</p>
            }
            <ErrorBanner error={write.error.clone()} />
            <button type="submit" class="button-quiet" disabled={write.busy}>{ i18n.t("commitment.save_progress") }</button>
        </form>
    }
}

/// The milestones, each ticked when done, and a form for another.
#[component]
fn Milestones(props: &PartProps) -> Html {
    let i18n = use_i18n();
    let write = use_write();
    let c = &props.commitment;
    let id = c.id;
    let title = use_state(String::new);
    let due = use_state(|| c.due_on.to_string());
    let toggle = {
        let (changed, i18n) = (props.changed.clone(), i18n.clone());
        write.action(
            move |(m, done): (i64, bool)| api::forums::set_milestone(id, m, done),
            move |_: ForumCommitment| changed.emit(i18n.t("commitment.saved").to_owned()),
        )
    };
    let add = {
        let (changed, title_state, i18n) = (props.changed.clone(), title.clone(), i18n.clone());
        let run = write.action(
            move |body: NewMilestone| api::forums::add_milestone(id, body),
            move |_: ForumCommitment| {
                title_state.set(String::new());
                changed.emit(i18n.t("commitment.saved").to_owned());
            },
        );
        let (title, due) = (title.clone(), due.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if let Ok(due_on) = due.parse() {
                run.emit(NewMilestone { title: title.trim().to_owned(), due_on });
            }
        })
    };
    html! {
        <div class="milestones">
            <h4>{ i18n.t("commitment.milestones") }</h4>
            <ul class="milestone-list">
                { for c.milestones.iter().map(|m| {
                    let (mid, done) = (m.id, m.done);
                    let toggle = toggle.clone();
                    html! {
                        <li class="field-check">
                            <input id={format!("milestone-{mid}")} type="checkbox" checked={done} disabled={write.busy}
                                onchange={Callback::from(move |_: Event| toggle.emit((mid, !done)))} />
                            <label for={format!("milestone-{mid}")}>{ format!("{} · {}", m.title, format::date(&m.due_on)) }</label>
                        </li>
                    }
                }) }
            </ul>
            <form class="form-grid milestone-form" onsubmit={add}>
                <label class="field">
                    <span class="field-label">{ i18n.t("commitment.milestone") }</span>
                    <input id={format!("milestone-title-{id}")} type="text" maxlength="300" value={(*title).clone()}
                        oninput={let t = title.clone(); Callback::from(move |e: InputEvent| t.set(e.target_unchecked_into::<web_sys::HtmlInputElement>().value()))} />
                </label>
                <label class="field">
                    <span class="field-label">{ i18n.t("commitment.milestone_due") }</span>
                    <input id={format!("milestone-due-{id}")} type="date" value={(*due).clone()}
                        onchange={let d = due.clone(); Callback::from(move |e: Event| d.set(e.target_unchecked_into::<web_sys::HtmlInputElement>().value()))} />
                </label>
                <ErrorBanner error={write.error.clone()} />
                <button type="submit" class="button-quiet" disabled={write.busy || title.trim().len() < 3}>{ i18n.t("commitment.add_milestone") }</button>
            </form>
        </div>
    }
}
