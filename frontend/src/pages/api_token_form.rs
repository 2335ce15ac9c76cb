//! A new API token: its name, read or write, the unit subtree it may see, the routes it may call;
//! then the secret, shown this once with a way to copy it.

use crate::api::{self, ApiError};
use crate::components::{CopyButton, ErrorBanner, Field, SelectField};
use crate::i18n::use_i18n;
use kinerja_types::{ApiTokenCreated, NewApiToken, TokenAccess, Unit};
use std::rc::Rc;
use yew::platform::spawn_local;
use yew::prelude::*;

/// The fields this form shows its own errors for.
const FIELDS: &[&str] = &["name", "access", "unit_id", "routes"];

#[derive(Properties, PartialEq)]
pub struct ApiTokenFormProps {
    pub units: Rc<Vec<Unit>>,
    /// Told once a token was made (the list is read again).
    pub on_created: Callback<()>,
}

#[component]
pub fn ApiTokenForm(props: &ApiTokenFormProps) -> Html {
    let i18n = use_i18n();
    let name = use_state(String::new);
    let access = use_state(|| TokenAccess::Read);
    let unit = use_state(|| None::<i64>);
    let routes = use_state(String::new);
    let busy = use_state(|| false);
    let error = use_state(|| None::<ApiError>);
    let created = use_state(|| None::<ApiTokenCreated>);

    let text = |state: &UseStateHandle<String>| {
        let state = state.clone();
        Callback::from(move |v: String| state.set(v))
    };
    let on_access = {
        let access = access.clone();
        Callback::from(move |v: String| {
            access.set(if v == "write" { TokenAccess::Write } else { TokenAccess::Read });
        })
    };
    let on_unit = {
        let unit = unit.clone();
        Callback::from(move |v: String| unit.set(v.parse().ok()))
    };
    let onsubmit = {
        let (name, access, unit, routes) = (name.clone(), access.clone(), unit.clone(), routes.clone());
        let (busy, error, created) = (busy.clone(), error.clone(), created.clone());
        let on_created = props.on_created.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if *busy {
                return;
            }
            let request = NewApiToken {
                name: name.trim().to_owned(),
                access: *access,
                unit_id: *unit,
                routes: routes.lines().map(str::trim).filter(|r| !r.is_empty()).map(str::to_owned).collect(),
            };
            busy.set(true);
            error.set(None);
            let (name, routes, busy, error, created, on_created) =
                (name.clone(), routes.clone(), busy.clone(), error.clone(), created.clone(), on_created.clone());
            spawn_local(async move {
                match api::api_tokens::create(&request).await {
                    Ok(token) => {
                        created.set(Some(token));
                        name.set(String::new());
                        routes.set(String::new());
                        on_created.emit(());
                    }
                    Err(e) => error.set(Some(e)),
                }
                busy.set(false);
            });
        })
    };
    let dismiss = {
        let created = created.clone();
        Callback::from(move |_: MouseEvent| created.set(None))
    };

    let access_options = vec![
        (AttrValue::from("read"), AttrValue::from(i18n.t("tokens.access_read"))),
        (AttrValue::from("write"), AttrValue::from(i18n.t("tokens.access_write"))),
    ];
    let unit_options: Vec<(AttrValue, AttrValue)> = {
        let mut sorted: Vec<&Unit> = props.units.iter().collect();
        sorted.sort_by(|a, b| a.name.cmp(&b.name));
        std::iter::once((AttrValue::from(""), AttrValue::from(i18n.t("tokens.whole_city"))))
            .chain(sorted.into_iter().map(|u| (AttrValue::from(u.id.to_string()), AttrValue::from(u.name.clone()))))
            .collect()
    };
    let field_error = |field: &str| error.as_ref().and_then(|e| e.field(field));
    let access_value = if *access == TokenAccess::Write { "write" } else { "read" };
    let routes_hint =
        if *access == TokenAccess::Write { "tokens.routes_hint_write" } else { "tokens.routes_hint_read" };

    html! {
        <section class="panel token-form">
            <h2>{ i18n.t("tokens.new") }</h2>
            if let Some(token) = &*created {
                <div class="token-secret callout callout-warn" role="status">
                    <p><strong>{ i18n.tf("tokens.created", &[("name", &token.name)]) }</strong></p>
                    <p>{ i18n.t("tokens.once") }</p>
                    <code class="secret" data-token-secret="">{ &token.token }</code>
                    <div class="actions">
                        <CopyButton text={token.token.clone()} label={i18n.t("tokens.copy").to_owned()} />
                        <button type="button" class="button-quiet" onclick={dismiss}>{ i18n.t("tokens.done") }</button>
                    </div>
                    <p class="muted small">{ i18n.t("tokens.usage") }</p>
                </div>
            }
            <form {onsubmit} novalidate=true>
                <div class="form-grid">
                    <Field id="token-name" label={i18n.t("tokens.name").to_owned()} value={(*name).clone()}
                        on_input={text(&name)} error={field_error("name")} required=true
                        hint={Some(AttrValue::from(i18n.t("tokens.name_hint")))} />
                    <SelectField id="token-access" label={i18n.t("tokens.access").to_owned()} value={access_value}
                        options={access_options} on_change={on_access} error={field_error("access")} />
                    <SelectField id="token-unit" label={i18n.t("tokens.unit").to_owned()}
                        value={unit.map(|id| id.to_string()).unwrap_or_default()}
                        options={unit_options} on_change={on_unit} error={field_error("unit_id")} />
                    <Field id="token-routes" label={i18n.t("tokens.routes").to_owned()} value={(*routes).clone()}
                        on_input={text(&routes)} rows={Some(3)} error={field_error("routes")}
                        hint={Some(AttrValue::from(i18n.t(routes_hint)))} />
                </div>
                <ErrorBanner error={(*error).clone()} shown_fields={FIELDS} />
                <button type="submit" class="button-primary" disabled={*busy}>
                    { if *busy { i18n.t("common.saving") } else { i18n.t("tokens.create") } }
                </button>
            </form>
        </section>
    }
}
