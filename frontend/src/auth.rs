//! The session as the UI sees it: signed out, loading the user, or signed in with the `Me` of
//! `GET /api/v1/me`. Tokens live in localStorage (see `api::session`); this context follows them,
//! renews them shortly before they expire, and signs out.

use crate::api::client::renew;
use crate::api::session::{self, Tokens};
use crate::api::{self, ApiError};
use crate::i18n::ChildrenProps;
use gloo_timers::callback::Timeout;
use kinerja_types::{Me, TokenPair};
use std::rc::Rc;
use yew::platform::spawn_local;
use yew::prelude::*;

/// Where the session stands.
#[derive(Debug, Clone, PartialEq)]
pub enum AuthStatus {
    /// No session: the app shows the sign-in page.
    SignedOut,
    /// A session exists and the user is being loaded.
    Loading,
    /// Signed in.
    SignedIn(Rc<Me>),
    /// A session exists but the user could not be loaded (server or network trouble).
    Failed(ApiError),
}

/// The state kept by [`AuthProvider`].
#[derive(Debug, Clone, PartialEq)]
pub struct AuthState {
    pub status: AuthStatus,
    /// Bumped each time the user must be (re)loaded; the loading effect follows it.
    load_round: u32,
    /// When the access token expires (ms since the epoch), for the early renewal.
    expires_at: Option<f64>,
}

/// What can happen to the session.
pub enum AuthAction {
    /// Fresh tokens are stored (sign-in) or a retry is asked for: load the user.
    Load,
    Loaded(Rc<Me>),
    LoadFailed(ApiError),
    /// The stored tokens changed (renewed) or were cleared.
    TokensChanged(Option<Tokens>),
}

impl AuthState {
    fn initial() -> Self {
        match session::load() {
            Some(tokens) => Self { status: AuthStatus::Loading, load_round: 1, expires_at: Some(tokens.expires_at) },
            None => Self { status: AuthStatus::SignedOut, load_round: 0, expires_at: None },
        }
    }
}

impl Reducible for AuthState {
    type Action = AuthAction;

    fn reduce(self: Rc<Self>, action: AuthAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            AuthAction::Load => {
                next.status = AuthStatus::Loading;
                next.load_round += 1;
                next.expires_at = session::load().map(|t| t.expires_at);
            }
            // An answer for a round that is no longer waiting (signed out meanwhile) is dropped.
            AuthAction::Loaded(me) if self.status == AuthStatus::Loading => {
                next.status = AuthStatus::SignedIn(me);
            }
            AuthAction::LoadFailed(ApiError::Unauthorized(_)) => {
                next.status = AuthStatus::SignedOut;
                next.expires_at = None;
            }
            AuthAction::LoadFailed(error) if self.status == AuthStatus::Loading => {
                next.status = AuthStatus::Failed(error);
            }
            AuthAction::Loaded(_) | AuthAction::LoadFailed(_) => return self,
            AuthAction::TokensChanged(Some(tokens)) => next.expires_at = Some(tokens.expires_at),
            AuthAction::TokensChanged(None) => {
                next.status = AuthStatus::SignedOut;
                next.expires_at = None;
            }
        }
        Rc::new(next)
    }
}

/// The handle every component gets from [`use_auth`].
#[derive(Clone, PartialEq)]
pub struct Auth(UseReducerHandle<AuthState>);

impl Auth {
    pub fn status(&self) -> &AuthStatus {
        &self.0.status
    }

    /// Keeps the pair from a successful sign-in and loads the user.
    pub fn sign_in(&self, pair: TokenPair) {
        session::store(&Tokens::from_pair(pair));
        // The copy of an earlier user's reads on this device goes first (see static/sw.js).
        let dispatcher = self.0.dispatcher();
        spawn_local(async move {
            crate::offline::forget_reads().await;
            dispatcher.dispatch(AuthAction::Load);
        });
    }

    /// Loads the user again (after a failure).
    pub fn retry(&self) {
        self.0.dispatch(AuthAction::Load);
    }

    /// Forgets the session at once (so signing out works offline too), then asks the server
    /// to revoke its refresh token.
    pub fn sign_out(&self) {
        let tokens = session::load();
        session::clear();
        if let Some(tokens) = tokens {
            spawn_local(async move {
                // Best effort: an unrevoked refresh token still expires on its own.
                let _ = api::auth::logout(&tokens).await;
            });
        }
    }
}

/// Keeps the session for everything below it.
#[component]
pub fn AuthProvider(props: &ChildrenProps) -> Html {
    let state = use_reducer(AuthState::initial);

    // Follow the stored tokens: renewed by the client, or cleared when the session ended.
    {
        let dispatcher = state.dispatcher();
        use_effect_with((), move |_| {
            let listening = session::listen(Callback::from(move |tokens: Option<Tokens>| {
                // However the session ends (signed out, refused renewal), the service worker's
                // copy of its reads goes with it.
                if tokens.is_none() {
                    spawn_local(crate::offline::forget_reads());
                }
                dispatcher.dispatch(AuthAction::TokensChanged(tokens))
            }));
            move || drop(listening)
        });
    }

    // Load the user whenever a round starts.
    {
        let dispatcher = state.dispatcher();
        use_effect_with(state.load_round, move |round| {
            if *round > 0 {
                spawn_local(async move {
                    match api::auth::me().await {
                        Ok(me) => dispatcher.dispatch(AuthAction::Loaded(Rc::new(me))),
                        Err(error) => dispatcher.dispatch(AuthAction::LoadFailed(error)),
                    }
                });
            }
        });
    }

    // Renew the access token a little before it expires, so no request meets a 401.
    use_effect_with(state.expires_at, |expires_at| {
        let timer = expires_at.map(|at| {
            Timeout::new(renewal_delay_ms(at), || {
                spawn_local(async {
                    // A failure is handled where it matters: the next request renews again,
                    // and a refused refresh token already cleared the session.
                    let _ = renew().await;
                })
            })
        });
        move || drop(timer)
    });

    html! {
        <ContextProvider<Auth> context={Auth(state)}>
            { props.children.clone() }
        </ContextProvider<Auth>>
    }
}

/// How long to wait before renewing a token that expires at `expires_at`: a fifth of its
/// remaining life early, at most a minute early, never sooner than a second from now.
fn renewal_delay_ms(expires_at: f64) -> u32 {
    let left = expires_at - js_sys::Date::now();
    let early = (left / 5.0).min(60_000.0);
    // setTimeout takes at most 2^31-1 ms; longer waits are cut short and simply renew early.
    (left - early).clamp(1_000.0, 2_000_000_000.0) as u32
}

/// The session; outside an [`AuthProvider`] (never in this app) everyone is signed out.
#[hook]
pub fn use_auth() -> Option<Auth> {
    use_context::<Auth>()
}
