//! Schema migrations, applied in order at start-up (`kinerja serve`) or by `kinerja migrate`.

pub use sea_orm_migration::prelude::*;

mod common;
mod m20261123_000001_create_units;
mod m20261123_000002_create_employees;
mod m20261123_000003_create_users;
mod m20261123_000004_create_auth_tables;
mod m20261123_000005_create_audit_log;
mod m20261123_000006_create_settings;
mod m20261123_000007_create_skp;
mod m20261123_000008_create_activities;
mod m20261123_000009_create_public_feedback;
mod m20261123_000010_create_assessments;
mod m20261123_000011_create_api_tokens;
mod m20261123_000012_create_attendance;
mod m20261123_000013_cover_activity_aggregates;
mod m20261123_000014_create_activity_daily_totals;
mod m20261123_000015_create_employee_last_activity;
mod m20261123_000016_create_competencies;
mod m20261123_000017_create_oversight;
mod m20261202_000018_join_id_lists;
mod m20261202_000019_notification_notices;
mod m20261202_000020_session_families;
mod m20261203_000021_drop_login_failures;
mod m20261203_000022_check_stored_numbers;
mod m20261203_000023_objection_response;
mod m20261203_000024_ikm_sample;
mod m20261203_000025_complaint_clocks;
mod m20261203_000026_result_departure;
mod m20261203_000027_attendance_early_apel;
mod m20261203_000028_create_sanctions;
mod m20261203_000029_placement_history;
mod m20261203_000030_decided_by_ppk;
mod m20261204_000031_idempotency_keys;
mod m20261204_000032_complaint_officer;
mod m20261205_000033_outbox;
mod m20261205_000034_message_settings;
mod m20261205_000035_reminder_marks;
mod m20261205_000036_password_resets;
mod m20261206_000037_message_digest;
mod m20261206_000038_leave;
mod m20261206_000039_webhooks;
mod m20261206_000040_data_quality;
mod m20261206_000041_indicator_feeds;
mod m20261206_000042_bkn_exports;
mod m20261207_000043_fairer_ratings;
mod m20261208_000044_partitioned_history;
mod m20261209_000045_dashboard_indexes;
pub mod partitioning;

/// All migrations of Kinerja.
pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261123_000001_create_units::Migration),
            Box::new(m20261123_000002_create_employees::Migration),
            Box::new(m20261123_000003_create_users::Migration),
            Box::new(m20261123_000004_create_auth_tables::Migration),
            Box::new(m20261123_000005_create_audit_log::Migration),
            Box::new(m20261123_000006_create_settings::Migration),
            Box::new(m20261123_000007_create_skp::Migration),
            Box::new(m20261123_000008_create_activities::Migration),
            Box::new(m20261123_000009_create_public_feedback::Migration),
            Box::new(m20261123_000010_create_assessments::Migration),
            Box::new(m20261123_000011_create_api_tokens::Migration),
            Box::new(m20261123_000012_create_attendance::Migration),
            Box::new(m20261123_000013_cover_activity_aggregates::Migration),
            Box::new(m20261123_000014_create_activity_daily_totals::Migration),
            Box::new(m20261123_000015_create_employee_last_activity::Migration),
            Box::new(m20261123_000016_create_competencies::Migration),
            Box::new(m20261123_000017_create_oversight::Migration),
            Box::new(m20261202_000018_join_id_lists::Migration),
            Box::new(m20261202_000019_notification_notices::Migration),
            Box::new(m20261202_000020_session_families::Migration),
            Box::new(m20261203_000021_drop_login_failures::Migration),
            Box::new(m20261203_000022_check_stored_numbers::Migration),
            Box::new(m20261203_000023_objection_response::Migration),
            Box::new(m20261203_000024_ikm_sample::Migration),
            Box::new(m20261203_000025_complaint_clocks::Migration),
            Box::new(m20261203_000026_result_departure::Migration),
            Box::new(m20261203_000027_attendance_early_apel::Migration),
            Box::new(m20261203_000028_create_sanctions::Migration),
            Box::new(m20261203_000029_placement_history::Migration),
            Box::new(m20261203_000030_decided_by_ppk::Migration),
            Box::new(m20261204_000031_idempotency_keys::Migration),
            Box::new(m20261204_000032_complaint_officer::Migration),
            Box::new(m20261205_000033_outbox::Migration),
            Box::new(m20261205_000034_message_settings::Migration),
            Box::new(m20261205_000035_reminder_marks::Migration),
            Box::new(m20261205_000036_password_resets::Migration),
            Box::new(m20261206_000037_message_digest::Migration),
            Box::new(m20261206_000038_leave::Migration),
            Box::new(m20261206_000039_webhooks::Migration),
            Box::new(m20261206_000040_data_quality::Migration),
            Box::new(m20261206_000041_indicator_feeds::Migration),
            Box::new(m20261206_000042_bkn_exports::Migration),
            Box::new(m20261207_000043_fairer_ratings::Migration),
            Box::new(m20261208_000044_partitioned_history::Migration),
            Box::new(m20261209_000045_dashboard_indexes::Migration),
        ]
    }
}
