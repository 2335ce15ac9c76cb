//! The Kinerja server: configuration, start-up, HTTP routes, persistence and the command line.

pub mod audit;
pub mod auth;
pub mod cli;
pub mod config;
pub mod control_chars;
pub mod db;
pub mod delivery;
pub mod downloads;
pub mod entities;
pub mod error;
pub mod methods;
pub mod openapi;
pub mod pages;
pub mod partitions;
pub mod pemda_settings;
pub mod policy;
pub mod read_replica;
pub mod routes;
pub mod seed;
pub mod services;
pub mod spa;
pub mod startup;
pub mod state;
pub mod storage;
pub mod stored;
pub mod telemetry;
pub mod uploads;

pub use config::Config;
pub use startup::Application;
