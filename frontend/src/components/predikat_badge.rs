//! The coloured word of a predikat (an employee's or an organisation's).

use crate::i18n::use_i18n;
use kinerja_domain::{OrgPredikat, Predikat};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PredikatBadgeProps {
    pub predikat: Predikat,
}

/// An employee's predikat, coloured from good (green) to poor (red).
#[component]
pub fn PredikatBadge(props: &PredikatBadgeProps) -> Html {
    let i18n = use_i18n();
    let p = props.predikat;
    html! { <span class={classes!("badge", "predikat", format!("predikat-{}", p.as_str()))}>{ i18n.predikat(p) }</span> }
}

#[derive(Properties, PartialEq)]
pub struct OrgPredikatBadgeProps {
    pub predikat: OrgPredikat,
}

/// An organisation's predikat.
#[component]
pub fn OrgPredikatBadge(props: &OrgPredikatBadgeProps) -> Html {
    let i18n = use_i18n();
    let p = props.predikat.as_str();
    html! { <span class={classes!("badge", "predikat", format!("predikat-org-{p}"))}>{ i18n.word("org_predikat", p) }</span> }
}
