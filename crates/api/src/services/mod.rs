//! Work shared by HTTP routes and the command line.

pub mod accounts;
pub mod activity;
pub mod activity_totals;
pub mod api_tokens;
pub mod assessments;
pub mod attendance_import;
pub mod competency;
pub mod csv_import;
pub mod dashboard;
pub mod employee_import;
pub mod identity;
pub mod ikm;
pub mod inbox;
pub mod links;
pub mod notify;
pub mod org_tree;
pub mod oversight;
pub mod paging;
pub mod people;
pub mod pk;
pub mod public_codes;
pub mod rate_limit;
pub mod rating;
pub mod skp;
pub mod tpp;
pub mod units;
