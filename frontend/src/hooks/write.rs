//! `use_write`: one write to the API at a time (a save, an approval, a delete), with its busy state
//! and its error, and what to do once the server took it.
//!
//! ```ignore
//! let write = use_write();
//! let remove = write.action(move |()| api::things::delete(id), move |()| reload.emit(()));
//! html! {
//!     <ErrorBanner error={write.error.clone()} />
//!     <button onclick={remove.reform(|_| ())} disabled={write.busy}>{ "Delete" }</button>
//! }
//! ```

use crate::api::ApiError;
use crate::components::toast::{focus_first_error, use_toast, Toaster};
use std::cell::Cell;
use std::future::Future;
use std::rc::Rc;
use yew::platform::spawn_local;
use yew::prelude::*;

/// The state of a component's writes and the way to start one. Cheap to clone into callbacks.
///
/// Only one write runs at a time: a second one started while the first is still running (a
/// double click, Enter pressed twice) is ignored. A new write clears the last error; a failed one
/// keeps its [`ApiError`] in [`Write::error`] (show it with `ErrorBanner`, and the 422 field
/// errors next to their inputs with [`Write::field`]).
#[derive(Clone)]
pub struct Write {
    /// A write is running: disable the buttons that start one, say "Menyimpan…".
    pub busy: bool,
    /// Why the last write failed, until the next one starts.
    pub error: Option<ApiError>,
    busy_state: UseStateHandle<bool>,
    error_state: UseStateHandle<Option<ApiError>>,
    /// The true busy flag: state handles only change at the next render, this at once.
    running: Rc<Cell<bool>>,
    /// The page's toast, cleared when a write starts (the last "done" is old news).
    toaster: Toaster,
}

impl PartialEq for Write {
    fn eq(&self, other: &Self) -> bool {
        self.busy == other.busy && self.error == other.error && Rc::ptr_eq(&self.running, &other.running)
    }
}

/// A component's [`Write`]. Give each independent action its own hook (they are busy apart);
/// actions that must not overlap (approve and reject of one item) share one.
#[hook]
pub fn use_write() -> Write {
    let busy_state = use_state_eq(|| false);
    let error_state = use_state_eq(|| None::<ApiError>);
    let running = use_memo((), |()| Cell::new(false));
    let toaster = use_toast();
    Write { busy: *busy_state, error: (*error_state).clone(), busy_state, error_state, running, toaster }
}

impl Write {
    /// Sends `call`; once it succeeded, `on_done` gets the answer (reload a list, say it in a toast,
    /// navigate); once it failed, the error is kept and the first field or banner showing it gets
    /// the focus. Ignored while another write of this hook runs (`call` is then never polled, so
    /// nothing is sent). Starting clears the toast on screen.
    pub fn run<T, Fut>(&self, call: Fut, on_done: impl FnOnce(T) + 'static)
    where
        T: 'static,
        Fut: Future<Output = Result<T, ApiError>> + 'static,
    {
        if self.running.replace(true) {
            return;
        }
        self.busy_state.set(true);
        self.error_state.set(None);
        self.toaster.clear();
        let (running, busy, error) = (self.running.clone(), self.busy_state.clone(), self.error_state.clone());
        spawn_local(async move {
            let outcome = call.await;
            running.set(false);
            busy.set(false);
            match outcome {
                Ok(answer) => on_done(answer),
                Err(e) => {
                    error.set(Some(e));
                    focus_first_error();
                }
            }
        });
    }

    /// A callback that runs `call(input)` as [`Write::run`] does, then `on_done(answer)`: the
    /// usual "button → API → reload" in one line.
    pub fn action<I, T, Fut>(&self, call: impl Fn(I) -> Fut + 'static, on_done: impl Fn(T) + 'static) -> Callback<I>
    where
        I: 'static,
        T: 'static,
        Fut: Future<Output = Result<T, ApiError>> + 'static,
    {
        let write = self.clone();
        let on_done = Rc::new(on_done);
        Callback::from(move |input: I| {
            let on_done = on_done.clone();
            write.run(call(input), move |answer| on_done(answer))
        })
    }

    /// Forgets the last error (the user turned to something else: another item, a new question).
    pub fn clear_error(&self) {
        self.error_state.set(None);
    }

    /// Shows `error` as the last write's failure, from its `on_done`: a batch that stopped halfway
    /// (what was done is done, the rest failed).
    pub fn fail(&self, error: ApiError) {
        self.error_state.set(Some(error));
        focus_first_error();
    }

    /// What the server said about `field` in the last failed write (a 422's `errors[]`).
    pub fn field(&self, field: &str) -> Option<String> {
        self.error.as_ref().and_then(|e| e.field(field))
    }
}

/// `call`, with the confirmation asked again (`confirming` back to false) when it fails, so the form
/// shows the error instead of a question already answered.
pub async fn unconfirm_on_error<T>(
    call: impl Future<Output = Result<T, ApiError>>,
    confirming: UseStateHandle<bool>,
) -> Result<T, ApiError> {
    let answer = call.await;
    if answer.is_err() {
        confirming.set(false);
    }
    answer
}
