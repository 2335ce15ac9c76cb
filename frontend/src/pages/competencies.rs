//! Competencies of one employee (the signed-in one, or someone they supervise or oversee): required
//! and assessed levels with the gaps and the job-person match, training hours against the yearly 20,
//! and the development plans with their trainings. The penilai (or an admin) records levels, makes
//! plans and plans trainings; the employee or the penilai marks a training done with its evidence.

use super::PageProps;
use crate::api::{self, ApiError};
use crate::components::employee_picker::EmployeePicker;
use crate::components::{ErrorBanner, Field, Loading, Meter, Notice, SelectField};
use crate::format;
use crate::hooks::use_remote;
use crate::i18n::use_i18n;
use chrono::Datelike;
use kinerja_domain::competency::{AssessmentSource, TrainingStatus};
use kinerja_domain::Role;
use kinerja_types::{
    CompetencyProfile, DevelopmentPlan, Employee, NewCompetencyAssessment, NewDevelopmentPlan, NewTraining, Training,
    TrainingPatch,
};
use std::rc::Rc;
use yew::platform::spawn_local;
use yew::prelude::*;

#[component]
pub fn Competencies(props: &PageProps) -> Html {
    let i18n = use_i18n();
    let me = props.me.clone();
    let chosen = use_state(|| None::<Employee>);
    let subject = chosen.as_ref().map(|e| e.id).or_else(|| me.employee.as_ref().map(|e| e.id));
    let profile = use_remote(subject, |id| async move {
        match id {
            Some(id) => api::competencies::profile(id).await.map(Some),
            None => Ok(None),
        }
    });
    let plans = use_remote(subject, |id| async move {
        match id {
            Some(id) => api::competencies::plans(id).await,
            None => Ok(Vec::new()),
        }
    });
    let reload = {
        let (a, b) = (profile.reload.clone(), plans.reload.clone());
        Callback::from(move |()| {
            a.emit(());
            b.emit(());
        })
    };
    let oversees = me.is_supervisor || me.has(Role::Admin) || me.has(Role::Auditor) || me.has(Role::KepalaUnit);
    let is_self = subject.is_some() && subject == me.employee.as_ref().map(|e| e.id);
    let may_plan = !is_self && (me.is_supervisor || me.has(Role::Admin));
    let on_pick = {
        let chosen = chosen.clone();
        Callback::from(move |e: Option<Employee>| chosen.set(e))
    };
    let body = match (profile.state.data.as_ref(), subject) {
        (_, None) => html! { <Notice text={i18n.t("comp.pick").to_owned()} kind="info" /> },
        (Some(p), Some(id)) => match p.as_ref() {
            Some(p) => {
                let list = plans.state.data.clone().unwrap_or_default();
                let source = if is_self {
                    Some(AssessmentSource::SelfAssessment)
                } else if me.has(Role::Admin) {
                    Some(AssessmentSource::AssessmentCentre)
                } else if me.is_supervisor {
                    Some(AssessmentSource::Supervisor)
                } else {
                    None
                };
                let open_plan = list.iter().find(|p| p.status.as_str() == "active" || p.status.as_str() == "draft");
                html! {
                    <>
                        <ProfileView profile={Rc::new(p.clone())} />
                        if let Some(source) = source {
                            <AssessForm employee_id={id} {source} profile={Rc::new(p.clone())} on_done={reload.clone()} />
                        }
                        <section class="panel">
                            <h2>{ i18n.t("comp.plans") }</h2>
                            if p.plan_required && open_plan.is_none() {
                                <p class="callout callout-warn" role="status">{ i18n.t("comp.plan_required") }</p>
                            }
                            if list.is_empty() {
                                <p class="muted">{ i18n.t("comp.no_plans") }</p>
                            }
                            { for list.iter().map(|plan| html! {
                                <PlanView key={plan.id} plan={Rc::new(plan.clone())} {may_plan}
                                    may_complete={may_plan || is_self} on_change={reload.clone()} />
                            }) }
                            <ErrorBanner error={plans.state.error.clone()} on_retry={plans.reload.clone()} />
                        </section>
                        if may_plan && open_plan.is_none() {
                            // Keyed by the person and the suggestions, so that the focus follows the gaps.
                            <PlanForm key={format!("{id}:{}", p.suggested_focus.join(","))} employee_id={id}
                                suggested={p.suggested_focus.clone()} on_done={reload.clone()} />
                        }
                    </>
                }
            }
            None => html! {},
        },
        (None, _) if profile.state.loading => html! { <Loading /> },
        (None, _) => html! {},
    };
    html! {
        <section class="page competencies">
            <h1>{ i18n.t("comp.title") }</h1>
            <p class="lead">{ i18n.t("comp.lead") }</p>
            if oversees {
                <div class="toolbar">
                    <EmployeePicker id="comp-employee" label={i18n.t("comp.employee").to_owned()}
                        selected={(*chosen).clone()} on_select={on_pick} />
                </div>
            }
            <ErrorBanner error={profile.state.error.clone()} on_retry={profile.reload.clone()} />
            { body }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct ProfileProps {
    profile: Rc<CompetencyProfile>,
}

/// The match, the training hours and a line per competency.
#[component]
fn ProfileView(props: &ProfileProps) -> Html {
    let i18n = use_i18n();
    let p = &props.profile;
    let lang = i18n.lang();
    let category = p.match_category.map(|c| c.label()).unwrap_or("—");
    let hours_tone = if p.training_hours >= p.training_hours_expected { "ok" } else { "warn" };
    html! {
        <section class="panel">
            <h2>{ format!("{} · {}", p.name, p.position_title) }</h2>
            <div class="tiles">
                <div class="tile" data-tile="match">
                    <span class="tile-label">{ i18n.t("comp.match") }</span>
                    <strong class="tile-value">
                        { p.job_person_match.map(|m| format::percent(m, lang)).unwrap_or_else(|| "—".into()) }
                    </strong>
                    <span class="muted small">{ category }</span>
                </div>
                <div class="tile" data-tile="training">
                    <span class="tile-label">{ i18n.t("comp.training_hours") }</span>
                    <strong class="tile-value">{ format!("{} / {} JP", p.training_hours, p.training_hours_expected) }</strong>
                    <Meter value={f64::from(p.training_hours)} max={f64::from(p.training_hours_expected)}
                        label={i18n.t("comp.training_hours").to_owned()} tone={hours_tone} />
                </div>
            </div>
            if p.lines.is_empty() {
                <p class="muted">{ i18n.t("comp.no_lines") }</p>
            } else {
                <div class="table-wrap">
                    <table class="competency-profile">
                        <thead><tr>
                            <th scope="col">{ i18n.t("comp.competency") }</th>
                            <th scope="col" class="numeric">{ i18n.t("comp.required") }</th>
                            <th scope="col" class="numeric">{ i18n.t("comp.assessed") }</th>
                            <th scope="col" class="numeric">{ i18n.t("comp.gap") }</th>
                            <th scope="col">{ i18n.t("comp.source") }</th>
                        </tr></thead>
                        <tbody>
                            { for p.lines.iter().map(|l| html! {
                                <tr key={l.competency_id} data-code={l.code.clone()}>
                                    <td><strong>{ &l.code }</strong>{ " " }{ &l.name }<br /><span class="muted small">{ l.kind.label() }</span></td>
                                    <td class="numeric">{ l.required.map(|r| r.to_string()).unwrap_or_else(|| "—".into()) }</td>
                                    <td class="numeric">{ l.assessed.as_ref().map(|a| a.level.to_string()).unwrap_or_else(|| "—".into()) }</td>
                                    <td class={classes!("numeric", l.gap.filter(|g| *g > 0).map(|_| "gap-open"))} data-gap="">
                                        { l.gap.map(|g| g.to_string()).unwrap_or_else(|| "—".into()) }
                                    </td>
                                    <td class="small">{ l.assessed.as_ref().map(|a| format!("{} · {}", a.source.label(), format::date(&a.assessed_on))).unwrap_or_default() }</td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </div>
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct AssessProps {
    employee_id: i64,
    source: AssessmentSource,
    profile: Rc<CompetencyProfile>,
    on_done: Callback<()>,
}

/// Records one level (self, the penilai, or an admin entering an assessment-centre result).
#[component]
fn AssessForm(props: &AssessProps) -> Html {
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

#[derive(Properties, PartialEq)]
struct PlanFormProps {
    employee_id: i64,
    suggested: Vec<String>,
    on_done: Callback<()>,
}

/// A new development plan: its goals and the competencies it addresses (the largest gaps first).
#[component]
fn PlanForm(props: &PlanFormProps) -> Html {
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
struct PlanProps {
    plan: Rc<DevelopmentPlan>,
    may_plan: bool,
    may_complete: bool,
    on_change: Callback<()>,
}

/// One plan: goals, focus, status, hours, trainings; a form to add a training while it is open.
#[component]
fn PlanView(props: &PlanProps) -> Html {
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
struct TrainingProps {
    training: Rc<Training>,
    may_complete: bool,
    on_change: Callback<()>,
}

/// A training, and while planned a way to record it done with its evidence.
#[component]
fn TrainingItem(props: &TrainingProps) -> Html {
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
struct TrainingFormProps {
    plan_id: i64,
    on_done: Callback<()>,
}

/// Plans a training in an open plan.
#[component]
fn TrainingForm(props: &TrainingFormProps) -> Html {
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
                    fields: vec![kinerja_types::FieldError::new("end_on", "tanggal tidak valid")],
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
