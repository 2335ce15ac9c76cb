//! Recording one competency level.

use super::*;

#[derive(Properties, PartialEq)]
pub(super) struct AssessProps {
    pub(super) employee_id: i64,
    pub(super) source: AssessmentSource,
    pub(super) profile: Rc<CompetencyProfile>,
    pub(super) on_done: Callback<()>,
}

/// What the form holds.
#[derive(Clone, PartialEq)]
struct Draft {
    competency: Option<i64>,
    level: String,
    evidence: String,
}

/// Records one level (self, the penilai, or an admin entering an assessment-centre result).
#[component]
pub(super) fn AssessForm(props: &AssessProps) -> Html {
    let i18n = use_i18n();
    let form = use_form(|| Draft {
        competency: props.profile.lines.first().map(|l| l.competency_id),
        level: "3".to_owned(),
        evidence: String::new(),
    });
    let options: Vec<(AttrValue, AttrValue)> = props
        .profile
        .lines
        .iter()
        .map(|l| (AttrValue::from(l.competency_id.to_string()), AttrValue::from(format!("{} {}", l.code, l.name))))
        .collect();
    let levels: Vec<(AttrValue, AttrValue)> =
        (1..=5).map(|l| (AttrValue::from(l.to_string()), AttrValue::from(l.to_string()))).collect();
    let onsubmit = {
        let (employee_id, source, on_done) = (props.employee_id, props.source, props.on_done.clone());
        form.submit(
            move |d: &Draft| {
                // No competency to choose: nothing to send.
                let competency_id = d.competency.ok_or_else(Invalid::new)?;
                let body = NewCompetencyAssessment {
                    competency_id,
                    level: d.level.parse().unwrap_or(0),
                    assessed_on: format::today(),
                    source,
                    evidence: Some(d.evidence.trim().to_owned()).filter(|e| !e.is_empty()),
                };
                Ok(async move { api::competencies::assess(employee_id, &body).await })
            },
            move |_, _| on_done.emit(()),
        )
    };
    if options.is_empty() {
        return html! {};
    }
    html! {
        <section class="panel">
            <h2>{ i18n.t("comp.assess") }{ " · " }{ props.source.label() }</h2>
            <form onchange={form.touch()} {onsubmit} novalidate=true class="form-inline">
                <SelectField id="assess-competency" label={i18n.t("comp.competency").to_owned()}
                    value={form.competency.map(|c| c.to_string()).unwrap_or_default()} {options}
                    on_change={form.set(|d, v: String| d.competency = v.parse().ok())} />
                <SelectField id="assess-level" label={i18n.t("comp.level").to_owned()} value={form.level.clone()}
                    options={levels} on_change={form.text(|d| &mut d.level)} />
                <Field id="assess-evidence" label={i18n.t("comp.assess_evidence").to_owned()} value={form.evidence.clone()}
                    on_input={form.text(|d| &mut d.evidence)} name="evidence" error={form.error("evidence")} />
                <button type="submit" class="button-primary" disabled={form.busy()}>{ i18n.t("comp.assess_save") }</button>
                <crate::components::SubmitSummary problems={form.problems()} />
            </form>
            <ErrorBanner error={form.server_error()} />
        </section>
    }
}
