//! The "loading" indicator.

use crate::i18n::use_i18n;
use yew::prelude::*;

/// A spinner with a word, announced politely to screen readers.
#[component]
pub fn Loading() -> Html {
    let i18n = use_i18n();
    html! {
        <div class="loading" role="status" aria-live="polite">
            <span class="spinner" aria-hidden="true"></span>
            <span>{ i18n.t("common.loading") }</span>
        </div>
    }
}
