//! The admin's CSV imports that sit beside the page they feed: attendance (from the attendance
//! system, on the TPP page) and the year's holidays and cuti bersama (on the settings page). Each
//! file is taken whole or not at all; the notice of what was written, or every bad line.

use crate::api::imports::ImportFailure;
use crate::api::{self, ApiError};
use crate::components::{ErrorBanner, ImportRows, Notice};
use crate::hooks::use_write;
use crate::i18n::{use_i18n, I18n};
use kinerja_types::ImportError;
use wasm_bindgen_futures::JsFuture;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Which file.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum CsvKind {
    /// `nip,date,status[,late_minutes]` to `POST /attendance/import`.
    Attendance,
    /// `date,name[,kind]` to `POST /settings/holidays`.
    Holidays,
}

impl CsvKind {
    /// The prefix of its texts in the dictionary.
    fn texts(self) -> &'static str {
        match self {
            Self::Attendance => "attendance",
            Self::Holidays => "holidays",
        }
    }

    fn example(self) -> &'static str {
        match self {
            Self::Attendance => "nip,date,status,late_minutes\n197811202003121002,2026-11-02,hadir,15\n197811202003121002,2026-11-03,sakit,",
            Self::Holidays => "date,name,kind\n2027-01-01,Tahun Baru 2027 Masehi,libur_nasional\n2027-03-22,Cuti Bersama Idul Fitri,cuti_bersama",
        }
    }
}

/// What the last upload came to (a failure is the write's error).
#[derive(Clone, PartialEq)]
enum Outcome {
    Idle,
    /// What was written, in words.
    Done(String),
    Refused {
        detail: String,
        rows: Vec<ImportError>,
    },
}

#[derive(Properties, PartialEq)]
pub struct CsvImportProps {
    pub kind: CsvKind,
    /// Told after the file was written, so what it feeds can be read again.
    pub on_imported: Callback<()>,
}

#[component]
pub fn CsvImport(props: &CsvImportProps) -> Html {
    let kind = props.kind;
    let key = |k: &str| format!("{}.{k}", kind.texts());
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
        let (input, outcome, write, i18n) = (input.clone(), outcome.clone(), write.clone(), i18n.clone());
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
            write.run(upload(kind, file, i18n.clone()), move |answer| {
                if let Outcome::Done(_) = answer {
                    on_imported.emit(());
                }
                outcome.set(answer);
            });
        })
    };
    let working = write.busy;
    html! {
        <section class={classes!("panel", format!("{}-import", kind.texts()), "no-print")}>
            <h2>{ i18n.t(&key("title")) }</h2>
            <p class="muted">{ i18n.t(&key("lead")) }</p>
            <pre class="csv-example">{ kind.example() }</pre>
            <p class="muted small">{ i18n.t(&key("columns")) }</p>
            <form class="toolbar" {onsubmit} novalidate=true>
                <div class="field">
                    <label for={format!("{}-file", kind.texts())}>{ i18n.t(&key("file")) }</label>
                    <input id={format!("{}-file", kind.texts())} type="file" accept=".csv,text/csv" ref={input} {onchange} />
                </div>
                <button type="submit" class="button-primary" disabled={working || !*chosen}>
                    { if working { i18n.t("common.working") } else { i18n.t("attendance.upload") } }
                </button>
            </form>
            { match &*outcome {
                Outcome::Done(text) => html! { <Notice text={text.clone()} /> },
                Outcome::Refused { detail, rows } => html! {
                    <ImportRows detail={detail.clone()} rows={rows.clone()} />
                },
                Outcome::Idle => html! { <ErrorBanner error={write.error.clone()} /> },
            } }
        </section>
    }
}

/// Reads `file` and sends it: what was written, or the bad lines when it was refused.
async fn upload(kind: CsvKind, file: web_sys::File, i18n: I18n) -> Result<Outcome, ApiError> {
    let text = JsFuture::from(file.text()).await.ok().and_then(|t| t.as_string()).ok_or(ApiError::BadResponse)?;
    let done = match kind {
        CsvKind::Attendance => api::tpp::import_attendance(text).await.map(|r| {
            i18n.tf("attendance.done", &[("created", &r.created.to_string()), ("updated", &r.updated.to_string())])
        }),
        CsvKind::Holidays => api::settings::import_holidays(text).await.map(|r| {
            let years = r.years.iter().map(i32::to_string).collect::<Vec<_>>().join(", ");
            i18n.tf(
                "holidays.done",
                &[
                    ("years", &years),
                    ("holidays", &r.holidays.to_string()),
                    ("cuti_bersama", &r.cuti_bersama.to_string()),
                    ("removed", &r.removed.to_string()),
                ],
            )
        }),
    };
    match done {
        Ok(text) => Ok(Outcome::Done(text)),
        Err(ImportFailure::Rows { detail, rows }) => Ok(Outcome::Refused { detail, rows }),
        Err(ImportFailure::Failed(e)) => Err(e),
    }
}

/// The file picked in `input`, if any.
pub fn selected_file(input: &NodeRef) -> Option<web_sys::File> {
    input.cast::<HtmlInputElement>()?.files()?.get(0)
}
