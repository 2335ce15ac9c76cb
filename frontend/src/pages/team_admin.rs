//! The admin's part of Tim Penilai: every evaluation team with its decree, members and units, and
//! the form that forms a team or changes one.

use crate::api;
use crate::components::employee_picker::EmployeePicker;
use crate::components::{use_toast, CheckField, ErrorBanner, Field, Loading, SelectField};
use crate::hooks::{setter, use_form, use_remote};
use crate::i18n::use_i18n;
use kinerja_types::{Employee, EvaluationTeam, NewEvaluationTeam, TeamMember, TeamUnit, Unit};
use std::rc::Rc;
use yew::prelude::*;

#[component]
pub fn TeamAdmin() -> Html {
    let i18n = use_i18n();
    let teams = use_remote((), |()| api::evaluation_teams::list());
    // `None`: a new team; `Some`: the team being changed.
    let editing = use_state(|| None::<EvaluationTeam>);
    let toast = use_toast();
    let on_done = {
        let (editing, toast, reload, i18n) = (editing.clone(), toast.clone(), teams.reload.clone(), i18n.clone());
        Callback::from(move |team: EvaluationTeam| {
            editing.set(None);
            toast.say(i18n.tf("evteam.saved", &[("name", &team.name)]));
            reload.emit(());
        })
    };
    let on_cancel = {
        let editing = editing.clone();
        Callback::from(move |()| editing.set(None))
    };
    let col = |key: &str| i18n.t(key).to_owned();
    let list = match teams.state.data.as_deref().map(Vec::as_slice) {
        Some([]) => html! { <p class="muted">{ i18n.t("evteam.none") }</p> },
        Some(all) => html! {
            <div class="table-wrap">
                <table class="team-list">
                    <thead><tr>
                        <th scope="col">{ col("evteam.name") }</th>
                        <th scope="col">{ col("evteam.decree") }</th>
                        <th scope="col">{ col("evteam.members") }</th>
                        <th scope="col">{ col("evteam.units") }</th>
                        <th scope="col">{ col("evteam.state") }</th>
                        <th scope="col"><span class="sr-only">{ col("evteam.actions") }</span></th>
                    </tr></thead>
                    <tbody>
                        { for all.iter().map(|t| {
                            let edit = {
                                let (editing, team) = (editing.clone(), t.clone());
                                Callback::from(move |_: MouseEvent| editing.set(Some(team.clone())))
                            };
                            html! {
                                <tr key={t.id} data-team={t.id.to_string()}>
                                    <td data-label={col("evteam.name")}><strong>{ &t.name }</strong></td>
                                    <td data-label={col("evteam.decree")}>{ t.decree.clone().unwrap_or_else(|| "—".into()) }</td>
                                    <td data-label={col("evteam.members")}>{ t.members.iter().map(|m| m.name.as_str()).collect::<Vec<_>>().join(", ") }</td>
                                    <td data-label={col("evteam.units")}>{ t.units.iter().map(|u| u.name.as_str()).collect::<Vec<_>>().join(", ") }</td>
                                    <td data-label={col("evteam.state")}>
                                        <span class={classes!("badge", if t.active { "badge-approved" } else { "badge-draft" })}>
                                            { i18n.t(if t.active { "evteam.active" } else { "evteam.inactive" }) }
                                        </span>
                                    </td>
                                    <td data-label={col("evteam.actions")}>
                                        <button type="button" class="button-quiet button-small" onclick={edit}
                                            aria-label={i18n.tf("evteam.edit_named", &[("name", &t.name)])}>
                                            { i18n.t("evteam.edit") }
                                        </button>
                                    </td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
            </div>
        },
        None if teams.state.loading => html! { <Loading /> },
        None => html! {},
    };
    let key = editing.as_ref().map(|t| t.id.to_string()).unwrap_or_else(|| "new".to_owned());
    html! {
        <>
            <section class="panel">
                <h2>{ i18n.t("evteam.list") }</h2>
                <ErrorBanner error={teams.state.error.clone()} on_retry={teams.reload.clone()} />
                { list }
            </section>
            <TeamForm {key} team={(*editing).clone()} {on_done} {on_cancel} />
        </>
    }
}

/// What the team form holds.
#[derive(Clone, PartialEq)]
struct Draft {
    name: String,
    decree: String,
    active: bool,
    members: Vec<TeamMember>,
    units: Vec<TeamUnit>,
}

impl Draft {
    /// The form for `team`, or for a new one.
    fn of(team: Option<&EvaluationTeam>) -> Self {
        Self {
            name: team.map(|t| t.name.clone()).unwrap_or_default(),
            decree: team.and_then(|t| t.decree.clone()).unwrap_or_default(),
            active: team.is_none_or(|t| t.active),
            members: team.map(|t| t.members.clone()).unwrap_or_default(),
            units: team.map(|t| t.units.clone()).unwrap_or_default(),
        }
    }

    fn request(&self) -> NewEvaluationTeam {
        NewEvaluationTeam {
            name: self.name.trim().to_owned(),
            decree: Some(self.decree.trim().to_owned()).filter(|d| !d.is_empty()),
            member_ids: self.members.iter().map(|m| m.employee_id).collect(),
            unit_ids: self.units.iter().map(|u| u.unit_id).collect(),
            active: self.active,
        }
    }
}

#[derive(Properties, PartialEq)]
struct TeamFormProps {
    team: Option<EvaluationTeam>,
    on_done: Callback<EvaluationTeam>,
    on_cancel: Callback<()>,
}

/// Name, decree (nomor SK), members chosen by name or NIP, units chosen from the tree, active.
#[component]
fn TeamForm(props: &TeamFormProps) -> Html {
    let i18n = use_i18n();
    let form = {
        let start = props.team.clone();
        use_form(move || Draft::of(start.as_ref()))
    };
    // The unit picked to add, not yet added.
    let unit_choice = use_state(String::new);
    let all_units = use_remote((), |()| api::units::all());
    let mut sorted: Vec<Unit> = all_units.state.data.as_deref().cloned().unwrap_or_default();
    sorted.sort_by(|a, b| a.name.cmp(&b.name));
    let sorted = Rc::new(sorted);

    let on_member = form.set(|d, e: Option<Employee>| {
        if let Some(e) = e.filter(|e| !d.members.iter().any(|m| m.employee_id == e.id)) {
            d.members.push(TeamMember { employee_id: e.id, name: e.name, nip: e.nip });
        }
    });
    let add_unit = {
        let (add, unit_choice, sorted) = (
            form.set(|d, u: TeamUnit| {
                if !d.units.iter().any(|t| t.unit_id == u.unit_id) {
                    d.units.push(u);
                }
            }),
            unit_choice.clone(),
            sorted.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            if let Some(u) = unit_choice.parse::<i64>().ok().and_then(|id| sorted.iter().find(|u| u.id == id)) {
                add.emit(TeamUnit { unit_id: u.id, name: u.name.clone() });
            }
        })
    };
    let onsubmit = {
        let (on_done, id) = (props.on_done.clone(), props.team.as_ref().map(|t| t.id));
        form.submit(
            move |d: &Draft| {
                let body = d.request();
                Ok(async move {
                    match id {
                        Some(id) => api::evaluation_teams::update(id, &body).await,
                        None => api::evaluation_teams::create(&body).await,
                    }
                })
            },
            move |_, team| on_done.emit(team),
        )
    };
    let field_error = |f: &str| form.error(f);
    let unit_options: Vec<(AttrValue, AttrValue)> =
        std::iter::once((AttrValue::from(""), AttrValue::from(i18n.t("validation.choose").to_owned())))
            .chain(sorted.iter().map(|u| (AttrValue::from(u.id.to_string()), AttrValue::from(u.name.clone()))))
            .collect();
    let member_items = form.members.iter().map(|m| {
        let id = m.employee_id;
        let remove = form.set(move |d, _: MouseEvent| d.members.retain(|x| x.employee_id != id));
        html! {
            <li key={m.employee_id}>
                { &m.name }{ " " }<span class="mono muted">{ &m.nip }</span>{ " " }
                <button type="button" class="button-quiet button-small" onclick={remove}
                    aria-label={i18n.tf("evteam.remove_named", &[("name", &m.name)])}>{ i18n.t("evteam.remove") }</button>
            </li>
        }
    });
    let unit_items = form.units.iter().map(|u| {
        let id = u.unit_id;
        let remove = form.set(move |d, _: MouseEvent| d.units.retain(|x| x.unit_id != id));
        html! {
            <li key={u.unit_id}>
                { &u.name }{ " " }
                <button type="button" class="button-quiet button-small" onclick={remove}
                    aria-label={i18n.tf("evteam.remove_named", &[("name", &u.name)])}>{ i18n.t("evteam.remove") }</button>
            </li>
        }
    });
    let editing = props.team.is_some();
    let cancel = {
        let on_cancel = props.on_cancel.clone();
        Callback::from(move |_: MouseEvent| on_cancel.emit(()))
    };
    html! {
        <section class="panel team-form">
            <h2>{ match &props.team {
                Some(t) => i18n.tf("evteam.edit_title", &[("name", &t.name)]),
                None => i18n.t("evteam.new").to_owned(),
            } }</h2>
            <form onchange={form.touch()} {onsubmit} novalidate=true>
                <div class="form-grid">
                    <Field id="team-name" label={i18n.t("evteam.name").to_owned()} value={form.name.clone()}
                        on_input={form.text(|d| &mut d.name)} required=true error={field_error("name")} />
                    <Field id="team-decree" label={i18n.t("evteam.decree").to_owned()} value={form.decree.clone()}
                        on_input={form.text(|d| &mut d.decree)} error={field_error("decree")} />
                </div>
                <fieldset class="choices">
                    <legend>{ i18n.t("evteam.members") }</legend>
                    if form.members.is_empty() {
                        <p class="muted small">{ i18n.t("evteam.no_members") }</p>
                    } else {
                        <ul class="picked">{ for member_items }</ul>
                    }
                    <EmployeePicker id="team-member" label={i18n.t("evteam.add_member").to_owned()} selected={None::<Employee>}
                        on_select={on_member} error={field_error("member_ids")} />
                </fieldset>
                <fieldset class="choices">
                    <legend>{ i18n.t("evteam.units") }</legend>
                    if form.units.is_empty() {
                        <p class="muted small">{ i18n.t("evteam.no_units") }</p>
                    } else {
                        <ul class="picked">{ for unit_items }</ul>
                    }
                    <div class="form-inline">
                        <SelectField id="team-unit" label={i18n.t("evteam.add_unit").to_owned()} value={(*unit_choice).clone()}
                            options={unit_options} on_change={setter(&unit_choice)} error={field_error("unit_ids")} />
                        <button type="button" class="button-quiet" onclick={add_unit}>{ i18n.t("evteam.add_unit_button") }</button>
                    </div>
                </fieldset>
                <CheckField id="team-active" label={i18n.t("evteam.active").to_owned()} checked={form.active}
                    on_toggle={form.set(|d, on: bool| d.active = on)} />
                <ErrorBanner error={form.server_error()} shown_fields={&["name", "decree", "member_ids", "unit_ids"][..]} />
                <div class="actions">
                    <button type="submit" class="button-primary" disabled={form.busy()}>
                        { i18n.t(if editing { "evteam.save" } else { "evteam.create" }) }
                    </button>
                    <crate::components::SubmitSummary problems={form.problems()} />
                    if editing {
                        <button type="button" class="button-quiet" onclick={cancel}>{ i18n.t("common.cancel") }</button>
                    }
                </div>
            </form>
        </section>
    }
}
