//! An inline "are you sure?" step before an action that cannot simply be undone.

use crate::i18n::use_i18n;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ConfirmProps {
    /// What will happen.
    pub text: AttrValue,
    /// The words on the button that does it.
    pub confirm_label: AttrValue,
    pub on_confirm: Callback<()>,
    pub on_cancel: Callback<()>,
    /// The action is under way: both buttons wait.
    #[prop_or_default]
    pub busy: bool,
}

/// A boxed question with the action and "Batal"; the action button takes the focus.
#[component]
pub fn Confirm(props: &ConfirmProps) -> Html {
    let i18n = use_i18n();
    let confirm_button = use_node_ref();
    {
        let confirm_button = confirm_button.clone();
        use_effect_with((), move |_| {
            if let Some(button) = confirm_button.cast::<web_sys::HtmlElement>() {
                let _ = button.focus();
            }
        });
    }
    let on_confirm = props.on_confirm.clone();
    let on_cancel = props.on_cancel.clone();
    html! {
        <div class="confirm" role="alertdialog" aria-label={props.text.clone()}>
            <p>{ props.text.clone() }</p>
            <div class="actions">
                <button type="button" class="button-primary" ref={confirm_button} disabled={props.busy}
                    onclick={move |_| on_confirm.emit(())}>
                    { if props.busy { i18n.t("common.working").to_owned() } else { props.confirm_label.to_string() } }
                </button>
                <button type="button" class="button-quiet" disabled={props.busy} onclick={move |_| on_cancel.emit(())}>
                    { i18n.t("common.cancel") }
                </button>
            </div>
        </div>
    }
}

/// A form whose submit asks first: `asking` says whether the [`Confirm`] shows, `ask` is the
/// form's `onsubmit`, and `answered(action)` is the `on_confirm` that hides it and runs `action`.
pub struct AskFirst {
    pub asking: bool,
    pub ask: Callback<SubmitEvent>,
    pub cancel: Callback<()>,
    state: UseStateHandle<bool>,
}

impl AskFirst {
    /// The `on_confirm` of the question: hides it, then runs `action`.
    pub fn answered(&self, action: impl Fn() + 'static) -> Callback<()> {
        let state = self.state.clone();
        Callback::from(move |()| {
            state.set(false);
            action();
        })
    }
}

/// See [`AskFirst`].
#[hook]
pub fn use_ask_first() -> AskFirst {
    let state = use_state(|| false);
    let ask = {
        let state = state.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            state.set(true);
        })
    };
    let cancel = {
        let state = state.clone();
        Callback::from(move |()| state.set(false))
    };
    AskFirst { asking: *state, ask, cancel, state }
}
