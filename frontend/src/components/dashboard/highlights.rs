//! "Sorotan": for each indicator, the child unit that does worst, with the reason in words and the
//! average of the others beside it — the head's first question ("which bidang is doing worst this
//! month, and why?") answered before the tables. Units without staff are left out; an indicator
//! where nobody is behind the others is not mentioned.

use crate::format;
use crate::i18n::{use_i18n, I18n};
use kinerja_types::UnitFigures;
use std::rc::Rc;
use yew::prelude::*;

/// One line of the box: the indicator, the unit and the words.
#[derive(Debug, Clone, PartialEq)]
pub struct Highlight {
    pub indicator: &'static str,
    pub unit: String,
    pub text: String,
}

/// Per person, so that a big bidang and a small seksi compare.
fn per_person(n: u64, f: &UnitFigures) -> f64 {
    n as f64 / f.headcount.max(1) as f64
}

/// The weakest unit by `value` (`lower_is_worse`), when it is behind the average of the others.
fn weakest<'a>(
    units: &[&'a UnitFigures],
    value: impl Fn(&UnitFigures) -> Option<f64>,
    lower_is_worse: bool,
) -> Option<(&'a UnitFigures, f64, f64)> {
    let valued: Vec<(&UnitFigures, f64)> = units.iter().filter_map(|u| value(u).map(|v| (*u, v))).collect();
    if valued.len() < 2 {
        return None;
    }
    let worst = valued.iter().copied().min_by(|a, b| {
        let order = a.1.total_cmp(&b.1);
        if lower_is_worse {
            order
        } else {
            order.reverse()
        }
    })?;
    let others: Vec<f64> = valued.iter().filter(|(u, _)| u.unit_id != worst.0.unit_id).map(|(_, v)| *v).collect();
    let average = others.iter().sum::<f64>() / others.len() as f64;
    let behind = if lower_is_worse { worst.1 < average } else { worst.1 > average };
    behind.then_some((worst.0, worst.1, average))
}

/// The highlights of the child units.
pub fn highlights(children: &[UnitFigures], i18n: &I18n) -> Vec<Highlight> {
    let lang = i18n.lang();
    let units: Vec<&UnitFigures> = children.iter().filter(|u| u.headcount > 0).collect();
    let mut out = Vec::new();
    let mut say = |indicator: &'static str, found: Option<(&UnitFigures, f64, f64)>, show: &dyn Fn(f64) -> String| {
        let key = match indicator {
            "skp" => "highlight.skp",
            "hours" => "highlight.hours",
            "pending" => "highlight.pending",
            "ikm" => "highlight.ikm",
            "overdue" => "highlight.overdue",
            _ => "highlight.attention",
        };
        if let Some((u, v, avg)) = found {
            out.push(Highlight {
                indicator,
                unit: u.unit_name.clone(),
                text: i18n.tf(key, &[("unit", &u.unit_name), ("value", &show(v)), ("average", &show(avg))]),
            });
        }
    };
    let percent = |v: f64| format::percent(v * 100.0, lang);
    let hours = |v: f64| format::hours(v / 60.0, lang);
    let decimal = |v: f64| format::fixed(v, 1, lang);
    say("skp", weakest(&units, |u| Some(u.skp.completion), true), &percent);
    say("hours", weakest(&units, |u| Some(u.activities.minutes_per_employee), true), &hours);
    say("pending", weakest(&units, |u| Some(per_person(u.activities.pending, u)), false), &decimal);
    say("ikm", weakest(&units, |u| u.ikm.ikm, true), &|v| format::fixed(v, 2, lang));
    say(
        "overdue",
        weakest(&units, |u| Some(u.complaints.overdue as f64).filter(|_| u.complaints.open > 0), false),
        &|v| format::count(v as u64, lang),
    );
    say("attention", weakest(&units, |u| Some(per_person(u.attention_count, u) * 100.0), false), &|v| {
        format::percent(v, lang)
    });
    out
}

#[derive(Properties, PartialEq)]
pub struct HighlightsProps {
    pub children: Rc<Vec<UnitFigures>>,
}

/// The "Sorotan" box; nothing when there are fewer than two child units with staff.
#[component]
pub fn Highlights(props: &HighlightsProps) -> Html {
    let i18n = use_i18n();
    let lines = highlights(&props.children, &i18n);
    if props.children.iter().filter(|u| u.headcount > 0).count() < 2 {
        return html! {};
    }
    html! {
        <section class="panel sorotan" aria-labelledby="sorotan-title" data-testid="sorotan">
            <h2 id="sorotan-title">{ i18n.t("highlight.title") }</h2>
            if lines.is_empty() {
                <p class="muted">{ i18n.t("highlight.none") }</p>
            } else {
                <ul class="sorotan-list">
                    { for lines.iter().map(|h| html! {
                        <li data-indicator={h.indicator}>{ h.text.clone() }</li>
                    }) }
                </ul>
            }
        </section>
    }
}
