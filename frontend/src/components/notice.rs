//! A short confirmation or note (not an error: see `ErrorBanner`).

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct NoticeProps {
    pub text: AttrValue,
    /// `success` (green) or `info` (blue).
    #[prop_or(AttrValue::Static("success"))]
    pub kind: AttrValue,
}

/// A coloured line of text that screen readers announce.
#[component]
pub fn Notice(props: &NoticeProps) -> Html {
    html! {
        <p class={classes!("notice", format!("notice-{}", props.kind))} role="status">
            { props.text.clone() }
        </p>
    }
}
