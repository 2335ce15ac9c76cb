//! One component per screen.

mod activities;
mod activity_form;
mod api_token_form;
mod api_tokens;
mod assessment_decision;
mod assessment_detail;
mod assessment_form;
mod assessment_response;
mod assessments;
mod attendance_import;
mod audit;
mod behavior_editor;
mod calibration;
mod city;
mod competencies;
mod competency_gaps;
mod complaint_detail;
mod complaint_queue;
mod dashboard;
mod dialog_form;
mod employee_form;
mod employees;
mod evaluation_sessions;
mod evaluation_team;
mod feedback;
mod forbidden;
mod forum_commitments;
mod forum_detail;
mod forum_inputs;
mod forums;
mod home;
mod ikm;
mod login;
mod not_found;
mod notifications;
mod objection_answer;
mod objections;
mod performance_map;
mod pk_goal_form;
mod profile;
pub mod public;
mod rating_evidence;
mod realization;
mod review_notes;
mod rhk_form;
mod sanctions;
mod session_form;
mod settings;
mod settings_draft;
mod skp_detail;
mod skp_mine;
mod skp_team;
mod team_activities;
mod team_admin;
mod team_review;
mod tpp;
mod unit_form;
mod units;
mod verification;

pub use activities::Activities;
pub use api_tokens::ApiTokens;
pub use assessment_detail::AssessmentDetail;
pub use assessment_form::AssessmentForm;
pub use assessments::Assessments;
pub use audit::Audit;
pub use calibration::Calibration;
pub use city::City;
pub use competencies::Competencies;
pub use competency_gaps::CompetencyGaps;
pub use complaint_detail::ComplaintDetail;
pub use complaint_queue::ComplaintQueue;
pub use dashboard::UnitDashboard;
pub use employees::Employees;
pub use evaluation_sessions::EvaluationSessions;
pub use evaluation_team::EvaluationTeamPage;
pub use feedback::FeedbackPage;
pub use forbidden::Forbidden;
pub use forum_detail::ForumDetail;
pub use forums::Forums;
pub use home::Home;
pub use ikm::IkmPage;
pub use login::Login;
pub use not_found::NotFound;
pub use notifications::Notifications;
pub use objections::Objections;
pub use performance_map::PerformanceMap;
pub use profile::Profile;
pub use realization::{MyRealization, Realization};
pub use settings::Settings;
pub use skp_detail::SkpDetail;
pub use skp_mine::MySkp;
pub use skp_team::TeamSkp;
pub use team_activities::TeamActivities;
pub use tpp::Tpp;
pub use units::Units;
pub use verification::Verification;

use kinerja_types::Me;
use std::rc::Rc;
use yew::Properties;

/// Props of a page that needs the signed-in user.
#[derive(Properties, PartialEq)]
pub struct PageProps {
    pub me: Rc<Me>,
}
