//! Shows an [`ApiError`] in words, with the invalid fields that a form does not show itself.

use crate::api::ApiError;
use crate::i18n::use_i18n;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ErrorBannerProps {
    pub error: Option<ApiError>,
    /// Fields the surrounding form shows next to its inputs; the banner lists only the others.
    #[prop_or_default]
    pub shown_fields: &'static [&'static str],
    /// Shown as a "try again" button when given.
    #[prop_or_default]
    pub on_retry: Option<Callback<()>>,
}

/// Nothing when there is no error; else a red box with the message.
#[component]
pub fn ErrorBanner(props: &ErrorBannerProps) -> Html {
    let i18n = use_i18n();
    let Some(error) = &props.error else {
        return html! {};
    };
    let english = i18n.lang() == crate::i18n::Lang::En;
    let others: Vec<_> = error.fields().iter().filter(|f| !props.shown_fields.contains(&f.field.as_str())).collect();
    let retry = props.on_retry.as_ref().map(|retry| {
        let retry = retry.clone();
        html! {
            <button type="button" class="button-quiet" onclick={move |_| retry.emit(())}>
                { i18n.t("common.retry") }
            </button>
        }
    });
    html! {
        <div class="error-banner" role="alert" tabindex="-1">
            <p>{ error.message(&i18n) }</p>
            if !others.is_empty() {
                <ul>
                    { for others.iter().map(|f| html! {
                        <li><strong>{ &f.field }</strong>{ ": " }{ f.words(english) }</li>
                    }) }
                </ul>
            }
            { retry }
        </div>
    }
}
