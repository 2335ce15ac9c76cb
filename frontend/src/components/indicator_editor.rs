//! Rows of indicators (target + unit, and for an RHK the aspect), added and removed in place.

use crate::format;
use crate::i18n::{use_i18n, I18n};
use kinerja_domain::Aspect;
use std::collections::HashMap;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// One indicator as typed.
#[derive(Debug, Clone, PartialEq)]
pub struct IndicatorRow {
    pub aspect: Aspect,
    pub text: String,
    pub target: String,
    pub unit: String,
}

impl Default for IndicatorRow {
    fn default() -> Self {
        Self { aspect: Aspect::Kuantitas, text: String::new(), target: String::new(), unit: String::new() }
    }
}

/// An indicator that reads well: aspect, text, target and unit.
#[derive(Debug, Clone, PartialEq)]
pub struct ParsedIndicator {
    pub aspect: Aspect,
    pub text: String,
    pub target: f64,
    pub unit: String,
}

/// The rows as indicators, or what is wrong with each bad row (by index). Blank rows are skipped.
pub fn parse_rows(rows: &[IndicatorRow], i18n: &I18n) -> Result<Vec<ParsedIndicator>, HashMap<usize, String>> {
    let mut parsed = Vec::new();
    let mut wrong = HashMap::new();
    for (index, row) in rows.iter().enumerate() {
        let blank = row.text.trim().is_empty() && row.target.trim().is_empty() && row.unit.trim().is_empty();
        if blank {
            continue;
        }
        let mut problems = Vec::new();
        if row.text.trim().is_empty() {
            problems.push(i18n.t("indicator.text_missing"));
        }
        let target = format::parse_number(&row.target).filter(|t| *t >= 0.0);
        if target.is_none() {
            problems.push(i18n.t("indicator.target_invalid"));
        }
        if row.unit.trim().is_empty() {
            problems.push(i18n.t("indicator.unit_missing"));
        }
        match target {
            Some(target) if problems.is_empty() => parsed.push(ParsedIndicator {
                aspect: row.aspect,
                text: row.text.trim().to_owned(),
                target,
                unit: row.unit.trim().to_owned(),
            }),
            _ => {
                wrong.insert(index, problems.join("; "));
            }
        }
    }
    if wrong.is_empty() {
        Ok(parsed)
    } else {
        Err(wrong)
    }
}

#[derive(Properties, PartialEq)]
pub struct IndicatorEditorProps {
    /// Prefix of the control ids.
    pub id: AttrValue,
    pub rows: Vec<IndicatorRow>,
    pub on_change: Callback<Vec<IndicatorRow>>,
    /// RHK indicators name their aspect; Perjanjian Kinerja indicators do not.
    #[prop_or(true)]
    pub with_aspect: bool,
    /// What is wrong with a row, by index.
    #[prop_or_default]
    pub errors: HashMap<usize, String>,
    #[prop_or(10)]
    pub max: usize,
}

#[derive(Clone, Copy)]
enum Part {
    Aspect,
    Text,
    Target,
    Unit,
}

#[component]
pub fn IndicatorEditor(props: &IndicatorEditorProps) -> Html {
    let i18n = use_i18n();
    let edit = |index: usize, part: Part| {
        let rows = props.rows.clone();
        let on_change = props.on_change.clone();
        Callback::from(move |value: String| {
            let mut rows = rows.clone();
            if let Some(row) = rows.get_mut(index) {
                match part {
                    Part::Aspect => row.aspect = value.parse().unwrap_or(row.aspect),
                    Part::Text => row.text = value,
                    Part::Target => row.target = value,
                    Part::Unit => row.unit = value,
                }
            }
            on_change.emit(rows);
        })
    };
    let remove = |index: usize| {
        let rows = props.rows.clone();
        let on_change = props.on_change.clone();
        Callback::from(move |_: MouseEvent| {
            let mut rows = rows.clone();
            rows.remove(index);
            on_change.emit(rows);
        })
    };
    let add = {
        let rows = props.rows.clone();
        let on_change = props.on_change.clone();
        Callback::from(move |_: MouseEvent| {
            let mut rows = rows.clone();
            rows.push(IndicatorRow::default());
            on_change.emit(rows);
        })
    };
    let input = |callback: Callback<String>| {
        Callback::from(move |e: InputEvent| callback.emit(e.target_unchecked_into::<HtmlInputElement>().value()))
    };
    let rows = props.rows.iter().enumerate().map(|(index, row)| {
        let id = |part: &str| format!("{}-{index}-{part}", props.id);
        let error = props.errors.get(&index);
        let aspect_change = {
            let callback = edit(index, Part::Aspect);
            Callback::from(move |e: Event| callback.emit(e.target_unchecked_into::<HtmlSelectElement>().value()))
        };
        html! {
            <fieldset key={index} class={classes!(
                "indicator-row",
                (!props.with_aspect).then_some("indicator-row-plain"),
                error.is_some().then_some("field-invalid"),
            )}>
                <legend>{ i18n.tf("indicator.number", &[("n", &(index + 1).to_string())]) }</legend>
                if props.with_aspect {
                    <div class="field indicator-aspect">
                        <label for={id("aspect")}>{ i18n.t("indicator.aspect") }</label>
                        <select id={id("aspect")} onchange={aspect_change}>
                            { for Aspect::ALL.iter().map(|a| html! {
                                <option value={a.as_str()} selected={*a == row.aspect}>{ i18n.word("aspect", a.as_str()) }</option>
                            }) }
                        </select>
                    </div>
                }
                <div class="field indicator-text">
                    <label for={id("text")}>{ i18n.t("indicator.text") }</label>
                    <input id={id("text")} type="text" value={row.text.clone()} oninput={input(edit(index, Part::Text))} />
                </div>
                <div class="field indicator-target">
                    <label for={id("target")}>{ i18n.t("indicator.target") }</label>
                    <input id={id("target")} type="text" inputmode="decimal" value={row.target.clone()}
                        oninput={input(edit(index, Part::Target))} />
                </div>
                <div class="field indicator-unit">
                    <label for={id("unit")}>{ i18n.t("indicator.unit") }</label>
                    <input id={id("unit")} type="text" value={row.unit.clone()} placeholder={i18n.t("indicator.unit_hint").to_owned()}
                        oninput={input(edit(index, Part::Unit))} />
                </div>
                <button type="button" class="button-quiet indicator-remove" onclick={remove(index)}
                    aria-label={i18n.tf("indicator.remove_n", &[("n", &(index + 1).to_string())])}>
                    { i18n.t("indicator.remove") }
                </button>
                if let Some(error) = error {
                    <small class="field-error">{ error.clone() }</small>
                }
            </fieldset>
        }
    });
    html! {
        <div class="indicator-editor">
            <p class="label">{ i18n.t("indicator.title") }</p>
            if props.rows.is_empty() {
                <p class="muted">{ i18n.t("indicator.none") }</p>
            }
            { for rows }
            if props.rows.len() < props.max {
                <button type="button" class="button-quiet" onclick={add}>{ i18n.t("indicator.add") }</button>
            }
        </div>
    }
}
