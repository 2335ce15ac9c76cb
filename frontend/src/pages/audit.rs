//! Audit (admin, auditor): who changed what and when, and whether the hash chain is intact.

use crate::api::{self, ApiError};
use crate::components::{ErrorBanner, Loading, Notice, Pager};
use crate::format;
use crate::hooks::use_remote;
use crate::i18n::use_i18n;
use kinerja_types::{AuditEntry, AuditVerification};
use yew::platform::spawn_local;
use yew::prelude::*;

const PER_PAGE: u64 = 50;

#[component]
pub fn Audit() -> Html {
    let i18n = use_i18n();
    let page = use_state(|| 1u64);
    let list = use_remote(*page, |page| api::audit::list(page, PER_PAGE));
    let on_page = {
        let page = page.clone();
        Callback::from(move |p| page.set(p))
    };
    let body = match &list.state.data {
        Some(data) if data.items.is_empty() => html! { <p class="muted">{ i18n.t("audit.empty") }</p> },
        Some(data) => html! {
            <>
                <div class="table-wrap">
                    <table>
                        <thead>
                            <tr>
                                <th scope="col">{ i18n.t("audit.at") }</th>
                                <th scope="col">{ i18n.t("audit.actor") }</th>
                                <th scope="col">{ i18n.t("audit.action") }</th>
                                <th scope="col">{ i18n.t("audit.entity") }</th>
                                <th scope="col">{ i18n.t("audit.change") }</th>
                            </tr>
                        </thead>
                        <tbody>
                            { for data.items.iter().map(|entry| html! { <Row key={entry.id} entry={entry.clone()} /> }) }
                        </tbody>
                    </table>
                </div>
                <Pager page={data.page} per_page={data.per_page} total={data.total} {on_page} />
            </>
        },
        None if list.state.loading => html! { <Loading /> },
        None => html! {},
    };
    html! {
        <section class="page">
            <h1>{ i18n.t("audit.title") }</h1>
            <Verify />
            <ErrorBanner error={list.state.error.clone()} on_retry={list.reload.clone()} />
            { body }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct RowProps {
    entry: AuditEntry,
}

#[component]
fn Row(props: &RowProps) -> Html {
    let i18n = use_i18n();
    let e = &props.entry;
    let json = |v: &Option<serde_json::Value>| {
        v.as_ref().and_then(|v| serde_json::to_string_pretty(v).ok()).unwrap_or_else(|| "—".to_owned())
    };
    let entity = match &e.entity_id {
        Some(id) => format!("{} #{id}", e.entity),
        None => e.entity.clone(),
    };
    html! {
        <tr>
            <td class="nowrap" data-label={i18n.t("audit.at").to_owned()}>{ format::instant(&e.at, i18n.lang()) }</td>
            <td data-label={i18n.t("audit.actor").to_owned()}>{ &e.actor }</td>
            <td class="mono" data-label={i18n.t("audit.action").to_owned()}>{ &e.action }</td>
            <td data-label={i18n.t("audit.entity").to_owned()}>{ entity }</td>
            <td data-label={i18n.t("audit.change").to_owned()}>
                if e.before.is_some() || e.after.is_some() {
                    <details>
                        <summary>{ i18n.t("audit.show") }</summary>
                        <div class="diff">
                            <div><strong>{ i18n.t("audit.before") }</strong><pre>{ json(&e.before) }</pre></div>
                            <div><strong>{ i18n.t("audit.after") }</strong><pre>{ json(&e.after) }</pre></div>
                        </div>
                    </details>
                }
            </td>
        </tr>
    }
}

/// "Periksa keutuhan": asks the server to walk the hash chain.
#[component]
fn Verify() -> Html {
    let i18n = use_i18n();
    let result = use_state(|| None::<Result<AuditVerification, ApiError>>);
    let checking = use_state(|| false);
    let onclick = {
        let result = result.clone();
        let checking = checking.clone();
        Callback::from(move |_: MouseEvent| {
            checking.set(true);
            let result = result.clone();
            let checking = checking.clone();
            spawn_local(async move {
                let outcome = api::audit::verify().await;
                result.set(Some(outcome));
                checking.set(false);
            });
        })
    };
    let outcome = match &*result {
        None => html! {},
        Some(Ok(v)) if v.intact => html! {
            <Notice text={i18n.tf("audit.intact", &[("checked", &v.checked.to_string())])} />
        },
        Some(Ok(v)) => {
            let at = v.first_broken_id.map(|id| id.to_string()).unwrap_or_else(|| "?".into());
            html! {
                <div class="error-banner" role="alert">
                    <p><strong>{ i18n.tf("audit.broken", &[("id", &at)]) }</strong></p>
                    <p>{ &v.detail }</p>
                </div>
            }
        }
        Some(Err(error)) => html! { <ErrorBanner error={Some(error.clone())} /> },
    };
    html! {
        <div class="toolbar">
            <button type="button" class="button-primary" disabled={*checking} {onclick}>
                { if *checking { i18n.t("audit.checking") } else { i18n.t("audit.verify") } }
            </button>
            { outcome }
        </div>
    }
}
