//! Verifikasi (supervisors): the activities waiting for my verification, filtered by employee
//! and dates. Approve or reject one (rejecting asks for the note the employee will read), or tick
//! several and approve them at once from the bar fixed at the bottom of the screen ("Pilih semua ·
//! Setujui N", in reach of the thumb): all or nothing, and when the server refuses it names the
//! activities that stood in the way. A decided row stays where it was, marked, so the next one does
//! not slide under the thumb; an approval can be taken back from its toast for a few seconds. The
//! list downloads as CSV.

use super::PageProps;
use crate::api::activities::ActivityFilter;
use crate::api::{self, ApiError};
use crate::components::evidence::EvidenceList;
use crate::components::notification_bell::RefreshInbox;
use crate::components::{use_toast, Confirm, ErrorBanner, Field, Loading, Pager, SelectField};
use crate::files;
use crate::format;
use crate::hooks::{setter, use_remote, use_write};
use crate::i18n::use_i18n;
use crate::validation;
use chrono::NaiveDate;
use kinerja_types::{Activity, BulkApprove, RejectRequest};
use std::collections::{BTreeSet, HashMap};
use web_sys::HtmlInputElement;
use yew::prelude::*;

mod queue_row;

use queue_row::*;

const PER_PAGE: u64 = 50;

/// Rows decided on this screen: true approved, false rejected. A reducer, so that two answers
/// arriving close together (two rows approved one after the other) both land.
#[derive(Default, PartialEq)]
struct Decided(HashMap<i64, bool>);

enum DecidedChange {
    Mark(i64, bool),
    Reopen(Vec<i64>),
    Clear,
}

impl Reducible for Decided {
    type Action = DecidedChange;

    fn reduce(self: std::rc::Rc<Self>, change: DecidedChange) -> std::rc::Rc<Self> {
        let mut next = self.0.clone();
        match change {
            DecidedChange::Mark(id, approved) => {
                next.insert(id, approved);
            }
            DecidedChange::Reopen(ids) => ids.iter().for_each(|id| {
                next.remove(id);
            }),
            DecidedChange::Clear => next.clear(),
        }
        std::rc::Rc::new(Decided(next))
    }
}

/// The field the reject form shows its own error for.
const NOTE_FIELDS: &[&str] = &["note"];

/// The filters as typed.
#[derive(Debug, Clone, PartialEq, Default)]
struct Filters {
    employee_id: Option<i64>,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
}

impl Filters {
    fn query(&self, page: u64) -> ActivityFilter {
        ActivityFilter {
            employee_id: self.employee_id,
            from: self.from,
            to: self.to,
            queue: true,
            page,
            per_page: PER_PAGE,
            ..ActivityFilter::default()
        }
    }
}

#[component]
pub fn Verification(props: &PageProps) -> Html {
    let i18n = use_i18n();
    let filters = use_state(Filters::default);
    let page = use_state(|| 1u64);
    let chosen = use_state(BTreeSet::<i64>::new);
    // Rows decided on this screen stay in place, marked.
    let decided = use_reducer(Decided::default);
    let refresh_inbox = use_context::<RefreshInbox>().map(|r| r.0).unwrap_or_default();
    let undo_write = use_write();
    let toast = use_toast();
    let refused = use_state(HashMap::<i64, String>::new);
    let asking_bulk = use_state(|| false);
    let bulk_write = use_write();
    let download_write = use_write();
    let my_id = props.me.employee.as_ref().map(|e| e.id);
    let team = use_remote(my_id, |id| async move {
        match id {
            Some(id) => api::employees::subordinates(id).await.map(|p| p.items),
            None => Ok(Vec::new()),
        }
    });
    let queue = use_remote(((*filters).clone(), *page), |(filters, page)| {
        let filter = filters.query(page);
        async move { api::activities::list(&filter).await }
    });
    {
        // Another list on screen: what was ticked or refused no longer applies.
        let (chosen, refused, decided) = (chosen.clone(), refused.clone(), decided.clone());
        use_effect_with(((*filters).clone(), *page), move |_| {
            chosen.set(BTreeSet::new());
            refused.set(HashMap::new());
            decided.dispatch(DecidedChange::Clear);
        });
    }

    // Approvals taken back: the activities wait again, in their places.
    let undo = {
        let (toast, i18n, reload, decided, refresh_inbox) =
            (toast.clone(), i18n.clone(), queue.reload.clone(), decided.clone(), refresh_inbox.clone());
        undo_write.action(api::activities::undo_approval, move |result: kinerja_types::UndoApprovalResult| {
            decided.dispatch(DecidedChange::Reopen(result.reopened.clone()));
            toast.say(i18n.tf("verify.undone", &[("n", &result.reopened.len().to_string())]));
            reload.emit(());
            refresh_inbox.emit(());
        })
    };
    // One row approved or rejected: marked in place, said in a toast ("Batalkan" for an approval).
    let on_decided = {
        let (toast, decided, refused, undo, refresh_inbox) =
            (toast.clone(), decided.clone(), refused.clone(), undo.clone(), refresh_inbox.clone());
        Callback::from(move |decision: Decision| {
            // (A decided row leaves the ticked ones by itself: only undecided rows are counted and sent.)
            decided.dispatch(DecidedChange::Mark(decision.id, decision.approved));
            refused.set(HashMap::new());
            if decision.approved {
                let id = decision.id;
                toast.say_with_undo(decision.message, undo.reform(move |()| vec![id]));
            } else {
                toast.say(decision.message);
            }
            refresh_inbox.emit(());
        })
    };
    let set_filters = |change: fn(&mut Filters, String)| {
        let filters = filters.clone();
        let page = page.clone();
        Callback::from(move |value: String| {
            let mut next = (*filters).clone();
            change(&mut next, value);
            page.set(1);
            filters.set(next);
        })
    };
    let on_page = {
        let page = page.clone();
        Callback::from(move |p| page.set(p))
    };
    let items: Vec<Activity> = queue.state.data.as_ref().map(|p| p.items.clone()).unwrap_or_default();
    let ids: BTreeSet<i64> = items.iter().map(|a| a.id).filter(|id| !decided.0.contains_key(id)).collect();
    // The ticked rows still waiting: what "Setujui N" counts and sends.
    let ticked: BTreeSet<i64> = chosen.intersection(&ids).copied().collect();
    let all_chosen = !ids.is_empty() && ids.iter().all(|id| chosen.contains(id));
    let toggle_all = {
        let chosen = chosen.clone();
        let ids = ids.clone();
        Callback::from(move |e: Event| {
            let on = e.target_unchecked_into::<HtmlInputElement>().checked();
            chosen.set(if on { ids.clone() } else { BTreeSet::new() });
        })
    };
    let bulk = {
        let (chosen, refused, asking_bulk) = (chosen.clone(), refused.clone(), asking_bulk.clone());
        let (toast, undo, reload, i18n) = (toast.clone(), undo.clone(), queue.reload.clone(), i18n.clone());
        let (done_chosen, refresh_inbox) = (chosen.clone(), refresh_inbox.clone());
        let done_asking = asking_bulk.clone();
        let ticked = ticked.clone();
        bulk_write.action(
            move |()| {
                let request = BulkApprove { ids: ticked.iter().copied().collect() };
                let (refused, asking_bulk) = (refused.clone(), asking_bulk.clone());
                // Runs only when the write starts (not while another one runs).
                async move {
                    refused.set(HashMap::new());
                    let outcome = api::activities::bulk_approve(&request).await;
                    if let Err(e) = &outcome {
                        let english = crate::i18n::Lang::stored() == crate::i18n::Lang::En;
                        // The server names each activity it would not approve; those rows are marked.
                        let named: HashMap<i64, String> = e
                            .fields()
                            .iter()
                            .filter_map(|f| f.field.parse::<i64>().ok().map(|id| (id, f.words(english))))
                            .collect();
                        asking_bulk.set(false);
                        refused.set(named);
                    }
                    outcome
                }
            },
            move |result: kinerja_types::BulkApproveResult| {
                done_asking.set(false);
                done_chosen.set(BTreeSet::new());
                let message = i18n.tf("verify.bulk_done", &[("n", &result.approved.len().to_string())]);
                let ids = result.approved.clone();
                toast.say_with_undo(message, undo.reform(move |()| ids.clone()));
                reload.emit(());
                refresh_inbox.emit(());
            },
        )
    };
    let download = {
        let filters = filters.clone();
        download_write.action(
            move |_: MouseEvent| {
                let mut filter = filters.query(1);
                filter.per_page = kinerja_types::Page::<Activity>::MAX_PER_PAGE;
                async move {
                    let file = api::activities::file(&filter, crate::api::client::FileFormat::Csv).await?;
                    if files::save(&file, "verifikasi-aktivitas.csv") {
                        Ok(())
                    } else {
                        Err(ApiError::BadResponse)
                    }
                }
            },
            |()| {},
        )
    };

    let employees: Vec<(AttrValue, AttrValue)> =
        std::iter::once((AttrValue::from(""), AttrValue::from(i18n.t("verify.all_employees").to_owned())))
            .chain(
                team.state
                    .data
                    .iter()
                    .flat_map(|list| list.iter())
                    .map(|e| (AttrValue::from(e.id.to_string()), AttrValue::from(e.name.clone()))),
            )
            .collect();
    let body = match &queue.state.data {
        Some(data) if data.items.is_empty() => html! { <p class="muted">{ i18n.t("verify.empty") }</p> },
        Some(data) => {
            let rows = data.items.iter().map(|a| {
                html! {
                    <QueueRow key={a.id} activity={a.clone()} chosen={chosen.contains(&a.id)}
                        refused={refused.get(&a.id).cloned()} chosen_set={chosen.clone()}
                        decided={decided.0.get(&a.id).copied()} on_decided={on_decided.clone()} />
                }
            });
            html! {
                <>
                    <div class="table-wrap">
                        <table class="queue">
                            <thead>
                                <tr>
                                    <th scope="col"><span class="sr-only">{ i18n.t("verify.select") }</span></th>
                                    <th scope="col">{ i18n.t("verify.employee") }</th>
                                    <th scope="col">{ i18n.t("activity.date") }</th>
                                    <th scope="col">{ i18n.t("activity.week_minutes") }</th>
                                    <th scope="col">{ i18n.t("activity.description") }</th>
                                    <th scope="col">{ i18n.t("verify.evidence") }</th>
                                    <th scope="col"><span class="sr-only">{ i18n.t("verify.actions") }</span></th>
                                </tr>
                            </thead>
                            <tbody>{ for rows }</tbody>
                        </table>
                    </div>
                    <Pager page={data.page} per_page={data.per_page} total={data.total} {on_page} />
                </>
            }
        }
        None if queue.state.loading => html! { <Loading /> },
        None => html! {},
    };
    // No count until the queue is read: "(0)" while loading would tell a wrong story.
    let heading = match &queue.state.data {
        Some(data) => {
            // Decided rows still on screen are no longer waiting (a reload drops them by itself).
            let shown_decided = data.items.iter().filter(|a| decided.0.contains_key(&a.id)).count() as u64;
            let left = data.total.saturating_sub(shown_decided);
            i18n.tf("verify.waiting", &[("n", &left.to_string())])
        }
        None => i18n.t("verify.waiting_loading").to_owned(),
    };
    let ask_bulk = {
        let asking_bulk = asking_bulk.clone();
        Callback::from(move |_: MouseEvent| asking_bulk.set(true))
    };
    let cancel_bulk = {
        let asking_bulk = asking_bulk.clone();
        Callback::from(move |()| asking_bulk.set(false))
    };
    let n = ticked.len().to_string();
    html! {
        <section class="page">
            <h1>{ i18n.t("verify.title") }</h1>
            <p class="lead">{ i18n.t("verify.lead") }</p>
            <div class="toolbar">
                <SelectField id="verify-employee" label={i18n.t("verify.employee").to_owned()}
                    value={filters.employee_id.map(|id| id.to_string()).unwrap_or_default()} options={employees}
                    on_change={set_filters(|f, v| f.employee_id = v.parse().ok())} />
                <Field id="verify-from" label={i18n.t("verify.from").to_owned()} kind="date"
                    value={filters.from.map(|d| d.to_string()).unwrap_or_default()}
                    on_input={set_filters(|f, v| f.from = NaiveDate::parse_from_str(&v, "%Y-%m-%d").ok())} />
                <Field id="verify-to" label={i18n.t("verify.to").to_owned()} kind="date"
                    value={filters.to.map(|d| d.to_string()).unwrap_or_default()}
                    on_input={set_filters(|f, v| f.to = NaiveDate::parse_from_str(&v, "%Y-%m-%d").ok())} />
                <button type="button" class="button-quiet" onclick={download} disabled={download_write.busy}>
                    { if download_write.busy { i18n.t("common.working") } else { i18n.t("verify.csv") } }
                </button>
            </div>
            <ErrorBanner error={team.state.error.clone()} />
            <ErrorBanner error={undo_write.error.clone()} />
            <ErrorBanner error={queue.state.error.clone()} on_retry={queue.reload.clone()} />
            if !refused.is_empty() {
                <div class="callout callout-warn" role="alert">
                    <strong>{ i18n.t("verify.bulk_refused") }</strong>
                    <ul>
                        { for refused.iter().map(|(id, message)| html! { <li key={*id}>{ message.clone() }</li> }) }
                    </ul>
                </div>
            } else {
                <ErrorBanner error={bulk_write.error.clone()} />
                <ErrorBanner error={download_write.error.clone()} />
            }
            <section class="panel">
                <div class="panel-head">
                    <h2>{ heading }</h2>
                </div>
                { body }
            </section>
            if !ids.is_empty() {
                <div class="action-bar" role="region" aria-label={i18n.t("verify.bar").to_owned()}>
                    if *asking_bulk && !ticked.is_empty() {
                        <Confirm text={i18n.tf("verify.bulk_confirm", &[("n", &n)])} confirm_label={i18n.t("verify.bulk_yes").to_owned()}
                            on_confirm={bulk} on_cancel={cancel_bulk} busy={bulk_write.busy} />
                    } else {
                        <label class="check-target">
                            <input type="checkbox" id="verify-all" checked={all_chosen} onchange={toggle_all} />
                            <span>{ i18n.t("verify.select_all_short") }</span>
                        </label>
                        <button type="button" class="button-primary" onclick={ask_bulk}
                            disabled={ticked.is_empty() || bulk_write.busy}>
                            { i18n.tf("verify.bulk", &[("n", &n)]) }
                        </button>
                    }
                </div>
            }
        </section>
    }
}
