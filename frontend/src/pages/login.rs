//! Sign-in: user name and password. The server's message (e.g. wrong credentials) is shown as is.

use crate::api::{self, ApiError};
use crate::auth::use_auth;
use crate::components::{ErrorBanner, Field, LanguageToggle};
use crate::i18n::use_i18n;
use crate::route::Route;
use kinerja_types::LoginRequest;
use std::rc::Rc;
use yew::platform::spawn_local;
use yew::prelude::*;
use yew_router::prelude::*;

/// The fields this form shows its own errors for.
const FIELDS: &[&str] = &["username", "password"];

#[derive(Clone, Default, PartialEq)]
struct LoginForm {
    username: String,
    password: String,
    sending: bool,
    error: Option<ApiError>,
    /// Fields left empty at the last attempt.
    missing: Vec<&'static str>,
}

enum LoginAction {
    Username(String),
    Password(String),
    Missing(Vec<&'static str>),
    Sending,
    Failed(ApiError),
}

impl Reducible for LoginForm {
    type Action = LoginAction;

    fn reduce(self: Rc<Self>, action: LoginAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            LoginAction::Username(v) => next.username = v,
            LoginAction::Password(v) => next.password = v,
            LoginAction::Missing(fields) => next.missing = fields,
            LoginAction::Sending => {
                next.sending = true;
                next.error = None;
                next.missing.clear();
            }
            LoginAction::Failed(error) => {
                next.sending = false;
                next.error = Some(error);
            }
        }
        Rc::new(next)
    }
}

#[component]
pub fn Login() -> Html {
    let i18n = use_i18n();
    let auth = use_auth();
    let form = use_reducer(LoginForm::default);

    let onsubmit = {
        let form = form.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if form.sending {
                return;
            }
            let request = LoginRequest { username: form.username.trim().to_owned(), password: form.password.clone() };
            let missing: Vec<&'static str> =
                [("username", request.username.is_empty()), ("password", request.password.is_empty())]
                    .into_iter()
                    .filter_map(|(field, empty)| empty.then_some(field))
                    .collect();
            if !missing.is_empty() {
                form.dispatch(LoginAction::Missing(missing));
                return;
            }
            form.dispatch(LoginAction::Sending);
            let form = form.clone();
            let auth = auth.clone();
            spawn_local(async move {
                match api::auth::login(&request).await {
                    Ok(pair) => {
                        if let Some(auth) = auth {
                            auth.sign_in(pair);
                        }
                    }
                    Err(error) => form.dispatch(LoginAction::Failed(error)),
                }
            });
        })
    };
    let error_for = |field: &'static str, missing_key: &str| {
        form.missing
            .contains(&field)
            .then(|| i18n.t(missing_key).to_owned())
            .or_else(|| form.error.as_ref().and_then(|e| e.field(field)))
    };
    let on_username = {
        let form = form.clone();
        Callback::from(move |v| form.dispatch(LoginAction::Username(v)))
    };
    let on_password = {
        let form = form.clone();
        Callback::from(move |v| form.dispatch(LoginAction::Password(v)))
    };

    html! {
        <div class="login-page">
            <section class="login-card">
                <div class="login-top">
                    <h1 class="login-brand">{ "Kinerja" }</h1>
                    <LanguageToggle />
                </div>
                <p class="login-tagline">{ i18n.t("login.tagline") }</p>
                <form {onsubmit} novalidate=true>
                    <h2>{ i18n.t("login.title") }</h2>
                    <ErrorBanner error={form.error.clone()} shown_fields={FIELDS} />
                    <Field id="username" label={i18n.t("login.username").to_owned()}
                        value={form.username.clone()} on_input={on_username}
                        autocomplete="username" required=true
                        error={error_for("username", "login.username_missing")} />
                    <Field id="password" kind="password" label={i18n.t("login.password").to_owned()}
                        value={form.password.clone()} on_input={on_password}
                        autocomplete="current-password" required=true
                        error={error_for("password", "login.password_missing")} />
                    <button type="submit" class="button-primary button-block" disabled={form.sending}
                        aria-busy={form.sending.then_some("true")}>
                        { if form.sending { i18n.t("login.sending") } else { i18n.t("login.submit") } }
                    </button>
                </form>
                <nav class="login-public" aria-label={i18n.t("login.public").to_owned()}>
                    <p>{ i18n.t("login.public") }</p>
                    <ul>
                        <li><Link<Route> to={Route::ServiceUnits}>{ i18n.t("public.link.survey") }</Link<Route>></li>
                        <li><Link<Route> to={Route::FileComplaint}>{ i18n.t("public.link.complaint") }</Link<Route>></li>
                        <li><Link<Route> to={Route::Track}>{ i18n.t("public.link.track") }</Link<Route>></li>
                    </ul>
                </nav>
            </section>
        </div>
    }
}
