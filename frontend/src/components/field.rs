//! Labelled form controls that show their own error under the control.

use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FieldProps {
    pub id: AttrValue,
    /// The field's key in the request: names the control so that the form checks it once it
    /// was changed and left (`Form::touch`).
    #[prop_or_default]
    pub name: Option<AttrValue>,
    pub label: AttrValue,
    pub value: AttrValue,
    pub on_input: Callback<String>,
    #[prop_or_default]
    pub error: Option<String>,
    #[prop_or(AttrValue::Static("text"))]
    pub kind: AttrValue,
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    #[prop_or_default]
    pub required: bool,
    #[prop_or_default]
    pub disabled: bool,
    #[prop_or_default]
    pub autocomplete: Option<AttrValue>,
    #[prop_or_default]
    pub inputmode: Option<AttrValue>,
    /// Makes it a text area of that many rows.
    #[prop_or_default]
    pub rows: Option<u32>,
}

/// A text (or number, password...) input, or a text area.
#[component]
pub fn Field(props: &FieldProps) -> Html {
    let error_id = format!("{}-error", props.id);
    let hint_id = format!("{}-hint", props.id);
    let described = match (&props.error, &props.hint) {
        (Some(_), _) => Some(error_id.clone()),
        (None, Some(_)) => Some(hint_id.clone()),
        (None, None) => None,
    };
    let invalid = props.error.is_some().then_some("true");
    let control = match props.rows {
        Some(rows) => {
            let on_input = props.on_input.clone();
            let oninput = Callback::from(move |e: InputEvent| {
                on_input.emit(e.target_unchecked_into::<HtmlTextAreaElement>().value())
            });
            html! {
                <textarea id={props.id.clone()} name={props.name.clone()} rows={rows.to_string()} value={props.value.clone()}
                    {oninput} required={props.required} disabled={props.disabled}
                    aria-invalid={invalid} aria-describedby={described} />
            }
        }
        None => {
            let on_input = props.on_input.clone();
            let oninput = Callback::from(move |e: InputEvent| {
                on_input.emit(e.target_unchecked_into::<HtmlInputElement>().value())
            });
            html! {
                <input id={props.id.clone()} name={props.name.clone()} type={props.kind.clone()} value={props.value.clone()}
                    {oninput} required={props.required} disabled={props.disabled}
                    autocomplete={props.autocomplete.clone()} inputmode={props.inputmode.clone()}
                    aria-invalid={invalid} aria-describedby={described} />
            }
        }
    };
    html! {
        <div class={classes!("field", props.error.is_some().then_some("field-invalid"))}>
            <label for={props.id.clone()}>{ props.label.clone() }</label>
            { control }
            if let Some(hint) = &props.hint {
                <small id={hint_id} class="field-hint">{ hint.clone() }</small>
            }
            if let Some(error) = &props.error {
                <small id={error_id} class="field-error">{ error.clone() }</small>
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct SelectFieldProps {
    pub id: AttrValue,
    /// The field's key in the request: names the control so that the form checks it once it
    /// was changed and left (`Form::touch`).
    #[prop_or_default]
    pub name: Option<AttrValue>,
    pub label: AttrValue,
    pub value: AttrValue,
    /// Value and text of each choice.
    pub options: Vec<(AttrValue, AttrValue)>,
    pub on_change: Callback<String>,
    #[prop_or_default]
    pub error: Option<String>,
    #[prop_or_default]
    pub required: bool,
}

/// A drop-down list.
#[component]
pub fn SelectField(props: &SelectFieldProps) -> Html {
    let on_change = props.on_change.clone();
    let onchange =
        Callback::from(move |e: Event| on_change.emit(e.target_unchecked_into::<HtmlSelectElement>().value()));
    let error_id = format!("{}-error", props.id);
    html! {
        <div class={classes!("field", props.error.is_some().then_some("field-invalid"))}>
            <label for={props.id.clone()}>{ props.label.clone() }</label>
            <select id={props.id.clone()} name={props.name.clone()} {onchange} required={props.required}
                aria-invalid={props.error.is_some().then_some("true")}
                aria-describedby={props.error.is_some().then(|| error_id.clone())}>
                { for props.options.iter().map(|(value, text)| html! {
                    <option value={value.clone()} selected={*value == props.value}>{ text.clone() }</option>
                }) }
            </select>
            if let Some(error) = &props.error {
                <small id={error_id} class="field-error">{ error.clone() }</small>
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct CheckFieldProps {
    pub id: AttrValue,
    /// The field's key in the request: names the control so that the form checks it once it
    /// was changed and left (`Form::touch`).
    #[prop_or_default]
    pub name: Option<AttrValue>,
    pub label: AttrValue,
    pub checked: bool,
    pub on_toggle: Callback<bool>,
    #[prop_or_default]
    pub error: Option<String>,
}

/// A check box with its label beside it.
#[component]
pub fn CheckField(props: &CheckFieldProps) -> Html {
    let on_toggle = props.on_toggle.clone();
    let onchange =
        Callback::from(move |e: Event| on_toggle.emit(e.target_unchecked_into::<HtmlInputElement>().checked()));
    html! {
        <div class={classes!("field", "field-check", props.error.is_some().then_some("field-invalid"))}>
            <input id={props.id.clone()} name={props.name.clone()} type="checkbox" checked={props.checked} {onchange} />
            <label for={props.id.clone()}>{ props.label.clone() }</label>
            if let Some(error) = &props.error {
                <small class="field-error">{ error.clone() }</small>
            }
        </div>
    }
}
