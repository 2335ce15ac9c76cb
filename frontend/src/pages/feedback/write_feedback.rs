//! The penilai's new feedback.

use super::*;

#[derive(Properties, PartialEq)]
pub(super) struct WriteFeedbackProps {
    pub(super) employee_id: i64,
    pub(super) rhk: Rc<Vec<(i64, String)>>,
    pub(super) on_written: Callback<String>,
}

/// The penilai's new feedback, optionally on an RHK or a core value.
/// What the form holds.
#[derive(Clone, PartialEq, Default)]
struct Draft {
    text: String,
    /// Empty for none.
    rhk_id: String,
    /// Empty for none.
    core_value: String,
}

#[component]
pub(super) fn WriteFeedback(props: &WriteFeedbackProps) -> Html {
    let i18n = use_i18n();
    let form = use_form(Draft::default);
    let onsubmit = {
        let on_written = props.on_written.clone();
        let i18n = i18n.clone();
        let employee_id = props.employee_id;
        let done = i18n.t("feedback.written").to_owned();
        form.submit(
            move |d: &Draft| {
                let request = NewFeedback {
                    employee_id,
                    text: d.text.trim().to_owned(),
                    rhk_id: d.rhk_id.parse().ok(),
                    core_value: d.core_value.parse::<CoreValue>().ok(),
                    parent_id: None,
                };
                // Only the text has a rule of its own; the choices are the server's to judge.
                if let Some(message) = validation::check(&request, &i18n).remove("text") {
                    return Err(Invalid::from([("text".to_owned(), message)]));
                }
                Ok(async move { api::feedback::write(&request).await })
            },
            move |form, _| {
                form.reset(Draft::default());
                on_written.emit(done.clone());
            },
        )
    };
    let busy = form.busy();
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
        <form onchange={form.touch()} class="form write-feedback" {onsubmit} novalidate=true>
            <h3>{ i18n.t("feedback.write") }</h3>
            <ErrorBanner error={form.server_error()} shown_fields={FIELDS} />
            <Field id="feedback-text" label={i18n.t("feedback.text").to_owned()} value={form.text.clone()} rows={3}
                on_input={form.text(|d| &mut d.text)} required=true name="text" error={form.error("text")} />
            <div class="form-grid">
                <SelectField id="feedback-rhk" label={i18n.t("feedback.rhk").to_owned()} value={form.rhk_id.clone()}
                    options={rhk_options} on_change={form.text(|d| &mut d.rhk_id)} name="rhk_id" error={form.error("rhk_id")} />
                <SelectField id="feedback-core-value" label={i18n.t("feedback.core_value").to_owned()}
                    value={form.core_value.clone()} options={value_options} on_change={form.text(|d| &mut d.core_value)}
                    name="core_value" error={form.error("core_value")} />
            </div>
            <button type="submit" class="button-primary" disabled={busy}>
                { if busy { i18n.t("common.saving") } else { i18n.t("feedback.send") } }
            </button>
            <crate::components::SubmitSummary problems={form.problems()} />
        </form>
    }
}
