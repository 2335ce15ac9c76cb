//! Pengaturan (admin): every Pemda setting in one form; saving sends only what changed.

use super::settings_draft::{changes, SettingsDraft, TEXT_FIELDS};
use crate::api::{self, ApiError};
use crate::components::layout::ReloadSettings;
use crate::components::{CheckField, ErrorBanner, Field, Loading, Notice, SelectField};
use crate::hooks::use_remote;
use crate::i18n::use_i18n;
use crate::validation;
use kinerja_types::{AssessmentFrequency, PemdaSettings};
use std::collections::HashMap;
use std::rc::Rc;
use yew::platform::spawn_local;
use yew::prelude::*;

/// Every field, so the banner lists none of them again.
const FIELDS: &[&str] = &[
    "pemda_name",
    "skp_deadline",
    "activity_max_days_back",
    "activity_max_minutes_per_day",
    "assessment_frequency",
    "objection_days",
    "complaint_verify_days",
    "complaint_response_days",
    "holidays",
    "team_view_enabled",
    "evidence_max_bytes",
];

#[derive(Clone, PartialEq, Default)]
struct Form {
    /// The settings as last read or saved.
    saved: Option<PemdaSettings>,
    draft: SettingsDraft,
    sending: bool,
    error: Option<ApiError>,
    invalid: HashMap<String, String>,
    /// The i18n key of the last outcome shown (saved, nothing changed).
    outcome: Option<&'static str>,
}

enum FormAction {
    Loaded(PemdaSettings),
    Text(&'static str, String),
    Frequency(String),
    TeamView(bool),
    Invalid(HashMap<String, String>),
    Unchanged,
    Sending,
    Saved(PemdaSettings),
    Failed(ApiError),
}

impl Reducible for Form {
    type Action = FormAction;

    fn reduce(self: Rc<Self>, action: FormAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            FormAction::Loaded(settings) => {
                next.draft = SettingsDraft::from_settings(&settings);
                next.saved = Some(settings);
            }
            FormAction::Text(field, value) => {
                next.draft.text.insert(field, value);
                next.outcome = None;
            }
            FormAction::Frequency(v) => {
                next.draft.assessment_frequency = match v.as_str() {
                    "monthly" => Some(AssessmentFrequency::Monthly),
                    _ => Some(AssessmentFrequency::Quarterly),
                };
                next.outcome = None;
            }
            FormAction::TeamView(v) => {
                next.draft.team_view_enabled = v;
                next.outcome = None;
            }
            FormAction::Invalid(found) => {
                next.invalid = found;
                next.outcome = None;
            }
            FormAction::Unchanged => {
                next.invalid.clear();
                next.error = None;
                next.outcome = Some("settings.unchanged");
            }
            FormAction::Sending => {
                next.sending = true;
                next.error = None;
                next.invalid.clear();
                next.outcome = None;
            }
            FormAction::Saved(settings) => {
                next.sending = false;
                next.draft = SettingsDraft::from_settings(&settings);
                next.saved = Some(settings);
                next.outcome = Some("settings.saved");
            }
            FormAction::Failed(error) => {
                next.sending = false;
                next.error = Some(error);
            }
        }
        Rc::new(next)
    }
}

impl Form {
    fn error(&self, field: &str) -> Option<String> {
        self.invalid.get(field).cloned().or_else(|| self.error.as_ref().and_then(|e| e.field(field)))
    }
}

#[component]
pub fn Settings() -> Html {
    let i18n = use_i18n();
    let form = use_reducer(Form::default);
    let remote = use_remote((), |()| api::settings::get());
    let reload_header = use_context::<ReloadSettings>();
    {
        let form = form.clone();
        use_effect_with(remote.state.data.clone(), move |data| {
            if let Some(settings) = data {
                form.dispatch(FormAction::Loaded((**settings).clone()));
            }
        });
    }

    let Some(saved) = form.saved.clone() else {
        return html! {
            <section class="page">
                <h1>{ i18n.t("settings.title") }</h1>
                <ErrorBanner error={remote.state.error.clone()} on_retry={remote.reload.clone()} />
                if remote.state.loading { <Loading /> }
            </section>
        };
    };

    let onsubmit = {
        let form = form.clone();
        let i18n = i18n.clone();
        let reload_header = reload_header.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if form.sending {
                return;
            }
            let edited = match form.draft.parse(&saved) {
                Ok(edited) => edited,
                Err(bad) => {
                    let found =
                        bad.into_iter().map(|(field, key)| (field.to_owned(), i18n.t(key).to_owned())).collect();
                    form.dispatch(FormAction::Invalid(found));
                    return;
                }
            };
            let invalid = validation::check(&edited, &i18n);
            if !invalid.is_empty() {
                form.dispatch(FormAction::Invalid(invalid));
                return;
            }
            let patch = changes(&saved, &edited);
            if patch.is_empty() {
                form.dispatch(FormAction::Unchanged);
                return;
            }
            form.dispatch(FormAction::Sending);
            let form = form.clone();
            let reload_header = reload_header.clone();
            spawn_local(async move {
                match api::settings::patch(&patch).await {
                    Ok(settings) => {
                        form.dispatch(FormAction::Saved(settings));
                        if let Some(ReloadSettings(reload)) = reload_header {
                            reload.emit(());
                        }
                    }
                    Err(error) => form.dispatch(FormAction::Failed(error)),
                }
            });
        })
    };
    let text_field = |field: &'static str, numeric: bool| {
        let on_input = {
            let form = form.clone();
            Callback::from(move |v| form.dispatch(FormAction::Text(field, v)))
        };
        let label = format!("settings.{field}");
        let hint = format!("settings.{field}.hint");
        html! {
            <Field id={format!("settings-{field}")} label={i18n.t(&label).to_owned()}
                value={form.draft.text.get(field).cloned().unwrap_or_default()} {on_input}
                kind={if numeric { "number" } else { "text" }}
                inputmode={numeric.then_some(AttrValue::Static("numeric"))}
                rows={(field == "holidays").then_some(4)}
                hint={AttrValue::from(i18n.t(&hint).to_owned())}
                error={form.error(field)} />
        }
    };
    let frequencies = vec![
        (AttrValue::Static("monthly"), AttrValue::from(i18n.t("settings.frequency.monthly").to_owned())),
        (AttrValue::Static("quarterly"), AttrValue::from(i18n.t("settings.frequency.quarterly").to_owned())),
    ];
    let frequency = match form.draft.assessment_frequency {
        Some(AssessmentFrequency::Monthly) => "monthly",
        _ => "quarterly",
    };
    let on_frequency = {
        let form = form.clone();
        Callback::from(move |v| form.dispatch(FormAction::Frequency(v)))
    };
    let on_team_view = {
        let form = form.clone();
        Callback::from(move |v| form.dispatch(FormAction::TeamView(v)))
    };

    html! {
        <section class="page">
            <h1>{ i18n.t("settings.title") }</h1>
            <form class="panel form" {onsubmit} novalidate=true>
                <ErrorBanner error={form.error.clone()} shown_fields={FIELDS} />
                <div class="form-grid">
                    { for TEXT_FIELDS.iter().filter(|(f, _)| *f != "holidays").map(|(f, n)| text_field(f, *n)) }
                    <SelectField id="settings-assessment_frequency"
                        label={i18n.t("settings.assessment_frequency").to_owned()}
                        value={frequency} options={frequencies} on_change={on_frequency}
                        error={form.error("assessment_frequency")} />
                    { text_field("holidays", false) }
                    <CheckField id="settings-team_view_enabled"
                        label={i18n.t("settings.team_view_enabled").to_owned()}
                        checked={form.draft.team_view_enabled} on_toggle={on_team_view}
                        error={form.error("team_view_enabled")} />
                </div>
                if let Some(outcome) = form.outcome {
                    <Notice text={i18n.t(outcome).to_owned()}
                        kind={if outcome == "settings.saved" { "success" } else { "info" }} />
                }
                <button type="submit" class="button-primary" disabled={form.sending}>
                    { if form.sending { i18n.t("common.saving") } else { i18n.t("common.save") } }
                </button>
            </form>
        </section>
    }
}
