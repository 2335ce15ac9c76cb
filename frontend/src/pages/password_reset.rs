//! A forgotten password, by oneself: on the sign-in page the account's name sends a link to the
//! e-mail address or WhatsApp number it verified; `/atur-ulang/{token}` (that link) sets a new
//! password, after which every session of the account has ended and the person signs in.

use crate::api;
use crate::components::{ErrorBanner, Field};
use crate::hooks::{checked, use_form};
use crate::i18n::use_i18n;
use crate::route::Route;
use kinerja_types::{ForgotPassword, ResetWithLink};
use yew::prelude::*;
use yew_router::prelude::*;

/// "Kirim tautan": the account's name; the answer is the same whether or not it exists.
#[component]
pub fn ForgotForm() -> Html {
    let i18n = use_i18n();
    let sent = use_state(|| false);
    let form = use_form(String::new);
    let onsubmit = {
        let (sent, check_i18n) = (sent.clone(), i18n.clone());
        form.submit(
            move |name: &String| {
                let request = checked(ForgotPassword { username: name.trim().to_owned() }, &check_i18n)?;
                Ok(api::auth::forgot(request))
            },
            move |_, ()| sent.set(true),
        )
    };
    html! {
        <form onchange={form.touch()} class="form" {onsubmit} novalidate=true data-testid="forgot-form">
            <p>{ i18n.t("reset.lead") }</p>
            <Field id="forgot-username" name="username" label={i18n.t("reset.account").to_owned()}
                value={(*form).clone()} on_input={form.set(|d: &mut String, v: String| *d = v)}
                hint={AttrValue::from(i18n.t("reset.account_hint"))} error={form.error("username")} />
            <ErrorBanner error={form.server_error()} shown_fields={&["username"][..]} />
            <button type="submit" class="button-quiet" disabled={form.busy()}>{ i18n.t("reset.send") }</button>
            <crate::components::SubmitSummary problems={form.problems()} />
            if *sent {
                <p class="callout" role="status">{ i18n.t("reset.sent") }</p>
            }
        </form>
    }
}

#[derive(Properties, PartialEq)]
pub struct ResetPasswordProps {
    pub token: AttrValue,
}

#[derive(Clone, PartialEq, Default)]
struct Draft {
    password: String,
    again: String,
}

/// `/atur-ulang/{token}`: the new password, twice.
#[component]
pub fn ResetPassword(props: &ResetPasswordProps) -> Html {
    let i18n = use_i18n();
    // Saved: the page says so, with the way to sign in (it stands outside the app's frame).
    let done = use_state(|| false);
    let form = use_form(Draft::default);
    let onsubmit = {
        let (token, check_i18n, done) = (props.token.to_string(), i18n.clone(), done.clone());
        form.submit(
            move |d: &Draft| {
                if d.password != d.again {
                    let mut invalid = crate::hooks::Invalid::new();
                    invalid.insert("again".into(), check_i18n.t("reset.mismatch").to_owned());
                    return Err(invalid);
                }
                let request =
                    checked(ResetWithLink { token: token.clone(), new_password: d.password.clone() }, &check_i18n)?;
                Ok(api::auth::reset(request))
            },
            move |_, ()| done.set(true),
        )
    };
    html! {
        <div class="login-page">
            <section class="login-card">
                <h1 class="login-brand">{ "Kinerja" }</h1>
                if *done {
                    <p class="callout" role="status">{ i18n.t("reset.done") }</p>
                    <p><Link<Route> to={Route::Login} classes="button-primary">{ i18n.t("reset.sign_in") }</Link<Route>></p>
                } else {
                <form onchange={form.touch()} class="form" {onsubmit} novalidate=true>
                    <h2>{ i18n.t("reset.title") }</h2>
                    <ErrorBanner error={form.server_error()} shown_fields={&["new_password", "again"][..]} />
                    <Field id="reset-password" name="new_password" kind="password" label={i18n.t("reset.password").to_owned()}
                        value={form.password.clone()} on_input={form.text(|d| &mut d.password)} autocomplete="new-password"
                        hint={AttrValue::from(i18n.t("reset.password_hint"))} error={form.error("new_password")} />
                    <Field id="reset-again" name="again" kind="password" label={i18n.t("reset.again").to_owned()}
                        value={form.again.clone()} on_input={form.text(|d| &mut d.again)} autocomplete="new-password"
                        error={form.error("again")} />
                    <button type="submit" class="button-primary button-block" disabled={form.busy()}>{ i18n.t("reset.save") }</button>
                    <crate::components::SubmitSummary problems={form.problems()} />
                    <p><Link<Route> to={Route::Login}>{ i18n.t("reset.back") }</Link<Route>></p>
                </form>
                }
            </section>
        </div>
    }
}
