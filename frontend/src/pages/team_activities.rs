//! Kegiatan Tim: the approved activities of co-workers under the same supervisor, so that each
//! person's contribution is seen (never drafts, evidence or ratings). The Pemda may turn it off.

use crate::api;
use crate::components::{ErrorBanner, Loading, Pager};
use crate::format;
use crate::hooks::use_remote;
use crate::i18n::use_i18n;
use yew::prelude::*;

const PER_PAGE: u64 = 50;

#[component]
pub fn TeamActivities() -> Html {
    let i18n = use_i18n();
    let page = use_state(|| 1u64);
    let feed = use_remote(*page, |page| api::activities::team(page, PER_PAGE));
    // Only to tell "turned off" from "nothing yet"; whoever may not read it sees the plain note.
    let settings = use_remote((), |()| api::settings::get());
    let turned_off = settings.state.data.as_ref().is_some_and(|s| !s.team_view_enabled);
    let on_page = {
        let page = page.clone();
        Callback::from(move |p| page.set(p))
    };
    let body = match &feed.state.data {
        Some(_) if turned_off => html! { <p class="callout callout-info">{ i18n.t("team_feed.off") }</p> },
        Some(data) if data.items.is_empty() => {
            html! { <p class="callout callout-info">{ i18n.t("team_feed.empty") }</p> }
        }
        Some(data) => html! {
            <>
                <div class="table-wrap">
                    <table>
                        <thead>
                            <tr>
                                <th scope="col">{ i18n.t("activity.date") }</th>
                                <th scope="col">{ i18n.t("verify.employee") }</th>
                                <th scope="col">{ i18n.t("activity.description") }</th>
                                <th scope="col">{ i18n.t("activity.week_minutes") }</th>
                            </tr>
                        </thead>
                        <tbody>
                            { for data.items.iter().map(|a| html! {
                                <tr key={a.id}>
                                    <td data-label={i18n.t("activity.date").to_owned()} class="nowrap">{ format::date(&a.date) }</td>
                                    <td data-label={i18n.t("verify.employee").to_owned()}><strong>{ &a.employee_name }</strong></td>
                                    <td data-label={i18n.t("activity.description").to_owned()}>
                                        <div>
                                            <p class="activity-description">{ &a.description }</p>
                                            <p class="muted small">{ i18n.t("activity.rhk_short") }{ ": " }{ &a.rhk_text }</p>
                                        </div>
                                    </td>
                                    <td data-label={i18n.t("activity.week_minutes").to_owned()} class="nowrap">
                                        { format::minutes(u64::from(a.minutes), i18n.lang()) }
                                    </td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </div>
                <Pager page={data.page} per_page={data.per_page} total={data.total} {on_page} />
            </>
        },
        None if feed.state.loading => html! { <Loading /> },
        None => html! {},
    };
    html! {
        <section class="page">
            <h1>{ i18n.t("team_feed.title") }</h1>
            <p class="lead">{ i18n.t("team_feed.lead") }</p>
            <ErrorBanner error={feed.state.error.clone()} on_retry={feed.reload.clone()} />
            { body }
        </section>
    }
}
