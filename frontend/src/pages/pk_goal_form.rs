//! "Tambah sasaran": a goal of the unit's Perjanjian Kinerja with its indicators (kepala unit of
//! the subtree, or admin).

use crate::api::{self, ApiError};
use crate::components::indicator_editor::{parse_rows, IndicatorEditor, IndicatorRow};
use crate::components::{ErrorBanner, Field};
use crate::i18n::use_i18n;
use crate::validation;
use kinerja_types::{NewPkGoal, PkGoal, PkIndicator};
use std::collections::HashMap;
use yew::platform::spawn_local;
use yew::prelude::*;

/// The fields this form shows its own errors for.
const FIELDS: &[&str] = &["text"];

#[derive(Properties, PartialEq)]
pub struct PkGoalFormProps {
    pub unit_id: i64,
    pub year: i32,
    pub on_added: Callback<PkGoal>,
}

#[component]
pub fn PkGoalForm(props: &PkGoalFormProps) -> Html {
    let i18n = use_i18n();
    let text = use_state(String::new);
    let rows = use_state(|| vec![IndicatorRow::default()]);
    let row_errors = use_state(HashMap::<usize, String>::new);
    let text_error = use_state(|| None::<String>);
    let sending = use_state(|| false);
    let error = use_state(|| None::<ApiError>);

    let onsubmit = {
        let text = text.clone();
        let rows = rows.clone();
        let row_errors = row_errors.clone();
        let text_error = text_error.clone();
        let sending = sending.clone();
        let error = error.clone();
        let on_added = props.on_added.clone();
        let (unit_id, year) = (props.unit_id, props.year);
        let i18n = i18n.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if *sending {
                return;
            }
            let indicators = match parse_rows(&rows, &i18n) {
                Ok(parsed) => {
                    row_errors.set(HashMap::new());
                    parsed
                }
                Err(wrong) => {
                    row_errors.set(wrong);
                    return;
                }
            };
            let goal = NewPkGoal {
                year,
                text: text.trim().to_owned(),
                indicators: indicators
                    .into_iter()
                    .map(|i| PkIndicator { text: i.text, target: i.target, unit: i.unit })
                    .collect(),
            };
            let found = validation::check(&goal, &i18n);
            text_error.set(found.get("text").cloned());
            if !found.is_empty() {
                return;
            }
            sending.set(true);
            error.set(None);
            let text = text.clone();
            let rows = rows.clone();
            let sending = sending.clone();
            let error = error.clone();
            let on_added = on_added.clone();
            spawn_local(async move {
                match api::pk::add_goal(unit_id, &goal).await {
                    Ok(goal) => {
                        text.set(String::new());
                        rows.set(vec![IndicatorRow::default()]);
                        on_added.emit(goal);
                    }
                    Err(e) => error.set(Some(e)),
                }
                sending.set(false);
            });
        })
    };
    let on_text = {
        let text = text.clone();
        Callback::from(move |v: String| text.set(v))
    };
    let on_rows = {
        let rows = rows.clone();
        Callback::from(move |v: Vec<IndicatorRow>| rows.set(v))
    };
    html! {
        <form class="panel form" {onsubmit} novalidate=true>
            <h2>{ i18n.tf("pk.add_title", &[("year", &props.year.to_string())]) }</h2>
            <p class="muted">{ i18n.t("pk.hint") }</p>
            <ErrorBanner error={(*error).clone()} shown_fields={FIELDS} />
            <Field id="pk-text" label={i18n.t("pk.text").to_owned()} value={(*text).clone()} rows={2}
                on_input={on_text} required=true
                error={(*text_error).clone().or_else(|| error.as_ref().and_then(|e| e.field("text")))} />
            <IndicatorEditor id="pk-indicator" rows={(*rows).clone()} on_change={on_rows} with_aspect={false}
                errors={(*row_errors).clone()} max={20} />
            <button type="submit" class="button-primary" disabled={*sending}>
                { if *sending { i18n.t("common.saving") } else { i18n.t("pk.add") } }
            </button>
        </form>
    }
}
