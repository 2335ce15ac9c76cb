//! The navigation: the screens the user may open. A side bar on wide screens, a drop-down
//! behind the menu button on narrow ones.

use crate::i18n::use_i18n;
use crate::route::Route;
use kinerja_types::{Me, Waiting};
use std::rc::Rc;
use yew::prelude::*;
use yew_router::prelude::*;

#[derive(Properties, PartialEq)]
pub struct NavProps {
    pub me: Rc<Me>,
    /// Whether the narrow-screen drop-down is open.
    pub open: bool,
    /// What waits for the person's decision: counted beside the screens that hold it.
    #[prop_or_default]
    pub waiting: Waiting,
}

/// One link per screen the user's roles allow.
#[component]
pub fn Nav(props: &NavProps) -> Html {
    let i18n = use_i18n();
    // A unit's dashboard is reached from "Dasbor", which stays marked.
    let current = use_route::<Route>().map(|route| match route {
        Route::UnitDashboard { .. } => Route::Dashboard,
        route => route,
    });
    let links = Route::NAV.iter().filter(|route| route.listed_for(&props.me)).map(|route| {
        html! {
            <li><NavLink route={route.clone()} current={current.as_ref() == Some(route)}
                label={i18n.t(route.label_key()).to_owned()} waiting={route.waiting(&props.waiting)} /></li>
        }
    });
    html! {
        <nav id="main-nav" class={classes!("nav", props.open.then_some("nav-open"))}
            aria-label={i18n.t("nav.label").to_owned()}>
            <ul>{ for links }</ul>
        </nav>
    }
}

#[derive(Properties, PartialEq)]
struct NavLinkProps {
    route: Route,
    current: bool,
    label: AttrValue,
    /// How many things wait there (shown when more than none).
    waiting: u64,
}

/// A real link (it opens in a new tab on middle click) that the router follows in place.
#[component]
fn NavLink(props: &NavLinkProps) -> Html {
    let i18n = use_i18n();
    let navigator = use_navigator();
    let route = props.route.clone();
    let href = route.to_path();
    let onclick = Callback::from(move |e: MouseEvent| {
        if e.ctrl_key() || e.meta_key() || e.shift_key() || e.button() != 0 {
            return;
        }
        e.prevent_default();
        if let Some(navigator) = &navigator {
            navigator.push(&route);
        }
    });
    html! {
        <a {href} {onclick} class={classes!(props.current.then_some("active"))}
            aria-current={props.current.then_some("page")}>
            { props.label.clone() }
            if props.waiting > 0 {
                <span class="count-badge" title={i18n.tf("waiting.count", &[("n", &props.waiting.to_string())])}>
                    <span aria-hidden="true">{ props.waiting }</span>
                    <span class="sr-only">{ i18n.tf("waiting.count", &[("n", &props.waiting.to_string())]) }</span>
                </span>
            }
        </a>
    }
}
