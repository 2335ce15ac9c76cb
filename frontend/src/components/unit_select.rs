//! Chooses one of "my units": every unit for admins and auditors, else the unit a scoped role
//! applies to and everything under it.

use super::SelectField;
use crate::api;
use crate::hooks::use_remote;
use crate::i18n::use_i18n;
use kinerja_domain::Role;
use kinerja_types::{Me, Unit};
use std::collections::HashSet;
use std::rc::Rc;
use yew::prelude::*;

/// The units `me` acts for, by name: all for a city-wide role, else the subtree of `me.unit_id`.
pub fn my_units(all: &[Unit], me: &Me) -> Vec<Unit> {
    let mut mine: Vec<Unit> = if me.has(Role::Admin) || me.has(Role::Auditor) {
        all.to_vec()
    } else {
        let mut inside: HashSet<i64> = me.unit_id.into_iter().collect();
        // Parents come before children only by luck: grow the set until it stops growing.
        loop {
            let before = inside.len();
            for u in all {
                if u.parent_id.is_some_and(|p| inside.contains(&p)) {
                    inside.insert(u.id);
                }
            }
            if inside.len() == before {
                break;
            }
        }
        all.iter().filter(|u| inside.contains(&u.id)).cloned().collect()
    };
    mine.sort_by(|a, b| a.name.cmp(&b.name));
    mine
}

#[derive(Properties, PartialEq)]
pub struct UnitSelectProps {
    pub id: AttrValue,
    pub label: AttrValue,
    pub me: Rc<Me>,
    pub value: Option<i64>,
    pub on_change: Callback<Option<i64>>,
    /// The words of the empty choice ("every unit", "choose..."); none when not given.
    #[prop_or_default]
    pub empty: Option<AttrValue>,
    #[prop_or_default]
    pub error: Option<String>,
}

/// A drop-down of [`my_units`].
#[component]
pub fn UnitSelect(props: &UnitSelectProps) -> Html {
    let i18n = use_i18n();
    let units = use_remote((), |()| api::units::all());
    let all: Vec<Unit> = units.state.data.as_deref().cloned().unwrap_or_default();
    let mine = my_units(&all, &props.me);
    let options: Vec<(AttrValue, AttrValue)> = props
        .empty
        .iter()
        .map(|e| (AttrValue::from(""), e.clone()))
        .chain(mine.iter().map(|u| (AttrValue::from(u.id.to_string()), AttrValue::from(u.name.clone()))))
        .collect();
    let on_change = {
        let on_change = props.on_change.clone();
        Callback::from(move |v: String| on_change.emit(v.parse().ok()))
    };
    let error = props.error.clone().or_else(|| units.state.error.as_ref().map(|e| e.message(&i18n)));
    html! {
        <SelectField id={props.id.clone()} label={props.label.clone()}
            value={props.value.map(|v| v.to_string()).unwrap_or_default()} {options} {on_change} {error} />
    }
}

/// Units as choices of a drop-down, by name.
pub fn unit_choices(units: Option<&Vec<Unit>>) -> impl Iterator<Item = (AttrValue, AttrValue)> + '_ {
    let mut sorted: Vec<&Unit> = units.map(|u| u.iter().collect()).unwrap_or_default();
    sorted.sort_by(|a, b| a.name.cmp(&b.name));
    sorted.into_iter().map(|u| (AttrValue::from(u.id.to_string()), AttrValue::from(u.name.clone())))
}
