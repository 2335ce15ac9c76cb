//! Penilaian Kinerja: my own assessments, and for a penilai each direct subordinate with where
//! their assessment for the chosen period stands and the way to rate them. With `?employee=` (from
//! a dashboard's attention list) it is someone's ratings instead, for their head, admin or auditor.

use super::PageProps;
use crate::api::{self, ApiError};
use crate::components::dashboard::EmployeeQuery;
use crate::components::{
    last_ended_period, use_pemda_settings, AssessmentBadge, AssessmentPeriodPicker, ErrorBanner, Loading, PredikatBadge,
};
use crate::hooks::use_remote;
use crate::i18n::use_i18n;
use crate::periods;
use crate::route::Route;
use futures::future::try_join;
use kinerja_domain::{AssessmentStatus, Period};
use kinerja_types::{Assessment, Employee, Me, PemdaSettings};
use std::rc::Rc;
use yew::prelude::*;
use yew_router::prelude::*;

#[component]
pub fn Assessments(props: &PageProps) -> Html {
    let someone = use_location().and_then(|l| l.query::<EmployeeQuery>().ok()).map(|q| q.employee);
    match someone {
        Some(employee_id) => html! { <SomeonesAssessments {employee_id} /> },
        None => html! { <MineAndTeam me={props.me.clone()} /> },
    }
}

/// My own assessments and, for a penilai, the team's.
#[component]
fn MineAndTeam(props: &PageProps) -> Html {
    let i18n = use_i18n();
    let settings = use_pemda_settings();
    let my_id = props.me.employee.as_ref().map(|e| e.id);
    let mine = use_remote(my_id, |id| async move {
        match id {
            Some(id) => {
                let filter = api::assessments::AssessmentFilter { employee_id: Some(id), ..Default::default() };
                api::assessments::list(&filter).await.map(|p| p.items)
            }
            None => Ok(Vec::new()),
        }
    });
    let body = match mine.state.data.as_deref().map(Vec::as_slice) {
        Some([]) => html! { <p class="muted">{ i18n.t("assessment.mine_empty") }</p> },
        Some(items) => html! { <MineTable items={items.to_vec()} /> },
        None if mine.state.loading => html! { <Loading /> },
        None => html! {},
    };
    html! {
        <section class="page">
            <h1>{ i18n.t("assessment.title") }</h1>
            <p class="lead">{ i18n.t("assessment.lead") }</p>
            <section class="panel">
                <h2>{ i18n.t("assessment.mine") }</h2>
                <ErrorBanner error={mine.state.error.clone()} on_retry={mine.reload.clone()} />
                { body }
            </section>
            if props.me.is_supervisor {
                if let Some(settings) = settings {
                    <Team me={props.me.clone()} {settings} />
                } else {
                    <Loading />
                }
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct SomeonesAssessmentsProps {
    employee_id: i64,
}

/// Every assessment of one employee, newest first (the server shows only whom the viewer may see).
#[component]
fn SomeonesAssessments(props: &SomeonesAssessmentsProps) -> Html {
    let i18n = use_i18n();
    let person = use_remote(props.employee_id, api::employees::get);
    let list = use_remote(props.employee_id, |id| async move {
        let filter = api::assessments::AssessmentFilter { employee_id: Some(id), ..Default::default() };
        api::assessments::list(&filter).await.map(|p| p.items)
    });
    let body = match list.state.data.as_deref().map(Vec::as_slice) {
        Some([]) => html! { <p class="muted">{ i18n.t("assessment.someone_empty") }</p> },
        Some(items) => html! { <MineTable items={items.to_vec()} /> },
        None if list.state.loading => html! { <Loading /> },
        None => html! {},
    };
    html! {
        <section class="page">
            <h1>
                { match person.state.data.as_ref() {
                    Some(e) => i18n.tf("assessment.someone_title", &[("name", &e.name)]),
                    None => i18n.t("assessment.title").to_owned(),
                } }
            </h1>
            if let Some(e) = person.state.data.as_ref() {
                <p class="lead">
                    { &e.position_title }{ " · " }<span class="nip">{ &e.nip }</span>{ " · " }
                    <Link<Route> to={Route::Feedback { employee_id: e.id }}>{ i18n.t("assessment.someone_feedback") }</Link<Route>>
                </p>
            }
            <ErrorBanner error={person.state.error.clone()} on_retry={person.reload.clone()} />
            <section class="panel">
                <h2>{ i18n.t("assessment.someone_list") }</h2>
                <ErrorBanner error={list.state.error.clone()} on_retry={list.reload.clone()} />
                { body }
            </section>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct MineTableProps {
    items: Vec<Assessment>,
}

/// My assessments, newest first.
#[component]
fn MineTable(props: &MineTableProps) -> Html {
    let i18n = use_i18n();
    html! {
        <div class="table-wrap">
            <table class="assessments">
                <thead>
                    <tr>
                        <th scope="col">{ i18n.t("assessment.period") }</th>
                        <th scope="col">{ i18n.t("assessment.status") }</th>
                        <th scope="col">{ i18n.t("assessment.predikat") }</th>
                        <th scope="col"><span class="sr-only">{ i18n.t("assessment.actions") }</span></th>
                    </tr>
                </thead>
                <tbody>
                    { for props.items.iter().map(|a| html! {
                        <tr key={a.id}>
                            <td data-label={i18n.t("assessment.period").to_owned()}>{ periods::words_of(&a.period, &i18n) }</td>
                            <td data-label={i18n.t("assessment.status").to_owned()}><AssessmentBadge status={Some(a.status)} /></td>
                            <td data-label={i18n.t("assessment.predikat").to_owned()}>
                                if a.status == AssessmentStatus::Draft {
                                    <span class="muted">{ i18n.t("assessment.not_final") }</span>
                                } else {
                                    <PredikatBadge predikat={a.predikat} />
                                }
                            </td>
                            <td data-label="">
                                <Link<Route> to={Route::AssessmentDetail { id: a.id }}>{ i18n.t("assessment.open") }</Link<Route>>
                            </td>
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct TeamProps {
    me: Rc<Me>,
    settings: Rc<PemdaSettings>,
}

/// Each direct subordinate and their assessment for the period.
#[component]
fn Team(props: &TeamProps) -> Html {
    let i18n = use_i18n();
    let chosen = use_state(|| None::<Period>);
    let period = chosen.unwrap_or_else(|| last_ended_period(&props.settings));
    let my_id = props.me.employee.as_ref().map(|e| e.id);
    let team = use_remote((my_id, period), |(my_id, period)| async move {
        let Some(my_id) = my_id else {
            return Ok(Vec::new());
        };
        // Two calls whatever the team's size: the people, and what this penilai rated in the period.
        let filter =
            api::assessments::AssessmentFilter { penilai_id: Some(my_id), period: Some(period), ..Default::default() };
        let (people, rated) = try_join(api::employees::subordinates(my_id), api::assessments::list(&filter)).await?;
        let rows = people
            .items
            .into_iter()
            .map(|e| {
                let assessment = rated.items.iter().find(|a| a.employee_id == e.id).cloned();
                (e, assessment)
            })
            .collect::<Vec<_>>();
        Ok::<_, ApiError>(rows)
    });
    let on_period = {
        let chosen = chosen.clone();
        Callback::from(move |p| chosen.set(Some(p)))
    };
    let body = match team.state.data.as_deref().map(Vec::as_slice) {
        Some([]) => html! { <p class="muted">{ i18n.t("team.no_members") }</p> },
        Some(rows) => html! { <TeamTable rows={rows.to_vec()} {period} /> },
        None if team.state.loading => html! { <Loading /> },
        None => html! {},
    };
    html! {
        <section class="panel">
            <h2>{ i18n.t("assessment.team") }</h2>
            <p class="muted">{ i18n.t("assessment.team_hint") }</p>
            <div class="toolbar">
                <AssessmentPeriodPicker id="assessment-period" settings={props.settings.clone()} value={period} on_change={on_period} />
            </div>
            <h3>{ periods::words(period, &i18n) }</h3>
            <ErrorBanner error={team.state.error.clone()} on_retry={team.reload.clone()} />
            { body }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct TeamTableProps {
    rows: Vec<(Employee, Option<Assessment>)>,
    period: Period,
}

#[component]
fn TeamTable(props: &TeamTableProps) -> Html {
    let i18n = use_i18n();
    let period = props.period.to_string();
    html! {
        <div class="table-wrap">
            <table class="assessments team-assessments">
                <thead>
                    <tr>
                        <th scope="col">{ i18n.t("assessment.employee") }</th>
                        <th scope="col">{ i18n.t("assessment.status") }</th>
                        <th scope="col">{ i18n.t("assessment.predikat") }</th>
                        <th scope="col"><span class="sr-only">{ i18n.t("assessment.actions") }</span></th>
                    </tr>
                </thead>
                <tbody>
                    { for props.rows.iter().map(|(e, a)| {
                        let rate = Route::RateEmployee { employee_id: e.id, period: period.clone() };
                        // Every name leads to the assessment: its page once it exists, else the form.
                        let (to, action, primary) = match a {
                            None => (rate, i18n.t("assessment.rate"), true),
                            Some(a) if a.status == AssessmentStatus::Draft => (rate, i18n.t("assessment.continue"), true),
                            Some(a) => (Route::AssessmentDetail { id: a.id }, i18n.t("assessment.open"), false),
                        };
                        html! {
                            <tr key={e.id}>
                                <td data-label={i18n.t("assessment.employee").to_owned()}>
                                    <span>
                                        <Link<Route> to={to.clone()}>{ &e.name }</Link<Route>><br />
                                        <span class="muted small">{ &e.position_title }</span>
                                    </span>
                                </td>
                                <td data-label={i18n.t("assessment.status").to_owned()}>
                                    <AssessmentBadge status={a.as_ref().map(|a| a.status)} />
                                </td>
                                <td data-label={i18n.t("assessment.predikat").to_owned()}>
                                    { match a {
                                        Some(a) => html! { <PredikatBadge predikat={a.predikat} /> },
                                        None => html! { <span class="muted">{ i18n.t("common.none") }</span> },
                                    } }
                                </td>
                                <td data-label="">
                                    <Link<Route> {to} classes={classes!(if primary { "button-primary" } else { "button-quiet" }, "button-small")}>
                                        { action }<span class="sr-only">{ format!(" {}", e.name) }</span>
                                    </Link<Route>>
                                </td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        </div>
    }
}
