//! Chooses a reporting period: a month, a quarter or the whole year.

use super::SelectField;
use crate::format;
use crate::i18n::use_i18n;
use chrono::Datelike;
use kinerja_domain::Period;
use yew::prelude::*;

/// How many years back the list goes.
const YEARS_BACK: i32 = 3;

#[derive(Properties, PartialEq)]
pub struct PeriodPickerProps {
    /// Prefix of the control ids.
    pub id: AttrValue,
    pub value: Period,
    pub on_change: Callback<Period>,
    /// Only this year may be chosen (the year of an SKP being read).
    #[prop_or_default]
    pub fixed_year: Option<i32>,
    /// The kinds offered (`month`, `quarter`, `semester`, `year`); all four when not given.
    #[prop_or_default]
    pub kinds: Option<&'static [&'static str]>,
}

#[component]
pub fn PeriodPicker(props: &PeriodPickerProps) -> Html {
    let i18n = use_i18n();
    let period = props.value;
    let year = period.year();
    let kind = match period {
        Period::Month(..) => "month",
        Period::Semester(..) => "semester",
        Period::Quarter(..) => "quarter",
        Period::Year(_) => "year",
    };
    let kinds: Vec<(AttrValue, AttrValue)> = props
        .kinds
        .unwrap_or(&["month", "quarter", "semester", "year"])
        .iter()
        .map(|k| (AttrValue::from(*k), AttrValue::from(i18n.word("period_kind", k))))
        .collect();
    let on_kind = {
        let on_change = props.on_change.clone();
        Callback::from(move |kind: String| {
            let today = format::today();
            let (month, quarter) =
                if today.year() == year { (today.month(), today.month().div_ceil(3)) } else { (12, 4) };
            let next = match kind.as_str() {
                "month" => Period::Month(year, month),
                "quarter" => Period::Quarter(year, quarter),
                "semester" => Period::Semester(year, quarter.div_ceil(2)),
                _ => Period::Year(year),
            };
            on_change.emit(next);
        })
    };
    let on_year = {
        let on_change = props.on_change.clone();
        Callback::from(move |v: String| {
            if let Ok(y) = v.parse::<i32>() {
                on_change.emit(match period {
                    Period::Month(_, m) => Period::Month(y, m),
                    Period::Semester(_, h) => Period::Semester(y, h),
                    Period::Quarter(_, q) => Period::Quarter(y, q),
                    Period::Year(_) => Period::Year(y),
                });
            }
        })
    };
    let on_part = {
        let on_change = props.on_change.clone();
        Callback::from(move |v: String| {
            if let Ok(n) = v.parse::<u32>() {
                on_change.emit(match period {
                    Period::Month(y, _) => Period::Month(y, n),
                    Period::Semester(y, _) => Period::Semester(y, n),
                    Period::Quarter(y, _) => Period::Quarter(y, n),
                    Period::Year(y) => Period::Year(y),
                });
            }
        })
    };
    let now = format::current_year();
    let years: Vec<(AttrValue, AttrValue)> = match props.fixed_year {
        Some(y) => vec![(AttrValue::from(y.to_string()), AttrValue::from(y.to_string()))],
        None => ((now - YEARS_BACK).min(year)..=now.max(year))
            .rev()
            .map(|y| (AttrValue::from(y.to_string()), AttrValue::from(y.to_string())))
            .collect(),
    };
    let part = match period {
        Period::Month(_, m) => {
            let months: Vec<(AttrValue, AttrValue)> = (1..=12u32)
                .map(|n| (AttrValue::from(n.to_string()), AttrValue::from(i18n.t(&format!("month.{n}")).to_owned())))
                .collect();
            html! {
                <SelectField id={format!("{}-month", props.id)} label={i18n.t("period.month").to_owned()}
                    value={m.to_string()} options={months} on_change={on_part} />
            }
        }
        Period::Quarter(_, q) => {
            let quarters: Vec<(AttrValue, AttrValue)> = (1..=4u32)
                .map(|n| {
                    (
                        AttrValue::from(n.to_string()),
                        AttrValue::from(i18n.tf("period.quarter_n", &[("n", &n.to_string())])),
                    )
                })
                .collect();
            html! {
                <SelectField id={format!("{}-quarter", props.id)} label={i18n.t("period.quarter").to_owned()}
                    value={q.to_string()} options={quarters} on_change={on_part} />
            }
        }
        Period::Semester(_, h) => {
            let halves: Vec<(AttrValue, AttrValue)> = (1..=2u32)
                .map(|n| {
                    (
                        AttrValue::from(n.to_string()),
                        AttrValue::from(i18n.tf("period.semester_n", &[("n", &n.to_string())])),
                    )
                })
                .collect();
            html! {
                <SelectField id={format!("{}-semester", props.id)} label={i18n.t("period.semester").to_owned()}
                    value={h.to_string()} options={halves} on_change={on_part} />
            }
        }
        Period::Year(_) => html! {},
    };
    html! {
        <>
            <SelectField id={format!("{}-kind", props.id)} label={i18n.t("period.kind").to_owned()}
                value={kind} options={kinds} on_change={on_kind} />
            <SelectField id={format!("{}-year", props.id)} label={i18n.t("common.year").to_owned()}
                value={year.to_string()} options={years} on_change={on_year} />
            { part }
        </>
    }
}
