//! Rating one direct subordinate for one period (the penilai): the evidence first, then the two
//! ratings with the predikat previewed as they change, a note per BerAKHLAK core value and an
//! overall note. "Simpan draf" keeps it editable; "Finalkan" (after a confirmation) tells the
//! employee, who then has the Pemda's number of days to object.

use super::rating_evidence::RatingEvidenceView;
use crate::api::{self, ApiError};
use crate::components::{
    use_pemda_settings, Confirm, ErrorBanner, Field, Loading, Notice, PredikatPreview, RatingChoice,
};
use crate::hooks::use_remote;
use crate::i18n::use_i18n;
use crate::periods;
use crate::route::Route;
use crate::validation;
use kinerja_domain::{AssessmentStatus, CoreValue, Period, Rating};
use kinerja_types::{Assessment, Me, NewAssessment};
use std::collections::BTreeMap;
use std::rc::Rc;
use yew::platform::spawn_local;
use yew::prelude::*;
use yew_router::prelude::*;

/// The fields this form shows its own errors for.
const FIELDS: &[&str] = &["result_rating", "behavior_rating", "note", "behavior_notes"];

#[derive(Properties, PartialEq)]
pub struct AssessmentFormProps {
    pub me: Rc<Me>,
    pub employee_id: i64,
    /// As in the address, e.g. `2026-Q4`.
    pub period: AttrValue,
}

#[component]
pub fn AssessmentForm(props: &AssessmentFormProps) -> Html {
    let i18n = use_i18n();
    let employee = use_remote(props.employee_id, api::employees::get);
    let heading = match &employee.state.data {
        Some(e) => i18n.tf("assessment.rate_title", &[("name", &e.name)]),
        None => i18n.t("nav.rate").to_owned(),
    };
    let Ok(period) = props.period.parse::<Period>() else {
        return html! {
            <section class="page">
                <h1>{ heading }</h1>
                <div class="callout callout-warn" role="alert">
                    <p>{ i18n.tf("assessment.bad_period", &[("period", &props.period)]) }</p>
                </div>
            </section>
        };
    };
    html! {
        <section class="page">
            <h1>{ heading }</h1>
            if let Some(e) = &employee.state.data {
                <p class="lead">{ format!("{} · {}", e.position_title, periods::words(period, &i18n)) }</p>
            }
            <p><Link<Route> to={Route::Assessments}>{ i18n.t("assessment.to_list") }</Link<Route>></p>
            <ErrorBanner error={employee.state.error.clone()} on_retry={employee.reload.clone()} />
            <RatingEvidenceView employee_id={props.employee_id} {period} />
            <RatingPanel employee_id={props.employee_id} {period}
                name={employee.state.data.as_ref().map(|e| AttrValue::from(e.name.clone())).unwrap_or_default()} />
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct RatingPanelProps {
    employee_id: i64,
    period: Period,
    /// The employee's name, for the confirmation.
    name: AttrValue,
}

/// Loads the assessment of the period, if any: a draft is continued, a finalised one is only
/// pointed to.
#[component]
fn RatingPanel(props: &RatingPanelProps) -> Html {
    let i18n = use_i18n();
    let existing = use_remote((props.employee_id, props.period), |(id, period)| api::assessments::of(id, period));
    // While another employee's or period's assessment loads, the last one must not stand in for it.
    let body = match existing.state.data.as_deref() {
        _ if existing.state.loading => html! { <Loading /> },
        Some(Some(a)) if a.status != AssessmentStatus::Draft => html! {
            <div class="callout callout-info">
                <p>{ i18n.t("assessment.already_final") }</p>
                <Link<Route> to={Route::AssessmentDetail { id: a.id }}>{ i18n.t("assessment.open") }</Link<Route>>
            </div>
        },
        Some(found) => html! {
            <RatingForm key={format!("{}-{}", props.employee_id, props.period)} employee_id={props.employee_id}
                period={props.period} name={props.name.clone()} existing={found.clone()} />
        },
        None => html! {},
    };
    html! {
        <section class="panel rating-panel" aria-labelledby="rating-title">
            <h2 id="rating-title">{ i18n.t("assessment.form_title") }</h2>
            <ErrorBanner error={existing.state.error.clone()} on_retry={existing.reload.clone()} />
            { body }
        </section>
    }
}

/// What the penilai has filled in so far.
#[derive(Debug, Clone, PartialEq, Default)]
struct Draft {
    /// Set once the draft is saved on the server.
    id: Option<i64>,
    result: Option<Rating>,
    behavior: Option<Rating>,
    notes: BTreeMap<CoreValue, String>,
    note: String,
}

impl Draft {
    fn from_saved(a: &Assessment) -> Self {
        Draft {
            id: Some(a.id),
            result: Some(a.result_rating),
            behavior: Some(a.behavior_rating),
            notes: a.behavior_notes.clone(),
            note: a.note.clone().unwrap_or_default(),
        }
    }
}

enum Change {
    Saved(i64),
    Result(Rating),
    Behavior(Rating),
    Note(CoreValue, String),
    Overall(String),
}

impl Reducible for Draft {
    type Action = Change;

    fn reduce(self: Rc<Self>, change: Change) -> Rc<Self> {
        let mut next = (*self).clone();
        match change {
            Change::Saved(id) => next.id = Some(id),
            Change::Result(r) => next.result = Some(r),
            Change::Behavior(r) => next.behavior = Some(r),
            Change::Note(value, text) => {
                next.notes.insert(value, text);
            }
            Change::Overall(text) => next.note = text,
        }
        Rc::new(next)
    }
}

/// Whether the penilai saves or finalises.
#[derive(Clone, Copy, PartialEq)]
enum Intent {
    Save,
    Finalize,
}

#[derive(Properties, PartialEq)]
struct RatingFormProps {
    employee_id: i64,
    period: Period,
    name: AttrValue,
    /// The draft saved before, if any.
    existing: Option<Assessment>,
}

#[component]
fn RatingForm(props: &RatingFormProps) -> Html {
    let i18n = use_i18n();
    let navigator = use_navigator();
    let settings = use_pemda_settings();
    let draft = {
        let existing = props.existing.clone();
        use_reducer(move || existing.as_ref().map(Draft::from_saved).unwrap_or_default())
    };
    let missing = use_state(|| (false, false));
    let invalid = use_state(BTreeMap::<String, String>::new);
    let busy = use_state(|| false);
    let asking = use_state(|| false);
    let error = use_state(|| None::<ApiError>);
    let flash = use_state(|| None::<String>);

    // The body to send, or nothing when a rating is missing or a note too long (marked on the form).
    let checked = {
        let draft = draft.clone();
        let missing = missing.clone();
        let invalid = invalid.clone();
        let i18n = i18n.clone();
        let (employee_id, period) = (props.employee_id, props.period);
        move || -> Option<NewAssessment> {
            missing.set((draft.result.is_none(), draft.behavior.is_none()));
            let (result_rating, behavior_rating) = (draft.result?, draft.behavior?);
            let note = draft.note.trim();
            let body = NewAssessment {
                employee_id,
                period: period.to_string(),
                result_rating,
                behavior_rating,
                behavior_notes: draft
                    .notes
                    .iter()
                    .map(|(value, text)| (*value, text.trim().to_owned()))
                    .filter(|(_, text)| !text.is_empty())
                    .collect(),
                note: (!note.is_empty()).then(|| note.to_owned()),
            };
            let found: BTreeMap<String, String> = validation::check(&body, &i18n).into_iter().collect();
            let ok = found.is_empty();
            invalid.set(found);
            ok.then_some(body)
        }
    };
    let run = {
        let (draft, busy, asking, error, flash) =
            (draft.clone(), busy.clone(), asking.clone(), error.clone(), flash.clone());
        let i18n = i18n.clone();
        Rc::new(move |intent: Intent, body: NewAssessment| {
            if *busy {
                return;
            }
            busy.set(true);
            error.set(None);
            flash.set(None);
            let (draft, busy, asking, error, flash) =
                (draft.clone(), busy.clone(), asking.clone(), error.clone(), flash.clone());
            let navigator = navigator.clone();
            let saved_text = i18n.t("assessment.saved").to_owned();
            let id = draft.id;
            spawn_local(async move {
                let saved = match id {
                    Some(id) => api::assessments::update(id, &body).await,
                    None => api::assessments::create(&body).await,
                };
                let outcome = match saved {
                    Ok(a) => {
                        draft.dispatch(Change::Saved(a.id));
                        match intent {
                            Intent::Save => {
                                flash.set(Some(saved_text));
                                Ok(())
                            }
                            Intent::Finalize => api::assessments::finalize(a.id).await.map(|done| {
                                if let Some(navigator) = &navigator {
                                    navigator.push(&Route::AssessmentDetail { id: done.id });
                                }
                            }),
                        }
                    }
                    Err(e) => Err(e),
                };
                if let Err(e) = outcome {
                    error.set(Some(e));
                }
                asking.set(false);
                busy.set(false);
            });
        })
    };
    let onsubmit = {
        let (checked, run) = (checked.clone(), run.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if let Some(body) = checked() {
                run(Intent::Save, body);
            }
        })
    };
    let ask_finalize = {
        let (checked, asking, flash) = (checked.clone(), asking.clone(), flash.clone());
        Callback::from(move |_: MouseEvent| {
            flash.set(None);
            if checked().is_some() {
                asking.set(true);
            }
        })
    };
    let finalize = {
        let (checked, run) = (checked.clone(), run.clone());
        Callback::from(move |()| {
            if let Some(body) = checked() {
                run(Intent::Finalize, body);
            }
        })
    };
    let cancel = {
        let asking = asking.clone();
        Callback::from(move |()| asking.set(false))
    };
    let pick = |make: fn(Rating) -> Change| {
        let draft = draft.clone();
        Callback::from(move |r: Rating| draft.dispatch(make(r)))
    };
    let on_note = {
        let draft = draft.clone();
        Callback::from(move |text: String| draft.dispatch(Change::Overall(text)))
    };
    let rating_error = |missing: bool, field: &str| {
        let server = error.as_ref().and_then(|e| e.field(field));
        missing.then(|| i18n.t("assessment.pick_rating").to_owned()).or(server)
    };
    // The confirmation names the Pemda's objection days: finalising waits until they are known.
    let days = settings.as_ref().map(|s| s.objection_days).unwrap_or_default().to_string();
    let confirm_text = i18n.tf(
        "assessment.finalize_confirm",
        &[("name", &props.name), ("period", &periods::words(props.period, &i18n)), ("days", &days)],
    );
    let notes = CoreValue::ALL.iter().map(|value| {
        let on_input = {
            let draft = draft.clone();
            let value = *value;
            Callback::from(move |text: String| draft.dispatch(Change::Note(value, text)))
        };
        html! {
            <Field id={format!("note-{}", value.as_str())} label={i18n.word("core_value", value.as_str())}
                value={draft.notes.get(value).cloned().unwrap_or_default()} rows={2} {on_input} />
        }
    });
    html! {
        <form class="form assessment-form" {onsubmit} novalidate=true>
            if let Some(text) = &*flash {
                <Notice text={text.clone()} />
            }
            <ErrorBanner error={(*error).clone()} shown_fields={FIELDS} />
            <RatingChoice name="result-rating" legend={i18n.t("assessment.result_rating").to_owned()}
                value={draft.result} on_pick={pick(Change::Result)} error={rating_error(missing.0, "result_rating")} />
            <RatingChoice name="behavior-rating" legend={i18n.t("assessment.behavior_rating").to_owned()}
                value={draft.behavior} on_pick={pick(Change::Behavior)} error={rating_error(missing.1, "behavior_rating")} />
            <PredikatPreview result={draft.result} behavior={draft.behavior} />
            <p class="muted small">{ i18n.t("assessment.matrix_hint") }</p>
            <fieldset class="choices behavior-notes">
                <legend>{ i18n.t("assessment.behavior_notes") }</legend>
                <p class="muted small">{ i18n.t("assessment.behavior_notes_hint") }</p>
                { for notes }
                if let Some(message) = error.as_ref().and_then(|e| e.field("behavior_notes")) {
                    <small class="field-error">{ message }</small>
                }
            </fieldset>
            <Field id="assessment-note" label={i18n.t("assessment.note").to_owned()} value={draft.note.clone()}
                rows={3} on_input={on_note} error={invalid.get("note").cloned().or_else(|| error.as_ref().and_then(|e| e.field("note")))} />
            if *asking {
                <Confirm text={confirm_text} confirm_label={i18n.t("assessment.finalize_yes").to_owned()}
                    on_confirm={finalize} on_cancel={cancel} busy={*busy} />
            } else {
                <div class="actions form-actions">
                    <button type="submit" class="button-quiet" disabled={*busy}>
                        { if *busy { i18n.t("common.saving") } else { i18n.t("assessment.save_draft") } }
                    </button>
                    <button type="button" class="button-primary" onclick={ask_finalize} disabled={*busy || settings.is_none()}>
                        { i18n.t("assessment.finalize") }
                    </button>
                </div>
            }
        </form>
    }
}
