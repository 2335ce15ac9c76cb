//! The people a head should look at, each with the reasons, their name leading to their ratings;
//! and the list as CSV, written on the device.

use crate::components::download_button::{DownloadButton, FileSource};
use crate::csv;
use crate::i18n::{use_i18n, I18n};
use crate::route::Route;
use kinerja_types::{AttentionItem, AttentionReason};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::rc::Rc;
use yew::prelude::*;
use yew_router::prelude::*;

/// `/penilaian?employee=`: whose ratings the assessments page shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EmployeeQuery {
    pub employee: i64,
}

/// A reason in the reader's language, from the code and values the server sends.
pub fn reason_text(i18n: &I18n, reason: &AttentionReason) -> String {
    match reason {
        AttentionReason::NoApprovedSkp { year } => {
            i18n.tf("attention.reason.no_approved_skp", &[("year", &year.to_string())])
        }
        AttentionReason::Idle { working_days } => {
            i18n.tf("attention.reason.idle", &[("days", &working_days.to_string())])
        }
        AttentionReason::LowPredikat { predikat, period } => {
            i18n.tf("attention.reason.low_predikat", &[("predikat", i18n.predikat(*predikat)), ("period", period)])
        }
        AttentionReason::PendingObjection { period } => {
            i18n.tf("attention.reason.pending_objection", &[("period", period)])
        }
        AttentionReason::OverdueComplaints { count } => {
            i18n.tf("attention.reason.overdue_complaints", &[("n", &count.to_string())])
        }
        AttentionReason::OverdueFollowUps { count } => {
            i18n.tf("attention.reason.overdue_follow_ups", &[("n", &count.to_string())])
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct AttentionListProps {
    pub items: Rc<Vec<AttentionItem>>,
    /// How many there are in all (the list stops at 200).
    pub total: u64,
    /// Unit names by id.
    pub unit_names: Rc<HashMap<i64, String>>,
    /// The file name for the CSV.
    pub file_name: AttrValue,
}

#[component]
pub fn AttentionList(props: &AttentionListProps) -> Html {
    let i18n = use_i18n();
    let unit_name = |id: i64| props.unit_names.get(&id).cloned().unwrap_or_else(|| format!("#{id}"));
    let source = {
        let header = [i18n.t("attention.col_name"), i18n.t("attention.col_unit"), i18n.t("attention.col_reasons")];
        let rows: Vec<Vec<String>> = props
            .items
            .iter()
            .map(|a| vec![a.name.clone(), unit_name(a.unit_id), reasons(&i18n, &a.reasons)])
            .collect();
        let text = csv::write(&header, rows);
        let name = props.file_name.to_string();
        FileSource::new(move || {
            let file = csv::file(text.clone(), &name);
            async move { Ok(file) }
        })
    };
    let heading = i18n.tf("attention.title_n", &[("n", &props.total.to_string())]);
    html! {
        <section class="panel attention" id="perlu-perhatian">
            <div class="panel-head">
                <h2>{ heading }</h2>
                if !props.items.is_empty() {
                    <div class="actions">
                        <DownloadButton {source} fallback_name={props.file_name.clone()} />
                    </div>
                }
            </div>
            <p class="muted small attention-criteria">{ i18n.t("attention.criteria") }</p>
            if props.items.is_empty() {
                <p class="muted">{ i18n.t("attention.none") }</p>
            } else {
                if props.total > props.items.len() as u64 {
                    <p class="muted">{ i18n.tf("attention.capped", &[("n", &props.items.len().to_string())]) }</p>
                }
                <div class="table-wrap">
                    <table class="attention-list">
                        <thead>
                            <tr>
                                <th scope="col">{ i18n.t("attention.col_name") }</th>
                                <th scope="col">{ i18n.t("attention.col_unit") }</th>
                                <th scope="col">{ i18n.t("attention.col_reasons") }</th>
                            </tr>
                        </thead>
                        <tbody>
                            { for props.items.iter().map(|a| html! {
                                <tr key={a.employee_id}>
                                    <td data-label={i18n.t("attention.col_name").to_owned()}>
                                        <Link<Route, EmployeeQuery> to={Route::Assessments}
                                            query={Some(EmployeeQuery { employee: a.employee_id })}>
                                            { &a.name }
                                        </Link<Route, EmployeeQuery>>
                                    </td>
                                    <td data-label={i18n.t("attention.col_unit").to_owned()}>{ unit_name(a.unit_id) }</td>
                                    <td data-label={i18n.t("attention.col_reasons").to_owned()}>
                                        <ul class="reasons">
                                            { for a.reasons.iter().map(|r| html! { <li>{ reason_text(&i18n, r) }</li> }) }
                                        </ul>
                                    </td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </div>
            }
        </section>
    }
}

/// The reasons joined for one CSV cell.
fn reasons(i18n: &I18n, list: &[AttentionReason]) -> String {
    list.iter().map(|r| reason_text(i18n, r)).collect::<Vec<_>>().join("; ")
}
