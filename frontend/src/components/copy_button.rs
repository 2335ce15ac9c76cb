//! "Salin": puts a text (a tracking code, a kiosk token) on the clipboard and says so.

use crate::i18n::use_i18n;
use gloo_timers::callback::Timeout;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;
use yew::platform::spawn_local;
use yew::prelude::*;

/// How long "copied" stays on the button.
const SHOWN_MS: u32 = 3_000;

#[derive(Properties, PartialEq)]
pub struct CopyButtonProps {
    pub text: AttrValue,
    /// The words on the button, e.g. "Salin kode".
    pub label: AttrValue,
}

/// Where the last copy stands.
#[derive(Clone, Copy, PartialEq)]
enum Copied {
    Not,
    Done,
    Failed,
}

#[component]
pub fn CopyButton(props: &CopyButtonProps) -> Html {
    let i18n = use_i18n();
    let copied = use_state(|| Copied::Not);
    let timer = use_mut_ref(|| None::<Timeout>);
    let onclick = {
        let copied = copied.clone();
        let text = props.text.clone();
        Callback::from(move |_: MouseEvent| {
            let copied = copied.clone();
            let text = text.clone();
            let timer = timer.clone();
            spawn_local(async move {
                copied.set(if copy(&text).await { Copied::Done } else { Copied::Failed });
                let reset = copied.clone();
                *timer.borrow_mut() = Some(Timeout::new(SHOWN_MS, move || reset.set(Copied::Not)));
            });
        })
    };
    let label = match *copied {
        Copied::Done => i18n.t("copy.done").to_owned(),
        _ => props.label.to_string(),
    };
    html! {
        <span class="copy">
            <button type="button" class="button-quiet copy-button" {onclick}>{ label }</button>
            <span class="copy-status" role="status">
                { match *copied {
                    Copied::Done => html! { <span class="sr-only">{ i18n.t("copy.done") }</span> },
                    Copied::Failed => html! { <span class="field-error">{ i18n.t("copy.failed") }</span> },
                    Copied::Not => html! {},
                } }
            </span>
        </span>
    }
}

/// Writes `text` to the clipboard; false when the browser has no clipboard here (an address
/// that is not https) or refused.
async fn copy(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let navigator = window.navigator();
    // `navigator.clipboard` is missing outside secure contexts; calling it then would throw.
    let present = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard")).is_ok_and(|c| !c.is_undefined());
    if !present {
        return false;
    }
    JsFuture::from(navigator.clipboard().write_text(text)).await.is_ok()
}
