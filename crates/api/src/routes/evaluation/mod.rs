//! Oversight beside the direct superior: the independent evaluation team (`teams`) and its reviews
//! of assessments (`reviews`), and the leadership's evaluation sessions with follow-ups (`sessions`).

pub mod reviews;
pub mod sessions;
pub mod teams;

use actix_web::web;

pub use reviews::*;
pub use sessions::*;
pub use teams::*;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(teams::list_teams)
        .service(teams::create_team)
        .service(teams::update_team)
        .service(teams::team_assessments)
        .service(reviews::assessment_reviews_of)
        .service(reviews::create_review)
        .service(reviews::list_reviews)
        .service(reviews::respond)
        .service(sessions::list_sessions)
        .service(sessions::create_session)
        .service(sessions::get_session)
        .service(sessions::add_follow_up)
        .service(sessions::add_calibration_change)
        .service(sessions::lock_session)
        .service(sessions::list_follow_ups)
        .service(sessions::update_follow_up);
}
