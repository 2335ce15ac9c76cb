//! Which page a route shows, given the session: the sign-in page for those signed out, a
//! "not allowed" note for roles that may not open it, else the page inside the layout.

use crate::auth::{use_auth, AuthStatus};
use crate::components::{ErrorBanner, Layout, Loading};
use crate::i18n::use_i18n;
use crate::pages;
use crate::route::Route;
use yew::prelude::*;
use yew_router::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ScreenProps {
    pub route: Route,
}

/// The screen for `route`.
#[component]
pub fn Screen(props: &ScreenProps) -> Html {
    let i18n = use_i18n();
    let auth = use_auth();
    let route = props.route;
    {
        let title = format!("{} · Kinerja", i18n.t(route.label_key()));
        use_effect_with(title, |title| {
            if let Some(document) = web_sys::window().and_then(|w| w.document()) {
                document.set_title(title);
            }
        });
    }
    let Some(auth) = auth else {
        return html! {};
    };
    match auth.status() {
        AuthStatus::SignedOut if !route.is_public() => {
            html! { <Redirect<Route> to={Route::Login} /> }
        }
        AuthStatus::SignedOut => match route {
            Route::Login => html! { <pages::Login /> },
            _ => html! { <pages::NotFound /> },
        },
        AuthStatus::Loading => html! {
            <div class="standalone"><Loading /></div>
        },
        AuthStatus::Failed(error) => {
            let retry = {
                let auth = auth.clone();
                Callback::from(move |()| auth.retry())
            };
            let sign_out = {
                let auth = auth.clone();
                Callback::from(move |_: MouseEvent| auth.sign_out())
            };
            html! {
                <div class="standalone">
                    <ErrorBanner error={Some(error.clone())} on_retry={retry} />
                    <button type="button" class="button-quiet" onclick={sign_out}>
                        { i18n.t("header.sign_out") }
                    </button>
                </div>
            }
        }
        AuthStatus::SignedIn(me) => {
            if route == Route::Login {
                return html! { <Redirect<Route> to={Route::Home} /> };
            }
            let page = if !route.allows(me) {
                html! { <pages::Forbidden /> }
            } else {
                match route {
                    Route::Home => html! { <pages::Home me={me.clone()} /> },
                    Route::Activities => html! { <pages::Activities me={me.clone()} /> },
                    Route::Verification => html! { <pages::Verification me={me.clone()} /> },
                    Route::TeamActivities => html! { <pages::TeamActivities /> },
                    Route::MyRealization => html! { <pages::MyRealization me={me.clone()} /> },
                    Route::Realization { skp_id } => html! { <pages::Realization me={me.clone()} {skp_id} /> },
                    Route::MyFeedback => html! { <pages::FeedbackPage me={me.clone()} employee_id={None::<i64>} /> },
                    Route::Feedback { employee_id } => {
                        html! { <pages::FeedbackPage me={me.clone()} employee_id={Some(employee_id)} /> }
                    }
                    Route::MySkp => html! { <pages::MySkp me={me.clone()} /> },
                    Route::TeamSkp => html! { <pages::TeamSkp me={me.clone()} /> },
                    Route::SkpDetail { id } => html! { <pages::SkpDetail me={me.clone()} {id} /> },
                    Route::PerformanceMap => html! { <pages::PerformanceMap me={me.clone()} /> },
                    Route::Notifications => html! { <pages::Notifications /> },
                    Route::Profile => html! { <pages::Profile me={me.clone()} /> },
                    Route::Units => html! { <pages::Units me={me.clone()} /> },
                    Route::Employees => html! { <pages::Employees me={me.clone()} /> },
                    Route::Settings => html! { <pages::Settings /> },
                    Route::Audit => html! { <pages::Audit /> },
                    Route::Login | Route::NotFound => html! { <pages::NotFound /> },
                }
            };
            html! { <Layout me={me.clone()}>{ page }</Layout> }
        }
    }
}
