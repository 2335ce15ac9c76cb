//! The coloured words of a complaint: where it stands, and how its deadline stands (SLA).

use crate::format;
use crate::i18n::use_i18n;
use chrono::NaiveDate;
use kinerja_domain::ComplaintStatus;
use yew::prelude::*;

/// A deadline this many days away or less counts as due soon.
const DUE_SOON_DAYS: i64 = 1;

#[derive(Properties, PartialEq)]
pub struct ComplaintBadgeProps {
    pub status: ComplaintStatus,
}

/// The status in the words the public reads.
#[component]
pub fn ComplaintBadge(props: &ComplaintBadgeProps) -> Html {
    let i18n = use_i18n();
    let status = props.status.as_str();
    html! {
        <span class={classes!("badge", format!("badge-complaint-{status}"))}>
            { i18n.complaint_status(props.status) }
        </span>
    }
}

#[derive(Properties, PartialEq)]
pub struct SlaBadgeProps {
    pub status: ComplaintStatus,
    /// The deadline of the step it waits for, if any.
    pub deadline: Option<NaiveDate>,
    pub overdue: bool,
}

/// Red when overdue, amber when due soon, blue with the date otherwise, grey once handled.
#[component]
pub fn SlaBadge(props: &SlaBadgeProps) -> Html {
    let i18n = use_i18n();
    let (class, text) = match props.deadline {
        _ if props.status.is_final() => ("sla-done", i18n.t("sla.done").to_owned()),
        Some(due) if props.overdue => ("sla-overdue", i18n.tf("sla.overdue", &[("date", &format::date(&due))])),
        Some(due) if (due - format::today()).num_days() <= DUE_SOON_DAYS => {
            ("sla-soon", i18n.tf("sla.soon", &[("date", &format::date(&due))]))
        }
        Some(due) => ("sla-open", i18n.tf("sla.due", &[("date", &format::date(&due))])),
        None if props.status == ComplaintStatus::Responded => ("sla-done", i18n.t("sla.responded").to_owned()),
        None => return html! {},
    };
    html! { <span class={classes!("badge", class)}>{ text }</span> }
}
