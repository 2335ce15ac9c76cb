//! Data seeding: the demo city.

pub mod demo;
mod plans;
mod public;
mod ratings;
mod work;
