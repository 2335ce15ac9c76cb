//! Token API (admin): the tokens other systems (payroll, attendance) call the API with — each
//! with its scope, when it was last used and whether it was revoked — a form for a new one whose
//! secret is shown once, and revoking after a confirmation.

use super::api_token_form::ApiTokenForm;
use crate::api::{self, ApiError};
use crate::components::{Confirm, ErrorBanner, Loading, Notice};
use crate::format;
use crate::hooks::use_remote;
use crate::i18n::use_i18n;
use kinerja_types::{ApiToken, TokenAccess, Unit};
use std::rc::Rc;
use yew::platform::spawn_local;
use yew::prelude::*;

#[component]
pub fn ApiTokens() -> Html {
    let i18n = use_i18n();
    let tokens = use_remote((), |()| api::api_tokens::list());
    let units = use_remote((), |()| api::units::all());
    let flash = use_state(|| None::<String>);
    let on_created = {
        let (reload, flash) = (tokens.reload.clone(), flash.clone());
        Callback::from(move |()| {
            flash.set(None);
            reload.emit(());
        })
    };
    let on_revoked = {
        let (reload, flash, i18n) = (tokens.reload.clone(), flash.clone(), i18n.clone());
        Callback::from(move |name: String| {
            flash.set(Some(i18n.tf("tokens.revoked_notice", &[("name", &name)])));
            reload.emit(());
        })
    };
    let all_units: Rc<Vec<Unit>> = units.state.data.clone().unwrap_or_default();
    let body = match tokens.state.data.as_ref() {
        Some(page) if page.items.is_empty() => html! { <p class="muted">{ i18n.t("tokens.empty") }</p> },
        Some(page) => html! {
            <TokenTable tokens={Rc::new(page.items.clone())} units={all_units.clone()} {on_revoked} />
        },
        None if tokens.state.loading => html! { <Loading /> },
        None => html! {},
    };
    html! {
        <section class="page api-tokens">
            <h1>{ i18n.t("tokens.title") }</h1>
            <p class="lead">{ i18n.t("tokens.lead") }</p>
            <ApiTokenForm units={all_units} {on_created} />
            <section class="panel">
                <h2>{ i18n.t("tokens.list") }</h2>
                if let Some(text) = &*flash {
                    <Notice text={text.clone()} />
                }
                <ErrorBanner error={tokens.state.error.clone()} on_retry={tokens.reload.clone()} />
                { body }
            </section>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct TokenTableProps {
    tokens: Rc<Vec<ApiToken>>,
    units: Rc<Vec<Unit>>,
    /// Told the name of a token just revoked.
    on_revoked: Callback<String>,
}

#[component]
fn TokenTable(props: &TokenTableProps) -> Html {
    let i18n = use_i18n();
    let lang = i18n.lang();
    let asking = use_state(|| None::<i64>);
    let busy = use_state(|| false);
    let error = use_state(|| None::<ApiError>);
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
    let label = |i: usize| i18n.t(heads[i]).to_owned();
    let unit_name = |id: Option<i64>| match id {
        None => i18n.t("tokens.whole_city").to_owned(),
        Some(id) => props.units.iter().find(|u| u.id == id).map(|u| u.name.clone()).unwrap_or_else(|| format!("#{id}")),
    };
    let revoke = |token: &ApiToken| {
        let (asking, busy, error) = (asking.clone(), busy.clone(), error.clone());
        let on_revoked = props.on_revoked.clone();
        let (id, name) = (token.id, token.name.clone());
        Callback::from(move |()| {
            busy.set(true);
            error.set(None);
            let (asking, busy, error, on_revoked, name) =
                (asking.clone(), busy.clone(), error.clone(), on_revoked.clone(), name.clone());
            spawn_local(async move {
                match api::api_tokens::revoke(id).await {
                    Ok(()) => {
                        asking.set(None);
                        on_revoked.emit(name);
                    }
                    Err(e) => error.set(Some(e)),
                }
                busy.set(false);
            });
        })
    };
    let cancel = {
        let asking = asking.clone();
        Callback::from(move |()| asking.set(None))
    };
    html! {
        <>
            <ErrorBanner error={(*error).clone()} />
            <div class="table-wrap">
                <table class="api-token-list">
                    <thead>
                        <tr>
                            { for heads.iter().map(|key| html! { <th scope="col">{ i18n.t(key) }</th> }) }
                            <th scope="col"><span class="sr-only">{ i18n.t("tokens.actions") }</span></th>
                        </tr>
                    </thead>
                    <tbody>
                        { for props.tokens.iter().map(|t| {
                            let ask = {
                                let asking = asking.clone();
                                let id = t.id;
                                Callback::from(move |_: MouseEvent| asking.set(Some(id)))
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
                                    <td data-label={label(3)}>{ unit_name(t.unit_id) }</td>
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
                                                    on_confirm={revoke(t)} on_cancel={cancel.clone()} busy={*busy} />
                                            } else {
                                                <button type="button" class="button-quiet button-danger button-small" onclick={ask}>
                                                    { i18n.t("tokens.revoke") }<span class="sr-only">{ format!(" {}", t.name) }</span>
                                                </button>
                                            }
                                        }
                                    </td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
            </div>
        </>
    }
}
