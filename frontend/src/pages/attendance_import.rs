//! Impor presensi (admin): a CSV from the attendance system, taken whole or not at all; the
//! report of what was written, or every bad line.

use crate::api::imports::ImportFailure;
use crate::api::{self, ApiError};
use crate::components::{ErrorBanner, ImportRows, Notice};
use crate::hooks::use_write;
use crate::i18n::use_i18n;
use kinerja_types::{ImportError, ImportReport};
use wasm_bindgen_futures::JsFuture;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// What the last upload came to (a failure is the write's error).
#[derive(Clone, PartialEq)]
enum Outcome {
    Idle,
    Done(ImportReport),
    Refused { detail: String, rows: Vec<ImportError> },
}

#[derive(Properties, PartialEq)]
pub struct AttendanceImportProps {
    /// Told after attendance was written, so the report can be read again.
    pub on_imported: Callback<()>,
}

#[component]
pub fn AttendanceImport(props: &AttendanceImportProps) -> Html {
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
    let onsubmit = {
        let (input, outcome, write) = (input.clone(), outcome.clone(), write.clone());
        let on_imported = props.on_imported.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if write.busy {
                return;
            }
            let Some(file) = selected_file(&input) else {
                return;
            };
            outcome.set(Outcome::Idle);
            let (outcome, on_imported) = (outcome.clone(), on_imported.clone());
            write.run(upload(file), move |answer| {
                if let Outcome::Done(_) = answer {
                    on_imported.emit(());
                }
                outcome.set(answer);
            });
        })
    };
    let working = write.busy;
    html! {
        <section class="panel attendance-import no-print">
            <h2>{ i18n.t("attendance.title") }</h2>
            <p class="muted">{ i18n.t("attendance.lead") }</p>
            <pre class="csv-example">{ "nip,date,status,late_minutes\n197811202003121002,2026-11-02,hadir,15\n197811202003121002,2026-11-03,sakit," }</pre>
            <p class="muted small">{ i18n.t("attendance.statuses") }</p>
            <form class="toolbar" {onsubmit} novalidate=true>
                <div class="field">
                    <label for="attendance-file">{ i18n.t("attendance.file") }</label>
                    <input id="attendance-file" type="file" accept=".csv,text/csv" ref={input} {onchange} />
                </div>
                <button type="submit" class="button-primary" disabled={working || !*chosen}>
                    { if working { i18n.t("common.working") } else { i18n.t("attendance.upload") } }
                </button>
            </form>
            { match &*outcome {
                Outcome::Done(report) => html! {
                    <Notice text={i18n.tf("attendance.done", &[
                        ("created", &report.created.to_string()),
                        ("updated", &report.updated.to_string()),
                    ])} />
                },
                Outcome::Refused { detail, rows } => html! {
                    <ImportRows detail={detail.clone()} rows={rows.clone()} />
                },
                Outcome::Idle => html! { <ErrorBanner error={write.error.clone()} /> },
            } }
        </section>
    }
}

/// Reads `file` and sends it: the report, or the bad lines when it was refused.
async fn upload(file: web_sys::File) -> Result<Outcome, ApiError> {
    let text = JsFuture::from(file.text()).await.ok().and_then(|t| t.as_string()).ok_or(ApiError::BadResponse)?;
    match api::tpp::import_attendance(text).await {
        Ok(report) => Ok(Outcome::Done(report)),
        Err(ImportFailure::Rows { detail, rows }) => Ok(Outcome::Refused { detail, rows }),
        Err(ImportFailure::Failed(e)) => Err(e),
    }
}

/// The file picked in `input`, if any.
fn selected_file(input: &NodeRef) -> Option<web_sys::File> {
    input.cast::<HtmlInputElement>()?.files()?.get(0)
}
