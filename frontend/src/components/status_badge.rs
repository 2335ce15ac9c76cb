//! The coloured words for where an SKP, a daily activity or an assessment stands.

use crate::i18n::use_i18n;
use kinerja_domain::{ActivityStatus, AssessmentStatus, SkpStatus};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct StatusBadgeProps {
    /// `None`: the employee has no SKP yet.
    pub status: Option<SkpStatus>,
}

#[component]
pub fn StatusBadge(props: &StatusBadgeProps) -> Html {
    let i18n = use_i18n();
    let (class, text) = match props.status {
        Some(status) => (status.as_str(), i18n.word("skp_status", status.as_str())),
        None => ("none", i18n.t("skp_status.none")),
    };
    html! { <span class={classes!("badge", format!("badge-{class}"))}>{ text }</span> }
}

#[derive(Properties, PartialEq)]
pub struct ActivityBadgeProps {
    pub status: ActivityStatus,
}

/// The coloured word for where a daily activity stands.
#[component]
pub fn ActivityBadge(props: &ActivityBadgeProps) -> Html {
    let i18n = use_i18n();
    let status = props.status.as_str();
    html! { <span class={classes!("badge", format!("badge-{status}"))}>{ i18n.word("activity_status", status) }</span> }
}

#[derive(Properties, PartialEq)]
pub struct AssessmentBadgeProps {
    /// `None`: not rated yet for the period.
    pub status: Option<AssessmentStatus>,
}

/// The coloured word for where an assessment stands.
#[component]
pub fn AssessmentBadge(props: &AssessmentBadgeProps) -> Html {
    let i18n = use_i18n();
    let (class, text) = match props.status {
        Some(status) => (status.as_str(), i18n.word("assessment_status", status.as_str())),
        None => ("none", i18n.t("assessment_status.none")),
    };
    html! { <span class={classes!("badge", format!("badge-{class}"))}>{ text }</span> }
}
