//! The one way a page says "done": a toast at the bottom of the screen, where the thumb and the
//! eye are on a phone, naming what was done, gone after a few seconds, replaced by the next one,
//! and cleared when the person starts another action (every [`use_write`](crate::hooks::use_write)
//! clears it). It outlives a page change, so "saved" still shows on the page a form leads to. An
//! approval's toast carries "Batalkan" for those seconds.
//!
//! ```ignore
//! let toast = use_toast();
//! toast.say(i18n.tf("employees.added", &[("name", &e.name)]));
//! toast.say_with_undo(text, undo_callback);
//! ```

use crate::i18n::use_i18n;
use gloo_timers::callback::Timeout;
use std::cell::Cell;
use yew::prelude::*;

/// How long a toast stays, in milliseconds.
pub const TOAST_MS: u32 = 6_000;
/// How long a toast with "Batalkan" stays: long enough to read it and reach the button.
pub const UNDO_MS: u32 = 8_000;

#[derive(Clone, PartialEq)]
struct Toast {
    /// Distinguishes two toasts with the same words (the timer restarts).
    round: u32,
    text: AttrValue,
    undo: Option<Callback<()>>,
}

/// Handed to every page through the context: shows or clears the toast.
#[derive(Clone, PartialEq)]
pub struct Toaster {
    show: Callback<Option<(AttrValue, Option<Callback<()>>)>>,
}

impl Toaster {
    /// Shows `text` (what was done, naming the thing), replacing any toast on screen.
    pub fn say(&self, text: impl Into<AttrValue>) {
        self.show.emit(Some((text.into(), None)));
    }

    /// Shows `text` with a "Batalkan" button that runs `undo` and closes the toast.
    pub fn say_with_undo(&self, text: impl Into<AttrValue>, undo: Callback<()>) {
        self.show.emit(Some((text.into(), Some(undo))));
    }

    /// Takes the toast away (another action began).
    pub fn clear(&self) {
        self.show.emit(None);
    }
}

/// The page's [`Toaster`]; outside a [`ToastHost`] (a test of one component) a toaster that shows
/// nothing.
#[hook]
pub fn use_toast() -> Toaster {
    use_context::<Toaster>().unwrap_or_else(|| Toaster { show: Callback::noop() })
}

#[derive(Properties, PartialEq)]
pub struct ToastHostProps {
    #[prop_or_default]
    pub children: Html,
}

/// Provides the [`Toaster`] to `children` and draws its toast, fixed at the bottom of the screen.
#[component]
pub fn ToastHost(props: &ToastHostProps) -> Html {
    let i18n = use_i18n();
    let toast = use_state(|| None::<Toast>);
    // While the pointer or the keyboard is on the toast it stays (reaching "Batalkan" takes time).
    let held = use_state(|| false);
    let rounds = use_memo((), |()| Cell::new(0u32));
    let toaster = {
        let (toast, rounds) = (toast.clone(), rounds.clone());
        use_memo((), move |()| Toaster {
            show: Callback::from(move |next: Option<(AttrValue, Option<Callback<()>>)>| {
                rounds.set(rounds.get().wrapping_add(1));
                toast.set(next.map(|(text, undo)| Toast { round: rounds.get(), text, undo }));
            }),
        })
    };
    {
        // Each toast leaves by itself; a newer one restarts the clock.
        let toast = toast.clone();
        let shown = (*toast).clone();
        use_effect_with((shown.as_ref().map(|t| t.round), *held), move |(round, held)| {
            let timer = round.filter(|_| !*held).map(|_| {
                let ms = if shown.as_ref().is_some_and(|t| t.undo.is_some()) { UNDO_MS } else { TOAST_MS };
                Timeout::new(ms, move || toast.set(None))
            });
            move || drop(timer)
        });
    }
    let close = {
        let toast = toast.clone();
        Callback::from(move |_: MouseEvent| toast.set(None))
    };
    html! {
        <ContextProvider<Toaster> context={(*toaster).clone()}>
            { props.children.clone() }
            <div class="toast-slot" aria-live="polite">
                if let Some(shown) = &*toast {
                    <div class="toast" role="status" key={shown.round}
                        onmouseenter={{ let held = held.clone(); move |_| held.set(true) }}
                        onmouseleave={{ let held = held.clone(); move |_| held.set(false) }}
                        onfocusin={{ let held = held.clone(); move |_| held.set(true) }}
                        onfocusout={{ let held = held.clone(); move |_| held.set(false) }}>
                        <span class="toast-text">{ shown.text.clone() }</span>
                        if let Some(undo) = &shown.undo {
                            <button type="button" class="toast-undo" onclick={{
                                let (undo, toast) = (undo.clone(), toast.clone());
                                move |_| { toast.set(None); undo.emit(()); }
                            }}>{ i18n.t("common.undo") }</button>
                        }
                        <button type="button" class="toast-close" aria-label={i18n.t("common.close").to_owned()}
                            onclick={close}>{ "×" }</button>
                    </div>
                }
            </div>
        </ContextProvider<Toaster>>
    }
}

/// After the next render, brings the first thing marked wrong into view and gives it the focus: a
/// field with `aria-invalid="true"`, else an error banner. Every form and action calls this when a
/// check on the device or the server refuses, so the error is where the eye is.
pub fn focus_first_error() {
    Timeout::new(40, || {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        let Ok(Some(element)) = document.query_selector("[aria-invalid='true'], .error-banner") else {
            return;
        };
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Center);
        element.scroll_into_view_with_scroll_into_view_options(&options);
        if let Ok(html) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(element) {
            let _ = html.focus();
        }
    })
    .forget();
}
