//! The nine questions of PermenPANRB 14/2017, each with four big answers, an optional profile and
//! comment, then a thank-you. On a counter kiosk the thank-you gives way to a fresh form.

use super::Honeypot;
use crate::api;
use crate::components::{ErrorBanner, Field, SelectField};
use crate::hooks::use_form;
use crate::i18n::{use_i18n, I18n};
use crate::route::Route;
use crate::validation;
use gloo_timers::callback::Timeout;
use kinerja_domain::ikm::UNSUR;
use kinerja_types::{NewSurvey, PublicUnit};
use std::collections::HashMap;
use yew::prelude::*;
use yew_router::prelude::*;

/// How long a kiosk shows the thank-you before the next citizen's form.
const KIOSK_RESET_MS: u32 = 6_000;

/// The longest comment the server takes.
const COMMENT_MAX: usize = 2000;

/// The fields the form shows its own errors for.
const FIELDS: &[&str] = &["answers", "comment"];

/// The choices of the optional profile: the wire value, whose words are `{group}.{value}`.
const AGE_BANDS: &[&str] = &["under_25", "25-34", "35-44", "45-54", "55_plus"];
const SEXES: &[&str] = &["laki_laki", "perempuan"];
const EDUCATIONS: &[&str] = &["sd", "smp", "sma", "diploma", "s1", "s2_s3"];
const OCCUPATIONS: &[&str] = &["pns", "tni_polri", "swasta", "wirausaha", "pelajar", "lainnya"];

#[derive(Clone, Default, PartialEq)]
struct Draft {
    answers: [Option<u8>; 9],
    comment: String,
    /// The optional profile: `age_band`, `sex`, `education`, `occupation` → the choice.
    profile: HashMap<&'static str, String>,
    website: String,
}

impl Draft {
    /// The request, or `None` while a question is open.
    fn request(&self, unit_id: i64) -> Option<NewSurvey> {
        let answers: Option<Vec<u8>> = self.answers.iter().copied().collect();
        let optional = |v: &str| Some(v.trim().to_owned()).filter(|v| !v.is_empty());
        Some(NewSurvey {
            unit_id,
            answers: answers?,
            comment: optional(&self.comment),
            age_band: self.profile.get("age_band").and_then(|v| optional(v)),
            sex: self.profile.get("sex").and_then(|v| optional(v)),
            education: self.profile.get("education").and_then(|v| optional(v)),
            occupation: self.profile.get("occupation").and_then(|v| optional(v)),
            website: Some(self.website.clone()),
        })
    }
}

#[derive(Properties, PartialEq)]
pub struct SurveyFormProps {
    pub unit: PublicUnit,
    /// The counter kiosk's token, when this device is one.
    pub kiosk_token: Option<AttrValue>,
}

#[component]
pub fn SurveyForm(props: &SurveyFormProps) -> Html {
    let i18n = use_i18n();
    let form = use_form(Draft::default);
    // A send was tried with questions left open: they are marked.
    let show_missing = use_state_eq(|| false);
    let sent = use_state_eq(|| false);
    let kiosk = props.kiosk_token.is_some();
    let reset = {
        let (form, show_missing, sent) = (form.clone(), show_missing.clone(), sent.clone());
        move || {
            form.reset(Draft::default());
            show_missing.set(false);
            sent.set(false);
        }
    };

    // A kiosk starts again for the next citizen a few seconds after the thank-you.
    {
        let reset = reset.clone();
        use_effect_with(*sent && kiosk, move |waiting| {
            let timer = waiting.then(|| Timeout::new(KIOSK_RESET_MS, reset));
            move || drop(timer)
        });
    }
    // The thank-you and the fresh form both start at the top.
    use_effect_with(*sent, |_| {
        if let Some(window) = web_sys::window() {
            window.scroll_to_with_x_and_y(0.0, 0.0);
        }
    });

    if *sent {
        return html! { <Thanks {kiosk} on_again={Callback::from(move |()| reset())} /> };
    }

    let onsubmit = {
        let (i18n, show_missing, sent) = (i18n.clone(), show_missing.clone(), sent.clone());
        let unit_id = props.unit.id;
        let token = props.kiosk_token.clone();
        form.submit(
            move |d: &Draft| {
                let request = d.request(unit_id);
                let comment_error = request.as_ref().and_then(|r| validation::check(r, &i18n).remove("comment"));
                let Some(request) = request.filter(|_| comment_error.is_none()) else {
                    show_missing.set(true);
                    focus_first_open(&d.answers);
                    return Err(comment_error.map(|e| ("comment".to_owned(), e)).into_iter().collect());
                };
                let token = token.clone();
                Ok(async move { api::public::submit_survey(&request, token.as_deref()).await })
            },
            move |_, ()| sent.set(true),
        )
    };
    let open = form.answers.iter().filter(|a| a.is_none()).count();
    let questions = (0..UNSUR.len()).map(|i| {
        let on_pick = form.set(move |d, v: u8| {
            if let Some(slot) = d.answers.get_mut(i) {
                *slot = Some(v);
            }
        });
        html! {
            <Question index={i} value={form.answers[i]} missing={*show_missing && form.answers[i].is_none()} {on_pick} />
        }
    });
    let profile = |id: &'static str, choices: &[&'static str]| {
        let value = form.profile.get(id).cloned().unwrap_or_default();
        let options: Vec<(AttrValue, AttrValue)> =
            std::iter::once((AttrValue::from(""), AttrValue::from(i18n.t("survey.not_said").to_owned())))
                .chain(choices.iter().map(|c| (AttrValue::from(*c), AttrValue::from(i18n.word(id, c)))))
                .collect();
        html! {
            <SelectField id={format!("survey-{id}")} label={i18n.t(&format!("survey.{id}")).to_owned()}
                {value} {options} on_change={form.set(move |d, v| {
                    d.profile.insert(id, v);
                })} />
        }
    };
    let sending = form.busy();
    html! {
        <form class="survey" {onsubmit} novalidate=true>
            <p class="lead">{ i18n.t("survey.lead") }</p>
            { for questions }
            <fieldset class="panel survey-profile">
                <legend>{ i18n.t("survey.profile") }</legend>
                <p class="muted small">{ i18n.t("survey.profile_hint") }</p>
                <div class="form-grid">
                    { profile("age_band", AGE_BANDS) }
                    { profile("sex", SEXES) }
                    { profile("education", EDUCATIONS) }
                    { profile("occupation", OCCUPATIONS) }
                </div>
                <Field id="survey-comment" label={i18n.t("survey.comment").to_owned()} rows={3}
                    value={form.comment.clone()} on_input={form.text(|d| &mut d.comment)}
                    hint={i18n.tf("survey.comment_count", &[("n", &form.comment.chars().count().to_string()), ("max", &COMMENT_MAX.to_string())])}
                    error={form.error("comment")} />
            </fieldset>
            <Honeypot value={form.website.clone()} on_input={form.text(|d| &mut d.website)} />
            if *show_missing && open > 0 {
                <p class="callout callout-warn" role="alert">{ i18n.tf("survey.open_left", &[("n", &open.to_string())]) }</p>
            }
            <ErrorBanner error={form.server_error()} shown_fields={FIELDS} />
            <button type="submit" class="button-primary button-block button-big" disabled={sending}
                aria-busy={sending.then_some("true")}>
                { if sending { i18n.t("survey.sending") } else { i18n.t("survey.send") } }
            </button>
        </form>
    }
}

/// Brings the first unanswered question into view.
fn focus_first_open(answers: &[Option<u8>; 9]) {
    let Some(first) = answers.iter().position(Option::is_none) else {
        return;
    };
    let element =
        web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(&format!("unsur-{}", first + 1)));
    if let Some(element) = element {
        element.scroll_into_view();
    }
}

#[derive(Properties, PartialEq)]
struct QuestionProps {
    /// 0 for U1.
    index: usize,
    value: Option<u8>,
    missing: bool,
    on_pick: Callback<u8>,
}

/// One unsur: its name, the question and four big answers (radio buttons drawn as buttons).
#[component]
fn Question(props: &QuestionProps) -> Html {
    let i18n = use_i18n();
    let n = props.index + 1;
    let choices = (1..=4u8).map(|v| {
        let on_pick = props.on_pick.clone();
        let checked = props.value == Some(v);
        html! {
            <label class={classes!("choice", format!("choice-{v}"), checked.then_some("choice-on"))}>
                <input type="radio" name={format!("u{n}")} value={v.to_string()} {checked}
                    onchange={move |_| on_pick.emit(v)} />
                <span class="choice-score" aria-hidden="true">{ v }</span>
                <span class="choice-text">{ scale(&i18n, n, v) }</span>
            </label>
        }
    });
    html! {
        <fieldset id={format!("unsur-{n}")} class={classes!("unsur", props.missing.then_some("unsur-missing"))}
            aria-describedby={format!("unsur-{n}-question")}>
            <legend><span class="unsur-code">{ format!("U{n}") }</span>{ i18n.t(&format!("unsur.{n}")).to_owned() }</legend>
            <p id={format!("unsur-{n}-question")} class="unsur-question">{ i18n.t(&format!("survey.question.{n}")).to_owned() }</p>
            <div class="choices-4">{ for choices }</div>
            if props.missing {
                <small class="field-error">{ i18n.t("survey.pick_one") }</small>
            }
        </fieldset>
    }
}

/// The words of answer `v` (1–4) to unsur `n` (1–9), as the regulation's questionnaire has them.
fn scale(i18n: &I18n, n: usize, v: u8) -> String {
    i18n.t(&format!("survey.scale.{n}.{v}")).to_owned()
}

#[derive(Properties, PartialEq)]
struct ThanksProps {
    kiosk: bool,
    on_again: Callback<()>,
}

#[component]
fn Thanks(props: &ThanksProps) -> Html {
    let i18n = use_i18n();
    let on_again = props.on_again.clone();
    html! {
        <section class="thanks" role="status">
            <p class="thanks-mark" aria-hidden="true">{ "✓" }</p>
            <h2>{ i18n.t("survey.thanks") }</h2>
            <p>{ i18n.t("survey.thanks_body") }</p>
            if props.kiosk {
                <p class="muted">{ i18n.t("survey.kiosk_next") }</p>
                <button type="button" class="button-primary button-big" onclick={move |_| on_again.emit(())}>
                    { i18n.t("survey.next_now") }
                </button>
            } else {
                <div class="actions">
                    <Link<Route> to={Route::FileComplaint} classes="button-quiet">{ i18n.t("public.link.complaint") }</Link<Route>>
                    <Link<Route> to={Route::ServiceUnits} classes="button-quiet">{ i18n.t("public.back_to_units") }</Link<Route>>
                </div>
            }
        </section>
    }
}
