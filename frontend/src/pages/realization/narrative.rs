//! The owner's narrative and evidence for one indicator.

use super::*;
use crate::hooks::{use_form, Invalid};

#[derive(Properties, PartialEq)]
pub(super) struct NarrativeFormProps {
    pub(super) skp_id: i64,
    pub(super) period: Period,
    pub(super) indicator: IndicatorRealization,
    pub(super) on_saved: Callback<()>,
    pub(super) on_cancel: Callback<()>,
}

/// What the narrative form holds.
#[derive(Clone, PartialEq)]
struct Draft {
    text: String,
    evidence: Vec<Attached>,
}

/// The owner's narrative and evidence for one indicator in the period.
#[component]
pub(super) fn NarrativeForm(props: &NarrativeFormProps) -> Html {
    let i18n = use_i18n();
    let ind = &props.indicator;
    let form = {
        let (text, ids) = (ind.narrative.clone().unwrap_or_default(), ind.evidence_ids.clone());
        use_form(move || Draft {
            text,
            evidence: ids.iter().map(|id| Attached::stored(*id, format!("#{id}"))).collect(),
        })
    };
    let uploading = use_state(|| false);
    let onsubmit = {
        let (uploading, on_saved) = (uploading.clone(), props.on_saved.clone());
        let (skp_id, period, indicator_id) = (props.skp_id, props.period.to_string(), ind.indicator_id);
        form.submit(
            move |d: &Draft| {
                if *uploading {
                    // A file is still on its way: nothing is sent, nothing is marked.
                    return Err(Invalid::new());
                }
                let request = RealizationNote {
                    indicator_id,
                    period: period.clone(),
                    narrative: Some(d.text.trim().to_owned()).filter(|t| !t.is_empty()),
                    evidence_ids: d.evidence.iter().map(|a| a.id).collect(),
                };
                Ok(async move { api::realization::save_note(skp_id, &request).await })
            },
            move |_, _| on_saved.emit(()),
        )
    };
    let on_add = form.set(|d, a: Attached| d.evidence.push(a));
    let on_remove = form.set(|d, id: i64| d.evidence.retain(|a| a.id != id));
    let on_busy = {
        let uploading = uploading.clone();
        Callback::from(move |on| uploading.set(on))
    };
    let cancel = {
        let on_cancel = props.on_cancel.clone();
        Callback::from(move |_: MouseEvent| on_cancel.emit(()))
    };
    let busy = form.busy();
    let id = format!("narrative-{}", ind.indicator_id);
    html! {
        <form onchange={form.touch()} class="form narrative-form" {onsubmit} novalidate=true>
            <ErrorBanner error={form.server_error()} shown_fields={NARRATIVE_FIELDS} />
            <Field id={id.clone()} label={i18n.tf("realization.narrative_for", &[("indicator", &ind.text)])}
                value={form.text.clone()} rows={4} on_input={form.text(|d| &mut d.text)}
                name="narrative" error={form.error("narrative")} />
            <EvidenceAttach id={format!("{id}-evidence")} attached={form.evidence.clone()} {on_add} {on_remove} {on_busy}
                error={form.error("evidence_ids")} />
            <div class="actions">
                <button type="submit" class="button-primary" disabled={busy || *uploading}>
                    { if busy { i18n.t("common.saving") } else { i18n.t("realization.save") } }
                </button>
                <crate::components::SubmitSummary problems={form.problems()} />
                <button type="button" class="button-quiet" onclick={cancel} disabled={busy}>{ i18n.t("common.cancel") }</button>
            </div>
        </form>
    }
}

/// The fields the narrative form shows its own errors for.
pub(super) const NARRATIVE_FIELDS: &[&str] = &["narrative", "evidence_ids"];
