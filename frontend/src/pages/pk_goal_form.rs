//! "Tambah sasaran": a goal of the unit's Perjanjian Kinerja with its indicators (kepala unit of
//! the subtree, or admin).

use crate::api;
use crate::components::indicator_editor::{parse_rows, IndicatorEditor, IndicatorRow};
use crate::components::{ErrorBanner, Field};
use crate::hooks::{checked, use_form, Invalid};
use crate::i18n::use_i18n;
use kinerja_types::{NewPkGoal, PkGoal, PkIndicator};
use std::collections::HashMap;
use yew::prelude::*;

/// The fields this form shows its own errors for.
const FIELDS: &[&str] = &["text"];

/// The goal as typed.
#[derive(Clone, PartialEq)]
struct Draft {
    text: String,
    rows: Vec<IndicatorRow>,
}

#[derive(Properties, PartialEq)]
pub struct PkGoalFormProps {
    pub unit_id: i64,
    pub year: i32,
    pub on_added: Callback<PkGoal>,
}

#[component]
pub fn PkGoalForm(props: &PkGoalFormProps) -> Html {
    let i18n = use_i18n();
    let form = use_form(|| Draft { text: String::new(), rows: vec![IndicatorRow::default()] });
    let row_errors = use_state(HashMap::<usize, String>::new);
    let onsubmit = {
        let (row_errors, on_added, i18n) = (row_errors.clone(), props.on_added.clone(), i18n.clone());
        let (unit_id, year) = (props.unit_id, props.year);
        form.submit(
            move |d: &Draft| {
                let indicators = match parse_rows(&d.rows, &i18n) {
                    Ok(parsed) => {
                        row_errors.set(HashMap::new());
                        parsed
                    }
                    // The editor shows these beside its rows; nothing is marked in the form.
                    Err(wrong) => {
                        row_errors.set(wrong);
                        return Err(Invalid::new());
                    }
                };
                let goal = NewPkGoal {
                    year,
                    text: d.text.trim().to_owned(),
                    indicators: indicators
                        .into_iter()
                        .map(|i| PkIndicator { text: i.text, target: i.target, unit: i.unit })
                        .collect(),
                };
                checked(goal, &i18n).map(|goal| async move { api::pk::add_goal(unit_id, &goal).await })
            },
            move |form, goal| {
                form.reset(Draft { text: String::new(), rows: vec![IndicatorRow::default()] });
                on_added.emit(goal);
            },
        )
    };
    html! {
        <form onchange={form.touch()} class="panel form" {onsubmit} novalidate=true>
            <h2>{ i18n.tf("pk.add_title", &[("year", &props.year.to_string())]) }</h2>
            <p class="muted">{ i18n.t("pk.hint") }</p>
            <ErrorBanner error={form.server_error()} shown_fields={FIELDS} />
            <Field id="pk-text" label={i18n.t("pk.text").to_owned()} value={form.text.clone()} rows={2}
                on_input={form.text(|d| &mut d.text)} required=true name="text" error={form.error("text")} />
            <IndicatorEditor id="pk-indicator" rows={form.rows.clone()} on_change={form.set(|d, v| d.rows = v)} with_aspect={false}
                errors={(*row_errors).clone()} max={20} />
            <button type="submit" class="button-primary" disabled={form.busy()}>
                { if form.busy() { i18n.t("common.saving") } else { i18n.t("pk.add") } }
            </button>
            <crate::components::SubmitSummary problems={form.problems()} />
        </form>
    }
}
