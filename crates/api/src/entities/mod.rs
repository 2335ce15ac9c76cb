//! sea-orm entities, mirroring the migrations one table a file.

pub mod activities;
pub mod activity_evidence;
pub mod audit_log;
pub mod complaint_events;
pub mod complaints;
pub mod dialogs;
pub mod employees;
pub mod evidence;
pub mod feedback;
pub mod ikm_publications;
pub mod ikm_settings;
pub mod kiosks;
pub mod login_failures;
pub mod notifications;
pub mod pk_goals;
pub mod rate_limits;
pub mod realization_notes;
pub mod refresh_tokens;
pub mod rhk;
pub mod rhk_indicators;
pub mod settings;
pub mod skp_behaviors;
pub mod skps;
pub mod surveys;
pub mod units;
pub mod users;
