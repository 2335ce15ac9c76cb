//! The session's tokens, kept in localStorage (`kinerja.tokens`) so that a reload stays signed
//! in. The client renews them; the auth context listens, so it learns when they change or end.

use gloo_storage::{LocalStorage, Storage};
use kinerja_types::TokenPair;
use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use yew::Callback;

const STORAGE_KEY: &str = "kinerja.tokens";

/// The stored token pair, with the instant the access token expires.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Tokens {
    pub access_token: String,
    pub refresh_token: String,
    /// Milliseconds since the epoch, by this browser's clock.
    pub expires_at: f64,
}

impl Tokens {
    /// Dates a fresh pair from the server by this browser's clock (so clock skew does not matter).
    pub fn from_pair(pair: TokenPair) -> Self {
        Self {
            expires_at: js_sys::Date::now() + pair.expires_in as f64 * 1000.0,
            access_token: pair.access_token,
            refresh_token: pair.refresh_token,
        }
    }

    /// Milliseconds until the access token expires (negative once it has).
    pub fn ms_left(&self) -> f64 {
        self.expires_at - js_sys::Date::now()
    }
}

thread_local! {
    static LISTENER: RefCell<Option<Callback<Option<Tokens>>>> = const { RefCell::new(None) };
    /// How many sessions ended on this page: work begun for one session (the offline queue's
    /// round) stops when it changes, rather than go on under the next person's tokens.
    static ENDED: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// Changes each time a session ends (see `ENDED`).
pub fn generation() -> u32 {
    ENDED.with(std::cell::Cell::get)
}

/// The stored tokens, if any.
pub fn load() -> Option<Tokens> {
    LocalStorage::get(STORAGE_KEY).ok()
}

/// Keeps `tokens` and tells the listener.
pub fn store(tokens: &Tokens) {
    // If storage refuses (private mode, quota), the session still works until the page reloads.
    let _ = LocalStorage::set(STORAGE_KEY, tokens);
    notify(Some(tokens.clone()));
}

/// Forgets the session and tells the listener.
pub fn clear() {
    ENDED.with(|n| n.set(n.get().wrapping_add(1)));
    LocalStorage::delete(STORAGE_KEY);
    notify(None);
}

fn notify(tokens: Option<Tokens>) {
    // Clone the callback out first: the listener may well touch the session itself.
    if let Some(listener) = LISTENER.with(|l| l.borrow().clone()) {
        listener.emit(tokens);
    }
}

/// Registers the one listener (the auth provider) until the returned guard is dropped.
pub fn listen(callback: Callback<Option<Tokens>>) -> Listening {
    LISTENER.with(|l| *l.borrow_mut() = Some(callback));
    Listening
}

/// Unregisters the listener when dropped.
pub struct Listening;

impl Drop for Listening {
    fn drop(&mut self) {
        LISTENER.with(|l| l.borrow_mut().take());
    }
}
