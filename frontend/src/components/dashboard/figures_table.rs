//! The same figures for several units side by side (a unit's children, or every OPD of the
//! city), sortable by any column, each unit leading to its own dashboard.

use super::DashboardQuery;
use crate::components::sort_header::{Sort, SortHeader};
use crate::components::SelectField;
use crate::format;
use crate::i18n::{use_i18n, I18n};
use crate::route::Route;
use kinerja_domain::Period;
use kinerja_types::UnitFigures;
use std::cmp::Ordering;
use std::rc::Rc;
use yew::prelude::*;
use yew_router::prelude::*;

/// The columns, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    Unit,
    Headcount,
    Skp,
    Approved,
    Pending,
    PerEmployee,
    Median,
    Ikm,
    Open,
    Overdue,
    Attention,
}

impl Column {
    const ALL: [Column; 11] = [
        Column::Unit,
        Column::Headcount,
        Column::Skp,
        Column::Approved,
        Column::Pending,
        Column::PerEmployee,
        Column::Median,
        Column::Ikm,
        Column::Open,
        Column::Overdue,
        Column::Attention,
    ];

    fn label_key(self) -> &'static str {
        match self {
            Column::Unit => "dashboard.col_unit",
            Column::Headcount => "dashboard.col_headcount",
            Column::Skp => "dashboard.col_skp",
            Column::Approved => "dashboard.col_approved",
            Column::Pending => "dashboard.col_pending",
            Column::PerEmployee => "dashboard.col_per_employee",
            Column::Median => "dashboard.col_median",
            Column::Ikm => "dashboard.col_ikm",
            Column::Open => "dashboard.col_open",
            Column::Overdue => "dashboard.col_overdue",
            Column::Attention => "dashboard.col_attention",
        }
    }

    /// The stable name of the column (`data-column`, the phone's sort list).
    fn name(self) -> &'static str {
        self.label_key().trim_start_matches("dashboard.col_")
    }

    fn by_name(name: &str) -> Option<Column> {
        Column::ALL.into_iter().find(|c| c.name() == name)
    }

    /// The number a row is sorted by (`None` sorts last whichever the order).
    fn number(self, f: &UnitFigures) -> Option<f64> {
        match self {
            Column::Unit => None,
            Column::Headcount => Some(f.headcount as f64),
            Column::Skp => Some(f.skp.completion),
            Column::Approved => Some(f.activities.approved as f64),
            Column::Pending => Some(f.activities.pending as f64),
            Column::PerEmployee => Some(f.activities.minutes_per_employee),
            Column::Median => f.activities.median_approval_hours,
            Column::Ikm => f.ikm.ikm,
            Column::Open => Some(f.complaints.open as f64),
            Column::Overdue => Some(f.complaints.overdue as f64),
            Column::Attention => Some(f.attention_count as f64),
        }
    }

    /// What a cell shows.
    fn cell(self, f: &UnitFigures, i18n: &I18n) -> String {
        let lang = i18n.lang();
        let none = || i18n.t("common.none").to_owned();
        match self {
            Column::Unit => f.unit_name.clone(),
            Column::Headcount => format::count(f.headcount, lang),
            Column::Skp => format::percent(f.skp.completion * 100.0, lang),
            Column::Approved => format::count(f.activities.approved, lang),
            Column::Pending => format::count(f.activities.pending, lang),
            Column::PerEmployee => format::hours(f.activities.minutes_per_employee / 60.0, lang),
            Column::Median => f.activities.median_approval_hours.map(|h| format::hours(h, lang)).unwrap_or_else(none),
            Column::Ikm => match (f.ikm.ikm, f.ikm.grade) {
                (Some(v), Some(g)) => format!("{} ({})", format::fixed(v, 2, lang), g.letter()),
                (Some(v), None) => format::fixed(v, 2, lang),
                _ => none(),
            },
            Column::Open => format::count(f.complaints.open, lang),
            Column::Overdue => format::count(f.complaints.overdue, lang),
            // Per person too, so that a big bidang and a small seksi compare.
            Column::Attention if f.headcount > 0 => format!(
                "{} ({})",
                format::count(f.attention_count, lang),
                format::percent(f.attention_count as f64 / f.headcount as f64 * 100.0, lang)
            ),
            Column::Attention => format::count(f.attention_count, lang),
        }
    }
}

/// `a` before `b` in `sort`'s order: names alphabetically, numbers with the missing ones last.
fn compare(a: &UnitFigures, b: &UnitFigures, sort: Sort<Column>) -> Ordering {
    let order = match (sort.key.number(a), sort.key.number(b)) {
        _ if sort.key == Column::Unit => a.unit_name.to_lowercase().cmp(&b.unit_name.to_lowercase()),
        (Some(x), Some(y)) => x.total_cmp(&y),
        (Some(_), None) => return Ordering::Less,
        (None, Some(_)) => return Ordering::Greater,
        (None, None) => Ordering::Equal,
    };
    let order = if sort.descending { order.reverse() } else { order };
    order.then_with(|| a.unit_name.cmp(&b.unit_name))
}

#[derive(Properties, PartialEq)]
pub struct FiguresTableProps {
    pub rows: Rc<Vec<UnitFigures>>,
    /// The period the links carry to each unit's dashboard.
    pub period: Period,
    /// Names the table, e.g. `children`, `units`.
    pub name: AttrValue,
}

#[component]
pub fn FiguresTable(props: &FiguresTableProps) -> Html {
    let i18n = use_i18n();
    let sort = use_state(|| Sort { key: Column::Unit, descending: false });
    let mut rows: Vec<&UnitFigures> = props.rows.iter().collect();
    rows.sort_by(|a, b| compare(a, b, *sort));
    let click = |column: Column| {
        let sort = sort.clone();
        Callback::from(move |()| sort.set(sort.click(column, column != Column::Unit)))
    };
    let on_pick = {
        let sort = sort.clone();
        Callback::from(move |value: String| {
            let (name, descending) = match value.strip_suffix(":desc") {
                Some(name) => (name, true),
                None => (value.trim_end_matches(":asc"), false),
            };
            if let Some(key) = Column::by_name(name) {
                sort.set(Sort { key, descending });
            }
        })
    };
    let choices: Vec<(AttrValue, AttrValue)> = Column::ALL
        .iter()
        .flat_map(|c| {
            let label = i18n.t(c.label_key());
            [
                (AttrValue::from(format!("{}:asc", c.name())), AttrValue::from(format!("{label} ▲"))),
                (AttrValue::from(format!("{}:desc", c.name())), AttrValue::from(format!("{label} ▼"))),
            ]
        })
        .collect();
    let chosen = format!("{}:{}", sort.key.name(), if sort.descending { "desc" } else { "asc" });
    let query = DashboardQuery { period: Some(props.period.to_string()) };
    html! {
        <>
            <div class="sort-picker">
                <SelectField id={format!("{}-sort", props.name)} label={i18n.t("dashboard.sort_by").to_owned()}
                    value={chosen} options={choices} on_change={on_pick} />
            </div>
            <div class="table-wrap">
                <table class={classes!("figures", props.name.to_string())}>
                    <thead>
                        <tr>
                            { for Column::ALL.iter().map(|c| html! {
                                <SortHeader label={i18n.t(c.label_key()).to_owned()} numeric={*c != Column::Unit}
                                    sorted={(sort.key == *c).then_some(sort.descending)} on_sort={click(*c)} />
                            }) }
                        </tr>
                    </thead>
                    <tbody>
                        { for rows.iter().map(|f| html! {
                            <tr key={f.unit_id} data-unit={f.unit_id.to_string()}>
                                { for Column::ALL.iter().map(|c| {
                                    let label = i18n.t(c.label_key()).to_owned();
                                    if *c == Column::Unit {
                                        html! {
                                            <th scope="row" data-label={label} data-column={c.name()}>
                                                <Link<Route, DashboardQuery> to={Route::UnitDashboard { unit_id: f.unit_id }}
                                                    query={Some(query.clone())}>
                                                    { &f.unit_name }
                                                </Link<Route, DashboardQuery>>
                                            </th>
                                        }
                                    } else {
                                        html! {
                                            <td class="numeric" data-label={label} data-column={c.name()}>
                                                { c.cell(f, &i18n) }
                                            </td>
                                        }
                                    }
                                }) }
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
        </>
    }
}
