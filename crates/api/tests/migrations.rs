//! The newest migration goes down and up again without losing what it moved: the id lists (a team's
//! members and units, a session's employees, a commitment's aspirasi, a realisation note's
//! evidence) survive the trip from join tables back to JSON and into join tables again.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::TestApp;
use kinerja_migrations::{Migrator, MigratorTrait};
use sea_orm::{ConnectionTrait, Statement};

async fn links(app: &TestApp) -> Vec<(String, i64)> {
    let mut out = Vec::new();
    for (table, key) in [
        ("evaluation_team_members", "employee_id"),
        ("evaluation_team_units", "unit_id"),
        ("evaluation_session_employees", "employee_id"),
        ("forum_commitment_inputs", "input_id"),
        ("realization_note_evidence", "evidence_id"),
    ] {
        let sql = format!("SELECT {key} AS id FROM {table} ORDER BY 1");
        let rows = app.db.query_all_raw(Statement::from_string(app.db.get_database_backend(), sql)).await.unwrap();
        for row in rows {
            out.push((table.to_owned(), row.try_get::<i64>("", "id").unwrap()));
        }
    }
    out
}

async fn the_join_tables_survive_down_and_up(app: TestApp) {
    // Oversight records come with the past ratings of the demo city.
    let extras = kinerja_api::seed::demo::Extras { past_ratings: true, ..Default::default() };
    kinerja_api::seed::demo::run_with(&app.db, &extras).await.unwrap();
    let before = links(&app).await;
    assert!(before.len() >= 6, "the demo city fills every join table: {before:?}");
    Migrator::down(&app.db, Some(1)).await.unwrap();
    Migrator::up(&app.db, None).await.unwrap();
    assert_eq!(links(&app).await, before);
    let (status, teams) = app.get("/api/v1/evaluation-teams", &app.token("admin").await).await;
    assert_eq!(status, reqwest::StatusCode::OK);
    assert_eq!(teams["items"][0]["members"].as_array().unwrap().len(), 2, "{teams}");
}

db_tests!(the_join_tables_survive_down_and_up);
