//! The root of the citizen bundle (`--features citizen`, served as `citizen.html` for the survey,
//! complaint, tracking, forum and service-unit addresses): the language provider and a router over
//! the citizen pages only, in the same public frame the staff app shows them in. No session, no
//! staff screens: the linker leaves them out, so a citizen on a slow phone loads a fraction of the
//! staff app. A staff address reached from here is loaded afresh, from the staff bundle.

use crate::components::PublicLayout;
use crate::i18n::{use_i18n, I18nProvider};
use crate::pages;
use crate::route::Route;
use yew::prelude::*;
use yew_router::prelude::*;

#[component]
pub fn CitizenApp() -> Html {
    html! {
        <I18nProvider>
            <BrowserRouter>
                <Switch<Route> render={|route| html! { <CitizenScreen {route} /> }} />
            </BrowserRouter>
        </I18nProvider>
    }
}

#[derive(Properties, PartialEq)]
struct CitizenScreenProps {
    route: Route,
}

/// The page of `route` in the public frame; another bundle's screen is loaded from the server.
#[component]
fn CitizenScreen(props: &CitizenScreenProps) -> Html {
    let i18n = use_i18n();
    let route = props.route.clone();
    {
        let title = format!("{} · Kinerja", i18n.t(route.label_key()));
        use_effect_with(title, |title| {
            if let Some(document) = web_sys::window().and_then(|w| w.document()) {
                document.set_title(title);
            }
        });
    }
    let elsewhere = page(&route).is_none() && route != Route::NotFound;
    use_effect_with(elsewhere, |elsewhere| {
        // The address is already the staff screen's (the router pushed it): the server answers
        // it with the staff app. Never for an unknown address, which the server may send here.
        if *elsewhere {
            if let Some(window) = web_sys::window() {
                let _ = window.location().reload();
            }
        }
    });
    let page = page(&route).unwrap_or_else(|| {
        if elsewhere {
            html! {}
        } else {
            html! { <pages::NotFound /> }
        }
    });
    html! { <PublicLayout>{ page }</PublicLayout> }
}

/// The page of a route this bundle serves (`None` for the staff screens, the survey poster among
/// them: staff print it).
pub fn page(route: &Route) -> Option<Html> {
    let page = match route {
        Route::ServiceUnits => html! { <pages::public::ServiceUnits /> },
        Route::Survey { .. } => html! { <pages::public::ServerPage path={route.to_path()} /> },
        Route::FileComplaint => html! { <pages::public::FileComplaint /> },
        Route::Track => html! { <pages::public::Track code={None::<AttrValue>} /> },
        Route::TrackCode { code } => html! { <pages::public::Track code={Some(AttrValue::from(code.clone()))} /> },
        Route::PublicForums => html! { <pages::public::PublicForums /> },
        Route::PublicForum { id } => html! { <pages::public::PublicForumDetail id={*id} /> },
        Route::PublicPulse { code } => {
            html! { <pages::public::PublicPulseForm code={AttrValue::from(code.clone())} /> }
        }
        _ => return None,
    };
    Some(page)
}
