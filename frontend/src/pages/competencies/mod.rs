//! Competencies of one employee (the signed-in one, or someone they supervise or oversee): required
//! and assessed levels with the gaps and the job-person match, the JP of training against the yearly target,
//! and the development plans with their trainings. The penilai (or an admin) records levels, makes
//! plans and plans trainings; the employee or the penilai marks a training done with its evidence.

use super::PageProps;
use crate::api::{self, ApiError};
use crate::components::employee_picker::EmployeePicker;
use crate::components::{ErrorBanner, Field, Loading, Meter, Notice, SelectField};
use crate::format;
use crate::hooks::{setter, use_form, use_remote, use_write, Invalid};
use crate::i18n::use_i18n;
use chrono::Datelike;
use kinerja_domain::competency::{AssessmentSource, TrainingStatus};
use kinerja_domain::Role;
use kinerja_types::{
    CompetencyProfile, DevelopmentPlan, Employee, NewCompetencyAssessment, NewDevelopmentPlan, NewTraining, Training,
    TrainingPatch,
};
use std::rc::Rc;
use yew::prelude::*;

mod assess;
mod plans;
mod profile;

use assess::*;
use plans::*;
use profile::*;

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
