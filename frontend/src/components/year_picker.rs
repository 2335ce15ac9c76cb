//! Chooses the year of a plan: a few years back and the next one (planning starts early).

use super::SelectField;
use crate::format;
use crate::i18n::use_i18n;
use yew::prelude::*;

/// How many years back the list goes.
const YEARS_BACK: i32 = 3;

#[derive(Properties, PartialEq)]
pub struct YearPickerProps {
    pub id: AttrValue,
    pub value: i32,
    pub on_change: Callback<i32>,
}

#[component]
pub fn YearPicker(props: &YearPickerProps) -> Html {
    let i18n = use_i18n();
    let now = format::current_year();
    let first = (now - YEARS_BACK).min(props.value);
    let last = (now + 1).max(props.value);
    let options: Vec<(AttrValue, AttrValue)> =
        (first..=last).rev().map(|y| (AttrValue::from(y.to_string()), AttrValue::from(y.to_string()))).collect();
    let on_change = {
        let on_change = props.on_change.clone();
        Callback::from(move |v: String| {
            if let Ok(year) = v.parse() {
                on_change.emit(year);
            }
        })
    };
    html! {
        <SelectField id={props.id.clone()} label={i18n.t("common.year").to_owned()}
            value={props.value.to_string()} {options} {on_change} />
    }
}
