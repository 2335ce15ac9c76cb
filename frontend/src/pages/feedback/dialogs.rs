//! The performance dialogues with their follow-ups.

use super::*;

#[derive(Properties, PartialEq)]
pub(super) struct DialogListProps {
    pub(super) items: Rc<Vec<Dialog>>,
}

/// The dialogues, newest first, each with its follow-ups and whether they are done.
#[component]
pub(super) fn DialogList(props: &DialogListProps) -> Html {
    let i18n = use_i18n();
    html! {
        <ol class="dialogs">
            { for props.items.iter().map(|d| html! {
                <li key={d.id} class="dialog">
                    <h3>{ i18n.tf("dialog.on", &[("date", &format::date(&d.date))]) }</h3>
                    <p class="dialog-notes">{ &d.notes }</p>
                    if !d.follow_ups.is_empty() {
                        <h4>{ i18n.t("dialog.follow_ups") }</h4>
                        <ul class="follow-ups">
                            { for d.follow_ups.iter().map(|f| html! {
                                <li class={classes!(f.done.then_some("done"))}>
                                    <span class="follow-up-state">
                                        { if f.done { i18n.t("dialog.done") } else { i18n.t("dialog.open") } }
                                    </span>
                                    { " " }{ &f.text }
                                    if let Some(due) = f.due_date {
                                        { " " }<span class="muted">{ i18n.tf("dialog.due", &[("date", &format::date(&due))]) }</span>
                                    }
                                </li>
                            }) }
                        </ul>
                    }
                </li>
            }) }
        </ol>
    }
}
