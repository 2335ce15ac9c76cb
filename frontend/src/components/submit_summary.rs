//! The line beside a form's submit button that says how many fields still need fixing, with a
//! button that brings the first of them into view: the person looking at the button learns why
//! nothing was saved without scrolling to find out.

use super::toast::focus_first_error;
use crate::i18n::use_i18n;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SubmitSummaryProps {
    /// Fields wrong now (`Form::problems`).
    pub problems: usize,
}

/// Nothing while every field is right.
#[component]
pub fn SubmitSummary(props: &SubmitSummaryProps) -> Html {
    let i18n = use_i18n();
    if props.problems == 0 {
        return html! {};
    }
    let show = Callback::from(|_: MouseEvent| focus_first_error());
    html! {
        <p class="submit-summary" role="status" data-testid="submit-summary">
            <span>{ i18n.tf("form.problems", &[("n", &props.problems.to_string())]) }</span>
            <button type="button" class="button-quiet" onclick={show}>{ i18n.t("form.show_problem") }</button>
        </p>
    }
}
