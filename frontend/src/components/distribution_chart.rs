//! The distribution of predikat in a unit: a bar per predikat with the expected limits beside
//! it, and the 3×3 grid of result rating × behaviour rating. Plain CSS widths.

use super::PredikatBadge;
use crate::format;
use crate::i18n::use_i18n;
use kinerja_domain::rating::predikat;
use kinerja_domain::{Predikat, Rating};
use kinerja_types::{Distribution, ExpectedRule};
use std::rc::Rc;
use yew::prelude::*;

/// The rows of the grid (result rating), as the server orders them.
const GRID_ROWS: [Rating; 3] = [Rating::DiAtas, Rating::Sesuai, Rating::DiBawah];
/// The columns of the grid (behaviour rating), as the server orders them.
const GRID_COLUMNS: [Rating; 3] = [Rating::DiBawah, Rating::Sesuai, Rating::DiAtas];

#[derive(Properties, PartialEq)]
pub struct DistributionProps {
    pub distribution: Rc<Distribution>,
}

/// A bar per predikat: its share, a mark at each limit that concerns it alone, and the words of
/// every expected rule that names it.
#[component]
pub fn DistributionBars(props: &DistributionProps) -> Html {
    let i18n = use_i18n();
    let d = &props.distribution;
    let lang = i18n.lang();
    let rows = Predikat::ALL.iter().map(|p| {
        let count = d.counts.get(p).copied().unwrap_or(0);
        let share = d.shares.get(p).copied().unwrap_or(0.0).clamp(0.0, 1.0);
        let rules: Vec<&ExpectedRule> = d.expected.iter().filter(|r| r.predikat.contains(p)).collect();
        let outside = rules.iter().any(|r| r.predikat.len() == 1 && breaks(r, count, d.total));
        let percent = format::percent(share * 100.0, lang);
        let label = i18n.tf("calibration.bar_label", &[("predikat", i18n.predikat(*p)), ("n", &count.to_string()), ("percent", &percent)]);
        html! {
            <li class={classes!("dist-row", outside.then_some("dist-outside"))}>
                <span class="dist-name"><PredikatBadge predikat={*p} /></span>
                <span class="dist-track" role="img" aria-label={label}>
                    <span class={classes!("dist-fill", format!("dist-fill-{}", p.as_str()))}
                        style={format!("width: {:.1}%", share * 100.0)}></span>
                    { for rules.iter().filter(|r| r.predikat.len() == 1).filter_map(|r| r.percent).map(|limit| html! {
                        <span class="dist-limit" style={format!("left: {}%", limit.min(100))} aria-hidden="true"></span>
                    }) }
                </span>
                <span class="dist-value">{ i18n.tf("calibration.count_share", &[("n", &count.to_string()), ("percent", &percent)]) }</span>
                <span class="dist-expected">
                    if rules.is_empty() {
                        <span class="muted">{ i18n.t("common.none") }</span>
                    } else {
                        { for rules.iter().map(|r| html! { <span class="dist-rule">{ &r.text }</span> }) }
                    }
                </span>
            </li>
        }
    });
    html! {
        <>
            <div class="dist-legend muted small" aria-hidden="true">
                <span>{ i18n.t("calibration.col_predikat") }</span>
                <span>{ i18n.t("calibration.col_share") }</span>
                <span>{ i18n.t("calibration.col_expected") }</span>
            </div>
            <ul class="dist-bars">{ for rows }</ul>
        </>
    }
}

/// Whether `count` of `total` lies outside a one-predikat rule (compared exactly, as the server does).
fn breaks(rule: &ExpectedRule, count: u32, total: u32) -> bool {
    let (n, total) = (u64::from(count), u64::from(total));
    match (rule.bound.as_str(), rule.percent.map(u64::from)) {
        ("at_most", Some(pct)) => n * 100 > pct * total,
        ("at_least", Some(pct)) => total > 0 && n * 100 < pct * total,
        ("at_least_one", _) => total > 0 && n == 0,
        ("majority", _) => total > 0 && n * 2 <= total,
        _ => false,
    }
}

/// The 3×3 grid: how many were rated so on both, each cell with the predikat it gives.
#[component]
pub fn RatingGrid(props: &DistributionProps) -> Html {
    let i18n = use_i18n();
    let grid = &props.distribution.grid;
    let cell = |row: usize, col: usize| grid.get(row).and_then(|r| r.get(col)).copied().unwrap_or(0);
    html! {
        <div class="table-wrap rating-grid-wrap">
            <table class="rating-grid">
                <caption>{ i18n.t("calibration.grid_caption") }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ i18n.t("calibration.grid_corner") }</th>
                        { for GRID_COLUMNS.iter().map(|b| html! {
                            <th scope="col">{ i18n.word("rating", b.as_str()) }</th>
                        }) }
                    </tr>
                </thead>
                <tbody>
                    { for GRID_ROWS.iter().enumerate().map(|(r, result)| html! {
                        <tr>
                            <th scope="row">{ i18n.word("rating", result.as_str()) }</th>
                            { for GRID_COLUMNS.iter().enumerate().map(|(c, behavior)| {
                                let p = predikat(*result, *behavior);
                                let n = cell(r, c);
                                html! {
                                    <td class={classes!("grid-cell", format!("grid-{}", p.as_str()), (n == 0).then_some("grid-empty"))}>
                                        <strong class="grid-count">{ n }</strong>
                                        <small class="grid-predikat">{ i18n.predikat(p) }</small>
                                    </td>
                                }
                            }) }
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
    }
}
