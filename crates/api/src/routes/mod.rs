//! HTTP routes, one module a resource, each with its own `configure`.

pub mod activities;
pub mod api_tokens;
pub mod assessments;
pub mod audit;
pub mod auth;
pub mod bkn_exports;
pub mod competencies;
pub mod complaints;
pub mod dashboard;
pub mod data_quality;
pub mod deliveries;
pub mod employees;
pub mod evaluation;
pub mod evidence;
pub mod exports;
pub mod feedback;
pub mod forums;
pub mod health;
pub mod idempotency;
pub mod ikm;
pub mod imports;
pub mod indicator_feeds;
pub mod leave;
pub mod list;
pub mod me;
pub mod message_settings;
pub mod notifications;
pub mod peta;
pub mod pk;
pub mod public;
pub mod pulse;
pub mod realization;
pub mod records;
pub mod reports;
pub mod sanctions;
pub mod settings;
pub mod skps;
pub mod spreadsheet;
pub mod talent;
pub mod tpp;
pub mod units;
pub mod users;
pub mod viewer;
pub mod webhooks;

use actix_web::web;

/// Mounts every `/api/v1` route.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::scope("/api/v1")
            .configure(auth::configure)
            .configure(me::configure)
            .configure(message_settings::configure)
            .configure(units::configure)
            .configure(employees::configure)
            .configure(users::configure)
            .configure(audit::configure)
            .configure(settings::configure)
            .configure(pk::configure)
            .configure(skps::configure)
            .configure(peta::configure)
            .configure(notifications::configure)
            .configure(activities::configure)
            .configure(evidence::configure)
            .configure(realization::configure)
            .configure(indicator_feeds::configure)
            .configure(feedback::configure)
            .configure(public::configure)
            .configure(complaints::configure)
            .configure(ikm::configure)
            .configure(assessments::configure)
            .configure(api_tokens::configure)
            .configure(dashboard::configure)
            .configure(deliveries::configure)
            .configure(webhooks::configure)
            .configure(data_quality::configure)
            .configure(tpp::configure)
            .configure(sanctions::configure)
            .configure(leave::configure)
            .configure(reports::configure)
            .configure(exports::configure)
            .configure(bkn_exports::configure)
            .configure(competencies::configure)
            .configure(evaluation::configure)
            .configure(forums::configure)
            .configure(pulse::configure)
            .configure(talent::configure)
            .default_service(web::to(crate::methods::not_routed)),
    );
}
