//! "Tambah RHK": a Rencana Hasil Kerja with the RHK of the supervisor it supports (or, for a
//! JPT, the Perjanjian Kinerja goal it carries) and its indicators, one row per aspect.

use crate::api::{self, ApiError};
use crate::components::indicator_editor::{parse_rows, IndicatorEditor, IndicatorRow};
use crate::components::{ErrorBanner, Field, SelectField};
use crate::hooks::{use_form, Invalid};
use crate::i18n::use_i18n;
use crate::validation;
use kinerja_domain::RhkKind;
use kinerja_types::{IndicatorInput, NewRhk, Rhk};
use std::collections::HashMap;
use std::rc::Rc;
use yew::prelude::*;

/// The fields this form shows its own errors for.
const FIELDS: &[&str] = &["text", "kind", "parent_rhk_id", "pk_goal_id", "indicators"];

#[derive(Clone, PartialEq)]
struct Draft {
    text: String,
    kind: RhkKind,
    /// The chosen RHK (or goal) id, empty while none is chosen.
    target: String,
    indicators: Vec<IndicatorRow>,
}

impl Default for Draft {
    fn default() -> Self {
        Self {
            text: String::new(),
            kind: RhkKind::Utama,
            target: String::new(),
            indicators: vec![IndicatorRow::default()],
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct RhkFormProps {
    pub skp_id: i64,
    /// The owner is a JPT: the RHK carries a Perjanjian Kinerja goal rather than a parent RHK.
    pub jpt: bool,
    /// What may be chosen above the RHK: id and text (`None` while loading).
    pub choices: Option<Rc<Vec<(i64, String)>>>,
    pub choices_error: Option<ApiError>,
    pub on_added: Callback<Rhk>,
}

#[component]
pub fn RhkForm(props: &RhkFormProps) -> Html {
    let i18n = use_i18n();
    let draft = use_form(Draft::default);
    // What is wrong with each indicator row, found on the device.
    let invalid_rows = use_state(HashMap::<usize, String>::new);
    let target_field = if props.jpt { "pk_goal_id" } else { "parent_rhk_id" };

    let onsubmit = {
        let (i18n, invalid_rows, on_added) = (i18n.clone(), invalid_rows.clone(), props.on_added.clone());
        let (skp_id, jpt) = (props.skp_id, props.jpt);
        draft.submit(
            move |d: &Draft| {
                let mut invalid = Invalid::new();
                let target = d.target.parse::<i64>().ok();
                if target.is_none() {
                    let key = if jpt { "rhk.pk_goal_missing" } else { "rhk.parent_missing" };
                    invalid.insert(target_field.to_owned(), i18n.t(key).to_owned());
                }
                let (indicators, rows) = match parse_rows(&d.indicators, &i18n) {
                    Ok(parsed) => (parsed, HashMap::new()),
                    Err(rows) => (Vec::new(), rows),
                };
                let request = NewRhk {
                    text: d.text.trim().to_owned(),
                    kind: d.kind,
                    parent_rhk_id: target.filter(|_| !jpt),
                    pk_goal_id: target.filter(|_| jpt),
                    indicators: indicators
                        .into_iter()
                        .map(|i| IndicatorInput { aspect: i.aspect, text: i.text, target: i.target, unit: i.unit })
                        .collect(),
                };
                invalid.extend(validation::check(&request, &i18n));
                let rows_bad = !rows.is_empty();
                invalid_rows.set(rows);
                if !invalid.is_empty() || rows_bad {
                    return Err(invalid);
                }
                Ok(async move { api::skp::add_rhk(skp_id, &request).await })
            },
            move |form, rhk| {
                form.reset(Draft::default());
                on_added.emit(rhk);
            },
        )
    };
    let kinds: Vec<(AttrValue, AttrValue)> = RhkKind::ALL
        .iter()
        .map(|k| (AttrValue::from(k.as_str()), AttrValue::from(i18n.word("rhk_kind", k.as_str()))))
        .collect();
    let choices: Vec<(AttrValue, AttrValue)> =
        std::iter::once((AttrValue::from(""), AttrValue::from(i18n.t("validation.choose").to_owned())))
            .chain(
                props
                    .choices
                    .iter()
                    .flat_map(|c| c.iter())
                    .map(|(id, text)| (AttrValue::from(id.to_string()), AttrValue::from(text.clone()))),
            )
            .collect();
    let no_choices = props.choices.as_ref().is_some_and(|c| c.is_empty());
    let (target_label, no_choice_hint) = if props.jpt {
        (i18n.t("rhk.pk_goal"), i18n.t("rhk.no_pk_goals"))
    } else {
        (i18n.t("rhk.parent"), i18n.t("rhk.no_parents"))
    };

    html! {
        <form onchange={draft.touch()} class="panel form" {onsubmit} novalidate=true>
            <h2>{ i18n.t("rhk.add") }</h2>
            <ErrorBanner error={draft.server_error()} shown_fields={FIELDS} />
            <ErrorBanner error={props.choices_error.clone()} />
            <Field id="rhk-text" label={i18n.t("rhk.text").to_owned()} value={draft.text.clone()} rows={3}
                on_input={draft.text(|d| &mut d.text)} required=true name="text" error={draft.error("text")} />
            <div class="form-grid">
                <SelectField id="rhk-kind" label={i18n.t("rhk.kind").to_owned()} value={draft.kind.as_str()}
                    options={kinds} on_change={draft.set(|d, v: String| d.kind = v.parse().unwrap_or(d.kind))} name="kind" error={draft.error("kind")} />
                <SelectField id="rhk-target" label={target_label.to_owned()} value={draft.target.clone()}
                    options={choices} required=true on_change={draft.text(|d| &mut d.target)}
                    error={draft.error(target_field)} />
            </div>
            if no_choices {
                <p class="callout callout-warn">{ no_choice_hint }</p>
            }
            <IndicatorEditor id="rhk-indicator" rows={draft.indicators.clone()} on_change={draft.set(|d, rows| d.indicators = rows)}
                errors={(*invalid_rows).clone()} />
            if let Some(error) = draft.error("indicators") {
                <p class="field-error">{ error }</p>
            }
            <button type="submit" class="button-primary" disabled={draft.busy()}>
                { if draft.busy() { i18n.t("common.saving") } else { i18n.t("rhk.add") } }
            </button>
            <crate::components::SubmitSummary problems={draft.problems()} />
        </form>
    }
}
