//! "Tambah RHK": a Rencana Hasil Kerja with the RHK of the supervisor it supports (or, for a
//! JPT, the Perjanjian Kinerja goal it carries) and its indicators, one row per aspect.

use crate::api::{self, ApiError};
use crate::components::indicator_editor::{parse_rows, IndicatorEditor, IndicatorRow};
use crate::components::{ErrorBanner, Field, SelectField};
use crate::i18n::use_i18n;
use crate::validation;
use kinerja_domain::RhkKind;
use kinerja_types::{IndicatorInput, NewRhk, Rhk};
use std::collections::HashMap;
use std::rc::Rc;
use yew::platform::spawn_local;
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
    sending: bool,
    error: Option<ApiError>,
    invalid: HashMap<String, String>,
    invalid_rows: HashMap<usize, String>,
}

impl Default for Draft {
    fn default() -> Self {
        Self {
            text: String::new(),
            kind: RhkKind::Utama,
            target: String::new(),
            indicators: vec![IndicatorRow::default()],
            sending: false,
            error: None,
            invalid: HashMap::new(),
            invalid_rows: HashMap::new(),
        }
    }
}

enum Edit {
    Text(String),
    Kind(String),
    Target(String),
    Indicators(Vec<IndicatorRow>),
    Invalid(HashMap<String, String>, HashMap<usize, String>),
    Sending,
    Failed(ApiError),
    Done,
}

impl Reducible for Draft {
    type Action = Edit;

    fn reduce(self: Rc<Self>, edit: Edit) -> Rc<Self> {
        let mut next = (*self).clone();
        match edit {
            Edit::Text(v) => next.text = v,
            Edit::Kind(v) => next.kind = v.parse().unwrap_or(next.kind),
            Edit::Target(v) => next.target = v,
            Edit::Indicators(rows) => next.indicators = rows,
            Edit::Invalid(fields, rows) => {
                next.invalid = fields;
                next.invalid_rows = rows;
            }
            Edit::Sending => {
                next.sending = true;
                next.error = None;
                next.invalid.clear();
                next.invalid_rows.clear();
            }
            Edit::Failed(error) => {
                next.sending = false;
                next.error = Some(error);
            }
            Edit::Done => return Rc::new(Draft::default()),
        }
        Rc::new(next)
    }
}

impl Draft {
    fn error(&self, field: &str) -> Option<String> {
        self.invalid.get(field).cloned().or_else(|| self.error.as_ref().and_then(|e| e.field(field)))
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
    let draft = use_reducer(Draft::default);
    let target_field = if props.jpt { "pk_goal_id" } else { "parent_rhk_id" };

    let onsubmit = {
        let draft = draft.clone();
        let i18n = i18n.clone();
        let on_added = props.on_added.clone();
        let skp_id = props.skp_id;
        let jpt = props.jpt;
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if draft.sending {
                return;
            }
            let mut invalid = HashMap::new();
            let target = draft.target.parse::<i64>().ok();
            if target.is_none() {
                let key = if jpt { "rhk.pk_goal_missing" } else { "rhk.parent_missing" };
                invalid.insert(target_field.to_owned(), i18n.t(key).to_owned());
            }
            let (indicators, invalid_rows) = match parse_rows(&draft.indicators, &i18n) {
                Ok(parsed) => (parsed, HashMap::new()),
                Err(rows) => (Vec::new(), rows),
            };
            let request = NewRhk {
                text: draft.text.trim().to_owned(),
                kind: draft.kind,
                parent_rhk_id: target.filter(|_| !jpt),
                pk_goal_id: target.filter(|_| jpt),
                indicators: indicators
                    .into_iter()
                    .map(|i| IndicatorInput { aspect: i.aspect, text: i.text, target: i.target, unit: i.unit })
                    .collect(),
            };
            invalid.extend(validation::check(&request, &i18n));
            if !invalid.is_empty() || !invalid_rows.is_empty() {
                draft.dispatch(Edit::Invalid(invalid, invalid_rows));
                return;
            }
            draft.dispatch(Edit::Sending);
            let draft = draft.clone();
            let on_added = on_added.clone();
            spawn_local(async move {
                match api::skp::add_rhk(skp_id, &request).await {
                    Ok(rhk) => {
                        draft.dispatch(Edit::Done);
                        on_added.emit(rhk);
                    }
                    Err(error) => draft.dispatch(Edit::Failed(error)),
                }
            });
        })
    };
    let edit = |make: fn(String) -> Edit| {
        let draft = draft.clone();
        Callback::from(move |v: String| draft.dispatch(make(v)))
    };
    let on_indicators = {
        let draft = draft.clone();
        Callback::from(move |rows| draft.dispatch(Edit::Indicators(rows)))
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
        <form class="panel form" {onsubmit} novalidate=true>
            <h2>{ i18n.t("rhk.add") }</h2>
            <ErrorBanner error={draft.error.clone()} shown_fields={FIELDS} />
            <ErrorBanner error={props.choices_error.clone()} />
            <Field id="rhk-text" label={i18n.t("rhk.text").to_owned()} value={draft.text.clone()} rows={3}
                on_input={edit(Edit::Text)} required=true error={draft.error("text")} />
            <div class="form-grid">
                <SelectField id="rhk-kind" label={i18n.t("rhk.kind").to_owned()} value={draft.kind.as_str()}
                    options={kinds} on_change={edit(Edit::Kind)} error={draft.error("kind")} />
                <SelectField id="rhk-target" label={target_label.to_owned()} value={draft.target.clone()}
                    options={choices} required=true on_change={edit(Edit::Target)}
                    error={draft.error(target_field)} />
            </div>
            if no_choices {
                <p class="callout callout-warn">{ no_choice_hint }</p>
            }
            <IndicatorEditor id="rhk-indicator" rows={draft.indicators.clone()} on_change={on_indicators}
                errors={draft.invalid_rows.clone()} />
            if let Some(error) = draft.error("indicators") {
                <p class="field-error">{ error }</p>
            }
            <button type="submit" class="button-primary" disabled={draft.sending}>
                { if draft.sending { i18n.t("common.saving") } else { i18n.t("rhk.add") } }
            </button>
        </form>
    }
}
