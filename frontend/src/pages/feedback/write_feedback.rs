//! The penilai's new feedback.

use super::*;

#[derive(Properties, PartialEq)]
pub(super) struct WriteFeedbackProps {
    pub(super) employee_id: i64,
    pub(super) rhk: Rc<Vec<(i64, String)>>,
    pub(super) on_written: Callback<String>,
}

/// The penilai's new feedback, optionally on an RHK or a core value.
#[component]
pub(super) fn WriteFeedback(props: &WriteFeedbackProps) -> Html {
    let i18n = use_i18n();
    let text = use_state(String::new);
    let rhk_id = use_state(String::new);
    let core_value = use_state(String::new);
    let invalid = use_state(|| None::<String>);
    let busy = use_state(|| false);
    let error = use_state(|| None::<ApiError>);
    let onsubmit = {
        let text = text.clone();
        let rhk_id = rhk_id.clone();
        let core_value = core_value.clone();
        let invalid = invalid.clone();
        let busy = busy.clone();
        let error = error.clone();
        let on_written = props.on_written.clone();
        let i18n = i18n.clone();
        let employee_id = props.employee_id;
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if *busy {
                return;
            }
            let request = NewFeedback {
                employee_id,
                text: text.trim().to_owned(),
                rhk_id: rhk_id.parse().ok(),
                core_value: core_value.parse::<CoreValue>().ok(),
                parent_id: None,
            };
            if let Some(message) = validation::check(&request, &i18n).remove("text") {
                invalid.set(Some(message));
                return;
            }
            invalid.set(None);
            busy.set(true);
            error.set(None);
            let text = text.clone();
            let rhk_id = rhk_id.clone();
            let core_value = core_value.clone();
            let busy = busy.clone();
            let error = error.clone();
            let on_written = on_written.clone();
            let done = i18n.t("feedback.written").to_owned();
            spawn_local(async move {
                match api::feedback::write(&request).await {
                    Ok(_) => {
                        text.set(String::new());
                        rhk_id.set(String::new());
                        core_value.set(String::new());
                        on_written.emit(done);
                    }
                    Err(e) => error.set(Some(e)),
                }
                busy.set(false);
            });
        })
    };
    let set = crate::hooks::setter;
    let none = || (AttrValue::from(""), AttrValue::from(i18n.t("feedback.none_chosen").to_owned()));
    let rhk_options: Vec<(AttrValue, AttrValue)> = std::iter::once(none())
        .chain(props.rhk.iter().map(|(id, text)| (AttrValue::from(id.to_string()), AttrValue::from(text.clone()))))
        .collect();
    let value_options: Vec<(AttrValue, AttrValue)> = std::iter::once(none())
        .chain(
            CoreValue::ALL
                .iter()
                .map(|v| (AttrValue::from(v.as_str()), AttrValue::from(i18n.word("core_value", v.as_str())))),
        )
        .collect();
    html! {
        <form class="form write-feedback" {onsubmit} novalidate=true>
            <h3>{ i18n.t("feedback.write") }</h3>
            <ErrorBanner error={(*error).clone()} shown_fields={FIELDS} />
            <Field id="feedback-text" label={i18n.t("feedback.text").to_owned()} value={(*text).clone()} rows={3}
                on_input={set(&text)} required=true
                error={(*invalid).clone().or_else(|| error.as_ref().and_then(|e| e.field("text")))} />
            <div class="form-grid">
                <SelectField id="feedback-rhk" label={i18n.t("feedback.rhk").to_owned()} value={(*rhk_id).clone()}
                    options={rhk_options} on_change={set(&rhk_id)} error={error.as_ref().and_then(|e| e.field("rhk_id"))} />
                <SelectField id="feedback-core-value" label={i18n.t("feedback.core_value").to_owned()}
                    value={(*core_value).clone()} options={value_options} on_change={set(&core_value)}
                    error={error.as_ref().and_then(|e| e.field("core_value"))} />
            </div>
            <button type="submit" class="button-primary" disabled={*busy}>
                { if *busy { i18n.t("common.saving") } else { i18n.t("feedback.send") } }
            </button>
        </form>
    }
}
