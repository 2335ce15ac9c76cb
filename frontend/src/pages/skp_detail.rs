//! One SKP, read-only: for the history, the team queue and the performance tree. Its penilai
//! approves it here, or returns it with a reason, while it is submitted.

use super::behavior_editor::BehaviorEditor;
use crate::api;
use crate::components::skp_view::{use_references, BehaviorList, RevisionHistory, RhkList, SkpSummary};
use crate::components::{use_toast, ErrorBanner, Field, Loading};
use crate::hooks::{setter, use_remote, use_write};
use crate::i18n::use_i18n;
use crate::route::Route;
use crate::validation;
use kinerja_domain::{Role, SkpStatus};
use kinerja_types::{Me, ReturnRequest, Skp};
use std::rc::Rc;
use yew::prelude::*;
use yew_router::prelude::*;

/// The fields this form shows its own errors for.
const FIELDS: &[&str] = &["reason"];

#[derive(Properties, PartialEq)]
pub struct SkpDetailProps {
    pub me: Rc<Me>,
    pub id: i64,
}

#[component]
pub fn SkpDetail(props: &SkpDetailProps) -> Html {
    let i18n = use_i18n();
    let toast = use_toast();
    let history_version = use_state(|| 0u32);
    let skp = use_remote(props.id, api::skp::get);
    let references = use_references(skp.state.data.clone());
    let my_id = props.me.employee.as_ref().map(|e| e.id);
    let body = match &skp.state.data {
        Some(plan) => {
            let is_penilai = my_id.is_some() && plan.penilai_id == my_id;
            // An SKP without a penilai is decided by an admin (the server records it as such).
            let may_decide = is_penilai || (plan.penilai_id.is_none() && props.me.has(Role::Admin));
            let is_owner = my_id == Some(plan.employee_id);
            // The expectations are the leader's: the penilai may set them until approval.
            let may_set_expectations = is_penilai && plan.status != SkpStatus::Approved;
            let on_reviewed = {
                let toast = toast.clone();
                let reload = skp.reload.clone();
                let history_version = history_version.clone();
                Callback::from(move |message: String| {
                    toast.say(message);
                    reload.emit(());
                    history_version.set(history_version.wrapping_add(1));
                })
            };
            let on_expectations_saved = {
                let on_reviewed = on_reviewed.clone();
                let done = i18n.t("behavior.saved").to_owned();
                Callback::from(move |_| on_reviewed.emit(done.clone()))
            };
            html! {
                <>
                    if is_owner {
                        <p><Link<Route> to={Route::MySkp}>{ i18n.t("skp.to_mine") }</Link<Route>></p>
                    }
                    <SkpSummary skp={plan.clone()} />
                    if may_decide && plan.status == SkpStatus::Submitted {
                        <Review skp={plan.clone()} on_done={on_reviewed} />
                    }
                    <section class="panel">
                        <h2>{ i18n.t("rhk.title") }</h2>
                        <RhkList rhk={plan.rhk.clone()} references={references.clone()} />
                    </section>
                    <section class="panel">
                        <h2>{ i18n.t("behavior.title") }</h2>
                        if may_set_expectations {
                            <BehaviorEditor key={plan.id} skp_id={plan.id} behaviors={plan.behaviors.clone()}
                                on_saved={on_expectations_saved} />
                        } else {
                            <BehaviorList behaviors={plan.behaviors.clone()} />
                        }
                    </section>
                    <RevisionHistory skp_id={plan.id} shown_id={plan.id} version={*history_version} />
                </>
            }
        }
        None if skp.state.loading => html! { <Loading /> },
        None => html! {},
    };
    let title = match &skp.state.data {
        Some(plan) => i18n.tf("skp.detail_title", &[("name", &plan.employee_name)]),
        None => i18n.t("nav.skp_detail").to_owned(),
    };
    html! {
        <section class="page">
            <h1>{ title }</h1>
            <ErrorBanner error={skp.state.error.clone()} on_retry={skp.reload.clone()} />
            { body }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct ReviewProps {
    skp: Rc<Skp>,
    /// Told what to show once the SKP was approved or returned.
    on_done: Callback<String>,
}

/// The penilai's decision: approve, or return with a reason (asked for in place).
#[component]
fn Review(props: &ReviewProps) -> Html {
    let i18n = use_i18n();
    let returning = use_state(|| false);
    let reason = use_state(String::new);
    let reason_error = use_state(|| None::<String>);
    // Approve and return share one write: they must not overlap.
    let write = use_write();
    let id = props.skp.id;

    let approve = {
        let on_done = props.on_done.clone();
        let done = i18n.t("skp.approved").to_owned();
        write.action(move |_: MouseEvent| api::skp::approve(id), move |_| on_done.emit(done.clone()))
    };
    let send_back = {
        let (write, reason, reason_error) = (write.clone(), reason.clone(), reason_error.clone());
        let (on_done, i18n) = (props.on_done.clone(), i18n.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if write.busy {
                return;
            }
            let request = ReturnRequest { reason: reason.trim().to_owned() };
            let found = validation::check(&request, &i18n);
            if request.reason.is_empty() || !found.is_empty() {
                let text = found.get("reason").cloned().unwrap_or_else(|| i18n.t("skp.reason_missing").to_owned());
                reason_error.set(Some(text));
                return;
            }
            reason_error.set(None);
            let (on_done, done) = (on_done.clone(), i18n.t("skp.returned").to_owned());
            write.run(async move { api::skp::send_back(id, &request).await }, move |_| on_done.emit(done));
        })
    };
    let open_return = {
        let returning = returning.clone();
        Callback::from(move |_: MouseEvent| returning.set(true))
    };
    let cancel_return = {
        let returning = returning.clone();
        let reason_error = reason_error.clone();
        Callback::from(move |_: MouseEvent| {
            returning.set(false);
            reason_error.set(None);
        })
    };
    let busy = write.busy;
    html! {
        <section class="panel review">
            <h2>{ i18n.t("skp.review_title") }</h2>
            <p class="muted">{ i18n.t("skp.review_hint") }</p>
            <ErrorBanner error={write.error.clone()} shown_fields={FIELDS} />
            if *returning {
                <form class="form" onsubmit={send_back} novalidate=true>
                    <Field id="return-reason" label={i18n.t("skp.return_reason").to_owned()} value={(*reason).clone()}
                        rows={3} on_input={setter(&reason)} required=true
                        error={(*reason_error).clone().or_else(|| write.field("reason"))} />
                    <div class="actions">
                        <button type="submit" class="button-primary button-danger-solid" disabled={busy}>
                            { if busy { i18n.t("common.working") } else { i18n.t("skp.return_send") } }
                        </button>
                        <button type="button" class="button-quiet" disabled={busy} onclick={cancel_return}>
                            { i18n.t("common.cancel") }
                        </button>
                    </div>
                </form>
            } else {
                <div class="actions">
                    <button type="button" class="button-primary" disabled={busy} onclick={approve}>
                        { if busy { i18n.t("common.working") } else { i18n.t("skp.approve") } }
                    </button>
                    <button type="button" class="button-quiet" disabled={busy} onclick={open_return}>
                        { i18n.t("skp.return") }
                    </button>
                </div>
            }
        </section>
    }
}
