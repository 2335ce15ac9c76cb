//! The root: language, router and session providers around the route switch.

use crate::auth::AuthProvider;
use crate::guard::Screen;
use crate::i18n::I18nProvider;
use crate::route::Route;
use yew::prelude::*;
use yew_router::prelude::*;

#[component]
pub fn App() -> Html {
    html! {
        <I18nProvider>
            <BrowserRouter>
                <AuthProvider>
                    <Switch<Route> render={|route| html! { <Screen {route} /> }} />
                </AuthProvider>
            </BrowserRouter>
        </I18nProvider>
    }
}
