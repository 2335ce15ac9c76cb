//! Chooses an employee by typing part of a name or NIP (used for the supervisor).

use crate::api;
use crate::api::employees::EmployeeFilter;
use crate::hooks::use_remote;
use crate::i18n::use_i18n;
use gloo_timers::callback::Timeout;
use kinerja_types::{Employee, Page};
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Wait this long after the last key before searching.
const DEBOUNCE_MS: u32 = 300;

#[derive(Properties, PartialEq)]
pub struct EmployeePickerProps {
    pub id: AttrValue,
    pub label: AttrValue,
    pub selected: Option<Employee>,
    pub on_select: Callback<Option<Employee>>,
    #[prop_or_default]
    pub error: Option<String>,
}

#[component]
pub fn EmployeePicker(props: &EmployeePickerProps) -> Html {
    let i18n = use_i18n();
    let typed = use_state(String::new);
    let query = use_state(String::new);
    {
        let query = query.clone();
        use_effect_with((*typed).clone(), move |typed| {
            let typed = typed.trim().to_owned();
            let timer = Timeout::new(DEBOUNCE_MS, move || query.set(typed));
            move || drop(timer)
        });
    }
    let matches = use_remote((*query).clone(), |q| async move {
        if q.chars().count() < 2 {
            return Ok(Page { items: Vec::new(), total: 0, page: 1, per_page: 8 });
        }
        let filter = EmployeeFilter { q, unit_id: None, page: 1, per_page: 8 };
        api::employees::list(&filter).await
    });
    let error_id = format!("{}-error", props.id);
    let error = props.error.as_ref().map(|e| {
        html! {
            <small id={error_id.clone()} class="field-error">{ e.clone() }</small>
        }
    });

    if let Some(chosen) = &props.selected {
        let on_select = props.on_select.clone();
        let clear = Callback::from(move |_: MouseEvent| on_select.emit(None));
        return html! {
            <div class="field">
                <span class="label">{ props.label.clone() }</span>
                <div class="chosen">
                    <span>{ format!("{} ({})", chosen.name, chosen.nip) }</span>
                    <button type="button" class="button-quiet" onclick={clear}>{ i18n.t("common.change") }</button>
                </div>
                { error }
            </div>
        };
    }

    let oninput = {
        let typed = typed.clone();
        Callback::from(move |e: InputEvent| typed.set(e.target_unchecked_into::<HtmlInputElement>().value()))
    };
    let results = matches.state.data.as_ref().map(|page| {
        page.items
            .iter()
            .map(|e| {
                let on_select = props.on_select.clone();
                let typed = typed.clone();
                let employee = e.clone();
                let onclick = Callback::from(move |_: MouseEvent| {
                    typed.set(String::new());
                    on_select.emit(Some(employee.clone()));
                });
                html! {
                    <li><button type="button" class="option" {onclick}>
                        <strong>{ &e.name }</strong>{ " " }<span class="mono muted">{ &e.nip }</span>
                    </button></li>
                }
            })
            .collect::<Html>()
    });
    html! {
        <div class={classes!("field", props.error.is_some().then_some("field-invalid"))}>
            <label for={props.id.clone()}>{ props.label.clone() }</label>
            <input id={props.id.clone()} type="search" value={(*typed).clone()} {oninput}
                placeholder={i18n.t("picker.hint").to_owned()} autocomplete="off"
                aria-describedby={props.error.is_some().then_some(error_id.clone())} />
            if !typed.trim().is_empty() {
                <ul class="options">{ results }</ul>
            }
            { error }
        </div>
    }
}
