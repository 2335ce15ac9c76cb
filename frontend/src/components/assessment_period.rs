//! Choosing an assessment period: the Pemda's frequency (quarter or month) or the whole year,
//! with the period before (and after, up to today's) one click away; and the settings that
//! decide which periods exist.

use super::PeriodPicker;
use crate::api;
use crate::format;
use crate::hooks::use_remote;
use crate::i18n::use_i18n;
use crate::periods;
use kinerja_domain::Period;
use kinerja_types::PemdaSettings;
use std::rc::Rc;
use yew::prelude::*;

/// The Pemda's settings (frequency, objection days); `None` while loading. When they cannot be
/// read, the defaults stand in: the page still works and the server checks again.
#[hook]
pub fn use_pemda_settings() -> Option<Rc<PemdaSettings>> {
    let settings = use_remote((), |()| api::settings::get());
    match (&settings.state.data, &settings.state.error) {
        (Some(data), _) => Some(data.clone()),
        (None, Some(_)) => Some(Rc::new(PemdaSettings::default())),
        (None, None) => None,
    }
}

/// The period running today by the Pemda's frequency.
pub fn current_period(settings: &PemdaSettings) -> Period {
    periods::current(settings.assessment_frequency, format::today())
}

/// The last period that has ended: where a rating, a calibration or a review starts (the running
/// one is not over, and rating it early leaves its last weeks out).
pub fn last_ended_period(settings: &PemdaSettings) -> Period {
    current_period(settings).previous()
}

#[derive(Properties, PartialEq)]
pub struct AssessmentPeriodPickerProps {
    /// Prefix of the control ids.
    pub id: AttrValue,
    pub settings: Rc<PemdaSettings>,
    pub value: Period,
    pub on_change: Callback<Period>,
}

/// The period picker limited to the kinds an assessment may have, and "‹ previous" / "next ›".
#[component]
pub fn AssessmentPeriodPicker(props: &AssessmentPeriodPickerProps) -> Html {
    let i18n = use_i18n();
    let current = current_period(&props.settings);
    let before = props.value.previous();
    let after = periods::next(props.value);
    // Nothing is rated ahead of time: the next period is offered up to the one running today.
    let may_go_on = match (after, current) {
        (Period::Year(a), _) => a <= current.year(),
        (a, c) => a <= c,
    };
    let go = |target: Period| {
        let on_change = props.on_change.clone();
        Callback::from(move |_: MouseEvent| on_change.emit(target))
    };
    html! {
        <>
            <PeriodPicker id={props.id.clone()} value={props.value} on_change={props.on_change.clone()}
                kinds={Some(periods::kinds(props.settings.assessment_frequency))} />
            <div class="actions period-steps">
                <button type="button" class="button-quiet" onclick={go(before)}
                    title={i18n.t("assessment.period_before").to_owned()}>
                    <span aria-hidden="true">{ "‹ " }</span>{ periods::words(before, &i18n) }
                </button>
                if may_go_on {
                    <button type="button" class="button-quiet" onclick={go(after)}
                        title={i18n.t("assessment.period_after").to_owned()}>
                        { periods::words(after, &i18n) }<span aria-hidden="true">{ " ›" }</span>
                    </button>
                }
            </div>
        </>
    }
}
