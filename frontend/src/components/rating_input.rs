//! Choosing a rating (di atas / sesuai / di bawah ekspektasi) and the predikat that follows from
//! two of them, computed in the browser with the domain's own matrix as the choice changes.

use super::PredikatBadge;
use crate::i18n::use_i18n;
use kinerja_domain::rating::predikat;
use kinerja_domain::Rating;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct RatingChoiceProps {
    /// The radio group's name, also the prefix of its ids.
    pub name: AttrValue,
    /// What is rated ("Rating hasil kerja").
    pub legend: AttrValue,
    pub value: Option<Rating>,
    pub on_pick: Callback<Rating>,
    #[prop_or_default]
    pub error: Option<String>,
}

/// Three big radio buttons, one per rating, in the order the regulation lists them.
#[component]
pub fn RatingChoice(props: &RatingChoiceProps) -> Html {
    let i18n = use_i18n();
    let choices = Rating::ALL.iter().map(|rating| {
        let rating = *rating;
        let checked = props.value == Some(rating);
        let on_pick = props.on_pick.clone();
        html! {
            <label class={classes!("choice", format!("choice-{}", rating.as_str()), checked.then_some("choice-on"))}>
                <input type="radio" name={props.name.clone()} value={rating.as_str()} {checked}
                    onchange={move |_| on_pick.emit(rating)} />
                <span class="choice-text">{ i18n.word("rating", rating.as_str()) }</span>
            </label>
        }
    });
    html! {
        <fieldset id={props.name.clone()} class={classes!("choices", "rating-choice", props.error.is_some().then_some("field-invalid"))}>
            <legend>{ props.legend.clone() }</legend>
            <div class="choices-3">{ for choices }</div>
            if let Some(error) = &props.error {
                <small class="field-error">{ error.clone() }</small>
            }
        </fieldset>
    }
}

#[derive(Properties, PartialEq)]
pub struct PredikatPreviewProps {
    pub result: Option<Rating>,
    pub behavior: Option<Rating>,
}

/// "Predikat: Baik", updated as the ratings change; a hint while one is missing. The server
/// computes the same from the same table when the assessment is saved.
#[component]
pub fn PredikatPreview(props: &PredikatPreviewProps) -> Html {
    let i18n = use_i18n();
    let shown = match (props.result, props.behavior) {
        (Some(result), Some(behavior)) => html! { <PredikatBadge predikat={predikat(result, behavior)} /> },
        _ => html! { <span class="muted">{ i18n.t("assessment.preview_missing") }</span> },
    };
    html! {
        <p class="predikat-preview" aria-live="polite">
            <span class="predikat-preview-label">{ i18n.t("assessment.predikat") }{ ": " }</span>
            { shown }
        </p>
    }
}
