//! sea-orm entities, mirroring the migrations one table a file.

pub mod activities;
pub mod activity_evidence;
pub mod audit_log;
pub mod dialogs;
pub mod employees;
pub mod evidence;
pub mod feedback;
pub mod login_failures;
pub mod notifications;
pub mod pk_goals;
pub mod realization_notes;
pub mod refresh_tokens;
pub mod rhk;
pub mod rhk_indicators;
pub mod settings;
pub mod skp_behaviors;
pub mod skps;
pub mod units;
pub mod users;
