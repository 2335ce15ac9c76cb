//! Sign-in: user name and password. The server's message (e.g. wrong credentials) is shown as is.

use crate::api;
use crate::auth::use_auth;
use crate::components::{ErrorBanner, Field, LanguageToggle};
use crate::hooks::{use_form, use_remote, Invalid};
use crate::i18n::use_i18n;
use crate::route::Route;
use kinerja_types::LoginRequest;
use yew::prelude::*;
use yew_router::prelude::*;

/// The fields this form shows its own errors for.
const FIELDS: &[&str] = &["username", "password"];

#[derive(Clone, Default, PartialEq)]
struct Draft {
    username: String,
    password: String,
}

#[component]
pub fn Login() -> Html {
    let i18n = use_i18n();
    let auth = use_auth();
    let form = use_form(Draft::default);

    let onsubmit = {
        let i18n = i18n.clone();
        form.submit(
            move |d: &Draft| {
                let request = LoginRequest { username: d.username.trim().to_owned(), password: d.password.clone() };
                let missing: Invalid = [
                    ("username", request.username.is_empty(), "login.username_missing"),
                    ("password", request.password.is_empty(), "login.password_missing"),
                ]
                .into_iter()
                .filter(|(_, empty, _)| *empty)
                .map(|(field, _, key)| (field.to_owned(), i18n.t(key).to_owned()))
                .collect();
                if missing.is_empty() {
                    Ok(async move { api::auth::login(&request).await })
                } else {
                    Err(missing)
                }
            },
            move |_, pair| {
                if let Some(auth) = &auth {
                    auth.sign_in(pair);
                }
            },
        )
    };
    let sending = form.busy();
    // Where a forgotten password is reset: the BKPSDM's help desk, as the Pemda set it.
    let info = use_remote((), |()| api::public::info());
    let helpdesk = info.state.data.as_deref().and_then(|i| i.helpdesk_contact.clone());

    html! {
        <div class="login-page">
            <section class="login-card">
                <div class="login-top">
                    <h1 class="login-brand">{ "Kinerja" }</h1>
                    <LanguageToggle />
                </div>
                <p class="login-tagline">{ i18n.t("login.tagline") }</p>
                // Citizens first: whoever came from a poster or a link needs no account.
                <nav class="login-public" aria-label={i18n.t("login.public").to_owned()}>
                    <h2>{ i18n.t("login.public") }</h2>
                    <p>{ i18n.t("login.public_lead") }</p>
                    <ul>
                        <li><Link<Route> to={Route::ServiceUnits}>{ i18n.t("public.link.survey") }</Link<Route>></li>
                        <li><Link<Route> to={Route::FileComplaint}>{ i18n.t("public.link.complaint") }</Link<Route>></li>
                        <li><Link<Route> to={Route::Track}>{ i18n.t("public.link.track") }</Link<Route>></li>
                    </ul>
                </nav>
                <form onchange={form.touch()} {onsubmit} novalidate=true>
                    <h2>{ i18n.t("login.title") }</h2>
                    <p class="muted small">{ i18n.t("login.staff_lead") }</p>
                    <ErrorBanner error={form.server_error()} shown_fields={FIELDS} />
                    <Field id="username" label={i18n.t("login.username").to_owned()}
                        value={form.username.clone()} on_input={form.text(|d| &mut d.username)}
                        autocomplete="username" required=true name="username" error={form.error("username")} />
                    <Field id="password" kind="password" label={i18n.t("login.password").to_owned()}
                        value={form.password.clone()} on_input={form.text(|d| &mut d.password)}
                        autocomplete="current-password" required=true name="password" error={form.error("password")} />
                    <button type="submit" class="button-primary button-block" disabled={sending}
                        aria-busy={sending.then_some("true")}>
                        { if sending { i18n.t("login.sending") } else { i18n.t("login.submit") } }
                    </button>
                    <crate::components::SubmitSummary problems={form.problems()} />
                </form>
                <details class="login-forgot">
                    <summary>{ i18n.t("login.forgot") }</summary>
                    <super::ForgotForm />
                    <p>{ i18n.t("login.forgot_body") }</p>
                    <p><strong>{
                        match &helpdesk {
                            Some(contact) => i18n.tf("login.forgot_contact", &[("contact", contact)]),
                            None => i18n.t("login.forgot_no_contact").to_owned(),
                        }
                    }</strong></p>
                </details>
            </section>
        </div>
    }
}
