//! Everything that talks to the server: one fetch wrapper ([`client`]), the error it returns
//! ([`ApiError`]), the stored session ([`session`]) and one module of typed calls per resource.

pub mod accounts;
pub mod activities;
pub mod api_tokens;
pub mod assessments;
pub mod audit;
pub mod auth;
pub mod bkn;
pub mod client;
pub mod competencies;
pub mod complaints;
pub mod dashboard;
pub mod data_quality;
pub mod deliveries;
pub mod employees;
mod error;
pub mod evaluation_sessions;
pub mod evaluation_teams;
pub mod evidence;
pub mod feedback;
pub mod forums;
pub mod ikm;
pub mod imports;
pub mod leave;
pub mod messages;
pub mod notifications;
pub mod pk;
pub mod public;
pub mod pulse;
pub mod realization;
pub mod sanctions;
pub mod session;
pub mod settings;
pub mod skp;
pub mod talent;
pub mod tpp;
pub mod units;

pub use error::ApiError;
