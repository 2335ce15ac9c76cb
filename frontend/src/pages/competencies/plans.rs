//! Development plans and their trainings.

use super::*;

#[derive(Properties, PartialEq)]
pub(super) struct PlanFormProps {
    pub(super) employee_id: i64,
    pub(super) suggested: Vec<String>,
    pub(super) on_done: Callback<()>,
}

/// What the plan form holds.
#[derive(Clone, PartialEq)]
struct PlanDraft {
    goals: String,
    /// Competency codes, separated by commas.
    focus: String,
}

/// A new development plan: its goals and the competencies it addresses (the largest gaps first).
#[component]
pub(super) fn PlanForm(props: &PlanFormProps) -> Html {
    let i18n = use_i18n();
    let form = use_form(|| PlanDraft { goals: String::new(), focus: props.suggested.join(", ") });
    let onsubmit = {
        let (employee_id, on_done) = (props.employee_id, props.on_done.clone());
        form.submit(
            move |d: &PlanDraft| {
                let body = NewDevelopmentPlan {
                    year: format::today().year(),
                    goals: d.goals.trim().to_owned(),
                    focus: d.focus.split(',').map(str::trim).filter(|c| !c.is_empty()).map(str::to_owned).collect(),
                };
                Ok(async move { api::competencies::create_plan(employee_id, &body).await })
            },
            move |form, _| {
                form.update(|d| d.goals.clear());
                on_done.emit(());
            },
        )
    };
    html! {
        <section class="panel plan-form">
            <h2>{ i18n.t("comp.new_plan") }</h2>
            <form onchange={form.touch()} {onsubmit} novalidate=true>
                <div class="form-grid">
                    <Field id="plan-goals" label={i18n.t("comp.goals").to_owned()} value={form.goals.clone()}
                        on_input={form.text(|d| &mut d.goals)} rows={Some(3)} required=true name="goals" error={form.error("goals")} />
                    <Field id="plan-focus" label={i18n.t("comp.focus").to_owned()} value={form.focus.clone()}
                        on_input={form.text(|d| &mut d.focus)} name="focus" error={form.error("focus")}
                        hint={Some(AttrValue::from(i18n.t("comp.focus_hint")))} />
                </div>
                <ErrorBanner error={form.server_error()} shown_fields={&["goals", "focus"][..]} />
                <button type="submit" class="button-primary" disabled={form.busy()}>{ i18n.t("comp.create_plan") }</button>
                <crate::components::SubmitSummary problems={form.problems()} />
            </form>
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub(super) struct PlanProps {
    pub(super) plan: Rc<DevelopmentPlan>,
    pub(super) may_plan: bool,
    pub(super) may_complete: bool,
    pub(super) on_change: Callback<()>,
}

/// One plan: goals, focus, status, JP, trainings; a form to add a training while it is open.
#[component]
pub(super) fn PlanView(props: &PlanProps) -> Html {
    let i18n = use_i18n();
    let p = &props.plan;
    let open = matches!(p.status.as_str(), "active" | "draft");
    html! {
        <article class="plan" data-plan={p.id.to_string()}>
            <h3>
                { i18n.tf("comp.plan_of", &[("year", &p.year.to_string())]) }
                { " · " }<span class="badge">{ i18n.t(&format!("comp.plan_status.{}", p.status.as_str())) }</span>
                if p.mandatory { { " " }<span class="badge badge-warn">{ i18n.t("comp.mandatory") }</span> }
            </h3>
            <p>{ &p.goals }</p>
            <p class="muted small">{ i18n.t("comp.focus") }{ ": " }{ p.focus.join(", ") }
                { " · " }{ i18n.tf("comp.hours_done", &[("done", &p.jp_completed.to_string()), ("planned", &p.jp_planned.to_string())]) }</p>
            if !p.trainings.is_empty() {
                <ul class="trainings">
                    { for p.trainings.iter().map(|t| html! {
                        <TrainingItem key={t.id} training={Rc::new(t.clone())} may_complete={props.may_complete}
                            on_change={props.on_change.clone()} />
                    }) }
                </ul>
            }
            if open && props.may_plan {
                <TrainingForm plan_id={p.id} on_done={props.on_change.clone()} />
            }
        </article>
    }
}

#[derive(Properties, PartialEq)]
pub(super) struct TrainingProps {
    pub(super) training: Rc<Training>,
    pub(super) may_complete: bool,
    pub(super) on_change: Callback<()>,
}

/// A training, and while planned a way to record it done with its evidence.
#[component]
pub(super) fn TrainingItem(props: &TrainingProps) -> Html {
    let i18n = use_i18n();
    let t = &props.training;
    let evidence = use_state(String::new);
    let write = use_write();
    let onsubmit = {
        let (evidence, write) = (evidence.clone(), write.clone());
        let (id, on_change) = (t.id, props.on_change.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let body = TrainingPatch { status: TrainingStatus::Completed, evidence: Some(evidence.trim().to_owned()) };
            let on_change = on_change.clone();
            write.run(async move { api::competencies::update_training(id, &body).await }, move |_| on_change.emit(()));
        })
    };
    let on_evidence = setter(&evidence);
    html! {
        <li data-training={t.id.to_string()}>
            <strong>{ &t.course }</strong>{ format!(" · {} · {} JP · {} – {} · ", t.provider, t.jp, format::date(&t.start_on), format::date(&t.end_on)) }
            <span class="badge">{ i18n.t(&format!("comp.training_status.{}", t.status.as_str())) }</span>
            if let Some(ev) = &t.evidence { <span class="muted small">{ " · " }{ ev }</span> }
            if t.status == TrainingStatus::Planned && props.may_complete {
                <form {onsubmit} novalidate=true class="form-inline">
                    <Field id={format!("evidence-{}", t.id)} label={i18n.t("comp.evidence").to_owned()}
                        value={(*evidence).clone()} on_input={on_evidence} error={write.field("evidence")} />
                    <button type="submit" class="button-quiet" disabled={write.busy}>{ i18n.t("comp.mark_done") }</button>
                </form>
                <ErrorBanner error={write.error.clone()} shown_fields={&["evidence"][..]} />
            }
        </li>
    }
}

#[derive(Properties, PartialEq)]
pub(super) struct TrainingFormProps {
    pub(super) plan_id: i64,
    pub(super) on_done: Callback<()>,
}

/// What the training form holds, as typed.
#[derive(Clone, PartialEq)]
struct TrainingDraft {
    course: String,
    provider: String,
    jp: String,
    start: String,
    end: String,
}

impl Default for TrainingDraft {
    fn default() -> Self {
        Self {
            course: String::new(),
            provider: "BPSDM".to_owned(),
            jp: "8".to_owned(),
            start: format::today().to_string(),
            end: format::today().to_string(),
        }
    }
}

/// Plans a training in an open plan.
#[component]
pub(super) fn TrainingForm(props: &TrainingFormProps) -> Html {
    let i18n = use_i18n();
    let form = use_form(TrainingDraft::default);
    let onsubmit = {
        let (plan_id, on_done) = (props.plan_id, props.on_done.clone());
        let bad_date = i18n.t("validation.date").to_owned();
        form.submit(
            move |d: &TrainingDraft| {
                let dates = d.start.parse().and_then(|start_on| Ok((start_on, d.end.parse()?)));
                let body = dates.map(|(start_on, end_on)| NewTraining {
                    course: d.course.trim().to_owned(),
                    provider: d.provider.trim().to_owned(),
                    jp: d.jp.trim().parse().unwrap_or(0),
                    start_on,
                    end_on,
                    competency_id: None,
                });
                let bad_date = bad_date.clone();
                Ok(async move {
                    match body {
                        Ok(body) => api::competencies::add_training(plan_id, &body).await,
                        // As the server would say it, beside the end date.
                        Err(_) => Err(ApiError::Invalid {
                            detail: None,
                            fields: vec![kinerja_types::FieldError::local("end_on", bad_date)],
                        }),
                    }
                })
            },
            move |form, _| {
                form.update(|d| d.course.clear());
                on_done.emit(());
            },
        )
    };
    let id = |what: &str| format!("training-{what}-{}", props.plan_id);
    html! {
        <form onchange={form.touch()} {onsubmit} novalidate=true class="training-form">
            <h4>{ i18n.t("comp.new_training") }</h4>
            <div class="form-grid">
                <Field id={id("course")} label={i18n.t("comp.course").to_owned()}
                    value={form.course.clone()} on_input={form.text(|d| &mut d.course)} required=true name="course" error={form.error("course")} />
                <Field id={id("provider")} label={i18n.t("comp.provider").to_owned()}
                    value={form.provider.clone()} on_input={form.text(|d| &mut d.provider)} name="provider" error={form.error("provider")} />
                <Field id={id("jp")} label={i18n.t("comp.hours").to_owned()} kind="number"
                    value={form.jp.clone()} on_input={form.text(|d| &mut d.jp)} name="jp" error={form.error("jp")} />
                <Field id={id("start")} label={i18n.t("comp.start").to_owned()} kind="date"
                    value={form.start.clone()} on_input={form.text(|d| &mut d.start)} name="start_on" error={form.error("start_on")} />
                <Field id={id("end")} label={i18n.t("comp.end").to_owned()} kind="date"
                    value={form.end.clone()} on_input={form.text(|d| &mut d.end)} name="end_on" error={form.error("end_on")} />
            </div>
            <ErrorBanner error={form.server_error()} shown_fields={&["course", "provider", "jp", "start_on", "end_on"][..]} />
            <button type="submit" class="button-primary" disabled={form.busy()}>{ i18n.t("comp.add_training") }</button>
            <crate::components::SubmitSummary problems={form.problems()} />
        </form>
    }
}
