//! A new API token: its name, read or write, the unit subtree it may see, the routes it may call;
//! then the secret, shown this once with a way to copy it.

use crate::api;
use crate::components::{CopyButton, ErrorBanner, Field, SelectField};
use crate::hooks::use_form;
use crate::i18n::use_i18n;
use kinerja_types::{ApiTokenCreated, NewApiToken, TokenAccess, Unit};
use std::rc::Rc;
use yew::prelude::*;

/// The fields this form shows its own errors for.
const FIELDS: &[&str] = &["name", "access", "unit_id", "routes"];

/// What the form holds.
#[derive(Clone, PartialEq)]
struct Draft {
    name: String,
    access: TokenAccess,
    unit: Option<i64>,
    /// One route a line.
    routes: String,
}

impl Default for Draft {
    fn default() -> Self {
        Self { name: String::new(), access: TokenAccess::Read, unit: None, routes: String::new() }
    }
}

#[derive(Properties, PartialEq)]
pub struct ApiTokenFormProps {
    pub units: Rc<Vec<Unit>>,
    /// Told once a token was made (the list is read again).
    pub on_created: Callback<()>,
}

#[component]
pub fn ApiTokenForm(props: &ApiTokenFormProps) -> Html {
    let i18n = use_i18n();
    let form = use_form(Draft::default);
    let created = use_state(|| None::<ApiTokenCreated>);
    let on_access =
        form.set(|d, v: String| d.access = if v == "write" { TokenAccess::Write } else { TokenAccess::Read });
    let on_unit = form.set(|d, v: String| d.unit = v.parse().ok());
    let onsubmit = {
        let (created, on_created) = (created.clone(), props.on_created.clone());
        form.submit(
            |d: &Draft| {
                let request = NewApiToken {
                    name: d.name.trim().to_owned(),
                    access: d.access,
                    unit_id: d.unit,
                    routes: d.routes.lines().map(str::trim).filter(|r| !r.is_empty()).map(str::to_owned).collect(),
                };
                Ok(async move { api::api_tokens::create(&request).await })
            },
            move |form, token| {
                created.set(Some(token));
                form.update(|d| {
                    d.name.clear();
                    d.routes.clear();
                });
                on_created.emit(());
            },
        )
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
    let access_value = if form.access == TokenAccess::Write { "write" } else { "read" };
    let routes_hint =
        if form.access == TokenAccess::Write { "tokens.routes_hint_write" } else { "tokens.routes_hint_read" };

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
            <form onchange={form.touch()} {onsubmit} novalidate=true>
                <div class="form-grid">
                    <Field id="token-name" label={i18n.t("tokens.name").to_owned()} value={form.name.clone()}
                        on_input={form.text(|d| &mut d.name)} name="name" error={form.error("name")} required=true
                        hint={Some(AttrValue::from(i18n.t("tokens.name_hint")))} />
                    <SelectField id="token-access" label={i18n.t("tokens.access").to_owned()} value={access_value}
                        options={access_options} on_change={on_access} name="access" error={form.error("access")} />
                    <SelectField id="token-unit" label={i18n.t("tokens.unit").to_owned()}
                        value={form.unit.map(|id| id.to_string()).unwrap_or_default()}
                        options={unit_options} on_change={on_unit} name="unit_id" error={form.error("unit_id")} />
                    <Field id="token-routes" label={i18n.t("tokens.routes").to_owned()} value={form.routes.clone()}
                        on_input={form.text(|d| &mut d.routes)} rows={Some(3)} name="routes" error={form.error("routes")}
                        hint={Some(AttrValue::from(i18n.t(routes_hint)))} />
                </div>
                <ErrorBanner error={form.server_error()} shown_fields={FIELDS} />
                <button type="submit" class="button-primary" disabled={form.busy()}>
                    { if form.busy() { i18n.t("common.saving") } else { i18n.t("tokens.create") } }
                </button>
                <crate::components::SubmitSummary problems={form.problems()} />
            </form>
        </section>
    }
}
