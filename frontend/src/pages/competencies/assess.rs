//! Recording one competency level.

use super::*;

#[derive(Properties, PartialEq)]
pub(super) struct AssessProps {
    pub(super) employee_id: i64,
    pub(super) source: AssessmentSource,
    pub(super) profile: Rc<CompetencyProfile>,
    pub(super) on_done: Callback<()>,
}

/// Records one level (self, the penilai, or an admin entering an assessment-centre result).
#[component]
pub(super) fn AssessForm(props: &AssessProps) -> Html {
    let i18n = use_i18n();
    let competency = use_state(|| props.profile.lines.first().map(|l| l.competency_id));
    let level = use_state(|| "3".to_owned());
    let evidence = use_state(String::new);
    let busy = use_state(|| false);
    let error = use_state(|| None::<ApiError>);
    let options: Vec<(AttrValue, AttrValue)> = props
        .profile
        .lines
        .iter()
        .map(|l| (AttrValue::from(l.competency_id.to_string()), AttrValue::from(format!("{} {}", l.code, l.name))))
        .collect();
    let levels: Vec<(AttrValue, AttrValue)> =
        (1..=5).map(|l| (AttrValue::from(l.to_string()), AttrValue::from(l.to_string()))).collect();
    let onsubmit = {
        let (competency, level, evidence, busy, error) =
            (competency.clone(), level.clone(), evidence.clone(), busy.clone(), error.clone());
        let (employee_id, source, on_done) = (props.employee_id, props.source, props.on_done.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(competency_id) = *competency else { return };
            let body = NewCompetencyAssessment {
                competency_id,
                level: level.parse().unwrap_or(0),
                assessed_on: format::today(),
                source,
                evidence: Some(evidence.trim().to_owned()).filter(|e| !e.is_empty()),
            };
            busy.set(true);
            let (busy, error, on_done) = (busy.clone(), error.clone(), on_done.clone());
            spawn_local(async move {
                match api::competencies::assess(employee_id, &body).await {
                    Ok(_) => {
                        error.set(None);
                        on_done.emit(());
                    }
                    Err(e) => error.set(Some(e)),
                }
                busy.set(false);
            });
        })
    };
    if options.is_empty() {
        return html! {};
    }
    let on_competency = {
        let competency = competency.clone();
        Callback::from(move |v: String| competency.set(v.parse().ok()))
    };
    let on_level = {
        let level = level.clone();
        Callback::from(move |v: String| level.set(v))
    };
    let on_evidence = {
        let evidence = evidence.clone();
        Callback::from(move |v: String| evidence.set(v))
    };
    html! {
        <section class="panel">
            <h2>{ i18n.t("comp.assess") }{ " · " }{ props.source.label() }</h2>
            <form {onsubmit} novalidate=true class="form-inline">
                <SelectField id="assess-competency" label={i18n.t("comp.competency").to_owned()}
                    value={competency.map(|c| c.to_string()).unwrap_or_default()} {options} on_change={on_competency} />
                <SelectField id="assess-level" label={i18n.t("comp.level").to_owned()} value={(*level).clone()}
                    options={levels} on_change={on_level} />
                <Field id="assess-evidence" label={i18n.t("comp.assess_evidence").to_owned()} value={(*evidence).clone()}
                    on_input={on_evidence} error={error.as_ref().and_then(|e| e.field("evidence"))} />
                <button type="submit" class="button-primary" disabled={*busy}>{ i18n.t("comp.assess_save") }</button>
            </form>
            <ErrorBanner error={(*error).clone()} />
        </section>
    }
}
