//! The summary tiles of a unit subtree: one figure each, big, with a line of context under it.

use crate::format;
use crate::i18n::{use_i18n, I18n};
use kinerja_types::{TrainingFigures, UnitFigures};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FigureTilesProps {
    pub figures: UnitFigures,
    /// Jam pelajaran (JP) of the year, for the whole subtree.
    #[prop_or_default]
    pub training: Option<TrainingFigures>,
}

/// Headcount, SKP against the deadline, activities, approval time, work per employee, IKM,
/// complaints and the people needing attention.
#[component]
pub fn FigureTiles(props: &FigureTilesProps) -> Html {
    let i18n = use_i18n();
    let lang = i18n.lang();
    let f = &props.figures;
    let n = |v: u64| format::count(v, lang);
    let skp_late = f.skp.past_deadline && f.skp.approved < f.headcount;
    let skp_note = i18n.tf(
        if skp_late { "dashboard.skp_note_late" } else { "dashboard.skp_note" },
        &[
            ("approved", &n(f.skp.approved)),
            ("headcount", &n(f.headcount)),
            ("deadline", &format::date(&f.skp.deadline)),
        ],
    );
    let median = match f.activities.median_approval_hours {
        Some(h) => format::hours(h, lang),
        None => i18n.t("common.none").to_owned(),
    };
    let (ikm, ikm_note) = match (f.ikm.ikm, f.ikm.grade) {
        (Some(value), Some(grade)) => (
            format::fixed(value, 2, lang),
            i18n.tf(
                "dashboard.ikm_note",
                &[("grade", grade.letter()), ("words", i18n.grade(grade)), ("n", &n(f.ikm.respondents))],
            ),
        ),
        _ => (i18n.t("common.none").to_owned(), i18n.t("dashboard.ikm_none").to_owned()),
    };
    let training = props.training.as_ref().map(|t| {
        Tile::new(
            "training",
            i18n.t("dashboard.training"),
            format!("{} JP", format::fixed(t.jp_per_employee, 1, lang)),
            i18n.tf(
                "dashboard.training_note",
                &[
                    ("n", &n(t.meeting_target)),
                    ("with", &n(t.with_target)),
                    ("expected", &t.jp_target.to_string()),
                    ("year", &t.year.to_string()),
                ],
            ),
        )
        .warn(t.meeting_target < t.with_target)
    });
    let tiles = [
        Tile::new("headcount", i18n.t("dashboard.headcount"), n(f.headcount), i18n.t("dashboard.headcount_note")),
        Tile::new("skp", i18n.t("dashboard.skp"), format::percent(f.skp.completion * 100.0, lang), skp_note)
            .warn(skp_late),
        Tile::new(
            "approved",
            i18n.t("dashboard.approved"),
            n(f.activities.approved),
            i18n.tf("dashboard.approved_note", &[("n", &n(f.activities.pending))]),
        ),
        Tile::new("median", i18n.t("dashboard.median"), median, i18n.t("dashboard.median_note")),
        Tile::new(
            "minutes",
            i18n.t("dashboard.per_employee"),
            format::hours(f.activities.minutes_per_employee / 60.0, lang),
            i18n.tf(
                "dashboard.per_employee_note",
                &[
                    ("per_day", &format::hours(f.activities.minutes_per_working_day / 60.0, lang)),
                    ("total", &format::hours(f.activities.minutes as f64 / 60.0, lang)),
                ],
            ),
        ),
        Tile::new("ikm", i18n.t("dashboard.ikm"), ikm, ikm_note),
        Tile::new(
            "complaints",
            i18n.t("dashboard.complaints"),
            n(f.complaints.open),
            i18n.tf("dashboard.complaints_note", &[("n", &n(f.complaints.overdue))]),
        )
        .warn(f.complaints.overdue > 0),
        Tile::new("attention", i18n.t("dashboard.attention"), n(f.attention_count), i18n.t("dashboard.attention_note"))
            .warn(f.attention_count > 0),
    ];
    html! {
        <ul class="kpis" aria-label={i18n.t("dashboard.summary").to_owned()}>
            { for tiles.into_iter().chain(training).map(|t| t.view(&i18n)) }
        </ul>
    }
}

/// One tile's words.
struct Tile {
    name: &'static str,
    label: String,
    value: String,
    note: String,
    warn: bool,
}

impl Tile {
    fn new(name: &'static str, label: &str, value: String, note: impl Into<String>) -> Tile {
        Tile { name, label: label.to_owned(), value, note: note.into(), warn: false }
    }

    fn warn(self, warn: bool) -> Tile {
        Tile { warn, ..self }
    }

    fn view(self, i18n: &I18n) -> Html {
        html! {
            <li class={classes!("kpi", format!("kpi-{}", self.name), self.warn.then_some("kpi-warn"))}>
                <span class="kpi-label">{ self.label }</span>
                <strong class="kpi-value">{ self.value }</strong>
                <span class="kpi-note">
                    if self.warn {
                        <span class="sr-only">{ i18n.t("dashboard.warn") }{ " " }</span>
                    }
                    { self.note }
                </span>
            </li>
        }
    }
}
