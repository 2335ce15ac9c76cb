//! The owner's narrative and evidence for one indicator.

use super::*;

#[derive(Properties, PartialEq)]
pub(super) struct NarrativeFormProps {
    pub(super) skp_id: i64,
    pub(super) period: Period,
    pub(super) indicator: IndicatorRealization,
    pub(super) on_saved: Callback<()>,
    pub(super) on_cancel: Callback<()>,
}

/// The owner's narrative and evidence for one indicator in the period.
#[component]
pub(super) fn NarrativeForm(props: &NarrativeFormProps) -> Html {
    let i18n = use_i18n();
    let ind = &props.indicator;
    let text = use_state(|| ind.narrative.clone().unwrap_or_default());
    let evidence = {
        let ids = ind.evidence_ids.clone();
        use_state(move || ids.iter().map(|id| Attached { id: *id, label: format!("#{id}") }).collect::<Vec<_>>())
    };
    let uploading = use_state(|| false);
    let busy = use_state(|| false);
    let error = use_state(|| None::<ApiError>);
    let onsubmit = {
        let text = text.clone();
        let evidence = evidence.clone();
        let busy = busy.clone();
        let uploading = uploading.clone();
        let error = error.clone();
        let on_saved = props.on_saved.clone();
        let note = (props.skp_id, props.period.to_string(), ind.indicator_id);
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if *busy || *uploading {
                return;
            }
            let (skp_id, period, indicator_id) = note.clone();
            let request = RealizationNote {
                indicator_id,
                period,
                narrative: Some(text.trim().to_owned()).filter(|t| !t.is_empty()),
                evidence_ids: evidence.iter().map(|a| a.id).collect(),
            };
            busy.set(true);
            error.set(None);
            let busy = busy.clone();
            let error = error.clone();
            let on_saved = on_saved.clone();
            spawn_local(async move {
                match api::realization::save_note(skp_id, &request).await {
                    Ok(_) => on_saved.emit(()),
                    Err(e) => error.set(Some(e)),
                }
                busy.set(false);
            });
        })
    };
    let on_text = {
        let text = text.clone();
        Callback::from(move |v: String| text.set(v))
    };
    let on_add = {
        let evidence = evidence.clone();
        Callback::from(move |a: Attached| {
            let mut next = (*evidence).clone();
            next.push(a);
            evidence.set(next);
        })
    };
    let on_remove = {
        let evidence = evidence.clone();
        Callback::from(move |id: i64| evidence.set(evidence.iter().filter(|a| a.id != id).cloned().collect()))
    };
    let on_busy = {
        let uploading = uploading.clone();
        Callback::from(move |on| uploading.set(on))
    };
    let cancel = {
        let on_cancel = props.on_cancel.clone();
        Callback::from(move |_: MouseEvent| on_cancel.emit(()))
    };
    let id = format!("narrative-{}", ind.indicator_id);
    html! {
        <form class="form narrative-form" {onsubmit} novalidate=true>
            <ErrorBanner error={(*error).clone()} shown_fields={NARRATIVE_FIELDS} />
            <Field id={id.clone()} label={i18n.tf("realization.narrative_for", &[("indicator", &ind.text)])}
                value={(*text).clone()} rows={4} on_input={on_text}
                error={error.as_ref().and_then(|e| e.field("narrative"))} />
            <EvidenceAttach id={format!("{id}-evidence")} attached={(*evidence).clone()} {on_add} {on_remove} {on_busy}
                error={error.as_ref().and_then(|e| e.field("evidence_ids"))} />
            <div class="actions">
                <button type="submit" class="button-primary" disabled={*busy || *uploading}>
                    { if *busy { i18n.t("common.saving") } else { i18n.t("realization.save") } }
                </button>
                <button type="button" class="button-quiet" onclick={cancel} disabled={*busy}>{ i18n.t("common.cancel") }</button>
            </div>
        </form>
    }
}

/// The fields the narrative form shows its own errors for.
pub(super) const NARRATIVE_FIELDS: &[&str] = &["narrative", "evidence_ids"];
