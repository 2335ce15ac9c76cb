//! Pengaturan (admin): every Pemda setting in one form; saving sends only what changed.

use super::settings_draft::{changes, SettingsDraft, JSON_FIELDS, TEXT_FIELDS};
use crate::api;
use crate::components::layout::ReloadSettings;
use crate::components::{use_toast, CheckField, ErrorBanner, Field, Loading, SelectField};
use crate::hooks::{checked, use_form, use_remote, Invalid};
use crate::i18n::use_i18n;
use kinerja_types::{AssessmentFrequency, PemdaSettings};
use yew::prelude::*;

/// Every field, so the banner lists none of them again.
const FIELDS: &[&str] = &[
    "pemda_name",
    "helpdesk_contact",
    "skp_deadline",
    "activity_max_days_back",
    "activity_max_minutes_per_day",
    "activity_overtime_minutes",
    "assessment_frequency",
    "objection_days",
    "objection_response_days",
    "objection_decision_days",
    "complaint_verify_days",
    "complaint_response_days",
    "complaint_class_days.ringan",
    "complaint_class_days.normatif",
    "complaint_class_days.tidak_berkadar_pengawasan",
    "complaint_class_days.berkadar_pengawasan",
    "development_jp_target",
    "development_jp_for_pppk",
    "reminders",
    "reminders.daily_log_at",
    "reminders.skp_days_before",
    "reminders.objection_days_before",
    "reminders.queue_working_days",
    "reminders.follow_up_days_before",
    "reminders.digest_at",
    "whatsapp_template",
    "holidays",
    "team_view_enabled",
    "evidence_max_bytes",
    "tpp",
    "distribution_patterns",
    "work_patterns",
    "unit_work_patterns",
    "calendar_overrides",
    "pulse_min_respondents",
    "pulse_questions",
    "rater_bias",
    "talent_potential",
];

/// The text fields written on several lines.
const WIDE: &[&str] = &["holidays", "whatsapp_template"];

#[component]
pub fn Settings() -> Html {
    let i18n = use_i18n();
    let form = use_form(SettingsDraft::default);
    // The settings as last read or saved.
    let saved = use_state(|| None::<PemdaSettings>);
    let toast = use_toast();
    let remote = use_remote((), |()| api::settings::get());
    let reload_header = use_context::<ReloadSettings>();
    {
        let (form, saved) = (form.clone(), saved.clone());
        use_effect_with(remote.state.data.clone(), move |data| {
            if let Some(settings) = data {
                form.reset(SettingsDraft::from_settings(settings));
                saved.set(Some((**settings).clone()));
            }
        });
    }

    let Some(base) = (*saved).clone() else {
        return html! {
            <section class="page">
                <h1>{ i18n.t("settings.title") }</h1>
                <ErrorBanner error={remote.state.error.clone()} on_retry={remote.reload.clone()} />
                if remote.state.loading { <Loading /> }
            </section>
        };
    };

    let onsubmit = {
        let (i18n, saved, toast) = (i18n.clone(), saved.clone(), toast.clone());
        let done_i18n = i18n.clone();
        form.submit(
            move |draft: &SettingsDraft| {
                let edited = draft.parse(&base).map_err(|bad| {
                    bad.into_iter().map(|(field, key)| (field.to_owned(), i18n.t(key).to_owned())).collect::<Invalid>()
                })?;
                let edited = checked(edited, &i18n)?;
                let patch = changes(&base, &edited);
                // Nothing changed: nothing is sent, and the form says so.
                Ok(async move {
                    if patch.is_empty() {
                        Ok(None)
                    } else {
                        api::settings::patch(&patch).await.map(Some)
                    }
                })
            },
            move |form, stored: Option<PemdaSettings>| {
                let Some(settings) = stored else {
                    toast.say(done_i18n.t("settings.unchanged").to_owned());
                    return;
                };
                form.reset(SettingsDraft::from_settings(&settings));
                saved.set(Some(settings));
                toast.say(done_i18n.t("settings.saved").to_owned());
                if let Some(ReloadSettings(reload)) = &reload_header {
                    reload.emit(());
                }
            },
        )
    };
    let text_field = |field: &'static str, numeric: bool| {
        let on_input = form.set(move |d, v: String| {
            d.text.insert(field, v);
        });
        let label = format!("settings.{field}");
        let hint = format!("settings.{field}.hint");
        html! {
            <Field id={format!("settings-{field}")} name={AttrValue::Static(field)} label={i18n.t(&label).to_owned()}
                value={form.text.get(field).cloned().unwrap_or_default()} {on_input}
                kind={if numeric { "number" } else { "text" }}
                inputmode={numeric.then_some(AttrValue::Static("numeric"))}
                rows={if JSON_FIELDS.contains(&field) { Some(14) } else { WIDE.contains(&field).then_some(4) }}
                hint={AttrValue::from(i18n.t(&hint).to_owned())}
                error={form.error(field)} />
        }
    };
    let frequencies = vec![
        (AttrValue::Static("monthly"), AttrValue::from(i18n.t("settings.frequency.monthly").to_owned())),
        (AttrValue::Static("quarterly"), AttrValue::from(i18n.t("settings.frequency.quarterly").to_owned())),
        (AttrValue::Static("semester"), AttrValue::from(i18n.t("settings.frequency.semester").to_owned())),
    ];
    let frequency = match form.assessment_frequency {
        Some(AssessmentFrequency::Monthly) => "monthly",
        Some(AssessmentFrequency::Semester) => "semester",
        _ => "quarterly",
    };
    let on_frequency = form.set(|d, v: String| {
        d.assessment_frequency = match v.as_str() {
            "monthly" => Some(AssessmentFrequency::Monthly),
            "semester" => Some(AssessmentFrequency::Semester),
            _ => Some(AssessmentFrequency::Quarterly),
        };
    });
    let on_team_view = form.set(|d, on: bool| d.team_view_enabled = on);
    let on_jp_pppk = form.set(|d, on: bool| d.development_jp_for_pppk = on);
    let inline = |f: &&(&str, bool)| !WIDE.contains(&f.0) && !JSON_FIELDS.contains(&f.0);

    html! {
        <section class="page">
            <h1>{ i18n.t("settings.title") }</h1>
            <form onchange={form.touch()} class="panel form" {onsubmit} novalidate=true>
                <ErrorBanner error={form.server_error()} shown_fields={FIELDS} />
                <div class="form-grid">
                    { for TEXT_FIELDS.iter().filter(inline).map(|(f, n)| text_field(f, *n)) }
                    <CheckField id="settings-development_jp_for_pppk"
                        label={i18n.t("settings.development_jp_for_pppk").to_owned()}
                        checked={form.development_jp_for_pppk} on_toggle={on_jp_pppk}
                        name="development_jp_for_pppk" error={form.error("development_jp_for_pppk")} />
                    <SelectField id="settings-assessment_frequency"
                        label={i18n.t("settings.assessment_frequency").to_owned()}
                        value={frequency} options={frequencies} on_change={on_frequency}
                        name="assessment_frequency" error={form.error("assessment_frequency")} />
                    { text_field("holidays", false) }
                    { text_field("whatsapp_template", false) }
                    <CheckField id="settings-team_view_enabled"
                        label={i18n.t("settings.team_view_enabled").to_owned()}
                        checked={form.team_view_enabled} on_toggle={on_team_view}
                        name="team_view_enabled" error={form.error("team_view_enabled")} />
                </div>
                <h2>{ i18n.t("settings.rules") }</h2>
                <p class="muted small">{ i18n.t("settings.rules.hint") }</p>
                { for JSON_FIELDS.iter().map(|f| text_field(f, false)) }
                <button type="submit" class="button-primary" disabled={form.busy()}>
                    { if form.busy() { i18n.t("common.saving") } else { i18n.t("common.save") } }
                </button>
                <crate::components::SubmitSummary problems={form.problems()} />
            </form>
            <super::csv_import::CsvImport kind={super::csv_import::CsvKind::Holidays} on_imported={remote.reload.clone()} />
        </section>
    }
}
