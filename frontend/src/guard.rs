//! Which page a route shows, given the session: the citizen pages in their public frame for
//! anyone, the sign-in page for those signed out, a "not allowed" note for roles that may not
//! open it, else the page inside the layout.

use crate::auth::{use_auth, AuthStatus};
use crate::components::{ErrorBanner, Layout, Loading, PublicLayout};
use crate::i18n::use_i18n;
use crate::pages;
use crate::route::Route;
use yew::prelude::*;
use yew_router::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ScreenProps {
    pub route: Route,
}

/// The screen for `route`.
#[component]
pub fn Screen(props: &ScreenProps) -> Html {
    let i18n = use_i18n();
    let auth = use_auth();
    let route = props.route.clone();
    {
        let title = format!("{} · Kinerja", i18n.t(route.label_key()));
        use_effect_with(title, |title| {
            if let Some(document) = web_sys::window().and_then(|w| w.document()) {
                document.set_title(title);
            }
        });
    }
    if let Some(page) = citizen_page(&route) {
        return html! { <PublicLayout>{ page }</PublicLayout> };
    }
    let Some(auth) = auth else {
        return html! {};
    };
    match auth.status() {
        AuthStatus::SignedOut if !route.is_public() => {
            html! { <Redirect<Route> to={Route::Login} /> }
        }
        AuthStatus::SignedOut => match route {
            Route::Login => html! { <pages::Login /> },
            Route::ResetPassword { token } => html! { <pages::ResetPassword token={token} /> },
            _ => html! { <pages::NotFound /> },
        },
        AuthStatus::Loading => html! {
            <div class="standalone"><Loading /></div>
        },
        AuthStatus::Failed(error) => {
            let retry = {
                let auth = auth.clone();
                Callback::from(move |()| auth.retry())
            };
            let sign_out = {
                let auth = auth.clone();
                Callback::from(move |_: MouseEvent| auth.sign_out())
            };
            html! {
                <div class="standalone">
                    <ErrorBanner error={Some(error.clone())} on_retry={retry} />
                    <button type="button" class="button-quiet" onclick={sign_out}>
                        { i18n.t("header.sign_out") }
                    </button>
                </div>
            }
        }
        AuthStatus::SignedIn(me) => {
            if route == Route::Login {
                return html! { <Redirect<Route> to={Route::Home} /> };
            }
            let page = if !route.allows(me) {
                html! { <pages::Forbidden /> }
            } else {
                match route {
                    Route::Home => html! { <pages::Home me={me.clone()} /> },
                    Route::Dashboard => html! { <pages::UnitDashboard me={me.clone()} unit_id={None::<i64>} /> },
                    Route::UnitDashboard { unit_id } => {
                        html! { <pages::UnitDashboard me={me.clone()} unit_id={Some(unit_id)} /> }
                    }
                    Route::City => html! { <pages::City /> },
                    Route::Tpp => html! { <pages::Tpp me={me.clone()} /> },
                    Route::Competencies => html! { <pages::Competencies me={me.clone()} /> },
                    Route::CompetencyGaps => html! { <pages::CompetencyGaps me={me.clone()} /> },
                    Route::ApiTokens => html! { <pages::ApiTokens /> },
                    Route::Deliveries => html! { <pages::Deliveries /> },
                    Route::DataQuality => html! { <pages::DataQualityPage me={me.clone()} /> },
                    Route::Pulse => html! { <pages::PulsePage me={me.clone()} /> },
                    Route::Talent => html! { <pages::TalentPage me={me.clone()} /> },
                    Route::Activities => html! { <pages::Activities me={me.clone()} /> },
                    Route::Verification => html! { <pages::Verification me={me.clone()} /> },
                    Route::TeamActivities => html! { <pages::TeamActivities /> },
                    Route::MyRealization => html! { <pages::MyRealization me={me.clone()} /> },
                    Route::Realization { skp_id } => html! { <pages::Realization me={me.clone()} {skp_id} /> },
                    Route::MyFeedback => html! { <pages::FeedbackPage me={me.clone()} employee_id={None::<i64>} /> },
                    Route::Feedback { employee_id } => {
                        html! { <pages::FeedbackPage me={me.clone()} employee_id={Some(employee_id)} /> }
                    }
                    Route::MySkp => html! { <pages::MySkp me={me.clone()} /> },
                    Route::TeamSkp => html! { <pages::TeamSkp me={me.clone()} /> },
                    Route::SkpDetail { id } => html! { <pages::SkpDetail me={me.clone()} {id} /> },
                    Route::Assessments => html! { <pages::Assessments me={me.clone()} /> },
                    Route::Objections => html! { <pages::Objections /> },
                    Route::RateEmployee { employee_id, period } => {
                        html! { <pages::AssessmentForm me={me.clone()} {employee_id} period={AttrValue::from(period)} /> }
                    }
                    Route::AssessmentDetail { id } => html! { <pages::AssessmentDetail me={me.clone()} {id} /> },
                    Route::Calibration => html! { <pages::Calibration me={me.clone()} /> },
                    Route::PerformanceMap => html! { <pages::PerformanceMap me={me.clone()} /> },
                    Route::Notifications => html! { <pages::Notifications /> },
                    Route::Profile => html! { <pages::Profile me={me.clone()} /> },
                    Route::Units => html! { <pages::Units me={me.clone()} /> },
                    Route::Employees => html! { <pages::Employees me={me.clone()} /> },
                    Route::EmployeeDetail { id } => html! { <pages::EmployeeDetail me={me.clone()} {id} /> },
                    Route::Settings => html! { <pages::Settings /> },
                    Route::Audit => html! { <pages::Audit /> },
                    Route::Complaints => html! { <pages::ComplaintQueue me={me.clone()} /> },
                    Route::ComplaintDetail { id } => html! { <pages::ComplaintDetail me={me.clone()} {id} /> },
                    Route::Ikm => html! { <pages::IkmPage me={me.clone()} /> },
                    Route::Forums => html! { <pages::Forums me={me.clone()} /> },
                    Route::ForumDetail { id } => html! { <pages::ForumDetail me={me.clone()} {id} /> },
                    Route::EvaluationTeam => html! { <pages::EvaluationTeamPage me={me.clone()} /> },
                    Route::EvaluationSessions => html! { <pages::EvaluationSessions me={me.clone()} /> },
                    Route::ResetPassword { token } => html! { <pages::ResetPassword {token} /> },
                    Route::Login
                    | Route::NotFound
                    | Route::ServiceUnits
                    | Route::Survey { .. }
                    | Route::SurveyPoster { .. }
                    | Route::FileComplaint
                    | Route::Track
                    | Route::TrackCode { .. }
                    | Route::PublicForums
                    | Route::PublicForum { .. }
                    | Route::PublicPulse { .. } => html! { <pages::NotFound /> },
                }
            };
            html! { <Layout me={me.clone()}>{ page }</Layout> }
        }
    }
}

/// The page of a citizen route (`None` for the others): the same whether signed in or not. The
/// citizen bundle shows the same pages but the poster, which staff print.
fn citizen_page(route: &Route) -> Option<Html> {
    match route {
        Route::SurveyPoster { code } => Some(html! { <pages::public::SurveyPoster code={code.clone()} /> }),
        _ => crate::citizen_app::page(route),
    }
}
