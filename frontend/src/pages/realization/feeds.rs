//! Feeds of other systems on the plan's indicators (documents issued, visits, permits): each
//! source with what it posted and where it stands. The penilai accepts a feed after a
//! confirmation, or refuses it with a reason; the decision is given once.

use super::*;
use crate::components::Confirm;
use crate::hooks::use_write;
use kinerja_domain::FeedStatus;
use kinerja_types::{FeedDecision, IndicatorFeed};

#[derive(Properties, PartialEq)]
pub(super) struct FeedsProps {
    pub(super) skp_id: i64,
    /// The viewer is the plan's penilai: they decide.
    pub(super) penilai: bool,
    /// A decision changed what counts: the realisation reloads.
    pub(super) on_decided: Callback<()>,
}

/// The plan's feeds; nothing at all when there are none.
#[component]
pub(super) fn Feeds(props: &FeedsProps) -> Html {
    let i18n = use_i18n();
    let data = use_remote(props.skp_id, api::realization::feeds);
    let on_decided = {
        let (reload, parent) = (data.reload.clone(), props.on_decided.clone());
        Callback::from(move |()| {
            reload.emit(());
            parent.emit(());
        })
    };
    let feeds = match data.state.data.as_deref() {
        Some(page) if page.items.is_empty() => return html! {},
        Some(page) => page.items.clone(),
        None => return html! { <ErrorBanner error={data.state.error.clone()} on_retry={data.reload.clone()} /> },
    };
    html! {
        <section class="panel" id="feeds">
            <h2>{ i18n.t("feed.title") }</h2>
            <p class="muted">{ i18n.t(if props.penilai { "feed.lead_penilai" } else { "feed.lead" }) }</p>
            <ul class="feed-list">
                { for feeds.iter().map(|f| html! {
                    <FeedItem key={f.id} feed={f.clone()} penilai={props.penilai} on_decided={on_decided.clone()} />
                }) }
            </ul>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct FeedItemProps {
    feed: IndicatorFeed,
    penilai: bool,
    on_decided: Callback<()>,
}

/// What the penilai is doing with a feed.
#[derive(Clone, Copy, PartialEq)]
enum Asking {
    None,
    Accept,
    Refuse,
}

/// One feed: its source and indicator, the values posted, its standing; the penilai's buttons
/// while it waits.
#[component]
fn FeedItem(props: &FeedItemProps) -> Html {
    let i18n = use_i18n();
    let toast = use_toast();
    let write = use_write();
    let asking = use_state(|| Asking::None);
    let reason = use_state(String::new);
    let f = &props.feed;
    let lang = i18n.lang();
    let decide = {
        let (id, source) = (f.id, f.source.clone());
        let (asking, toast, i18n, done) = (asking.clone(), toast.clone(), i18n.clone(), props.on_decided.clone());
        write.action(
            move |decision: FeedDecision| api::realization::decide_feed(id, decision),
            move |saved: IndicatorFeed| {
                asking.set(Asking::None);
                let key = if saved.status == FeedStatus::Accepted { "feed.accepted" } else { "feed.refused" };
                toast.say(i18n.tf(key, &[("source", &source)]));
                done.emit(());
            },
        )
    };
    let accept = {
        let decide = decide.clone();
        Callback::from(move |()| decide.emit(FeedDecision { accept: true, reason: None }))
    };
    // A refusal without its reason is refused on the device, at the field.
    let missing = use_state(|| false);
    let refuse = {
        let (decide, reason, missing) = (decide.clone(), reason.clone(), missing.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let text = reason.trim().to_owned();
            missing.set(text.is_empty());
            if !text.is_empty() {
                decide.emit(FeedDecision { accept: false, reason: Some(text) })
            }
        })
    };
    let ask = |what: Asking| {
        let asking = asking.clone();
        Callback::from(move |_: MouseEvent| asking.set(what))
    };
    let cancel = {
        let asking = asking.clone();
        Callback::from(move |()| asking.set(Asking::None))
    };
    let on_reason = {
        let reason = reason.clone();
        Callback::from(move |v: String| reason.set(v))
    };
    let status = f.status.as_str();
    let summary = i18n.tf(
        "feed.summary",
        &[("n", &f.values.to_string()), ("total", &format::number(f.total, lang)), ("unit", &f.unit)],
    );
    html! {
        <li class="feed" data-feed={f.id.to_string()}>
            <div class="feed-head">
                <strong>{ &f.source }</strong>
                <span class={classes!("badge", format!("badge-feed-{status}"))}>{ i18n.word("feed_status", status) }</span>
            </div>
            <p>{ &f.indicator }<span class="muted">{ " · " }{ &f.rhk }</span></p>
            <p class="muted small">{ summary }
                if let Some(at) = f.latest_at {
                    { " · " }{ i18n.tf("feed.latest", &[("at", &format::instant(&at, lang))]) }
                }
            </p>
            if let (Some(by), Some(at)) = (&f.decided_by, f.decided_at) {
                <p class="muted small">{ i18n.tf("feed.decided", &[("by", by), ("at", &format::instant(&at, lang))]) }</p>
            }
            if let Some(why) = &f.reason {
                <p class="small">{ i18n.tf("feed.reason_was", &[("reason", why)]) }</p>
            }
            if props.penilai && f.status == FeedStatus::Pending {
                <ErrorBanner error={write.error.clone().filter(|e| e.field("reason").is_none())} />
                { match *asking {
                    Asking::Accept => html! {
                        <Confirm text={i18n.tf("feed.accept_confirm", &[("source", &f.source), ("indicator", &f.indicator)])}
                            confirm_label={i18n.t("feed.accept_yes")} on_confirm={accept} on_cancel={cancel} busy={write.busy} />
                    },
                    Asking::Refuse => html! {
                        <form class="refuse-form" onsubmit={refuse} novalidate=true>
                            <Field id={format!("feed-reason-{}", f.id)} label={i18n.t("feed.reason")} value={(*reason).clone()}
                                on_input={on_reason} rows={Some(2)} required=true
                                error={missing.then(|| i18n.t("feed.reason_missing").to_owned()).or_else(|| write.error.as_ref().and_then(|e| e.field("reason")))} />
                            <div class="actions">
                                <button type="submit" class="button-danger" disabled={write.busy}>
                                    { if write.busy { i18n.t("common.working") } else { i18n.t("feed.refuse_yes") } }
                                </button>
                                <button type="button" class="button-quiet" disabled={write.busy}
                                    onclick={let cancel = cancel.clone(); move |_| cancel.emit(())}>
                                    { i18n.t("common.cancel") }
                                </button>
                            </div>
                        </form>
                    },
                    Asking::None => html! {
                        <div class="actions">
                            <button type="button" class="button-primary button-small" onclick={ask(Asking::Accept)}>
                                { i18n.t("feed.accept") }
                            </button>
                            <button type="button" class="button-quiet button-small" onclick={ask(Asking::Refuse)}>
                                { i18n.t("feed.refuse") }
                            </button>
                        </div>
                    },
                } }
            }
        </li>
    }
}
