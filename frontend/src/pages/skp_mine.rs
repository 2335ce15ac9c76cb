//! SKP Saya: the signed-in employee's plan for a year. Create it, add and remove RHK with their
//! indicators, set the BerAKHLAK expectations, submit it to the penilai, and once approved start
//! a revision. Older revisions stay readable.

use super::behavior_editor::BehaviorEditor;
use super::rhk_form::RhkForm;
use super::PageProps;
use crate::api;
use crate::components::skp_view::{BehaviorList, References, RevisionHistory, RhkList, SkpSummary};
use crate::components::{use_toast, Confirm, ErrorBanner, Loading, SelectField, YearPicker};
use crate::format;
use crate::hooks::{use_remote, use_write};
use crate::i18n::use_i18n;
use kinerja_domain::{Approach, PositionKind, SkpStatus};
use kinerja_types::{NewSkp, Skp};
use std::rc::Rc;
use yew::prelude::*;

#[component]
pub fn MySkp(props: &PageProps) -> Html {
    let i18n = use_i18n();
    let year = use_state(format::current_year);
    let toast = use_toast();
    let history_version = use_state(|| 0u32);
    let employee = props.me.employee.clone();
    let employee_id = employee.as_ref().map(|e| e.id);
    let plan = use_remote((employee_id, *year), |(id, year)| async move {
        match id {
            Some(id) => api::skp::current(id, year).await,
            None => Ok(None),
        }
    });
    // A JPT's RHK carries a goal of its unit's Perjanjian Kinerja; anyone else's an RHK of the
    // direct supervisor.
    let jpt_unit = employee.as_ref().filter(|e| e.position_kind == PositionKind::Jpt).map(|e| e.unit_id);
    let choices = use_remote((*year, jpt_unit), |(year, jpt_unit)| async move {
        let list: Vec<(i64, String)> = match jpt_unit {
            Some(unit) => api::pk::goals(unit, year).await?.items.into_iter().map(|g| (g.id, g.text)).collect(),
            None => api::skp::parent_choices(year).await?.items.into_iter().map(|r| (r.id, r.text)).collect(),
        };
        Ok(list)
    });
    let references = Rc::new({
        let known = choices.state.data.as_deref().cloned().unwrap_or_default().into_iter().collect();
        if jpt_unit.is_some() {
            References { pk_goals: known, ..References::default() }
        } else {
            References { parent_rhk: known, ..References::default() }
        }
    });

    // Something changed on the server: say so, read the plan and its history again.
    let changed = {
        let toast = toast.clone();
        let reload = plan.reload.clone();
        let history_version = history_version.clone();
        Callback::from(move |message: String| {
            toast.say(message);
            reload.emit(());
            history_version.set(history_version.wrapping_add(1));
        })
    };
    let on_year = {
        let year = year.clone();
        Callback::from(move |y| year.set(y))
    };

    if employee.is_none() {
        return html! {
            <section class="page">
                <h1>{ i18n.t("skp.mine_title") }</h1>
                <p>{ i18n.t("profile.no_employee") }</p>
            </section>
        };
    }

    let body = match plan.state.data.as_deref() {
        Some(None) => {
            let on_created = {
                let changed = changed.clone();
                let i18n = i18n.clone();
                Callback::from(move |_: Skp| changed.emit(i18n.t("skp.created").to_owned()))
            };
            html! { <CreateSkp year={*year} {on_created} /> }
        }
        Some(Some(skp)) => {
            let skp = Rc::new(skp.clone());
            let editable = matches!(skp.status, SkpStatus::Draft | SkpStatus::Returned);
            let on_rhk_added = {
                let changed = changed.clone();
                let i18n = i18n.clone();
                Callback::from(move |rhk: kinerja_types::Rhk| {
                    changed.emit(i18n.tf("rhk.added", &[("text", &rhk.text)]))
                })
            };
            let on_behaviors_saved = {
                let changed = changed.clone();
                let i18n = i18n.clone();
                Callback::from(move |_| changed.emit(i18n.t("behavior.saved").to_owned()))
            };
            html! {
                <>
                    <SkpSummary skp={skp.clone()} />
                    // Keyed by the year: a delete's error belongs to the plan it was shown with.
                    <RhkPanel key={*year} skp={skp.clone()} {references} {editable} on_changed={changed.clone()} />
                    if editable {
                        <RhkForm skp_id={skp.id} jpt={jpt_unit.is_some()}
                            choices={choices.state.data.clone()} choices_error={choices.state.error.clone()}
                            on_added={on_rhk_added} />
                    }
                    <section class="panel">
                        <h2>{ i18n.t("behavior.title") }</h2>
                        if editable {
                            <BehaviorEditor key={skp.id} skp_id={skp.id} behaviors={skp.behaviors.clone()}
                                on_saved={on_behaviors_saved} />
                        } else {
                            <BehaviorList behaviors={skp.behaviors.clone()} />
                        }
                    </section>
                    <PlanActions skp={skp.clone()} on_changed={changed.clone()} />
                    <RevisionHistory skp_id={skp.id} shown_id={skp.id} version={*history_version} />
                </>
            }
        }
        None if plan.state.loading => html! { <Loading /> },
        None => html! {},
    };
    html! {
        <section class="page">
            <h1>{ i18n.t("skp.mine_title") }</h1>
            <div class="toolbar">
                <YearPicker id="skp-year" value={*year} on_change={on_year} />
            </div>
            <ErrorBanner error={plan.state.error.clone()} on_retry={plan.reload.clone()} />
            { body }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct RhkPanelProps {
    skp: Rc<Skp>,
    references: Rc<References>,
    /// The plan is a draft or returned: its RHK may be deleted.
    editable: bool,
    /// Told the words to show once an RHK was deleted.
    on_changed: Callback<String>,
}

/// The plan's RHK, each deleted in place while the plan is editable.
#[component]
fn RhkPanel(props: &RhkPanelProps) -> Html {
    let i18n = use_i18n();
    let write = use_write();
    // The RHK whose delete runs.
    let deleting = use_state(|| None::<i64>);
    let on_delete = props.editable.then(|| {
        let (deleting, busy) = (deleting.clone(), write.busy);
        let (on_changed, done) = (props.on_changed.clone(), i18n.t("rhk.deleted").to_owned());
        let delete = write.action(api::skp::delete_rhk, move |()| on_changed.emit(done.clone()));
        Callback::from(move |id: i64| {
            if !busy {
                deleting.set(Some(id));
                delete.emit(id);
            }
        })
    });
    html! {
        <section class="panel">
            <h2>{ i18n.t("rhk.title") }</h2>
            <ErrorBanner error={write.error.clone()} />
            <RhkList rhk={props.skp.rhk.clone()} references={props.references.clone()} {on_delete}
                deleting={(*deleting).filter(|_| write.busy)} />
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct CreateSkpProps {
    year: i32,
    on_created: Callback<Skp>,
}

/// "Belum ada SKP": choose the approach and create the plan.
#[component]
fn CreateSkp(props: &CreateSkpProps) -> Html {
    let i18n = use_i18n();
    let approach = use_state(|| Approach::Kuantitatif);
    let write = use_write();
    let onsubmit = {
        let (approach, year) = (approach.clone(), props.year);
        let create = write.action(
            move |()| {
                let request = NewSkp { employee_id: None, year, approach: *approach };
                async move { api::skp::create(&request).await }
            },
            {
                let on_created = props.on_created.clone();
                move |skp| on_created.emit(skp)
            },
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            create.emit(());
        })
    };
    let options: Vec<(AttrValue, AttrValue)> = Approach::ALL
        .iter()
        .map(|a| (AttrValue::from(a.as_str()), AttrValue::from(i18n.word("approach", a.as_str()))))
        .collect();
    let on_change = {
        let approach = approach.clone();
        Callback::from(move |v: String| approach.set(v.parse().unwrap_or(*approach)))
    };
    html! {
        <form class="panel form" {onsubmit}>
            <h2>{ i18n.tf("skp.none_for_year", &[("year", &props.year.to_string())]) }</h2>
            <p class="muted">{ i18n.t("skp.create_hint") }</p>
            <ErrorBanner error={write.error.clone()} />
            <SelectField id="skp-approach" label={i18n.t("skp.approach").to_owned()}
                value={approach.as_str()} {options} {on_change} />
            <p class="field-hint">{ i18n.t(&format!("approach.{}.hint", approach.as_str())).to_owned() }</p>
            <button type="submit" class="button-primary" disabled={write.busy}>
                { if write.busy { i18n.t("common.saving").to_owned() } else { i18n.tf("skp.create", &[("year", &props.year.to_string())]) } }
            </button>
        </form>
    }
}

#[derive(Clone, Copy)]
enum PlanAction {
    Submit,
    Revise,
}

#[derive(Properties, PartialEq)]
struct PlanActionsProps {
    skp: Rc<Skp>,
    /// Told the words to show once the plan changed on the server.
    on_changed: Callback<String>,
}

/// What the owner can do with the plan as a whole: submit it (after a confirmation) while it is
/// editable, or start a revision once it is approved.
#[component]
fn PlanActions(props: &PlanActionsProps) -> Html {
    let i18n = use_i18n();
    let asking = use_state(|| false);
    let write = use_write();
    let skp = &props.skp;
    let run = |action: PlanAction, done: String| {
        let id = skp.id;
        let (asking, on_changed) = (asking.clone(), props.on_changed.clone());
        write.action(
            move |()| async move {
                match action {
                    PlanAction::Submit => api::skp::submit(id).await,
                    PlanAction::Revise => api::skp::revise(id).await,
                }
            },
            move |_| {
                asking.set(false);
                on_changed.emit(done.clone());
            },
        )
    };
    let ask = {
        let asking = asking.clone();
        Callback::from(move |_: MouseEvent| asking.set(true))
    };
    let cancel = {
        let asking = asking.clone();
        Callback::from(move |()| asking.set(false))
    };
    let content = match skp.status {
        SkpStatus::Draft | SkpStatus::Returned => {
            let submit = run(PlanAction::Submit, i18n.t("skp.submitted").to_owned());
            html! {
                <>
                    <h2>{ i18n.t("skp.submit_title") }</h2>
                    <p class="muted">{ i18n.t("skp.submit_hint") }</p>
                    if *asking {
                        <Confirm text={i18n.t("skp.submit_confirm").to_owned()}
                            confirm_label={i18n.t("skp.submit_yes").to_owned()}
                            on_confirm={submit} on_cancel={cancel} busy={write.busy} />
                    } else {
                        <button type="button" class="button-primary" onclick={ask}>{ i18n.t("skp.submit") }</button>
                    }
                </>
            }
        }
        SkpStatus::Submitted => html! {
            <p class="callout callout-info">{ i18n.t("skp.waiting") }</p>
        },
        SkpStatus::Approved if !skp.superseded => {
            let revise = run(PlanAction::Revise, i18n.t("skp.revised").to_owned());
            html! {
                <>
                    <h2>{ i18n.t("skp.revise_title") }</h2>
                    <p class="muted">{ i18n.t("skp.revise_hint") }</p>
                    if *asking {
                        <Confirm text={i18n.t("skp.revise_confirm").to_owned()}
                            confirm_label={i18n.t("skp.revise").to_owned()}
                            on_confirm={revise} on_cancel={cancel} busy={write.busy} />
                    } else {
                        <button type="button" class="button-quiet" onclick={ask}>{ i18n.t("skp.revise") }</button>
                    }
                </>
            }
        }
        SkpStatus::Approved => return html! {},
    };
    html! {
        <section class="panel">
            <ErrorBanner error={write.error.clone()} />
            { content }
        </section>
    }
}
