//! "Unduh CSV": fetches (or builds) a file and hands it to the browser, showing that it works
//! and why it failed.

use super::ErrorBanner;
use crate::api::client::Download;
use crate::api::ApiError;
use crate::files;
use crate::i18n::use_i18n;
use futures::future::{FutureExt, LocalBoxFuture};
use std::future::Future;
use std::rc::Rc;
use yew::platform::spawn_local;
use yew::prelude::*;

/// Where the file comes from: the server (an export) or the device (a table written as CSV).
#[derive(Clone)]
pub struct FileSource(Rc<dyn Fn() -> LocalBoxFuture<'static, Result<Download, ApiError>>>);

impl FileSource {
    pub fn new<F, Fut>(make: F) -> Self
    where
        F: Fn() -> Fut + 'static,
        Fut: Future<Output = Result<Download, ApiError>> + 'static,
    {
        FileSource(Rc::new(move || make().boxed_local()))
    }
}

impl PartialEq for FileSource {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

#[derive(Properties, PartialEq)]
pub struct DownloadButtonProps {
    pub source: FileSource,
    /// The name to save under when the server suggests none.
    pub fallback_name: AttrValue,
    /// The words on the button; "Unduh CSV" when not given.
    #[prop_or_default]
    pub label: Option<AttrValue>,
}

/// The button, and under it what went wrong.
#[component]
pub fn DownloadButton(props: &DownloadButtonProps) -> Html {
    let i18n = use_i18n();
    let busy = use_state(|| false);
    let error = use_state(|| None::<ApiError>);
    let onclick = {
        let (busy, error) = (busy.clone(), error.clone());
        let (source, fallback) = (props.source.clone(), props.fallback_name.clone());
        Callback::from(move |_: MouseEvent| {
            if *busy {
                return;
            }
            busy.set(true);
            error.set(None);
            let (busy, error, fallback) = (busy.clone(), error.clone(), fallback.clone());
            let pending = (source.0)();
            spawn_local(async move {
                match pending.await {
                    Ok(file) if files::save(&file, &fallback) => {}
                    Ok(_) => error.set(Some(ApiError::BadResponse)),
                    Err(e) => error.set(Some(e)),
                }
                busy.set(false);
            });
        })
    };
    let label = props.label.clone().unwrap_or_else(|| AttrValue::from(i18n.t("common.csv")));
    html! {
        <>
            <button type="button" class="button-quiet no-print" {onclick} disabled={*busy}>
                { if *busy { AttrValue::from(i18n.t("common.working")) } else { label } }
            </button>
            if error.is_some() {
                <ErrorBanner error={(*error).clone()} />
            }
        </>
    }
}
