//! sea-orm entities, mirroring the migrations one table a file.

pub mod audit_log;
pub mod employees;
pub mod login_failures;
pub mod refresh_tokens;
pub mod settings;
pub mod units;
pub mod users;
