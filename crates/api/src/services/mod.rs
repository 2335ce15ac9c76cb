//! Work shared by HTTP routes and the command line.

pub mod activity;
pub mod dashboard;
pub mod employee_import;
pub mod notify;
pub mod rate_limit;
pub mod skp;
