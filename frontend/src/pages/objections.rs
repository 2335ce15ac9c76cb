//! Keberatan: the objections waiting for my decision (as atasan penilai, or as the BKPSDM for the
//! PPK where the penilai has no atasan), with the decision deadline, each leading to the assessment
//! where it is decided.

use crate::api;
use crate::api::assessments::AssessmentFilter;
use crate::components::{ErrorBanner, Loading, PredikatBadge};
use crate::format;
use crate::hooks::use_remote;
use crate::i18n::use_i18n;
use crate::periods;
use crate::route::Route;
use yew::prelude::*;
use yew_router::prelude::*;

#[component]
pub fn Objections() -> Html {
    let i18n = use_i18n();
    let queue = use_remote((), |()| {
        let filter = AssessmentFilter { to_decide: true, ..Default::default() };
        async move { api::assessments::list(&filter).await.map(|p| p.items) }
    });
    let body = match queue.state.data.as_deref().map(Vec::as_slice) {
        Some([]) => html! { <p class="muted">{ i18n.t("objections.empty") }</p> },
        Some(items) => html! {
            <div class="table-wrap">
                <table class="assessments objections">
                    <thead>
                        <tr>
                            <th scope="col">{ i18n.t("assessment.employee") }</th>
                            <th scope="col">{ i18n.t("assessment.period") }</th>
                            <th scope="col">{ i18n.t("assessment.predikat") }</th>
                            <th scope="col">{ i18n.t("assessment.objection") }</th>
                            <th scope="col">{ i18n.t("objection.decision_deadline") }</th>
                            <th scope="col"><span class="sr-only">{ i18n.t("assessment.actions") }</span></th>
                        </tr>
                    </thead>
                    <tbody>
                        { for items.iter().map(|a| {
                            let to = Route::AssessmentDetail { id: a.id };
                            html! {
                                <tr key={a.id}>
                                    <td data-label={i18n.t("assessment.employee").to_owned()}>
                                        <Link<Route> to={to.clone()}>{ &a.employee_name }</Link<Route>>
                                    </td>
                                    <td data-label={i18n.t("assessment.period").to_owned()}>{ periods::words_of(&a.period, &i18n) }</td>
                                    <td data-label={i18n.t("assessment.predikat").to_owned()}><PredikatBadge predikat={a.predikat} /></td>
                                    <td data-label={i18n.t("assessment.objection").to_owned()}>
                                        <p class="objection-excerpt">{ a.objection_reason.clone().unwrap_or_default() }</p>
                                        if a.penilai_response.is_none() {
                                            <small class="muted">{ i18n.t("objection.no_response_yet") }</small>
                                        }
                                    </td>
                                    <td data-label={i18n.t("objection.decision_deadline").to_owned()}>
                                        { a.decision_deadline.map(|d| format::date(&d)).unwrap_or_default() }
                                        if a.decision_overdue {
                                            { " " }<span class="badge badge-returned">{ i18n.t("objection.overdue") }</span>
                                        }
                                    </td>
                                    <td data-label="">
                                        <Link<Route> {to} classes="button-primary button-small">
                                            { i18n.t("objections.decide") }<span class="sr-only">{ format!(" {}", a.employee_name) }</span>
                                        </Link<Route>>
                                    </td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
            </div>
        },
        None if queue.state.loading => html! { <Loading /> },
        None => html! {},
    };
    let heading = match &queue.state.data {
        Some(items) => i18n.tf("objections.waiting", &[("n", &items.len().to_string())]),
        None => i18n.t("objections.waiting_loading").to_owned(),
    };
    html! {
        <section class="page">
            <h1>{ i18n.t("objections.title") }</h1>
            <p class="lead">{ i18n.t("objections.lead") }</p>
            <section class="panel">
                <h2>{ heading }</h2>
                <ErrorBanner error={queue.state.error.clone()} on_retry={queue.reload.clone()} />
                { body }
            </section>
        </section>
    }
}
