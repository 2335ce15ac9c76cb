//! The day's activities with their corrections, submissions and deletions.

use super::*;

#[derive(Clone, Copy, PartialEq)]
pub(super) enum Ask {
    Submit(i64),
    Delete(i64),
    SubmitAll,
}

#[derive(Properties, PartialEq)]
pub(super) struct DayListProps {
    pub(super) day: Rc<Vec<Activity>>,
    pub(super) loading: bool,
    pub(super) date_text: String,
    /// The activity in the form, marked in the list.
    pub(super) editing: Option<i64>,
    pub(super) on_edit: Callback<Activity>,
    pub(super) on_changed: Callback<String>,
}

/// The day's activities, each with its status; drafts and rejected ones can be corrected,
/// submitted or deleted, each after a confirmation.
#[component]
pub(super) fn DayList(props: &DayListProps) -> Html {
    let i18n = use_i18n();
    let asking = use_state(|| None::<Ask>);
    let write = use_write();
    let busy = write.busy;
    let open: Vec<i64> = props
        .day
        .iter()
        .filter(|a| matches!(a.status, ActivityStatus::Draft | ActivityStatus::Rejected))
        .map(|a| a.id)
        .collect();
    let run = |ask: Ask| {
        let (asking, on_changed, i18n, open) = (asking.clone(), props.on_changed.clone(), i18n.clone(), open.clone());
        let done_write = write.clone();
        write.action(
            move |()| {
                let (i18n, open) = (i18n.clone(), open.clone());
                async move {
                    match ask {
                        Ask::Submit(id) => {
                            api::activities::submit(id).await.map(|_| (i18n.t("activity.submitted").to_owned(), None))
                        }
                        Ask::Delete(id) => {
                            api::activities::delete(id).await.map(|()| (i18n.t("activity.deleted").to_owned(), None))
                        }
                        Ask::SubmitAll => {
                            let mut done = 0;
                            let mut failure = None;
                            for id in open {
                                match api::activities::submit(id).await {
                                    Ok(_) => done += 1,
                                    Err(e) => {
                                        failure = Some(e);
                                        break;
                                    }
                                }
                            }
                            match failure {
                                Some(e) if done == 0 => Err(e),
                                // Those submitted stay submitted: say so, and why the rest was not.
                                failure => Ok((i18n.tf("activity.submitted_n", &[("n", &done.to_string())]), failure)),
                            }
                        }
                    }
                }
            },
            move |(message, failure): (String, Option<ApiError>)| {
                if let Some(e) = failure {
                    done_write.fail(e);
                }
                asking.set(None);
                on_changed.emit(message);
            },
        )
    };
    let cancel = {
        let asking = asking.clone();
        Callback::from(move |()| asking.set(None))
    };
    let ask = |what: Ask| {
        let (asking, write) = (asking.clone(), write.clone());
        Callback::from(move |_: MouseEvent| {
            write.clear_error();
            asking.set(Some(what));
        })
    };

    let body = if props.day.is_empty() {
        if props.loading {
            html! { <Loading /> }
        } else {
            html! { <p class="muted">{ i18n.t("activity.day_empty") }</p> }
        }
    } else {
        let mut ordered: Vec<&Activity> = props.day.iter().collect();
        ordered.sort_by_key(|a| (a.start.clone(), a.id));
        let items = ordered.into_iter().map(|a| {
            let open = matches!(a.status, ActivityStatus::Draft | ActivityStatus::Rejected);
            let id = a.id;
            let edit = {
                let on_edit = props.on_edit.clone();
                let activity = a.clone();
                Callback::from(move |_: MouseEvent| on_edit.emit(activity.clone()))
            };
            let confirm = match *asking {
                Some(Ask::Submit(asked)) if asked == id => html! {
                    <Confirm text={i18n.t("activity.submit_confirm").to_owned()} confirm_label={i18n.t("activity.submit_yes").to_owned()}
                        on_confirm={run(Ask::Submit(id))} on_cancel={cancel.clone()} busy={busy} />
                },
                Some(Ask::Delete(asked)) if asked == id => html! {
                    <Confirm text={i18n.t("activity.delete_confirm").to_owned()} confirm_label={i18n.t("activity.delete_yes").to_owned()}
                        on_confirm={run(Ask::Delete(id))} on_cancel={cancel.clone()} busy={busy} />
                },
                _ => html! {},
            };
            let times = match (&a.start, &a.end) {
                (Some(start), Some(end)) => format!(" · {start}–{end}"),
                _ => String::new(),
            };
            html! {
                <li key={id} class={classes!("activity-card", format!("activity-{}", a.status.as_str()),
                    (props.editing == Some(id)).then_some("activity-editing"))}>
                    <div class="activity-head">
                        <ActivityBadge status={a.status} />
                        <strong class="activity-minutes">{ format::minutes(u64::from(a.minutes), i18n.lang()) }{ times }</strong>
                    </div>
                    <p class="activity-description">{ &a.description }</p>
                    <p class="activity-rhk"><span class="muted">{ i18n.t("activity.rhk_short") }{ ": " }</span>{ &a.rhk_text }</p>
                    if let Some(q) = a.output_qty {
                        <p class="activity-output"><span class="muted">{ i18n.t("activity.output_short") }{ ": " }</span>{ format::number(q, i18n.lang()) }</p>
                    }
                    if a.status == ActivityStatus::Rejected {
                        <div class="callout callout-warn">
                            <strong>{ i18n.t("activity.rejected_note") }</strong>
                            <p>{ a.reject_note.clone().unwrap_or_else(|| i18n.t("common.none").to_owned()) }</p>
                        </div>
                    }
                    <EvidenceList ids={a.evidence_ids.clone()} />
                    if open {
                        <div class="actions">
                            <button type="button" class="button-quiet" onclick={edit} disabled={busy}>{ i18n.t("activity.edit") }</button>
                            <button type="button" class="button-quiet" onclick={ask(Ask::Submit(id))} disabled={busy}>
                                { if a.status == ActivityStatus::Rejected { i18n.t("activity.resubmit") } else { i18n.t("activity.submit") } }
                            </button>
                            <button type="button" class="button-quiet button-danger" onclick={ask(Ask::Delete(id))} disabled={busy}>
                                { i18n.t("activity.delete") }
                            </button>
                        </div>
                    }
                    { confirm }
                </li>
            }
        });
        html! { <ul class="activity-list">{ for items }</ul> }
    };
    html! {
        <section class="panel">
            <div class="panel-head">
                <h2>{ i18n.tf("activity.day_title", &[("day", &props.date_text)]) }</h2>
                if open.len() > 1 {
                    <button type="button" class="button-quiet" onclick={ask(Ask::SubmitAll)} disabled={busy}>
                        { i18n.tf("activity.submit_all", &[("n", &open.len().to_string())]) }
                    </button>
                }
            </div>
            if *asking == Some(Ask::SubmitAll) {
                <Confirm text={i18n.tf("activity.submit_all_confirm", &[("n", &open.len().to_string())])}
                    confirm_label={i18n.t("activity.submit_yes").to_owned()}
                    on_confirm={run(Ask::SubmitAll)} on_cancel={cancel.clone()} busy={busy} />
            }
            <ErrorBanner error={write.error.clone()} />
            { body }
        </section>
    }
}
