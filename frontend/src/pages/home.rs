//! Beranda: a greeting and a card for each screen the user's roles open.

use super::PageProps;
use crate::components::layout::WaitingNow;
use crate::i18n::use_i18n;
use crate::route::Route;
use kinerja_domain::Role;
use yew::prelude::*;
use yew_router::prelude::*;

#[component]
pub fn Home(props: &PageProps) -> Html {
    let i18n = use_i18n();
    let waiting = use_context::<WaitingNow>().unwrap_or_default().0;
    let me = &props.me;
    let roles = if me.roles.is_empty() {
        i18n.t("role.none").to_owned()
    } else {
        me.roles.iter().map(|r| i18n.word("role", r.as_str())).collect::<Vec<_>>().join(", ")
    };
    // What waits for a decision comes first: the thumb reaches it without scrolling.
    let mut routes: Vec<&Route> = Route::NAV.iter().filter(|r| **r != Route::Home && r.listed_for(me)).collect();
    routes.sort_by_key(|r| std::cmp::Reverse(r.waiting(&waiting) > 0));
    let cards = routes.into_iter().map(|route| {
        let about = format!("home.about.{}", route.label_key().trim_start_matches("nav."));
        let n = route.waiting(&waiting);
        html! {
            <li>
                <Link<Route> to={route.clone()} classes={classes!("card", (n > 0).then_some("card-waiting"))}>
                    <strong>
                        { i18n.t(route.label_key()) }
                        if n > 0 {
                            <span class="count-badge">{ i18n.tf("waiting.count", &[("n", &n.to_string())]) }</span>
                        }
                    </strong>
                    <span>{ i18n.t(&about).to_owned() }</span>
                </Link<Route>>
            </li>
        }
    });
    html! {
        <section class="page">
            <h1>{ i18n.tf("home.greeting", &[("name", &me.display_name)]) }</h1>
            <p class="lead">
                if let Some(employee) = &me.employee {
                    { &employee.position_title }{ " · " }
                }
                { i18n.t("home.roles") }{ ": " }{ roles }
            </p>
            // A head's first stop every morning: their unit's dashboard, one click away.
            if me.has(Role::KepalaUnit) {
                <p class="home-cta">
                    <Link<Route> to={Route::Dashboard} classes="button-primary">{ i18n.t("home.dashboard_cta") }</Link<Route>>
                </p>
            }
            <h2>{ i18n.t("home.quick_links") }</h2>
            <ul class="cards">{ for cards }</ul>
        </section>
    }
}
