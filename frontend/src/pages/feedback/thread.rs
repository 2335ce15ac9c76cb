//! The feedback thread: each piece of feedback with its replies, and the reply form.

use super::*;

#[derive(Properties, PartialEq)]
pub(super) struct ThreadProps {
    pub(super) items: Rc<Vec<Feedback>>,
    pub(super) employee_id: i64,
    pub(super) may_reply: bool,
    pub(super) rhk: Rc<Vec<(i64, String)>>,
    pub(super) on_written: Callback<String>,
}

/// Each piece of feedback, oldest first, with its replies under it.
#[component]
pub(super) fn Thread(props: &ThreadProps) -> Html {
    let i18n = use_i18n();
    if props.items.is_empty() {
        return html! { <p class="muted">{ i18n.t("feedback.empty") }</p> };
    }
    let known: Vec<i64> = props.items.iter().map(|f| f.id).collect();
    let mut replies: HashMap<i64, Vec<&Feedback>> = HashMap::new();
    let mut roots = Vec::new();
    for f in props.items.iter() {
        match f.parent_id.filter(|p| known.contains(p)) {
            Some(parent) => replies.entry(parent).or_default().push(f),
            None => roots.push(f),
        }
    }
    html! {
        <ol class="thread">
            { for roots.into_iter().map(|root| {
                let answers = replies.get(&root.id).cloned().unwrap_or_default();
                html! {
                    <li key={root.id} class="thread-item">
                        <FeedbackEntry feedback={root.clone()} rhk={props.rhk.clone()} />
                        if !answers.is_empty() {
                            <ol class="replies">
                                { for answers.into_iter().map(|reply| html! {
                                    <li key={reply.id}><FeedbackEntry feedback={reply.clone()} rhk={props.rhk.clone()} /></li>
                                }) }
                            </ol>
                        }
                        if props.may_reply {
                            <Reply employee_id={props.employee_id} parent_id={root.id} on_written={props.on_written.clone()} />
                        }
                    </li>
                }
            }) }
        </ol>
    }
}

#[derive(Properties, PartialEq)]
pub struct FeedbackEntryProps {
    pub feedback: Feedback,
    /// Names of the RHK feedback may be about, by id.
    pub rhk: Rc<Vec<(i64, String)>>,
}

/// One piece of feedback: author, time, its tags and the text (also shown as rating evidence).
#[component]
pub fn FeedbackEntry(props: &FeedbackEntryProps) -> Html {
    let i18n = use_i18n();
    let f = &props.feedback;
    let rhk = f.rhk_id.map(|id| {
        props.rhk.iter().find(|(r, _)| *r == id).map(|(_, text)| text.clone()).unwrap_or_else(|| format!("RHK #{id}"))
    });
    html! {
        <article class="feedback">
            <header class="feedback-head">
                <strong>{ &f.author_name }</strong>
                <span class="muted">{ format::instant(&f.created_at, i18n.lang()) }</span>
            </header>
            if f.core_value.is_some() || rhk.is_some() {
                <p class="feedback-tags">
                    if let Some(value) = f.core_value {
                        <span class="chip">{ i18n.word("core_value", value.as_str()) }</span>
                    }
                    if let Some(text) = rhk {
                        <span class="chip">{ text }</span>
                    }
                </p>
            }
            <p class="feedback-text">{ &f.text }</p>
        </article>
    }
}

#[derive(Properties, PartialEq)]
pub(super) struct ReplyProps {
    pub(super) employee_id: i64,
    pub(super) parent_id: i64,
    pub(super) on_written: Callback<String>,
}

/// "Balas": folded into a button until asked for.
#[component]
pub(super) fn Reply(props: &ReplyProps) -> Html {
    let i18n = use_i18n();
    let open = use_state(|| false);
    let text = use_state(String::new);
    let invalid = use_state(|| None::<String>);
    let write = use_write();
    if !*open {
        let open = open.clone();
        return html! {
            <button type="button" class="button-quiet button-small" onclick={move |_| open.set(true)}>
                { i18n.t("feedback.reply") }
            </button>
        };
    }
    let onsubmit = {
        let (text, invalid, open, write) = (text.clone(), invalid.clone(), open.clone(), write.clone());
        let on_written = props.on_written.clone();
        let i18n = i18n.clone();
        let (employee_id, parent_id) = (props.employee_id, props.parent_id);
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if write.busy {
                return;
            }
            let request = NewFeedback {
                employee_id,
                text: text.trim().to_owned(),
                rhk_id: None,
                core_value: None,
                parent_id: Some(parent_id),
            };
            if let Some(message) = validation::check(&request, &i18n).remove("text") {
                invalid.set(Some(message));
                return;
            }
            invalid.set(None);
            let (text, open, on_written) = (text.clone(), open.clone(), on_written.clone());
            let done = i18n.t("feedback.replied").to_owned();
            write.run(async move { api::feedback::write(&request).await }, move |_| {
                text.set(String::new());
                open.set(false);
                on_written.emit(done);
            });
        })
    };
    let on_text = setter(&text);
    let cancel = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(false))
    };
    html! {
        <form class="form reply-form" {onsubmit} novalidate=true>
            <ErrorBanner error={write.error.clone()} shown_fields={FIELDS} />
            <Field id={format!("reply-{}", props.parent_id)} label={i18n.t("feedback.reply_text").to_owned()}
                value={(*text).clone()} rows={2} on_input={on_text} required=true
                error={(*invalid).clone().or_else(|| write.field("text"))} />
            <div class="actions">
                <button type="submit" class="button-primary" disabled={write.busy}>
                    { if write.busy { i18n.t("common.saving") } else { i18n.t("feedback.reply_send") } }
                </button>
                <button type="button" class="button-quiet" onclick={cancel} disabled={write.busy}>{ i18n.t("common.cancel") }</button>
            </div>
        </form>
    }
}
