//! "Impor dari Excel": staff who keep their log in a spreadsheet send it whole. "Periksa berkas"
//! shows what would be logged (each row, the total minutes) or every bad row by line, writing
//! nothing; "Impor" then logs all rows as drafts, or nothing. The daily log's rules apply to each
//! row (the day's cap, how far back, one's own RHK).

use crate::api::imports::ImportFailure;
use crate::api::{self, ApiError};
use crate::components::{ErrorBanner, ImportRows, Notice};
use crate::format;
use crate::hooks::use_write;
use crate::i18n::use_i18n;
use crate::pages::csv_import::selected_file;
use kinerja_types::{ActivityImportReport, ImportError};
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

/// What the last check or import came to.
#[derive(Clone, PartialEq)]
enum Outcome {
    Idle,
    /// A clean preview of the file chosen: it may be imported.
    Checked(ActivityImportReport),
    Imported(ActivityImportReport),
    Refused {
        detail: String,
        rows: Vec<ImportError>,
    },
}

#[derive(Properties, PartialEq)]
pub struct ActivityImportProps {
    /// Told (with what was logged, in words) once the rows were logged, so the week is read again.
    pub on_imported: Callback<String>,
}

#[component]
pub fn ActivityImport(props: &ActivityImportProps) -> Html {
    let i18n = use_i18n();
    let input = use_node_ref();
    let outcome = use_state(|| Outcome::Idle);
    let write = use_write();
    let chosen = use_state(|| false);
    let onchange = {
        let (input, chosen, outcome, write) = (input.clone(), chosen.clone(), outcome.clone(), write.clone());
        Callback::from(move |_: Event| {
            chosen.set(selected_file(&input).is_some());
            outcome.set(Outcome::Idle);
            write.clear_error();
        })
    };
    let send = |preview: bool| {
        let (input, outcome, write, on_imported) =
            (input.clone(), outcome.clone(), write.clone(), props.on_imported.clone());
        let i18n = i18n.clone();
        Callback::from(move |_: MouseEvent| {
            if write.busy {
                return;
            }
            let Some(file) = selected_file(&input) else { return };
            let (outcome, on_imported, i18n) = (outcome.clone(), on_imported.clone(), i18n.clone());
            write.run(upload(file, preview), move |answer| {
                if let Outcome::Imported(report) = &answer {
                    on_imported.emit(i18n.tf("activity_import.done", &[("n", &report.imported.to_string())]));
                }
                outcome.set(answer);
            });
        })
    };
    let (check, import) = (send(true), send(false));
    let working = write.busy;
    html! {
        <details class="panel activity-import no-print">
            <summary>{ i18n.t("activity_import.title") }</summary>
            <p class="muted">{ i18n.t("activity_import.lead") }</p>
            <pre class="csv-example">{ "Tanggal,Menit,Uraian,RHK\n01/12/2026,120,Merekap data rujukan puskesmas,1\n01/12/2026,90,Verifikasi klaim rujukan,2" }</pre>
            <p class="muted small">{ i18n.t("activity_import.columns") }</p>
            <div class="toolbar">
                <div class="field">
                    <label for="activity-import-file">{ i18n.t("activity_import.file") }</label>
                    <input id="activity-import-file" type="file" ref={input} {onchange}
                        accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" />
                </div>
                <button type="button" class="button-quiet" onclick={check} disabled={working || !*chosen}>
                    { if working { i18n.t("common.working") } else { i18n.t("activity_import.check") } }
                </button>
            </div>
            { match &*outcome {
                Outcome::Checked(report) => html! {
                    <>
                        <Preview report={report.clone()} />
                        <button type="button" class="button-primary" onclick={import} disabled={working}>
                            { i18n.tf("activity_import.import", &[("n", &report.rows.len().to_string())]) }
                        </button>
                    </>
                },
                Outcome::Imported(report) => html! {
                    <Notice text={i18n.tf("activity_import.done", &[("n", &report.imported.to_string())])} />
                },
                Outcome::Refused { detail, rows } => html! { <ImportRows detail={detail.clone()} rows={rows.clone()} /> },
                Outcome::Idle => html! {},
            } }
            <ErrorBanner error={write.error.clone()} />
        </details>
    }
}

#[derive(Properties, PartialEq)]
struct PreviewProps {
    report: ActivityImportReport,
}

/// The rows as they would be logged.
#[component]
fn Preview(props: &PreviewProps) -> Html {
    let i18n = use_i18n();
    let r = &props.report;
    html! {
        <>
            <p>{ i18n.tf("activity_import.preview", &[("n", &r.rows.len().to_string()), ("hours", &format::minutes(r.minutes, i18n.lang()))]) }</p>
            <div class="table-scroll">
                <table class="activity-import-preview">
                    <thead><tr>
                        <th scope="col">{ i18n.t("activity_import.line") }</th>
                        <th scope="col">{ i18n.t("activity.date") }</th>
                        <th scope="col" class="num">{ i18n.t("activity.minutes") }</th>
                        <th scope="col">{ i18n.t("activity.rhk") }</th>
                        <th scope="col">{ i18n.t("activity.description") }</th>
                    </tr></thead>
                    <tbody>
                        { for r.rows.iter().map(|row| html! {
                            <tr key={row.line}>
                                <td class="num">{ row.line }</td>
                                <td class="nowrap">{ format::date(&row.date) }</td>
                                <td class="num">{ row.minutes }</td>
                                <td>{ &row.rhk_text }</td>
                                <td>{ &row.description }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
        </>
    }
}

/// Reads `file` and sends it: the report, or the bad rows when it was refused.
async fn upload(file: web_sys::File, preview: bool) -> Result<Outcome, ApiError> {
    let xlsx = file.name().to_lowercase().ends_with(".xlsx");
    let buffer = JsFuture::from(file.array_buffer()).await.map_err(|_| ApiError::BadResponse)?;
    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    match api::activities::import(bytes, xlsx, preview).await {
        Ok(report) if preview => Ok(Outcome::Checked(report)),
        Ok(report) => Ok(Outcome::Imported(report)),
        Err(ImportFailure::Rows { detail, rows }) => Ok(Outcome::Refused { detail, rows }),
        Err(ImportFailure::Failed(e)) => Err(e),
    }
}
