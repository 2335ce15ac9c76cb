//! sea-orm entities, mirroring the migrations one table a file.

pub mod audit_log;
pub mod employees;
pub mod login_failures;
pub mod notifications;
pub mod pk_goals;
pub mod refresh_tokens;
pub mod rhk;
pub mod rhk_indicators;
pub mod settings;
pub mod skp_behaviors;
pub mod skps;
pub mod units;
pub mod users;
