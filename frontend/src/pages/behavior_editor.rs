//! The seven BerAKHLAK core values with an optional specific expectation each, saved together.

use crate::api;
use crate::components::{ErrorBanner, Field};
use crate::hooks::use_form;
use crate::i18n::use_i18n;
use kinerja_domain::CoreValue;
use kinerja_types::{Behavior, BehaviorsUpdate, Skp};
use std::collections::HashMap;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct BehaviorEditorProps {
    pub skp_id: i64,
    /// As saved; the editor starts from these.
    pub behaviors: Vec<Behavior>,
    pub on_saved: Callback<Skp>,
}

#[component]
pub fn BehaviorEditor(props: &BehaviorEditorProps) -> Html {
    let i18n = use_i18n();
    let form = {
        let saved = props.behaviors.clone();
        use_form(move || {
            saved
                .into_iter()
                .map(|b| (b.core_value, b.expectation.unwrap_or_default()))
                .collect::<HashMap<CoreValue, String>>()
        })
    };
    let onsubmit = {
        let (on_saved, skp_id) = (props.on_saved.clone(), props.skp_id);
        form.submit(
            move |texts: &HashMap<CoreValue, String>| {
                let behaviors = CoreValue::ALL
                    .iter()
                    .map(|value| Behavior {
                        core_value: *value,
                        expectation: texts.get(value).map(|t| t.trim().to_owned()).filter(|t| !t.is_empty()),
                    })
                    .collect();
                Ok(async move { api::skp::set_behaviors(skp_id, &BehaviorsUpdate { behaviors }).await })
            },
            move |_, skp| on_saved.emit(skp),
        )
    };
    html! {
        <form onchange={form.touch()} class="form" {onsubmit}>
            <p class="muted">{ i18n.t("behavior.hint") }</p>
            <ErrorBanner error={form.server_error()} />
            { for CoreValue::ALL.iter().map(|value| {
                let value = *value;
                let on_input = form.set(move |texts, text: String| {
                    texts.insert(value, text);
                });
                html! {
                    <Field id={format!("behavior-{}", value.as_str())} label={i18n.word("core_value", value.as_str())}
                        value={form.get(&value).cloned().unwrap_or_default()} rows={2} {on_input} />
                }
            }) }
            <button type="submit" class="button-quiet" disabled={form.busy()}>
                { if form.busy() { i18n.t("common.saving") } else { i18n.t("behavior.save") } }
            </button>
            <crate::components::SubmitSummary problems={form.problems()} />
        </form>
    }
}
