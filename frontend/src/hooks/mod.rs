//! The SPA's hooks, one per file: [`use_remote`] loads, [`use_write`] writes, [`use_form`] keeps a
//! form's fields and sends it; [`setter`] is the callback a lone text field uses to keep its text.

mod form;
mod remote;
mod write;

pub use form::{checked, use_form, Invalid};
pub use remote::use_remote;
pub use write::{unconfirm_on_error, use_write};

use yew::prelude::*;

/// A callback that stores the text it receives in `state` (for a single form field; forms of
/// several fields use [`use_form`]).
pub fn setter(state: &UseStateHandle<String>) -> Callback<String> {
    let state = state.clone();
    Callback::from(move |v: String| state.set(v))
}
