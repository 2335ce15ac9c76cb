//! A refused CSV import: what the server said and every bad cell with its line, so the file can
//! be fixed in one go.

use crate::i18n::use_i18n;
use kinerja_types::ImportError;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ImportRowsProps {
    pub detail: AttrValue,
    pub rows: Vec<ImportError>,
}

#[component]
pub fn ImportRows(props: &ImportRowsProps) -> Html {
    let i18n = use_i18n();
    html! {
        <div class="error-banner import-rows" role="alert">
            <p>{ props.detail.clone() }</p>
            <div class="table-wrap">
                <table>
                    <thead>
                        <tr>
                            <th scope="col">{ i18n.t("import.line") }</th>
                            <th scope="col">{ i18n.t("import.field") }</th>
                            <th scope="col">{ i18n.t("import.message") }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for props.rows.iter().map(|r| html! {
                            <tr>
                                <td data-label={i18n.t("import.line").to_owned()}>{ r.line }</td>
                                <td data-label={i18n.t("import.field").to_owned()}><code>{ &r.field }</code></td>
                                <td data-label={i18n.t("import.message").to_owned()}>{ r.words(i18n.lang() == crate::i18n::Lang::En) }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
        </div>
    }
}
