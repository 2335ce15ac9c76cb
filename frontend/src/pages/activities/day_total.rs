//! The day's running total against the daily cap.

use super::*;

#[derive(Properties, PartialEq)]
pub(super) struct DayTotalProps {
    pub(super) minutes: u32,
    pub(super) cap: u32,
    pub(super) date_text: String,
}

/// The running total of the day against the cap, turning orange near it.
#[component]
pub(super) fn DayTotal(props: &DayTotalProps) -> Html {
    let i18n = use_i18n();
    let (minutes, cap) = (props.minutes, props.cap);
    let share = if cap > 0 { f64::from(minutes) / f64::from(cap) } else { 0.0 };
    let tone = if minutes > cap {
        "over"
    } else if share >= NEAR_CAP {
        "warn"
    } else {
        "ok"
    };
    let left = cap.saturating_sub(minutes);
    let total = i18n.tf(
        "activity.total",
        &[
            ("minutes", &minutes.to_string()),
            ("cap", &cap.to_string()),
            ("duration", &format::minutes(u64::from(minutes), i18n.lang())),
        ],
    );
    html! {
        <section class="panel day-total" aria-live="polite">
            <p class="day-total-head">
                <strong>{ i18n.tf("activity.total_title", &[("day", &props.date_text)]) }</strong>
                <span class="day-total-figure">{ total }</span>
            </p>
            <Meter value={f64::from(minutes)} max={f64::from(cap)} tone={tone}
                label={i18n.t("activity.total_label").to_owned()} />
            if tone == "warn" {
                <p class="callout callout-warn">{ i18n.tf("activity.near_cap", &[("left", &left.to_string()), ("cap", &cap.to_string())]) }</p>
            } else if tone == "over" {
                <p class="callout callout-warn">{ i18n.tf("activity.over_cap", &[("cap", &cap.to_string())]) }</p>
            } else {
                <p class="muted">{ i18n.tf("activity.left", &[("left", &left.to_string())]) }</p>
            }
        </section>
    }
}
