//! Rating one direct subordinate for one period (the penilai): the evidence first, then the two
//! ratings with the predikat previewed as they change, a note per BerAKHLAK core value and an
//! overall note. "Simpan draf" keeps it editable; "Finalkan" (after a confirmation) tells the
//! employee, who then has the Pemda's number of days to object.

use super::rating_evidence::RatingEvidenceView;
use crate::api;
use crate::components::{ErrorBanner, Loading};
use crate::hooks::use_remote;
use crate::i18n::use_i18n;
use crate::periods;
use crate::route::Route;
use kinerja_domain::{AssessmentStatus, Period};
use kinerja_types::Me;
use std::rc::Rc;
use yew::prelude::*;
use yew_router::prelude::*;

mod rating_form;

use rating_form::RatingForm;

#[derive(Properties, PartialEq)]
pub struct AssessmentFormProps {
    pub me: Rc<Me>,
    pub employee_id: i64,
    /// As in the address, e.g. `2026-Q4`.
    pub period: AttrValue,
}

#[component]
pub fn AssessmentForm(props: &AssessmentFormProps) -> Html {
    let i18n = use_i18n();
    let employee = use_remote(props.employee_id, api::employees::get);
    let heading = match &employee.state.data {
        Some(e) => i18n.tf("assessment.rate_title", &[("name", &e.name)]),
        None => i18n.t("nav.rate").to_owned(),
    };
    let Ok(period) = props.period.parse::<Period>() else {
        return html! {
            <section class="page">
                <h1>{ heading }</h1>
                <div class="callout callout-warn" role="alert">
                    <p>{ i18n.tf("assessment.bad_period", &[("period", &props.period)]) }</p>
                </div>
            </section>
        };
    };
    html! {
        <section class="page">
            <h1>{ heading }</h1>
            if let Some(e) = &employee.state.data {
                <p class="lead">{ format!("{} · {}", e.position_title, periods::words(period, &i18n)) }</p>
            }
            <p><Link<Route> to={Route::Assessments}>{ i18n.t("assessment.to_list") }</Link<Route>></p>
            <ErrorBanner error={employee.state.error.clone()} on_retry={employee.reload.clone()} />
            <RatingEvidenceView employee_id={props.employee_id} {period} />
            <RatingPanel employee_id={props.employee_id} {period}
                name={employee.state.data.as_ref().map(|e| AttrValue::from(e.name.clone())).unwrap_or_default()} />
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct RatingPanelProps {
    employee_id: i64,
    period: Period,
    /// The employee's name, for the confirmation.
    name: AttrValue,
}

/// Loads the assessment of the period, if any: a draft is continued, a finalised one is only
/// pointed to.
#[component]
fn RatingPanel(props: &RatingPanelProps) -> Html {
    let i18n = use_i18n();
    let existing = use_remote((props.employee_id, props.period), |(id, period)| api::assessments::of(id, period));
    // While another employee's or period's assessment loads, the last one must not stand in for it.
    let body = match existing.state.data.as_deref() {
        _ if existing.state.loading => html! { <Loading /> },
        Some(Some(a)) if a.status != AssessmentStatus::Draft => html! {
            <div class="callout callout-info">
                <p>{ i18n.t("assessment.already_final") }</p>
                <Link<Route> to={Route::AssessmentDetail { id: a.id }}>{ i18n.t("assessment.open") }</Link<Route>>
            </div>
        },
        Some(found) => html! {
            <RatingForm key={format!("{}-{}", props.employee_id, props.period)} employee_id={props.employee_id}
                period={props.period} name={props.name.clone()} existing={found.clone()} />
        },
        None => html! {},
    };
    html! {
        <section class="panel rating-panel" aria-labelledby="rating-title">
            <h2 id="rating-title">{ i18n.t("assessment.form_title") }</h2>
            <ErrorBanner error={existing.state.error.clone()} on_retry={existing.reload.clone()} />
            { body }
        </section>
    }
}
