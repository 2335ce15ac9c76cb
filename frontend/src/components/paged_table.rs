//! One paged list of the API shown as a table (or a list): it loads a page through the given
//! loader, shows its rows through a row callback, pages with previous/next and "x–y dari N", and
//! shows loading, the error with "try again", and the empty text.
//!
//! ```ignore
//! <PagedTable<AuditEntry> load={Loader::new(|page, per_page| api::audit::list(page, per_page))}
//!     per_page={50} empty={i18n.t("audit.empty").to_owned()} head={head}
//!     row={Callback::from(|e: AuditEntry| html! { <Row key={e.id} entry={e} /> })} />
//! ```

use super::{ErrorBanner, Loading, Pager};
use crate::api::ApiError;
use crate::hooks::use_remote;
use futures::future::{FutureExt, LocalBoxFuture};
use kinerja_types::Page;
use std::future::Future;
use std::rc::Rc;
use yew::prelude::*;

/// One page of the list being read.
type PageLoad<T> = LocalBoxFuture<'static, Result<Page<T>, ApiError>>;

/// How a [`PagedTable`] reads one page: `(page, per_page)` → the API's [`Page`].
pub struct Loader<T>(Rc<dyn Fn(u64, u64) -> PageLoad<T>>);

impl<T: 'static> Loader<T> {
    pub fn new<F, Fut>(load: F) -> Self
    where
        F: Fn(u64, u64) -> Fut + 'static,
        Fut: Future<Output = Result<Page<T>, ApiError>> + 'static,
    {
        Self(Rc::new(move |page, per_page| load(page, per_page).boxed_local()))
    }
}

impl<T> Clone for Loader<T> {
    fn clone(&self) -> Self {
        Self(self.0.clone())
    }
}

/// Loaders are made anew at every render; what they load is told by `filter` and `refresh`.
impl<T> PartialEq for Loader<T> {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

#[derive(Properties, PartialEq)]
pub struct PagedTableProps<T: PartialEq + 'static> {
    pub load: Loader<T>,
    pub per_page: u64,
    /// The cells of the head row (`<th>`s); none makes it a list (`<ul>`) of `row`s instead.
    #[prop_or_default]
    pub head: Option<Html>,
    /// One row (`<tr>`, or `<li>` for a list) per item.
    pub row: Callback<T, Html>,
    /// Shown when the list has nothing.
    pub empty: AttrValue,
    /// The class of the `<table>` (or `<ul>`).
    #[prop_or_default]
    pub class: Classes,
    /// What the loader filters by: when it changes the list starts again at page 1.
    #[prop_or_default]
    pub filter: AttrValue,
    /// Changed by the page to read the same page again (after a write).
    #[prop_or_default]
    pub refresh: u32,
}

/// A paged list of `T`.
#[component]
pub fn PagedTable<T>(props: &PagedTableProps<T>) -> Html
where
    T: Clone + PartialEq + 'static,
{
    // The page shown, and the filter it belongs to: another filter starts at page 1.
    let paging = use_state_eq(|| (props.filter.clone(), 1u64));
    let page = if paging.0 == props.filter { paging.1 } else { 1 };
    let loader = use_mut_ref(|| props.load.clone());
    *loader.borrow_mut() = props.load.clone();
    let list = use_remote((page, props.per_page, props.filter.clone(), props.refresh), move |(page, per_page, ..)| {
        let load = loader.borrow().0.clone();
        load(page, per_page)
    });
    let on_page = {
        let (paging, filter) = (paging.clone(), props.filter.clone());
        Callback::from(move |p| paging.set((filter.clone(), p)))
    };
    let body = match &list.state.data {
        Some(data) if data.items.is_empty() => html! { <p class="muted">{ props.empty.clone() }</p> },
        Some(data) => {
            let rows = data.items.iter().map(|item| props.row.emit(item.clone()));
            let shown = match &props.head {
                Some(head) => html! {
                    <div class="table-wrap">
                        <table class={props.class.clone()}>
                            <thead><tr>{ head.clone() }</tr></thead>
                            <tbody>{ for rows }</tbody>
                        </table>
                    </div>
                },
                None => html! { <ul class={props.class.clone()}>{ for rows }</ul> },
            };
            html! {
                <>
                    { shown }
                    <Pager page={data.page} per_page={data.per_page} total={data.total} {on_page} />
                </>
            }
        }
        None if list.state.loading => html! { <Loading /> },
        None => html! {},
    };
    html! {
        <>
            <ErrorBanner error={list.state.error.clone()} on_retry={list.reload.clone()} />
            { body }
        </>
    }
}
