//! Rejected activities of other days that can still be corrected.

use super::*;

#[derive(Properties, PartialEq)]
pub(super) struct ToCorrectProps {
    pub(super) rejected: Rc<Vec<Activity>>,
    /// The day on screen: its rejected ones are in the day's list already.
    pub(super) shown: NaiveDate,
    pub(super) on_pick: Callback<NaiveDate>,
}

/// Rejected activities of other days that can still be corrected, each with a way to its day.
#[component]
pub(super) fn ToCorrect(props: &ToCorrectProps) -> Html {
    let i18n = use_i18n();
    let others: Vec<&Activity> = props.rejected.iter().filter(|a| a.date != props.shown).collect();
    if others.is_empty() {
        return html! {};
    }
    html! {
        <div class="callout callout-warn to-correct">
            <strong>{ i18n.tf("activity.to_correct", &[("n", &others.len().to_string())]) }</strong>
            <ul>
                { for others.iter().map(|a| {
                    let day = a.date;
                    let on_pick = props.on_pick.clone();
                    let when = format::date(&day);
                    html! {
                        <li key={a.id}>
                            <span>{ format!("{when}: {}", a.description) }</span>{ " " }
                            <button type="button" class="button-quiet button-small" onclick={move |_| on_pick.emit(day)}
                                aria-label={i18n.tf("activity.week_open", &[("day", &when)])}>
                                { i18n.t("common.open") }
                            </button>
                        </li>
                    }
                }) }
            </ul>
        </div>
    }
}
