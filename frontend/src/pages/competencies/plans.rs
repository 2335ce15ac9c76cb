//! Development plans and their trainings.

use super::*;

#[derive(Properties, PartialEq)]
pub(super) struct PlanFormProps {
    pub(super) employee_id: i64,
    pub(super) suggested: Vec<String>,
    pub(super) on_done: Callback<()>,
}

/// A new development plan: its goals and the competencies it addresses (the largest gaps first).
#[component]
pub(super) fn PlanForm(props: &PlanFormProps) -> Html {
    let i18n = use_i18n();
    let goals = use_state(String::new);
    let focus = {
        let suggested = props.suggested.join(", ");
        use_state(move || suggested)
    };
    let busy = use_state(|| false);
    let error = use_state(|| None::<ApiError>);
    let text = |state: &UseStateHandle<String>| {
        let state = state.clone();
        Callback::from(move |v: String| state.set(v))
    };
    let onsubmit = {
        let (goals, focus, busy, error) = (goals.clone(), focus.clone(), busy.clone(), error.clone());
        let (employee_id, on_done) = (props.employee_id, props.on_done.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if *busy {
                return;
            }
            let body = NewDevelopmentPlan {
                year: format::today().year(),
                goals: goals.trim().to_owned(),
                focus: focus.split(',').map(str::trim).filter(|c| !c.is_empty()).map(str::to_owned).collect(),
            };
            busy.set(true);
            let (goals, busy, error, on_done) = (goals.clone(), busy.clone(), error.clone(), on_done.clone());
            spawn_local(async move {
                match api::competencies::create_plan(employee_id, &body).await {
                    Ok(_) => {
                        goals.set(String::new());
                        error.set(None);
                        on_done.emit(());
                    }
                    Err(e) => error.set(Some(e)),
                }
                busy.set(false);
            });
        })
    };
    let field_error = |f: &str| error.as_ref().and_then(|e| e.field(f));
    html! {
        <section class="panel plan-form">
            <h2>{ i18n.t("comp.new_plan") }</h2>
            <form {onsubmit} novalidate=true>
                <div class="form-grid">
                    <Field id="plan-goals" label={i18n.t("comp.goals").to_owned()} value={(*goals).clone()}
                        on_input={text(&goals)} rows={Some(3)} required=true error={field_error("goals")} />
                    <Field id="plan-focus" label={i18n.t("comp.focus").to_owned()} value={(*focus).clone()}
                        on_input={text(&focus)} error={field_error("focus")}
                        hint={Some(AttrValue::from(i18n.t("comp.focus_hint")))} />
                </div>
                <ErrorBanner error={(*error).clone()} shown_fields={&["goals", "focus"][..]} />
                <button type="submit" class="button-primary" disabled={*busy}>{ i18n.t("comp.create_plan") }</button>
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

/// One plan: goals, focus, status, hours, trainings; a form to add a training while it is open.
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
                { " · " }{ i18n.tf("comp.hours_done", &[("done", &p.hours_completed.to_string()), ("planned", &p.hours_planned.to_string())]) }</p>
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
    let busy = use_state(|| false);
    let error = use_state(|| None::<ApiError>);
    let onsubmit = {
        let (evidence, busy, error) = (evidence.clone(), busy.clone(), error.clone());
        let (id, on_change) = (t.id, props.on_change.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let body = TrainingPatch { status: TrainingStatus::Completed, evidence: Some(evidence.trim().to_owned()) };
            busy.set(true);
            let (busy, error, on_change) = (busy.clone(), error.clone(), on_change.clone());
            spawn_local(async move {
                match api::competencies::update_training(id, &body).await {
                    Ok(_) => on_change.emit(()),
                    Err(e) => error.set(Some(e)),
                }
                busy.set(false);
            });
        })
    };
    let on_evidence = {
        let evidence = evidence.clone();
        Callback::from(move |v: String| evidence.set(v))
    };
    html! {
        <li data-training={t.id.to_string()}>
            <strong>{ &t.course }</strong>{ format!(" · {} · {} JP · {} – {} · ", t.provider, t.hours, format::date(&t.start_on), format::date(&t.end_on)) }
            <span class="badge">{ i18n.t(&format!("comp.training_status.{}", t.status.as_str())) }</span>
            if let Some(ev) = &t.evidence { <span class="muted small">{ " · " }{ ev }</span> }
            if t.status == TrainingStatus::Planned && props.may_complete {
                <form {onsubmit} novalidate=true class="form-inline">
                    <Field id={format!("evidence-{}", t.id)} label={i18n.t("comp.evidence").to_owned()}
                        value={(*evidence).clone()} on_input={on_evidence}
                        error={error.as_ref().and_then(|e| e.field("evidence"))} />
                    <button type="submit" class="button-quiet" disabled={*busy}>{ i18n.t("comp.mark_done") }</button>
                </form>
                <ErrorBanner error={(*error).clone()} shown_fields={&["evidence"][..]} />
            }
        </li>
    }
}

#[derive(Properties, PartialEq)]
pub(super) struct TrainingFormProps {
    pub(super) plan_id: i64,
    pub(super) on_done: Callback<()>,
}

/// Plans a training in an open plan.
#[component]
pub(super) fn TrainingForm(props: &TrainingFormProps) -> Html {
    let i18n = use_i18n();
    let course = use_state(String::new);
    let provider = use_state(|| "BPSDM".to_owned());
    let hours = use_state(|| "8".to_owned());
    let start = use_state(|| format::today().to_string());
    let end = use_state(|| format::today().to_string());
    let busy = use_state(|| false);
    let error = use_state(|| None::<ApiError>);
    let text = |state: &UseStateHandle<String>| {
        let state = state.clone();
        Callback::from(move |v: String| state.set(v))
    };
    let onsubmit = {
        let (course, provider, hours, start, end) =
            (course.clone(), provider.clone(), hours.clone(), start.clone(), end.clone());
        let (busy, error, plan_id, on_done) = (busy.clone(), error.clone(), props.plan_id, props.on_done.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let (Ok(start_on), Ok(end_on)) = (start.parse(), end.parse()) else {
                error.set(Some(ApiError::Invalid {
                    detail: None,
                    fields: vec![kinerja_types::FieldError::local("end_on", "tanggal tidak valid")],
                }));
                return;
            };
            let body = NewTraining {
                course: course.trim().to_owned(),
                provider: provider.trim().to_owned(),
                hours: hours.trim().parse().unwrap_or(0),
                start_on,
                end_on,
                competency_id: None,
            };
            busy.set(true);
            let (course, busy, error, on_done) = (course.clone(), busy.clone(), error.clone(), on_done.clone());
            spawn_local(async move {
                match api::competencies::add_training(plan_id, &body).await {
                    Ok(_) => {
                        course.set(String::new());
                        error.set(None);
                        on_done.emit(());
                    }
                    Err(e) => error.set(Some(e)),
                }
                busy.set(false);
            });
        })
    };
    let field_error = |f: &str| error.as_ref().and_then(|e| e.field(f));
    html! {
        <form {onsubmit} novalidate=true class="training-form">
            <h4>{ i18n.t("comp.new_training") }</h4>
            <div class="form-grid">
                <Field id={format!("training-course-{}", props.plan_id)} label={i18n.t("comp.course").to_owned()}
                    value={(*course).clone()} on_input={text(&course)} required=true error={field_error("course")} />
                <Field id={format!("training-provider-{}", props.plan_id)} label={i18n.t("comp.provider").to_owned()}
                    value={(*provider).clone()} on_input={text(&provider)} error={field_error("provider")} />
                <Field id={format!("training-hours-{}", props.plan_id)} label={i18n.t("comp.hours").to_owned()} kind="number"
                    value={(*hours).clone()} on_input={text(&hours)} error={field_error("hours")} />
                <Field id={format!("training-start-{}", props.plan_id)} label={i18n.t("comp.start").to_owned()} kind="date"
                    value={(*start).clone()} on_input={text(&start)} error={field_error("start_on")} />
                <Field id={format!("training-end-{}", props.plan_id)} label={i18n.t("comp.end").to_owned()} kind="date"
                    value={(*end).clone()} on_input={text(&end)} error={field_error("end_on")} />
            </div>
            <ErrorBanner error={(*error).clone()} shown_fields={&["course", "provider", "hours", "start_on", "end_on"][..]} />
            <button type="submit" class="button-primary" disabled={*busy}>{ i18n.t("comp.add_training") }</button>
        </form>
    }
}
