//! Impor presensi (admin): a CSV from the attendance system, taken whole or not at all; the
//! report of what was written, or every bad line.

use crate::api::imports::ImportFailure;
use crate::api::{self, ApiError};
use crate::components::{ErrorBanner, ImportRows, Notice};
use crate::i18n::use_i18n;
use kinerja_types::{ImportError, ImportReport};
use wasm_bindgen_futures::JsFuture;
use web_sys::HtmlInputElement;
use yew::platform::spawn_local;
use yew::prelude::*;

/// Where the last upload stands.
#[derive(Clone, PartialEq)]
enum Outcome {
    Idle,
    Working,
    Done(ImportReport),
    Refused { detail: String, rows: Vec<ImportError> },
    Failed(ApiError),
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
    let chosen = use_state(|| false);
    let onchange = {
        let (input, chosen, outcome) = (input.clone(), chosen.clone(), outcome.clone());
        Callback::from(move |_: Event| {
            chosen.set(selected_file(&input).is_some());
            outcome.set(Outcome::Idle);
        })
    };
    let onsubmit = {
        let (input, outcome) = (input.clone(), outcome.clone());
        let on_imported = props.on_imported.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if *outcome == Outcome::Working {
                return;
            }
            let Some(file) = selected_file(&input) else {
                return;
            };
            outcome.set(Outcome::Working);
            let (outcome, on_imported) = (outcome.clone(), on_imported.clone());
            spawn_local(async move {
                let Some(text) = JsFuture::from(file.text()).await.ok().and_then(|t| t.as_string()) else {
                    outcome.set(Outcome::Failed(ApiError::BadResponse));
                    return;
                };
                outcome.set(match api::tpp::import_attendance(text).await {
                    Ok(report) => {
                        on_imported.emit(());
                        Outcome::Done(report)
                    }
                    Err(ImportFailure::Rows { detail, rows }) => Outcome::Refused { detail, rows },
                    Err(ImportFailure::Failed(e)) => Outcome::Failed(e),
                });
            });
        })
    };
    let working = *outcome == Outcome::Working;
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
                Outcome::Failed(e) => html! { <ErrorBanner error={Some(e.clone())} /> },
                Outcome::Idle | Outcome::Working => html! {},
            } }
        </section>
    }
}

/// The file picked in `input`, if any.
fn selected_file(input: &NodeRef) -> Option<web_sys::File> {
    input.cast::<HtmlInputElement>()?.files()?.get(0)
}
