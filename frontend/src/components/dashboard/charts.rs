//! The dashboard's charts as Chart.js configurations: predikat against the expected pattern, SKP
//! status, the monthly series, the IKM trend, complaints, and the OPD side by side for the city.

use crate::components::chart::Chart;
use crate::format;
use crate::i18n::{use_i18n, I18n, Lang};
use crate::periods;
use kinerja_domain::{Predikat, SkpStatus};
use kinerja_types::{Dashboard, UnitFigures};
use serde_json::{json, Value};
use std::rc::Rc;
use yew::prelude::*;

// The stylesheet's colours (canvas cannot read CSS variables).
const INK: &str = "#1b2430";
const BRAND: &str = "#1f4e79";
const INFO: &str = "#1f5f99";
const OK: &str = "#1e7a46";
const WARN: &str = "#e29a3b";
const BAD: &str = "#b42318";
const MUTED: &str = "#8a94a3";
const TEAL: &str = "#2a9d8f";

/// The colour of each predikat's bar, as on the calibration page.
fn predikat_colour(p: Predikat) -> &'static str {
    match p {
        Predikat::SangatBaik => OK,
        Predikat::Baik => "#4caf7a",
        Predikat::ButuhPerbaikan => WARN,
        Predikat::Kurang => "#d9655b",
        Predikat::SangatKurang => BAD,
    }
}

/// Options every chart shares: it fills its box, the legend sits under it, numbers are written
/// the way the language writes them.
fn base_options(lang: Lang) -> Value {
    let locale = match lang {
        Lang::Id => "id-ID",
        Lang::En => "en-GB",
    };
    json!({
        "locale": locale,
        "responsive": true,
        "maintainAspectRatio": false,
        "animation": { "duration": 400 },
        "plugins": { "legend": { "position": "bottom", "labels": { "boxWidth": 14 } } },
    })
}

/// The shared options with `extra`'s keys added (one level deep for `scales` and `plugins`).
fn with(lang: Lang, extra: Value) -> Value {
    let mut options = base_options(lang);
    if let (Some(target), Value::Object(extra)) = (options.as_object_mut(), extra) {
        for (key, value) in extra {
            match (target.get_mut(&key), value) {
                (Some(Value::Object(existing)), Value::Object(more)) => existing.extend(more),
                (_, value) => {
                    target.insert(key, value);
                }
            }
        }
    }
    options
}

/// A month `2026-07` as a short label: `Jul 2026`.
fn month_label(month: &str, i18n: &I18n) -> String {
    match month.split_once('-').map(|(y, m)| (y, m.parse::<u32>())) {
        Some((year, Ok(m))) => {
            let name: String = i18n.t(&format!("month.{m}")).chars().take(3).collect();
            format!("{name} {year}")
        }
        _ => month.to_owned(),
    }
}

/// The figures of a chart as text, for screen readers and when the chart cannot be drawn.
fn fallback(rows: impl IntoIterator<Item = (String, String)>) -> Html {
    html! {
        <ul>{ for rows.into_iter().map(|(label, value)| html! { <li>{ label }{ ": " }{ value }</li> }) }</ul>
    }
}

#[derive(Properties, PartialEq)]
pub struct DashboardChartsProps {
    pub dashboard: Rc<Dashboard>,
}

/// The five charts of a unit's dashboard, each in a captioned box.
#[component]
pub fn DashboardCharts(props: &DashboardChartsProps) -> Html {
    let i18n = use_i18n();
    let d = &props.dashboard;
    let predikat_title =
        i18n.tf("dashboard.chart_predikat", &[("period", &periods::words_of(&d.predikat_period, &i18n))]);
    html! {
        <div class="chart-grid">
            <figure class="chart-card chart-card-wide">
                <figcaption>{ predikat_title.clone() }</figcaption>
                { predikat_chart(d, &i18n, &predikat_title) }
                if !d.distribution.deviations.is_empty() {
                    <ul class="chart-notes">
                        { for d.distribution.deviations.iter().map(|text| html! { <li>{ text }</li> }) }
                    </ul>
                }
            </figure>
            <figure class="chart-card">
                <figcaption>{ i18n.t("dashboard.chart_skp") }</figcaption>
                { skp_chart(&d.figures, &i18n) }
            </figure>
            <figure class="chart-card">
                <figcaption>{ i18n.t("dashboard.chart_ikm") }</figcaption>
                { ikm_chart(d, &i18n) }
            </figure>
            <figure class="chart-card">
                <figcaption>{ i18n.t("dashboard.chart_series") }</figcaption>
                { series_chart(d, &i18n) }
            </figure>
            <figure class="chart-card">
                <figcaption>{ i18n.t("dashboard.chart_complaints") }</figcaption>
                { complaints_chart(d, &i18n) }
            </figure>
        </div>
    }
}

/// Bars of the predikat counts, and a mark at each one-predikat limit of the expected pattern
/// (converted from a share of those rated to a number of people).
fn predikat_chart(d: &Dashboard, i18n: &I18n, title: &str) -> Html {
    let counts: Vec<u64> = Predikat::ALL.iter().map(|p| d.figures.predikat.get(p).copied().unwrap_or(0)).collect();
    let total = f64::from(d.distribution.total);
    let limits: Vec<Value> = Predikat::ALL
        .iter()
        .map(|p| {
            d.distribution
                .expected
                .iter()
                .find(|r| r.predikat.as_slice() == [*p])
                .and_then(|r| r.percent)
                .map_or(Value::Null, |pct| json!((f64::from(pct) * total / 10.0).round() / 10.0))
        })
        .collect();
    let labels: Vec<&str> = Predikat::ALL.iter().map(|p| i18n.predikat(*p)).collect();
    let mut datasets = vec![json!({
        "type": "bar",
        "label": i18n.t("dashboard.series_people"),
        "data": counts,
        "backgroundColor": Predikat::ALL.iter().map(|p| predikat_colour(*p)).collect::<Vec<_>>(),
        "borderRadius": 4,
        "order": 2,
    })];
    if limits.iter().any(|l| !l.is_null()) {
        datasets.push(json!({
            "type": "line",
            "label": i18n.t("dashboard.series_limit"),
            "data": limits,
            "showLine": false,
            "pointStyle": "line",
            "pointRadius": 24,
            "pointHoverRadius": 24,
            "borderWidth": 3,
            "borderColor": INK,
            "backgroundColor": INK,
            "order": 1,
        }));
    }
    let config = json!({
        "type": "bar",
        "data": { "labels": labels, "datasets": datasets },
        "options": with(i18n.lang(), json!({ "scales": { "y": { "beginAtZero": true, "ticks": { "precision": 0 } } } })),
    });
    let rows = labels.iter().zip(&counts).map(|(l, n)| (l.to_string(), n.to_string()));
    html! {
        <Chart config={Rc::new(config)} name="chart-predikat" label={title.to_owned()}>{ fallback(rows) }</Chart>
    }
}

/// A doughnut of the SKP of the year by status, with those who have none.
fn skp_chart(f: &UnitFigures, i18n: &I18n) -> Html {
    let parts = [
        (i18n.word("skp_status", SkpStatus::Approved.as_str()), f.skp.approved, OK),
        (i18n.word("skp_status", SkpStatus::Submitted.as_str()), f.skp.submitted, INFO),
        (i18n.word("skp_status", SkpStatus::Returned.as_str()), f.skp.returned, WARN),
        (i18n.word("skp_status", SkpStatus::Draft.as_str()), f.skp.draft, MUTED),
        (i18n.t("skp_status.none"), f.skp.none, BAD),
    ];
    let config = json!({
        "type": "doughnut",
        "data": {
            "labels": parts.iter().map(|p| p.0).collect::<Vec<_>>(),
            "datasets": [{
                "label": i18n.t("dashboard.series_people"),
                "data": parts.iter().map(|p| p.1).collect::<Vec<_>>(),
                "backgroundColor": parts.iter().map(|p| p.2).collect::<Vec<_>>(),
                "borderWidth": 2,
            }],
        },
        "options": with(i18n.lang(), json!({ "cutout": "58%", "plugins": { "legend": { "position": "right" } } })),
    });
    let rows = parts.iter().map(|(label, n, _)| (label.to_string(), n.to_string()));
    html! {
        <Chart config={Rc::new(config)} name="chart-skp" label={i18n.t("dashboard.chart_skp").to_owned()}>
            { fallback(rows) }
        </Chart>
    }
}

/// Approved activities (bars) and hours logged (line) per month.
fn series_chart(d: &Dashboard, i18n: &I18n) -> Html {
    let labels: Vec<String> = d.series.iter().map(|p| month_label(&p.month, i18n)).collect();
    let hours: Vec<f64> = d.series.iter().map(|p| (p.minutes as f64 / 6.0).round() / 10.0).collect();
    let config = json!({
        "type": "line",
        "data": {
            "labels": labels,
            "datasets": [
                {
                    "label": i18n.t("dashboard.series_approved"),
                    "data": d.series.iter().map(|p| p.activities_approved).collect::<Vec<_>>(),
                    "borderColor": BRAND,
                    "backgroundColor": BRAND,
                    "tension": 0.25,
                    "yAxisID": "y",
                },
                {
                    "label": i18n.t("dashboard.series_hours"),
                    "data": hours,
                    "borderColor": TEAL,
                    "backgroundColor": TEAL,
                    "borderDash": [6, 4],
                    "tension": 0.25,
                    "yAxisID": "y1",
                },
            ],
        },
        "options": with(i18n.lang(), json!({
            "interaction": { "mode": "index", "intersect": false },
            "scales": {
                "y": { "beginAtZero": true, "ticks": { "precision": 0 },
                       "title": { "display": true, "text": i18n.t("dashboard.axis_activities") } },
                "y1": { "beginAtZero": true, "position": "right", "grid": { "drawOnChartArea": false },
                        "title": { "display": true, "text": i18n.t("dashboard.axis_hours") } },
            },
        })),
    });
    let rows = d.series.iter().zip(&labels).map(|(p, label)| {
        (label.clone(), format!("{} · {}", p.activities_approved, format::minutes(p.minutes, i18n.lang())))
    });
    html! {
        <Chart config={Rc::new(config)} name="chart-series" label={i18n.t("dashboard.chart_series").to_owned()}>
            { fallback(rows) }
        </Chart>
    }
}

/// The IKM of the three periods before and of this one (a gap where nobody answered).
fn ikm_chart(d: &Dashboard, i18n: &I18n) -> Html {
    let points: Vec<(String, Option<f64>)> = d
        .ikm_trend
        .iter()
        .chain(std::iter::once(&d.figures.ikm))
        .map(|f| (periods::words_of(&f.period, i18n), f.ikm))
        .collect();
    let config = json!({
        "type": "line",
        "data": {
            "labels": points.iter().map(|p| p.0.clone()).collect::<Vec<_>>(),
            "datasets": [{
                "label": i18n.t("dashboard.ikm"),
                "data": points.iter().map(|p| p.1).collect::<Vec<_>>(),
                "borderColor": INFO,
                "backgroundColor": INFO,
                "pointRadius": 5,
                "spanGaps": true,
                "tension": 0.2,
            }],
        },
        "options": with(i18n.lang(), json!({
            "plugins": { "legend": { "display": false } },
            "scales": { "y": { "suggestedMin": 50, "max": 100 } },
        })),
    });
    let empty = points.iter().all(|p| p.1.is_none());
    let none = i18n.t("common.none");
    let rows = points.iter().map(|(label, v)| {
        (label.clone(), v.map(|v| format::fixed(v, 2, i18n.lang())).unwrap_or_else(|| none.to_owned()))
    });
    html! {
        <>
            <Chart config={Rc::new(config)} name="chart-ikm" label={i18n.t("dashboard.chart_ikm").to_owned()}>
                { fallback(rows) }
            </Chart>
            if empty {
                <p class="muted small chart-empty">{ i18n.t("dashboard.ikm_none") }</p>
            }
        </>
    }
}

/// Complaints filed per month.
fn complaints_chart(d: &Dashboard, i18n: &I18n) -> Html {
    let labels: Vec<String> = d.series.iter().map(|p| month_label(&p.month, i18n)).collect();
    let config = json!({
        "type": "bar",
        "data": {
            "labels": labels,
            "datasets": [{
                "label": i18n.t("dashboard.series_complaints"),
                "data": d.series.iter().map(|p| p.complaints_filed).collect::<Vec<_>>(),
                "backgroundColor": WARN,
                "borderRadius": 4,
            }],
        },
        "options": with(i18n.lang(), json!({
            "plugins": { "legend": { "display": false } },
            "scales": { "y": { "beginAtZero": true, "ticks": { "precision": 0 } } },
        })),
    });
    let rows = d.series.iter().zip(&labels).map(|(p, label)| (label.clone(), p.complaints_filed.to_string()));
    html! {
        <Chart config={Rc::new(config)} name="chart-complaints" label={i18n.t("dashboard.chart_complaints").to_owned()}>
            { fallback(rows) }
        </Chart>
    }
}

#[derive(Properties, PartialEq)]
pub struct UnitComparisonProps {
    pub units: Rc<Vec<UnitFigures>>,
}

/// Every OPD side by side: SKP completion and IKM on the same 0–100 scale, one row each.
#[component]
pub fn UnitComparison(props: &UnitComparisonProps) -> Html {
    let i18n = use_i18n();
    let units = &props.units;
    let config = json!({
        "type": "bar",
        "data": {
            "labels": units.iter().map(|u| wrap(&u.unit_name)).collect::<Vec<_>>(),
            "datasets": [
                {
                    "label": i18n.t("dashboard.series_skp_percent"),
                    "data": units.iter().map(|u| (u.skp.completion * 1000.0).round() / 10.0).collect::<Vec<_>>(),
                    "backgroundColor": OK,
                    "borderRadius": 3,
                },
                {
                    "label": i18n.t("dashboard.ikm"),
                    "data": units.iter().map(|u| u.ikm.ikm).collect::<Vec<_>>(),
                    "backgroundColor": INFO,
                    "borderRadius": 3,
                },
            ],
        },
        "options": with(i18n.lang(), json!({
            "indexAxis": "y",
            "scales": { "x": { "beginAtZero": true, "max": 100 } },
        })),
    });
    // A row per OPD, so the chart grows with the city.
    let height = 90 + 44 * units.len();
    let none = i18n.t("common.none");
    let rows = units.iter().map(|u| {
        let ikm = u.ikm.ikm.map(|v| format::fixed(v, 2, i18n.lang())).unwrap_or_else(|| none.to_owned());
        (u.unit_name.clone(), format!("{} · IKM {ikm}", format::percent(u.skp.completion * 100.0, i18n.lang())))
    });
    html! {
        <figure class="chart-card chart-card-wide">
            <figcaption>{ i18n.t("city.chart") }</figcaption>
            <Chart config={Rc::new(config)} name="chart-units" label={i18n.t("city.chart").to_owned()}
                height={Some(height as u32)}>
                { fallback(rows) }
            </Chart>
        </figure>
    }
}

/// The longest label line of the unit comparison, in characters.
const LABEL_LINE: usize = 22;

/// A unit's name in lines of at most [`LABEL_LINE`] characters (Chart.js draws an array as
/// lines), so that long OPD names fit beside the bars on a phone.
fn wrap(name: &str) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in name.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= LABEL_LINE => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_owned()),
        }
    }
    lines
}
