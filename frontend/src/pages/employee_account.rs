//! The sign-in account part of an employee's page (admin): create one with a temporary password,
//! give a new temporary password to someone who forgot theirs, deactivate or reactivate. Each
//! asks first; a temporary password is shown once, with a copy button and what to tell the person.

use crate::api;
use crate::components::{use_toast, Confirm, CopyButton, ErrorBanner, Loading};
use crate::hooks::{use_remote, use_write};
use crate::i18n::use_i18n;
use kinerja_types::{Employee, TemporaryPassword, User};
use yew::prelude::*;

/// What the admin is being asked to confirm.
#[derive(Clone, Copy, PartialEq)]
enum Asking {
    Create,
    Reset,
    Deactivate,
}

#[derive(Properties, PartialEq)]
pub struct EmployeeAccountProps {
    pub employee: Employee,
}

#[component]
pub fn EmployeeAccount(props: &EmployeeAccountProps) -> Html {
    let i18n = use_i18n();
    let toast = use_toast();
    let account = use_remote(props.employee.id, api::accounts::of_employee);
    let asking = use_state(|| None::<Asking>);
    let handed = use_state(|| None::<TemporaryPassword>);
    let write = use_write();
    let name = props.employee.name.clone();

    let on_secret = {
        let (asking, handed, reload) = (asking.clone(), handed.clone(), account.reload.clone());
        move |made: TemporaryPassword| {
            asking.set(None);
            handed.set(Some(made));
            reload.emit(());
        }
    };
    let create = {
        let id = props.employee.id;
        write.action(move |()| api::accounts::create_for(id), on_secret.clone())
    };
    let reset = write.action(|user: i64| api::accounts::temporary_password(user), on_secret);
    let switch = {
        let (asking, handed, reload, toast, i18n, name) =
            (asking.clone(), handed.clone(), account.reload.clone(), toast.clone(), i18n.clone(), name.clone());
        write.action(
            |(user, active): (i64, bool)| api::accounts::set_active(user, active),
            move |user: User| {
                asking.set(None);
                handed.set(None);
                let key = if user.active { "account.activated" } else { "account.deactivated" };
                toast.say(i18n.tf(key, &[("name", &name)]));
                reload.emit(());
            },
        )
    };
    let ask = |what: Option<Asking>| {
        let (asking, write) = (asking.clone(), write.clone());
        Callback::from(move |_: MouseEvent| {
            write.clear_error();
            asking.set(what);
        })
    };
    let cancel = {
        let asking = asking.clone();
        Callback::from(move |()| asking.set(None))
    };

    let body = match (&account.state.data, &account.state.error) {
        (None, Some(error)) => html! { <ErrorBanner error={Some(error.clone())} on_retry={account.reload.clone()} /> },
        (None, None) => html! { <Loading /> },
        (Some(user), _) => match user.as_ref() {
            None => html! {
                <>
                    <p class="account-state">{ i18n.t("account.none") }</p>
                    if *asking == Some(Asking::Create) {
                        <Confirm text={i18n.tf("account.create_confirm", &[("name", &name), ("nip", &props.employee.nip)])}
                            confirm_label={i18n.t("account.create").to_owned()} busy={write.busy}
                            on_confirm={create.clone()} on_cancel={cancel.clone()} />
                    } else {
                        <button type="button" class="button-primary" onclick={ask(Some(Asking::Create))}>
                            { i18n.t("account.create") }
                        </button>
                    }
                </>
            },
            Some(user) => {
                let user_id = user.id;
                let state = if user.active { i18n.t("account.active") } else { i18n.t("account.inactive") };
                html! {
                    <>
                        <dl class="facts">
                            <dt>{ i18n.t("account.username") }</dt>
                            <dd class="mono" data-testid="account-username">{ &user.username }</dd>
                            <dt>{ i18n.t("account.state") }</dt>
                            <dd data-testid="account-state">{ state }</dd>
                        </dl>
                        { match *asking {
                            Some(Asking::Reset) => html! {
                                <Confirm text={i18n.tf("account.reset_confirm", &[("name", &name)])}
                                    confirm_label={i18n.t("account.reset").to_owned()} busy={write.busy}
                                    on_confirm={reset.reform(move |()| user_id)} on_cancel={cancel.clone()} />
                            },
                            Some(Asking::Deactivate) => html! {
                                <Confirm text={i18n.tf("account.deactivate_confirm", &[("name", &name)])}
                                    confirm_label={i18n.t("account.deactivate").to_owned()} busy={write.busy}
                                    on_confirm={switch.reform(move |()| (user_id, false))} on_cancel={cancel.clone()} />
                            },
                            _ => html! {
                                <div class="actions">
                                    if user.active {
                                        <button type="button" class="button-primary" onclick={ask(Some(Asking::Reset))}>
                                            { i18n.t("account.reset") }
                                        </button>
                                        <button type="button" class="button-danger" onclick={ask(Some(Asking::Deactivate))}>
                                            { i18n.t("account.deactivate") }
                                        </button>
                                    } else {
                                        <button type="button" class="button-primary" disabled={write.busy}
                                            onclick={switch.reform(move |_| (user_id, true))}>
                                            { i18n.t("account.activate") }
                                        </button>
                                    }
                                </div>
                            },
                        } }
                    </>
                }
            }
        },
    };
    html! {
        <section class="panel" aria-labelledby="account-title" data-testid="account-panel">
            <h2 id="account-title">{ i18n.t("account.title") }</h2>
            <ErrorBanner error={write.error.clone()} />
            if let Some(made) = &*handed {
                <div class="secret-box" role="status" data-testid="temporary-password">
                    <p>{ i18n.tf("account.handed", &[("name", &name)]) }</p>
                    <dl class="facts">
                        <dt>{ i18n.t("account.username") }</dt>
                        <dd class="mono">{ &made.user.username }</dd>
                        <dt>{ i18n.t("account.temporary_password") }</dt>
                        <dd class="mono secret" data-testid="temporary-password-value">{ &made.temporary_password }</dd>
                    </dl>
                    <CopyButton text={format!("{} / {}", made.user.username, made.temporary_password)}
                        label={i18n.t("account.copy").to_owned()} />
                    <p class="muted small">{ i18n.t("account.handed_hint") }</p>
                </div>
            }
            { body }
        </section>
    }
}
