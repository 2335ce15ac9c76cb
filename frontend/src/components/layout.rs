//! The frame around every signed-in page: header, navigation, the password notice, content.

use super::header::Header;
use super::nav::Nav;
use super::Notice;
use crate::api;
use crate::hooks::use_remote;
use crate::i18n::use_i18n;
use kinerja_types::Me;
use std::rc::Rc;
use yew::prelude::*;
use yew_router::prelude::*;

/// Handed to the pages: asks the layout to read the settings again (the Pemda name changed).
#[derive(Clone, PartialEq)]
pub struct ReloadSettings(pub Callback<()>);

#[derive(Properties, PartialEq)]
pub struct LayoutProps {
    pub me: Rc<Me>,
    #[prop_or_default]
    pub children: Html,
}

#[component]
pub fn Layout(props: &LayoutProps) -> Html {
    let i18n = use_i18n();
    let nav_open = use_state(|| false);
    // The Pemda name is a nicety: whoever may not read the settings just sees "Kinerja".
    let settings = use_remote((), |()| api::settings::get());
    let pemda = settings
        .state
        .data
        .as_ref()
        .map(|s| s.pemda_name.trim().to_owned())
        .filter(|name| !name.is_empty())
        .map(AttrValue::from);

    // Following a link closes the narrow-screen menu.
    let location = use_location();
    {
        let nav_open = nav_open.clone();
        use_effect_with(location.map(|l| l.path().to_owned()), move |_| nav_open.set(false));
    }
    let on_toggle_nav = {
        let nav_open = nav_open.clone();
        Callback::from(move |()| nav_open.set(!*nav_open))
    };
    html! {
        <div class="shell">
            <Header me={props.me.clone()} {pemda} nav_open={*nav_open} {on_toggle_nav} />
            <div class="frame">
                <Nav me={props.me.clone()} open={*nav_open} />
                <main class="content" id="content">
                    if props.me.must_change_password {
                        <Notice kind="info" text={i18n.t("notice.must_change_password").to_owned()} />
                    }
                    <ContextProvider<ReloadSettings> context={ReloadSettings(settings.reload.clone())}>
                        { props.children.clone() }
                    </ContextProvider<ReloadSettings>>
                </main>
            </div>
        </div>
    }
}
