//! The frame around every signed-in page: header, navigation, the password notice, content.

use super::header::Header;
use super::nav::Nav;
use super::notification_bell::RefreshInbox;
use super::public_layout::remember_pemda;
use super::toast::ToastHost;
use super::Notice;
use crate::api;
use crate::hooks::use_remote;
use crate::i18n::use_i18n;
use gloo_timers::callback::Interval;
use kinerja_types::Me;
use std::rc::Rc;
use yew::prelude::*;
use yew_router::prelude::*;

/// How many of the latest notifications the bell shows.
const INBOX_SIZE: u64 = 6;

/// How often the bell looks for new notifications while the page stays open.
const INBOX_POLL_MS: u32 = 60_000;

/// Counts the times the notifications should be read again (a reducer, so that a callback kept
/// by a timer never works on a stale count).
#[derive(Default, PartialEq)]
struct InboxRound(u32);

impl Reducible for InboxRound {
    type Action = ();

    fn reduce(self: Rc<Self>, (): ()) -> Rc<Self> {
        Rc::new(InboxRound(self.0.wrapping_add(1)))
    }
}

/// Handed to the pages: what waits for the person's decision (the home page's counts).
#[derive(Clone, PartialEq, Default)]
pub struct WaitingNow(pub kinerja_types::Waiting);

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
    // The citizen pages cannot read the settings; on this device they show the name seen here.
    use_effect_with(pemda.clone(), |pemda| {
        if let Some(name) = pemda {
            remember_pemda(name);
        }
    });

    // Following a link closes the narrow-screen menu.
    let location = use_location();
    let path = location.map(|l| l.path().to_owned());
    {
        let nav_open = nav_open.clone();
        use_effect_with(path.clone(), move |_| nav_open.set(false));
    }

    // The notifications: read again on every page change, every minute and when a page asks.
    let inbox_round = use_reducer(InboxRound::default);
    {
        let dispatcher = inbox_round.dispatcher();
        use_effect_with((), move |_| {
            let timer = Interval::new(INBOX_POLL_MS, move || dispatcher.dispatch(()));
            move || drop(timer)
        });
    }
    let inbox = use_remote((path, inbox_round.0), |_| api::notifications::inbox(INBOX_SIZE));
    let refresh_inbox = {
        let dispatcher = inbox_round.dispatcher();
        Callback::from(move |()| dispatcher.dispatch(()))
    };
    let waiting = inbox.state.data.as_ref().map(|i| i.waiting).unwrap_or_default();
    let on_toggle_nav = {
        let nav_open = nav_open.clone();
        Callback::from(move |()| nav_open.set(!*nav_open))
    };
    html! {
        <div class="shell">
            <Header me={props.me.clone()} {pemda} nav_open={*nav_open} {on_toggle_nav}
                inbox={inbox.state.data.clone()} on_inbox_changed={refresh_inbox.clone()} />
            <div class="frame">
                <Nav me={props.me.clone()} open={*nav_open} {waiting} />
                <main class="content" id="content">
                    <super::install_banner::InstallBanner />
                    if props.me.must_change_password {
                        <Notice kind="info" text={i18n.t("notice.must_change_password").to_owned()} />
                    }
                    <ContextProvider<ReloadSettings> context={ReloadSettings(settings.reload.clone())}>
                        <ContextProvider<RefreshInbox> context={RefreshInbox(refresh_inbox)}>
                            <ContextProvider<WaitingNow> context={WaitingNow(waiting)}>
                                <ToastHost>{ props.children.clone() }</ToastHost>
                            </ContextProvider<WaitingNow>>
                        </ContextProvider<RefreshInbox>>
                    </ContextProvider<ReloadSettings>>
                </main>
            </div>
        </div>
    }
}
