//! Sorting a table by a column: the state, and a column head that sorts when clicked.

use yew::prelude::*;

/// The column a table is sorted by, and which way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sort<K> {
    pub key: K,
    pub descending: bool,
}

impl<K: PartialEq + Copy> Sort<K> {
    /// Clicking a column: the same one again turns the order round; another one starts with
    /// `descending` (numbers are usually wanted largest first, names A to Z).
    pub fn click(self, key: K, descending: bool) -> Self {
        if self.key == key {
            Sort { key, descending: !self.descending }
        } else {
            Sort { key, descending }
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct SortHeaderProps {
    pub label: AttrValue,
    /// `Some(descending)` when the table is sorted by this column.
    pub sorted: Option<bool>,
    pub on_sort: Callback<()>,
    /// A number column: right-aligned.
    #[prop_or_default]
    pub numeric: bool,
}

/// A `<th>` with a button; `aria-sort` tells screen readers the order.
#[component]
pub fn SortHeader(props: &SortHeaderProps) -> Html {
    let aria_sort = match props.sorted {
        Some(true) => "descending",
        Some(false) => "ascending",
        None => "none",
    };
    let arrow = match props.sorted {
        Some(true) => "▼",
        Some(false) => "▲",
        None => "↕",
    };
    let on_sort = props.on_sort.clone();
    html! {
        <th scope="col" aria-sort={aria_sort} class={classes!(props.numeric.then_some("numeric"))}>
            <button type="button" class={classes!("sort-button", props.sorted.is_some().then_some("sorted"))}
                onclick={move |_| on_sort.emit(())}>
                { props.label.clone() }
                <span class="sort-arrow" aria-hidden="true">{ arrow }</span>
            </button>
        </th>
    }
}
