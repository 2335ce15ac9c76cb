//! "Cetak": the browser's print dialog; the print styles leave out the navigation and buttons.

use crate::i18n::use_i18n;
use yew::prelude::*;

#[component]
pub fn PrintButton() -> Html {
    let i18n = use_i18n();
    let onclick = Callback::from(|_: MouseEvent| {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    });
    html! {
        <button type="button" class="button-quiet no-print" {onclick}>{ i18n.t("common.print") }</button>
    }
}
