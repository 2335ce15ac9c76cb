//! Audit (admin, auditor): who changed what and when, and whether the hash chain is intact.

use crate::api;
use crate::components::{ErrorBanner, Loader, Notice, PagedTable};
use crate::format;
use crate::hooks::use_write;
use crate::i18n::use_i18n;
use kinerja_types::{AuditEntry, AuditVerification};
use yew::prelude::*;

const PER_PAGE: u64 = 50;

#[component]
pub fn Audit() -> Html {
    let i18n = use_i18n();
    let head = html! {
        <>
            <th scope="col">{ i18n.t("audit.at") }</th>
            <th scope="col">{ i18n.t("audit.actor") }</th>
            <th scope="col">{ i18n.t("audit.action") }</th>
            <th scope="col">{ i18n.t("audit.entity") }</th>
            <th scope="col">{ i18n.t("audit.change") }</th>
        </>
    };
    html! {
        <section class="page">
            <h1>{ i18n.t("audit.title") }</h1>
            <Verify />
            <PagedTable<AuditEntry> load={Loader::new(api::audit::list)} per_page={PER_PAGE} head={head}
                row={Callback::from(|entry: AuditEntry| html! { <Row key={entry.id} entry={entry.clone()} /> })}
                empty={i18n.t("audit.empty").to_owned()} />
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
    let result = use_state(|| None::<AuditVerification>);
    let write = use_write();
    let onclick = {
        let result = result.clone();
        write.action(|_: MouseEvent| api::audit::verify(), move |v| result.set(Some(v)))
    };
    let outcome = match (&write.error, &*result) {
        (Some(error), _) => html! { <ErrorBanner error={Some(error.clone())} /> },
        (None, None) => html! {},
        (None, Some(v)) if v.intact => html! {
            <Notice text={i18n.tf("audit.intact", &[("checked", &v.checked.to_string())])} />
        },
        (None, Some(v)) => {
            let at = v.first_broken_id.map(|id| id.to_string()).unwrap_or_else(|| "?".into());
            html! {
                <div class="error-banner" role="alert">
                    <p><strong>{ i18n.tf("audit.broken", &[("id", &at)]) }</strong></p>
                    <p>{ &v.detail }</p>
                </div>
            }
        }
    };
    html! {
        <div class="toolbar">
            <button type="button" class="button-primary" disabled={write.busy} {onclick}>
                { if write.busy { i18n.t("audit.checking") } else { i18n.t("audit.verify") } }
            </button>
            { outcome }
        </div>
    }
}
