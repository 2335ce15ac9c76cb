//! Where a unit sits: its parents up to the highest one the viewer may open, each a link back to
//! that unit's dashboard.

use super::DashboardQuery;
use crate::i18n::use_i18n;
use crate::route::Route;
use kinerja_types::Unit;
use std::rc::Rc;
use yew::prelude::*;
use yew_router::prelude::*;

/// Deeper than any real tree: stops the walk should the data ever loop.
const MAX_DEPTH: usize = 32;

#[derive(Properties, PartialEq)]
pub struct UnitBreadcrumbProps {
    pub units: Rc<Vec<Unit>>,
    pub unit_id: i64,
    /// The highest unit the viewer may open (a head's own); `None` for the whole tree.
    pub top: Option<i64>,
    pub query: DashboardQuery,
}

#[component]
pub fn UnitBreadcrumb(props: &UnitBreadcrumbProps) -> Html {
    let i18n = use_i18n();
    let find = |id: i64| props.units.iter().find(|u| u.id == id);
    let mut chain: Vec<&Unit> = Vec::new();
    let mut next = find(props.unit_id);
    while let Some(unit) = next {
        chain.push(unit);
        if Some(unit.id) == props.top || chain.len() >= MAX_DEPTH {
            break;
        }
        next = unit.parent_id.and_then(find);
    }
    chain.reverse();
    if chain.len() < 2 {
        return html! {};
    }
    let last = chain.len() - 1;
    html! {
        <nav class="breadcrumb no-print" aria-label={i18n.t("dashboard.breadcrumb").to_owned()}>
            <ol>
                { for chain.iter().enumerate().map(|(i, unit)| if i == last {
                    html! { <li aria-current="page">{ &unit.name }</li> }
                } else {
                    html! {
                        <li>
                            <Link<Route, DashboardQuery> to={Route::UnitDashboard { unit_id: unit.id }}
                                query={Some(props.query.clone())}>
                                { &unit.name }
                            </Link<Route, DashboardQuery>>
                        </li>
                    }
                }) }
            </ol>
        </nav>
    }
}
