//! One waiting activity of the verification queue.

use super::*;

/// A row approved or rejected: which, and the toast's words.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Decision {
    pub(super) id: i64,
    pub(super) approved: bool,
    pub(super) message: String,
}

#[derive(Properties, PartialEq)]
pub(super) struct QueueRowProps {
    pub(super) activity: Activity,
    pub(super) chosen: bool,
    /// Why the server refused it in a bulk approval.
    pub(super) refused: Option<String>,
    pub(super) chosen_set: UseStateHandle<BTreeSet<i64>>,
    /// Decided on this screen: `Some(true)` approved, `Some(false)` rejected.
    pub(super) decided: Option<bool>,
    pub(super) on_decided: Callback<Decision>,
}

/// One waiting activity: tick it, read it, open its evidence, approve or reject it.
#[component]
pub(super) fn QueueRow(props: &QueueRowProps) -> Html {
    let i18n = use_i18n();
    let rejecting = use_state(|| false);
    let note = use_state(String::new);
    let note_error = use_state(|| None::<String>);
    // Approve and reject share one write: they must not overlap.
    let write = use_write();
    let a = &props.activity;
    let id = a.id;
    let toggle = {
        let chosen = props.chosen_set.clone();
        Callback::from(move |e: Event| {
            let on = e.target_unchecked_into::<HtmlInputElement>().checked();
            let mut next = (*chosen).clone();
            if on {
                next.insert(id);
            } else {
                next.remove(&id);
            }
            chosen.set(next);
        })
    };
    let approve = {
        let on_decided = props.on_decided.clone();
        let message = i18n.tf("verify.approved", &[("name", &a.employee_name)]);
        write.action(
            move |_: MouseEvent| api::activities::approve(id),
            move |_| on_decided.emit(Decision { id, approved: true, message: message.clone() }),
        )
    };
    let reject = {
        let (write, note, note_error, rejecting) = (write.clone(), note.clone(), note_error.clone(), rejecting.clone());
        let (on_decided, i18n, name) = (props.on_decided.clone(), i18n.clone(), a.employee_name.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if write.busy {
                return;
            }
            let request = RejectRequest { note: note.trim().to_owned() };
            if let Some(message) = validation::check(&request, &i18n).remove("note") {
                note_error.set(Some(message));
                crate::components::focus_first_error();
                return;
            }
            note_error.set(None);
            let (on_decided, message) = (on_decided.clone(), i18n.tf("verify.rejected", &[("name", &name)]));
            let rejecting = rejecting.clone();
            write.run(async move { api::activities::reject(id, &request).await }, move |_| {
                rejecting.set(false);
                on_decided.emit(Decision { id, approved: false, message });
            });
        })
    };
    let open_reject = {
        let rejecting = rejecting.clone();
        Callback::from(move |_: MouseEvent| rejecting.set(true))
    };
    let cancel_reject = {
        let rejecting = rejecting.clone();
        let note_error = note_error.clone();
        Callback::from(move |_: MouseEvent| {
            rejecting.set(false);
            note_error.set(None);
        })
    };
    let busy = write.busy;
    let times = match (&a.start, &a.end) {
        (Some(start), Some(end)) => format!("{start}–{end}"),
        _ => String::new(),
    };
    let row_label = i18n.tf("verify.select_one", &[("name", &a.employee_name), ("date", &format::date(&a.date))]);
    html! {
        <>
            <tr class={classes!(
                props.refused.is_some().then_some("row-refused"),
                props.chosen.then_some("row-current"),
                props.decided.map(|approved| if approved { "row-decided row-approved" } else { "row-decided row-rejected" }),
            )}>
                <td data-label={i18n.t("verify.select").to_owned()}>
                    // A decided row keeps every cell and its height: nothing moves under the thumb.
                    if props.decided.is_some() {
                        <span class="check-target decided-hidden" aria-hidden="true"><input type="checkbox" tabindex="-1" disabled=true /></span>
                    } else {
                        <label class="check-target">
                            <input type="checkbox" class="row-check" checked={props.chosen} onchange={toggle} aria-label={row_label} />
                        </label>
                    }
                </td>
                <td data-label={i18n.t("verify.employee").to_owned()}><strong>{ &a.employee_name }</strong></td>
                <td data-label={i18n.t("activity.date").to_owned()} class="nowrap">{ format::date(&a.date) }</td>
                <td data-label={i18n.t("activity.week_minutes").to_owned()} class="nowrap">
                    <span>
                        { format::minutes(u64::from(a.minutes), i18n.lang()) }
                        if !times.is_empty() { <br /><span class="muted">{ times }</span> }
                    </span>
                </td>
                <td data-label={i18n.t("activity.description").to_owned()}>
                    <div>
                        <p class="activity-description">{ &a.description }</p>
                        <p class="muted small">{ i18n.t("activity.rhk_short") }{ ": " }{ &a.rhk_text }</p>
                        if let Some(q) = a.output_qty {
                            <p class="muted small">{ i18n.t("activity.output_short") }{ ": " }{ format::number(q, i18n.lang()) }</p>
                        }
                        if let Some(reason) = &props.refused {
                            <p class="field-error">{ reason.clone() }</p>
                        }
                    </div>
                </td>
                <td data-label={i18n.t("verify.evidence").to_owned()}>
                    if a.evidence_ids.is_empty() {
                        <span class="muted">{ i18n.t("common.none") }</span>
                    } else {
                        <EvidenceList ids={a.evidence_ids.clone()} />
                    }
                </td>
                <td data-label="">
                    <div class={classes!("decided-wrap", props.decided.is_some().then_some("decided"))}>
                    if let Some(approved) = props.decided {
                        <p class="decided-mark" role="status">
                            { if approved { i18n.t("verify.row_approved") } else { i18n.t("verify.row_rejected") } }
                        </p>
                    }
                    // Decided, the buttons keep their room (hidden), so the row keeps its height.
                    <div class="actions" aria-hidden={props.decided.is_some().then_some("true")}>
                        <button type="button" class="button-primary button-small" onclick={approve} disabled={busy || props.decided.is_some()}>
                            { if busy && !*rejecting { i18n.t("common.working") } else { i18n.t("verify.approve") } }
                        </button>
                        <button type="button" class="button-quiet button-small button-danger" onclick={open_reject}
                            disabled={busy || *rejecting || props.decided.is_some()}>
                            { i18n.t("verify.reject") }
                        </button>
                    </div>
                    </div>
                </td>
            </tr>
            if props.decided.is_none() && (*rejecting || write.error.is_some()) {
                <tr class="row-detail">
                    <td colspan="7">
                        <ErrorBanner error={write.error.clone()} shown_fields={NOTE_FIELDS} />
                        if *rejecting {
                            <form class="form reject-form" onsubmit={reject} novalidate=true>
                                <Field id={format!("reject-note-{id}")} label={i18n.tf("verify.reject_note", &[("name", &a.employee_name)])}
                                    value={(*note).clone()} rows={2} on_input={setter(&note)} required=true
                                    error={(*note_error).clone().or_else(|| write.field("note"))} />
                                <div class="actions">
                                    <button type="submit" class="button-primary button-danger-solid" disabled={busy}>
                                        { if busy { i18n.t("common.working") } else { i18n.t("verify.reject_send") } }
                                    </button>
                                    <button type="button" class="button-quiet" disabled={busy} onclick={cancel_reject}>
                                        { i18n.t("common.cancel") }
                                    </button>
                                </div>
                            </form>
                        }
                    </td>
                </tr>
            }
        </>
    }
}
