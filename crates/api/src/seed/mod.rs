//! Data seeding: the demo city.

mod competency;
pub mod demo;
mod plans;
mod public;
mod ratings;
mod work;
