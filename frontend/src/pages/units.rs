//! Unit: the unit tree, one page at a time, indented under each parent; admins can add one.

use super::unit_form::UnitForm;
use super::PageProps;
use crate::api;
use crate::components::{use_toast, ErrorBanner, Loading, Pager};
use crate::hooks::use_remote;
use crate::i18n::use_i18n;
use kinerja_domain::Role;
use kinerja_types::Unit;
use std::collections::{HashMap, HashSet};
use yew::prelude::*;

const PER_PAGE: u64 = 100;

#[component]
pub fn Units(props: &PageProps) -> Html {
    let i18n = use_i18n();
    let page = use_state(|| 1u64);
    let toast = use_toast();
    let list = use_remote(*page, |page| api::units::list(page, PER_PAGE));
    let is_admin = props.me.has(Role::Admin);

    let on_page = {
        let page = page.clone();
        Callback::from(move |p| page.set(p))
    };
    let on_created = {
        let (toast, i18n) = (toast.clone(), i18n.clone());
        let reload = list.reload.clone();
        Callback::from(move |unit: Unit| {
            toast.say(i18n.tf("units.added", &[("name", &unit.name)]));
            reload.emit(());
        })
    };
    let body = match &list.state.data {
        Some(data) if data.items.is_empty() => html! { <p class="muted">{ i18n.t("units.empty") }</p> },
        Some(data) => html! {
            <>
                <div class="table-wrap">
                    <table>
                        <thead>
                            <tr>
                                <th scope="col">{ i18n.t("unit.code") }</th>
                                <th scope="col">{ i18n.t("unit.name") }</th>
                                <th scope="col">{ i18n.t("unit.kind") }</th>
                                <th scope="col">{ i18n.t("unit.is_service_unit") }</th>
                            </tr>
                        </thead>
                        <tbody>
                            { for tree_order(&data.items).into_iter().map(|(depth, unit)| html! {
                                <tr key={unit.id}>
                                    <td class="mono" data-label={i18n.t("unit.code").to_owned()}>{ &unit.code }</td>
                                    <td data-label={i18n.t("unit.name").to_owned()}>
                                        <span class="tree-name" style={format!("--depth: {depth}")}>{ &unit.name }</span>
                                        if !unit.active {
                                            { " " }<span class="badge badge-revoked">{ i18n.t("unit.inactive") }</span>
                                        }
                                    </td>
                                    <td data-label={i18n.t("unit.kind").to_owned()}>{ i18n.word("unit_kind", unit.kind.as_str()) }</td>
                                    <td data-label={i18n.t("unit.is_service_unit").to_owned()}>{ if unit.is_service_unit { i18n.t("common.yes") } else { "—" } }</td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </div>
                <Pager page={data.page} per_page={data.per_page} total={data.total} {on_page} />
            </>
        },
        None if list.state.loading => html! { <Loading /> },
        None => html! {},
    };
    html! {
        <section class="page">
            <h1>{ i18n.t("units.title") }</h1>
            <ErrorBanner error={list.state.error.clone()} on_retry={list.reload.clone()} />
            { body }
            if is_admin {
                <UnitForm {on_created} />
            }
        </section>
    }
}

/// The units of one page in tree order, each with its depth: children right after their
/// parent. A unit whose parent is not on the page starts a tree of its own.
fn tree_order(units: &[Unit]) -> Vec<(usize, &Unit)> {
    let on_page: HashSet<i64> = units.iter().map(|u| u.id).collect();
    let mut children: HashMap<i64, Vec<&Unit>> = HashMap::new();
    let mut roots = Vec::new();
    for unit in units {
        match unit.parent_id.filter(|p| on_page.contains(p)) {
            Some(parent) => children.entry(parent).or_default().push(unit),
            None => roots.push(unit),
        }
    }
    let mut ordered = Vec::with_capacity(units.len());
    let mut seen = HashSet::new();
    let mut stack: Vec<(usize, &Unit)> = roots.into_iter().rev().map(|u| (0, u)).collect();
    while let Some((depth, unit)) = stack.pop() {
        if !seen.insert(unit.id) {
            continue;
        }
        ordered.push((depth, unit));
        if let Some(kids) = children.get(&unit.id) {
            stack.extend(kids.iter().rev().map(|k| (depth + 1, *k)));
        }
    }
    // Units caught in a parent cycle (the server forbids them) would be missed: list them last.
    ordered.extend(units.iter().filter(|u| !seen.contains(&u.id)).map(|u| (0, u)));
    ordered
}
