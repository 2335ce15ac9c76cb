//! Profil: the account (user name, roles) and the employee record with its unit and supervisor.

use super::PageProps;
use crate::api;
use crate::components::Loading;
use crate::hooks::use_remote;
use crate::i18n::{use_i18n, I18n};
use kinerja_types::Employee;
use yew::prelude::*;

#[component]
pub fn Profile(props: &PageProps) -> Html {
    let i18n = use_i18n();
    let me = &props.me;
    let roles = if me.roles.is_empty() {
        html! { <span>{ i18n.t("role.none") }</span> }
    } else {
        html! {
            <ul class="tags">
                { for me.roles.iter().map(|r| html! { <li>{ i18n.word("role", r.as_str()) }</li> }) }
            </ul>
        }
    };
    html! {
        <section class="page">
            <h1>{ i18n.t("profile.title") }</h1>
            <div class="panel">
                <h2>{ i18n.t("profile.account") }</h2>
                <dl class="facts">
                    <dt>{ i18n.t("profile.username") }</dt>
                    <dd>{ &me.username }</dd>
                    <dt>{ i18n.t("profile.roles") }</dt>
                    <dd>{ roles }</dd>
                    <dt>{ i18n.t("profile.is_supervisor") }</dt>
                    <dd>{ if me.is_supervisor { i18n.t("common.yes") } else { i18n.t("common.no") } }</dd>
                </dl>
            </div>
            <div class="panel">
                <h2>{ i18n.t("profile.employee") }</h2>
                {
                    match &me.employee {
                        Some(employee) => html! {
                            <EmployeeFacts employee={employee.clone()} supervisor_name={me.supervisor_name.clone()} />
                        },
                        None => html! { <p>{ i18n.t("profile.no_employee") }</p> },
                    }
                }
            </div>
            <super::profile_messages::ProfileMessages />
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct EmployeeFactsProps {
    employee: Employee,
    /// As `/me` names them: an employee may not read their supervisor's own record.
    supervisor_name: Option<String>,
}

/// The employee record, with the name of its unit looked up and its supervisor's as `/me` gives it.
#[component]
fn EmployeeFacts(props: &EmployeeFactsProps) -> Html {
    let i18n = use_i18n();
    let e = &props.employee;
    let unit = use_remote(e.unit_id, api::units::get);
    let unit_name =
        looked_up(&i18n, unit.state.data.as_ref().map(|u| u.name.clone()), unit.state.loading, &unit.state.error);
    let supervisor_name = match (&props.supervisor_name, e.supervisor_id) {
        (Some(name), _) => html! { { name.clone() } },
        (None, None) => html! { <span class="muted">{ i18n.t("profile.no_supervisor") }</span> },
        (None, Some(_)) => html! { <span class="muted">{ i18n.t("common.none") }</span> },
    };
    html! {
        <dl class="facts">
            <dt>{ "NIP" }</dt>
            <dd class="nip">{ &e.nip }</dd>
            <dt>{ i18n.t("employee.name") }</dt>
            <dd>{ &e.name }</dd>
            <dt>{ i18n.t("employee.position_title") }</dt>
            <dd>{ &e.position_title }</dd>
            <dt>{ i18n.t("employee.position_kind") }</dt>
            <dd>{ i18n.word("position_kind", e.position_kind.as_str()) }</dd>
            <dt>{ i18n.t("employee.employment_type") }</dt>
            <dd>{ i18n.word("employment_type", e.employment_type.as_str()) }</dd>
            <dt>{ i18n.t("employee.unit") }</dt>
            <dd>{ unit_name }</dd>
            <dt>{ i18n.t("employee.supervisor") }</dt>
            <dd>{ supervisor_name }</dd>
        </dl>
    }
}

/// A looked-up name, or a spinner while it loads, or why it could not be had.
fn looked_up(i18n: &I18n, name: Option<String>, loading: bool, error: &Option<api::ApiError>) -> Html {
    match (name, error) {
        (Some(name), _) => html! { { name } },
        (None, Some(error)) => html! { <span class="muted">{ error.message(i18n) }</span> },
        (None, None) if loading => html! { <Loading /> },
        (None, None) => html! { <span class="muted">{ i18n.t("common.none") }</span> },
    }
}
