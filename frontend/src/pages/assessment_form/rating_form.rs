//! The rating itself: the two ratings, a note per BerAKHLAK core value and an overall note, saved
//! as a draft or finalised after a confirmation. For the head of a unit with an organisation
//! predikat, the result rating it proposes is chosen at first (SE MenPANRB 3/2023), and departing
//! from it asks for a reason.

use crate::api::{self, ApiError};
use crate::components::{use_pemda_settings, use_toast, Confirm, ErrorBanner, Field, PredikatPreview, RatingChoice};
use crate::format;
use crate::hooks::{use_form, use_remote, Invalid};
use crate::i18n::{use_i18n, I18n};
use crate::periods;
use crate::route::Route;
use crate::validation;
use kinerja_domain::{CoreValue, Period, Rating};
use kinerja_types::{Assessment, NewAssessment};
use std::collections::BTreeMap;
use yew::prelude::*;
use yew_router::prelude::*;

/// The fields this form shows its own errors for.
const FIELDS: &[&str] = &["result_rating", "behavior_rating", "note", "behavior_notes", "result_departure_reason"];

/// What the penilai has filled in so far.
#[derive(Debug, Clone, PartialEq, Default)]
struct Draft {
    /// Set once the draft is saved on the server.
    id: Option<i64>,
    result: Option<Rating>,
    behavior: Option<Rating>,
    notes: BTreeMap<CoreValue, String>,
    note: String,
    /// Why the result rating departs from the proposed one.
    departure: String,
}

impl Draft {
    fn from_saved(a: &Assessment) -> Self {
        Draft {
            id: Some(a.id),
            result: Some(a.result_rating),
            behavior: Some(a.behavior_rating),
            notes: a.behavior_notes.clone(),
            note: a.note.clone().unwrap_or_default(),
            departure: a.result_departure_reason.clone().unwrap_or_default(),
        }
    }

    /// The body to send, or what is wrong: a rating missing, a note too long, a departure from the
    /// `proposed` result rating without its reason.
    fn request(
        &self,
        employee_id: i64,
        period: Period,
        proposed: Option<Rating>,
        i18n: &I18n,
    ) -> Result<NewAssessment, Invalid> {
        let (Some(result_rating), Some(behavior_rating)) = (self.result, self.behavior) else {
            let pick = i18n.t("assessment.pick_rating").to_owned();
            let mut missing = Invalid::new();
            for (field, rating) in [("result_rating", self.result), ("behavior_rating", self.behavior)] {
                if rating.is_none() {
                    missing.insert(field.to_owned(), pick.clone());
                }
            }
            return Err(missing);
        };
        let note = self.note.trim();
        let departs = proposed.is_some_and(|p| p != result_rating);
        let departure = self.departure.trim();
        if departs && departure.chars().count() < 10 {
            let mut missing = Invalid::new();
            missing.insert("result_departure_reason".to_owned(), i18n.t("assessment.departure_missing").to_owned());
            return Err(missing);
        }
        let body = NewAssessment {
            employee_id,
            period: period.to_string(),
            result_rating,
            behavior_rating,
            behavior_notes: self
                .notes
                .iter()
                .map(|(value, text)| (*value, text.trim().to_owned()))
                .filter(|(_, text)| !text.is_empty())
                .collect(),
            note: (!note.is_empty()).then(|| note.to_owned()),
            result_departure_reason: departs.then(|| departure.to_owned()),
        };
        let found = validation::check(&body, i18n);
        if found.is_empty() {
            Ok(body)
        } else {
            Err(found.into_iter().collect())
        }
    }
}

/// Whether the penilai saves or finalises.
#[derive(Clone, Copy, PartialEq)]
enum Intent {
    Save,
    Finalize,
}

/// Saves the draft `id` (or a new one, whose id goes to `on_saved` at once), then finalises it
/// when asked to; the finalised assessment, if it was.
async fn send(
    id: Option<i64>,
    on_saved: Callback<i64>,
    body: NewAssessment,
    intent: Intent,
) -> Result<Option<Assessment>, ApiError> {
    let saved = match id {
        Some(id) => api::assessments::update(id, &body).await,
        None => api::assessments::create(&body).await,
    }?;
    on_saved.emit(saved.id);
    match intent {
        Intent::Save => Ok(None),
        Intent::Finalize => api::assessments::finalize(saved.id).await.map(Some),
    }
}

#[derive(Properties, PartialEq)]
pub(super) struct RatingFormProps {
    pub(super) employee_id: i64,
    pub(super) period: Period,
    pub(super) name: AttrValue,
    /// The draft saved before, if any.
    pub(super) existing: Option<Assessment>,
}

#[component]
pub(super) fn RatingForm(props: &RatingFormProps) -> Html {
    let i18n = use_i18n();
    let navigator = use_navigator();
    let settings = use_pemda_settings();
    let form = {
        let existing = props.existing.clone();
        use_form(move || existing.as_ref().map(Draft::from_saved).unwrap_or_default())
    };
    let asking = use_state(|| false);
    let toast = use_toast();
    let (employee_id, period) = (props.employee_id, props.period);
    let evidence = use_remote((employee_id, period), |(id, period)| api::assessments::evidence(id, period));
    let proposal = evidence.state.data.as_ref().and_then(|e| e.proposed_result.clone());
    let proposed = proposal.as_ref().map(|p| p.result_rating);
    {
        // The proposal is the first choice of a new rating.
        let choose = form.set(|d, r: Rating| {
            if d.result.is_none() {
                d.result = Some(r);
            }
        });
        use_effect_with(proposed, move |proposed| {
            if let Some(r) = proposed {
                choose.emit(*r);
            }
        });
    }

    let on_saved = form.set(|d, id: i64| d.id = Some(id));
    // Once a write is over, taken or not, the question is closed.
    let finish = {
        let asking = asking.clone();
        move |answer: Result<Option<Assessment>, ApiError>| {
            asking.set(false);
            answer
        }
    };
    let onsubmit = {
        let (i18n, toast, finish) = (i18n.clone(), toast.clone(), finish.clone());
        let saved_text = i18n.tf("assessment.saved", &[("name", &props.name)]);
        let on_saved = on_saved.clone();
        form.submit(
            move |d: &Draft| {
                let body = d.request(employee_id, period, proposed, &i18n)?;
                let call = send(d.id, on_saved.clone(), body, Intent::Save);
                let finish = finish.clone();
                Ok(async move { finish(call.await) })
            },
            move |_, _| toast.say(saved_text.clone()),
        )
    };
    let ask_finalize = {
        let (form, asking, i18n) = (form.clone(), asking.clone(), i18n.clone());
        Callback::from(move |_: MouseEvent| match form.request(employee_id, period, proposed, &i18n) {
            Ok(_) => {
                form.invalidate(Invalid::new());
                asking.set(true);
            }
            Err(invalid) => {
                form.invalidate(invalid);
                crate::components::focus_first_error();
            }
        })
    };
    let finalize = {
        let (form, i18n) = (form.clone(), i18n.clone());
        Callback::from(move |()| {
            let body = match form.request(employee_id, period, proposed, &i18n) {
                Ok(body) => body,
                Err(invalid) => return form.invalidate(invalid),
            };
            let call = send(form.id, on_saved.clone(), body, Intent::Finalize);
            let (finish, navigator) = (finish.clone(), navigator.clone());
            form.write.run(async move { finish(call.await) }, move |done| {
                if let (Some(navigator), Some(done)) = (&navigator, done) {
                    navigator.push(&Route::AssessmentDetail { id: done.id });
                }
            });
        })
    };
    let cancel = {
        let asking = asking.clone();
        Callback::from(move |()| asking.set(false))
    };
    // The confirmation names the Pemda's objection days: finalising waits until they are known.
    let days = settings.as_ref().map(|s| s.objection_days).unwrap_or_default().to_string();
    let confirm_text = i18n.tf(
        "assessment.finalize_confirm",
        &[("name", &props.name), ("period", &periods::words(props.period, &i18n)), ("days", &days)],
    );
    // What the penilai should know before finalising: the period is still running, or work of it
    // still waits for verification (it would not count).
    let mut warnings = Vec::new();
    let (_, last_day) = props.period.bounds();
    if last_day >= format::today() {
        warnings.push(i18n.tf(
            "assessment.finalize_early",
            &[("period", &periods::words(props.period, &i18n)), ("end", &format::date(&last_day))],
        ));
    }
    if let Some(waiting) = evidence.state.data.as_ref().map(|e| e.activities.submitted).filter(|n| *n > 0) {
        warnings.push(i18n.tf("assessment.finalize_waiting", &[("n", &waiting.to_string()), ("name", &props.name)]));
    }
    let notes = CoreValue::ALL.iter().map(|value| {
        let value = *value;
        html! {
            <Field id={format!("note-{}", value.as_str())} label={i18n.word("core_value", value.as_str())}
                value={form.notes.get(&value).cloned().unwrap_or_default()} rows={2}
                on_input={form.set(move |d, text: String| { d.notes.insert(value, text); })} />
        }
    });
    let busy = form.busy();
    html! {
        <form onchange={form.touch()} class="form assessment-form" {onsubmit} novalidate=true>
            <ErrorBanner error={form.server_error()} shown_fields={FIELDS} />
            if let Some(p) = &proposal {
                <p class="callout callout-info proposed-result">
                    { i18n.tf("assessment.proposed_result", &[
                        ("unit", &p.unit_name),
                        ("org", i18n.word("org_predikat", p.org_predikat.as_str())),
                        ("rating", i18n.word("rating", p.result_rating.as_str())),
                    ]) }
                </p>
            }
            <RatingChoice name="result-rating" legend={i18n.t("assessment.result_rating").to_owned()}
                value={form.result} on_pick={form.set(|d, r| d.result = Some(r))} error={form.error("result_rating")} />
            if proposed.is_some() && form.result.is_some() && form.result != proposed {
                <Field id="result-departure" label={i18n.t("assessment.departure").to_owned()} value={form.departure.clone()}
                    rows={2} on_input={form.text(|d| &mut d.departure)} required=true
                    hint={AttrValue::from(i18n.t("assessment.departure_hint").to_owned())}
                    name="result_departure_reason" error={form.error("result_departure_reason")} />
            }
            <RatingChoice name="behavior-rating" legend={i18n.t("assessment.behavior_rating").to_owned()}
                value={form.behavior} on_pick={form.set(|d, r| d.behavior = Some(r))} error={form.error("behavior_rating")} />
            <PredikatPreview result={form.result} behavior={form.behavior} />
            <p class="muted small">{ i18n.t("assessment.matrix_hint") }</p>
            <fieldset class="choices behavior-notes">
                <legend>{ i18n.t("assessment.behavior_notes") }</legend>
                <p class="muted small">{ i18n.t("assessment.behavior_notes_hint") }</p>
                { for notes }
                if let Some(message) = form.write.field("behavior_notes") {
                    <small class="field-error">{ message }</small>
                }
            </fieldset>
            <Field id="assessment-note" label={i18n.t("assessment.note").to_owned()} value={form.note.clone()}
                rows={3} on_input={form.text(|d| &mut d.note)} name="note" error={form.error("note")} />
            if *asking && !warnings.is_empty() {
                <div class="callout callout-warn finalize-warnings" role="alert">
                    <strong>{ i18n.t("assessment.finalize_check") }</strong>
                    <ul>{ for warnings.iter().map(|w| html! { <li>{ w.clone() }</li> }) }</ul>
                </div>
            }
            if *asking {
                <Confirm text={confirm_text} confirm_label={i18n.t("assessment.finalize_yes").to_owned()}
                    on_confirm={finalize} on_cancel={cancel} {busy} />
            } else {
                <div class="actions form-actions">
                    <button type="submit" class="button-quiet" disabled={busy}>
                        { if busy { i18n.t("common.saving") } else { i18n.t("assessment.save_draft") } }
                    </button>
                    <crate::components::SubmitSummary problems={form.problems()} />
                    <button type="button" class="button-primary" onclick={ask_finalize} disabled={busy || settings.is_none()}>
                        { i18n.t("assessment.finalize") }
                    </button>
                </div>
            }
        </form>
    }
}
