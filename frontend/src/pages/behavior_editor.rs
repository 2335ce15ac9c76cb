//! The seven BerAKHLAK core values with an optional specific expectation each, saved together.

use crate::api::{self, ApiError};
use crate::components::{ErrorBanner, Field};
use crate::i18n::use_i18n;
use kinerja_domain::CoreValue;
use kinerja_types::{Behavior, BehaviorsUpdate, Skp};
use std::collections::HashMap;
use yew::platform::spawn_local;
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
    let texts = {
        let saved = props.behaviors.clone();
        use_state(move || {
            saved
                .into_iter()
                .map(|b| (b.core_value, b.expectation.unwrap_or_default()))
                .collect::<HashMap<CoreValue, String>>()
        })
    };
    let sending = use_state(|| false);
    let error = use_state(|| None::<ApiError>);
    let onsubmit = {
        let texts = texts.clone();
        let sending = sending.clone();
        let error = error.clone();
        let on_saved = props.on_saved.clone();
        let skp_id = props.skp_id;
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if *sending {
                return;
            }
            let behaviors = CoreValue::ALL
                .iter()
                .map(|value| Behavior {
                    core_value: *value,
                    expectation: texts.get(value).map(|t| t.trim().to_owned()).filter(|t| !t.is_empty()),
                })
                .collect();
            sending.set(true);
            error.set(None);
            let sending = sending.clone();
            let error = error.clone();
            let on_saved = on_saved.clone();
            spawn_local(async move {
                match api::skp::set_behaviors(skp_id, &BehaviorsUpdate { behaviors }).await {
                    Ok(skp) => on_saved.emit(skp),
                    Err(e) => error.set(Some(e)),
                }
                sending.set(false);
            });
        })
    };
    html! {
        <form class="form" {onsubmit}>
            <p class="muted">{ i18n.t("behavior.hint") }</p>
            <ErrorBanner error={(*error).clone()} />
            { for CoreValue::ALL.iter().map(|value| {
                let on_input = {
                    let texts = texts.clone();
                    let value = *value;
                    Callback::from(move |text: String| {
                        let mut next = (*texts).clone();
                        next.insert(value, text);
                        texts.set(next);
                    })
                };
                html! {
                    <Field id={format!("behavior-{}", value.as_str())} label={i18n.word("core_value", value.as_str())}
                        value={texts.get(value).cloned().unwrap_or_default()} rows={2} {on_input} />
                }
            }) }
            <button type="submit" class="button-quiet" disabled={*sending}>
                { if *sending { i18n.t("common.saving") } else { i18n.t("behavior.save") } }
            </button>
        </form>
    }
}
