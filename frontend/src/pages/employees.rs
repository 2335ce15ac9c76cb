//! Pegawai: search by name or NIP, filter by unit, page through, open one; admins add one with
//! "+ Tambah pegawai" at the top, and land on the new employee's page to create the account.

use super::employee_form::EmployeeForm;
use super::PageProps;
use crate::api;
use crate::api::employees::EmployeeFilter;
use crate::components::{unit_choices, use_toast, Loader, PagedTable, SelectField};
use crate::hooks::use_remote;
use crate::i18n::use_i18n;
use crate::route::Route;
use kinerja_domain::Role;
use kinerja_types::Employee;
use std::collections::HashMap;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;
use yew_router::prelude::*;

const PER_PAGE: u64 = 25;

#[component]
pub fn Employees(props: &PageProps) -> Html {
    let i18n = use_i18n();
    let filter = use_state(|| EmployeeFilter { page: 1, per_page: PER_PAGE, ..EmployeeFilter::default() });
    let typed = use_state(String::new);
    let adding = use_state(|| false);
    let toast = use_toast();
    let navigator = use_navigator();
    let units = use_remote((), |()| api::units::all());
    let unit_names: Rc<HashMap<i64, String>> =
        Rc::new(units.state.data.iter().flat_map(|all| all.iter()).map(|u| (u.id, u.name.clone())).collect());

    let on_search = {
        let filter = filter.clone();
        let typed = typed.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            filter.set(EmployeeFilter { q: (*typed).clone(), page: 1, ..(*filter).clone() });
        })
    };
    let on_type = {
        let typed = typed.clone();
        Callback::from(move |e: InputEvent| typed.set(e.target_unchecked_into::<HtmlInputElement>().value()))
    };
    let on_unit = {
        let filter = filter.clone();
        Callback::from(move |v: String| {
            filter.set(EmployeeFilter { unit_id: v.parse().ok(), page: 1, ..(*filter).clone() })
        })
    };
    let on_created = {
        let (i18n, toast) = (i18n.clone(), toast.clone());
        Callback::from(move |e: Employee| {
            toast.say(i18n.tf("employees.added", &[("name", &e.name)]));
            if let Some(navigator) = &navigator {
                navigator.push(&Route::EmployeeDetail { id: e.id });
            }
        })
    };
    let open_form = {
        let adding = adding.clone();
        Callback::from(move |_: MouseEvent| adding.set(true))
    };
    let close_form = {
        let adding = adding.clone();
        Callback::from(move |()| adding.set(false))
    };
    let unit_options: Vec<(AttrValue, AttrValue)> =
        std::iter::once((AttrValue::from(""), AttrValue::from(i18n.t("employees.all_units").to_owned())))
            .chain(unit_choices(units.state.data.as_deref()))
            .collect();

    let head = html! {
        <>
            <th scope="col">{ "NIP" }</th>
            <th scope="col">{ i18n.t("employee.name") }</th>
            <th scope="col">{ i18n.t("employee.position_title") }</th>
            <th scope="col">{ i18n.t("employee.position_kind") }</th>
            <th scope="col">{ i18n.t("employee.unit") }</th>
        </>
    };
    let row = {
        let i18n = i18n.clone();
        Callback::from(move |e: Employee| {
            html! {
                <tr key={e.id}>
                    <td class="mono" data-label="NIP">{ &e.nip }</td>
                    <td data-label={i18n.t("employee.name").to_owned()}>
                        <Link<Route> to={Route::EmployeeDetail { id: e.id }}>{ &e.name }</Link<Route>>
                    </td>
                    <td data-label={i18n.t("employee.position_title").to_owned()}>{ &e.position_title }</td>
                    <td data-label={i18n.t("employee.position_kind").to_owned()}>{ i18n.word("position_kind", e.position_kind.as_str()) }</td>
                    <td data-label={i18n.t("employee.unit").to_owned()}>{ unit_names.get(&e.unit_id).cloned().unwrap_or_else(|| format!("#{}", e.unit_id)) }</td>
                </tr>
            }
        })
    };
    let load = {
        let filter = (*filter).clone();
        Loader::new(move |page, per_page| {
            let filter = EmployeeFilter { page, per_page, ..filter.clone() };
            async move { api::employees::list(&filter).await }
        })
    };
    let filter_key = format!("{}|{:?}", filter.q, filter.unit_id);

    html! {
        <section class="page">
            <div class="page-actions">
                <h1>{ i18n.t("employees.title") }</h1>
                if props.me.has(Role::Admin) && !*adding {
                    <button type="button" class="button-primary" onclick={open_form}>{ i18n.t("employees.add_button") }</button>
                }
            </div>
            if props.me.has(Role::Admin) && *adding {
                <EmployeeForm units={units.state.data.clone()} {on_created} on_cancel={Some(close_form)} />
            }
            <form class="toolbar" role="search" onsubmit={on_search}>
                <div class="field">
                    <label for="employee-q">{ i18n.t("employees.search") }</label>
                    <div class="input-with-button">
                        <input id="employee-q" type="search" value={(*typed).clone()} oninput={on_type}
                            placeholder={i18n.t("employees.search_hint").to_owned()} />
                        <button type="submit" class="button-primary">{ i18n.t("employees.search_button") }</button>
                    </div>
                </div>
                <SelectField id="employee-unit-filter" label={i18n.t("employee.unit").to_owned()}
                    value={filter.unit_id.map(|id| id.to_string()).unwrap_or_default()}
                    options={unit_options} on_change={on_unit} />
            </form>
            <PagedTable<Employee> {load} per_page={PER_PAGE} {head} {row} filter={filter_key}
                empty={i18n.t("employees.empty").to_owned()} />
        </section>
    }
}
