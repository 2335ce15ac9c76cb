//! Previous / next through a paged list, with "x–y dari N".

use crate::i18n::use_i18n;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PagerProps {
    /// The current page, from 1.
    pub page: u64,
    pub per_page: u64,
    pub total: u64,
    pub on_page: Callback<u64>,
}

/// Hidden when everything fits on one page.
#[component]
pub fn Pager(props: &PagerProps) -> Html {
    let i18n = use_i18n();
    let pages = props.total.div_ceil(props.per_page.max(1)).max(1);
    if pages <= 1 {
        return html! {};
    }
    let go = |page: u64| {
        let on_page = props.on_page.clone();
        Callback::from(move |_: MouseEvent| on_page.emit(page))
    };
    let first = (props.page.saturating_sub(1) * props.per_page + 1).min(props.total);
    let last = (props.page * props.per_page).min(props.total);
    let label = i18n.tf(
        "pager.range",
        &[("from", &first.to_string()), ("to", &last.to_string()), ("total", &props.total.to_string())],
    );
    html! {
        <nav class="pager" aria-label={i18n.t("pager.label").to_owned()}>
            <button type="button" class="button-quiet" disabled={props.page <= 1}
                onclick={go(props.page.saturating_sub(1))}>
                { i18n.t("pager.previous") }
            </button>
            <span class="pager-position">{ label }</span>
            <button type="button" class="button-quiet" disabled={props.page >= pages}
                onclick={go(props.page + 1)}>
                { i18n.t("pager.next") }
            </button>
        </nav>
    }
}
