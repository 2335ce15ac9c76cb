//! The controls of one entry of the activity form.

use super::*;

#[derive(Properties, PartialEq)]
pub(super) struct EntryFieldsProps {
    pub(super) entry: Entry,
    /// Shown as "Kegiatan n" when the form holds several.
    pub(super) number: Option<usize>,
    pub(super) choices: Vec<Rhk>,
    pub(super) form: UseReducerDispatcher<Form>,
    pub(super) max_bytes: Option<u64>,
    pub(super) removable: bool,
    pub(super) cap: u32,
    /// Why this entry will not fit in what is left of the day, when it does not.
    #[prop_or_default]
    pub(super) overflow: Option<String>,
    /// Without a connection, files are kept on the device for this employee's queue.
    pub(super) offline_user: Option<i64>,
}

/// The controls of one entry.
#[component]
pub(super) fn EntryFields(props: &EntryFieldsProps) -> Html {
    let i18n = use_i18n();
    let entry = &props.entry;
    let key = entry.key;
    let id = |name: &str| format!("activity-{key}-{name}");
    let set = |input: Input| {
        let form = props.form.clone();
        Callback::from(move |value: String| form.dispatch(Change::Set(key, input, value)))
    };
    // The output is counted in the unit of the RHK's quantity indicator.
    let unit = props
        .choices
        .iter()
        .find(|r| r.id.to_string() == entry.rhk_id)
        .and_then(|r| r.indicators.iter().find(|i| i.aspect == Aspect::Kuantitas))
        .map(|i| i.unit.clone());
    let output_hint = match &unit {
        Some(unit) => i18n.tf("activity.output_hint_unit", &[("unit", unit)]),
        None => i18n.t("activity.output_hint").to_owned(),
    };
    let by_time = {
        let form = props.form.clone();
        Callback::from(move |on: bool| form.dispatch(Change::ByTime(key, on)))
    };
    let timed = entry.by_time.then(|| minutes_between(&entry.start, &entry.end).ok()).flatten();
    let on_add = {
        let form = props.form.clone();
        Callback::from(move |attached| {
            form.dispatch(Change::AddEvidence(key, attached));
        })
    };
    let on_remove = {
        let form = props.form.clone();
        Callback::from(move |evidence_id: i64| {
            // A file kept on the device (its id negative) is forgotten there too.
            if let Ok(kept) = u32::try_from(-evidence_id) {
                yew::platform::spawn_local(crate::offline::drop_file(kept));
            }
            form.dispatch(Change::RemoveEvidence(key, evidence_id))
        })
    };
    let on_busy = {
        let form = props.form.clone();
        Callback::from(move |on| form.dispatch(Change::Uploading(key, on)))
    };
    let remove = {
        let form = props.form.clone();
        Callback::from(move |_: MouseEvent| form.dispatch(Change::Remove(key)))
    };
    let body = html! {
        <>
            <ErrorBanner error={entry.error.clone()} shown_fields={FIELDS} />
            if let Some(why) = &props.overflow {
                <p class="callout callout-warn entry-overflow" role="status">{ why.clone() }</p>
            }
            if let Some(message) = entry.invalid.get("date") {
                <p class="field-error">{ message.clone() }</p>
            }
            <RhkPicker id={id("rhk")} choices={props.choices.clone()} value={entry.rhk_id.clone()}
                on_change={set(Input::Rhk)} error={entry.error("rhk_id")} />
            <CheckField id={id("by-time")} label={i18n.t("activity.by_time").to_owned()} checked={entry.by_time}
                on_toggle={by_time} />
            if entry.by_time {
                <div class="form-grid">
                    <Field id={id("start")} label={i18n.t("activity.start").to_owned()} kind="time"
                        value={entry.start.clone()} on_input={set(Input::Start)} error={entry.error("start")} />
                    <Field id={id("end")} label={i18n.t("activity.end").to_owned()} kind="time"
                        value={entry.end.clone()} on_input={set(Input::End)} error={entry.error("end")}
                        hint={timed.map(|m| AttrValue::from(i18n.tf("activity.timed", &[("duration", &format::minutes(u64::from(m), i18n.lang()))])))} />
                </div>
            } else {
                <Field id={id("minutes")} label={i18n.t("activity.minutes").to_owned()} kind="number" inputmode="numeric"
                    value={entry.minutes.clone()} on_input={set(Input::Minutes)} required=true
                    hint={AttrValue::from(i18n.tf("activity.minutes_hint", &[("cap", &props.cap.to_string())]))}
                    error={entry.error("minutes")} />
            }
            <Field id={id("description")} label={i18n.t("activity.description").to_owned()} rows={3}
                value={entry.description.clone()} on_input={set(Input::Description)} required=true
                hint={AttrValue::from(i18n.t("activity.description_hint").to_owned())}
                error={entry.error("description")} />
            <Field id={id("output")} label={i18n.t("activity.output").to_owned()} inputmode="decimal"
                value={entry.output.clone()} on_input={set(Input::Output)} hint={AttrValue::from(output_hint)}
                error={entry.error("output_qty")} />
            <EvidenceAttach id={id("evidence")} attached={entry.evidence.clone()} {on_add} {on_remove} {on_busy}
                max_bytes={props.max_bytes} error={entry.error("evidence_ids")} keep_offline_for={props.offline_user} />
        </>
    };
    match props.number {
        Some(n) => html! {
            <fieldset class="entry">
                <legend>{ i18n.tf("activity.entry_n", &[("n", &n.to_string())]) }</legend>
                { body }
                if props.removable {
                    <button type="button" class="button-quiet button-danger button-small" onclick={remove}>
                        { i18n.tf("activity.remove_entry", &[("n", &n.to_string())]) }
                    </button>
                }
            </fieldset>
        },
        None => body,
    }
}
