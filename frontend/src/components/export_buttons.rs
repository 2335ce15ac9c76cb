//! "Unduh Excel" and "Unduh CSV" side by side: the same table from the server as a workbook with
//! Indonesian headers, hours and percentages (for people), or as the API's CSV (for scripts).

use super::{DownloadButton, FileSource};
use crate::api::client::{Download, FileFormat};
use crate::api::ApiError;
use crate::i18n::use_i18n;
use std::future::Future;
use std::rc::Rc;
use yew::prelude::*;

/// How to fetch the table in either form.
#[derive(Clone)]
pub struct Export(Rc<dyn Fn(FileFormat) -> FileSource>);

impl Export {
    pub fn new<F, Fut>(fetch: F) -> Self
    where
        F: Fn(FileFormat) -> Fut + Clone + 'static,
        Fut: Future<Output = Result<Download, ApiError>> + 'static,
    {
        Export(Rc::new(move |format| {
            let fetch = fetch.clone();
            FileSource::new(move || fetch(format))
        }))
    }
}

impl PartialEq for Export {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

#[derive(Properties, PartialEq)]
pub struct ExportButtonsProps {
    pub export: Export,
    /// The file name without its extension, used when the server suggests none.
    pub name: AttrValue,
}

#[component]
pub fn ExportButtons(props: &ExportButtonsProps) -> Html {
    let i18n = use_i18n();
    let xlsx = (props.export.0)(FileFormat::Xlsx);
    let csv = (props.export.0)(FileFormat::Csv);
    html! {
        <>
            <DownloadButton source={xlsx} fallback_name={format!("{}.xlsx", props.name)}
                label={Some(AttrValue::from(i18n.t("common.xlsx").to_owned()))} />
            <DownloadButton source={csv} fallback_name={format!("{}.csv", props.name)} />
        </>
    }
}
