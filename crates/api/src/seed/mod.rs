//! Data seeding: the demo city.

mod competency;
mod defects;
pub mod demo;
mod oversight;
mod plans;
mod public;
mod ratings;
mod work;
