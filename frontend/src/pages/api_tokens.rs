//! Token API (admin): the tokens other systems (payroll, attendance) call the API with — each
//! with its scope, when it was last used and whether it was revoked — a form for a new one whose
//! secret is shown once, and revoking after a confirmation.

use super::api_token_form::ApiTokenForm;
use crate::api;
use crate::components::{use_toast, Confirm, ErrorBanner, Loader, PagedTable};
use crate::format;
use crate::hooks::{use_remote, use_write};
use crate::i18n::use_i18n;
use kinerja_types::{ApiToken, TokenAccess, Unit};
use std::rc::Rc;
use yew::prelude::*;

/// A Pemda has a handful of tokens: one page shows them all.
const PER_PAGE: u64 = 100;

#[component]
pub fn ApiTokens() -> Html {
    let i18n = use_i18n();
    let lang = i18n.lang();
    let refresh = use_state(|| 0u32);
    let units = use_remote((), |()| api::units::all());
    let toast = use_toast();
    let asking = use_state(|| None::<i64>);
    let write = use_write();
    let on_created = {
        let refresh = refresh.clone();
        Callback::from(move |()| refresh.set(refresh.wrapping_add(1)))
    };
    let all_units: Rc<Vec<Unit>> = units.state.data.clone().unwrap_or_default();
    let heads = [
        "tokens.name",
        "tokens.prefix",
        "tokens.access",
        "tokens.col_unit",
        "tokens.col_routes",
        "tokens.created_at",
        "tokens.last_used",
        "tokens.state",
    ];
    let head = html! {
        <>
            { for heads.iter().map(|key| html! { <th scope="col">{ i18n.t(key) }</th> }) }
            <th scope="col"><span class="sr-only">{ i18n.t("tokens.actions") }</span></th>
        </>
    };
    let row = {
        let (i18n, units, asking, write) = (i18n.clone(), all_units.clone(), asking.clone(), write.clone());
        let (refresh, toast) = (refresh.clone(), toast.clone());
        Callback::from(move |t: ApiToken| {
            let label = |i: usize| i18n.t(heads[i]).to_owned();
            let unit_name = match t.unit_id {
                None => i18n.t("tokens.whole_city").to_owned(),
                Some(id) => {
                    units.iter().find(|u| u.id == id).map(|u| u.name.clone()).unwrap_or_else(|| format!("#{id}"))
                }
            };
            let ask = {
                let (asking, id) = (asking.clone(), t.id);
                Callback::from(move |_: MouseEvent| asking.set(Some(id)))
            };
            let cancel = {
                let asking = asking.clone();
                Callback::from(move |()| asking.set(None))
            };
            let revoke = {
                let (id, name) = (t.id, t.name.clone());
                let (asking, refresh, toast, i18n) = (asking.clone(), refresh.clone(), toast.clone(), i18n.clone());
                write.action(
                    move |()| api::api_tokens::revoke(id),
                    move |()| {
                        asking.set(None);
                        toast.say(i18n.tf("tokens.revoked_notice", &[("name", &name)]));
                        refresh.set(refresh.wrapping_add(1));
                    },
                )
            };
            html! {
                <tr key={t.id} class={classes!(t.revoked_at.is_some().then_some("row-revoked"))}>
                    <td data-label={label(0)}><strong>{ &t.name }</strong></td>
                    <td data-label={label(1)}><code>{ format!("{}…", t.prefix) }</code></td>
                    <td data-label={label(2)}>
                        { match t.access {
                            TokenAccess::Read => i18n.t("tokens.access_read"),
                            TokenAccess::Write => i18n.t("tokens.access_write"),
                        } }
                    </td>
                    <td data-label={label(3)}>{ unit_name }</td>
                    <td data-label={label(4)}>
                        if t.routes.is_empty() {
                            <span class="muted">{ i18n.t("tokens.all_reads") }</span>
                        } else {
                            <ul class="routes">{ for t.routes.iter().map(|r| html! { <li><code>{ r }</code></li> }) }</ul>
                        }
                    </td>
                    <td data-label={label(5)}>{ format::instant(&t.created_at, lang) }</td>
                    <td data-label={label(6)}>
                        { t.last_used_at.map(|at| format::instant(&at, lang)).unwrap_or_else(|| i18n.t("tokens.never").to_owned()) }
                    </td>
                    <td data-label={label(7)}>
                        { match t.revoked_at {
                            Some(at) => html! {
                                <span class="badge badge-revoked">{ i18n.tf("tokens.revoked_at", &[("at", &format::instant(&at, lang))]) }</span>
                            },
                            None => html! { <span class="badge badge-approved">{ i18n.t("tokens.active") }</span> },
                        } }
                    </td>
                    <td data-label="">
                        if t.revoked_at.is_none() {
                            if *asking == Some(t.id) {
                                <Confirm text={i18n.tf("tokens.revoke_confirm", &[("name", &t.name)])}
                                    confirm_label={i18n.t("tokens.revoke_yes").to_owned()}
                                    on_confirm={revoke} on_cancel={cancel} busy={write.busy} />
                            } else {
                                <button type="button" class="button-quiet button-danger button-small" onclick={ask}>
                                    { i18n.t("tokens.revoke") }<span class="sr-only">{ format!(" {}", t.name) }</span>
                                </button>
                            }
                        }
                    </td>
                </tr>
            }
        })
    };
    html! {
        <section class="page api-tokens">
            <h1>{ i18n.t("tokens.title") }</h1>
            <p class="lead">{ i18n.t("tokens.lead") }</p>
            <ApiTokenForm units={all_units} {on_created} />
            <section class="panel">
                <h2>{ i18n.t("tokens.list") }</h2>
                <ErrorBanner error={write.error.clone()} />
                <PagedTable<ApiToken> load={Loader::new(api::api_tokens::list)} per_page={PER_PAGE} {head} {row}
                    class="api-token-list" refresh={*refresh} empty={i18n.t("tokens.empty").to_owned()} />
            </section>
        </section>
    }
}
