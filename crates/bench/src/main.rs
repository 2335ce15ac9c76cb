//! `kinerja-bench`: performance figures measured against the real server over HTTP.
//!
//! `kinerja-bench activities --backend sqlite|postgres` seeds a city of 20,000 employees with 230
//! working days of activities each (≈4.6 million rows), then times listing one supervisor's
//! pending queue and one unit's month of activities, and prints the figures.

mod city;
mod measure;

use clap::{Parser, Subcommand, ValueEnum};
use std::time::Instant;

#[derive(Parser)]
#[command(name = "kinerja-bench", about = "Kinerja benchmarks (build with --release)")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq, Debug)]
enum Backend {
    Sqlite,
    Postgres,
}

#[derive(Subcommand)]
enum Command {
    /// Seed a large city and time the activity lists.
    Activities {
        #[arg(long, value_enum, default_value = "sqlite")]
        backend: Backend,
        /// Employees in the city.
        #[arg(long, default_value_t = 20_000)]
        employees: u32,
        /// Working days of activities per employee.
        #[arg(long, default_value_t = 230)]
        days: u32,
        /// Timed requests per measurement.
        #[arg(long, default_value_t = 50)]
        samples: usize,
        /// PostgreSQL server for `--backend postgres` (a fresh database is created and dropped).
        #[arg(long, default_value = "postgres://postgres@127.0.0.1:5432/postgres")]
        postgres_url: String,
    },
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let Command::Activities { backend, employees, days, samples, postgres_url } = Cli::parse().command;
    let dir = tempfile::tempdir()?;
    let (url, cleanup) = match backend {
        Backend::Sqlite => (kinerja_api::config::default_database_url(dir.path()), None),
        Backend::Postgres => {
            let name = format!("kinerja_bench_{}", std::process::id());
            city::create_database(&postgres_url, &name).await?;
            let (base, _) = postgres_url.rsplit_once('/').unwrap_or((&postgres_url, ""));
            (format!("{base}/{name}"), Some(name))
        }
    };
    let result = run(&url, dir.path(), backend, employees, days, samples).await;
    if let Some(name) = cleanup {
        city::drop_database(&postgres_url, &name).await?;
    }
    result
}

async fn run(
    url: &str,
    dir: &std::path::Path,
    backend: Backend,
    employees: u32,
    days: u32,
    samples: usize,
) -> anyhow::Result<()> {
    let db = kinerja_api::db::open(url).await?;
    println!("kinerja-bench activities — {backend:?}, {employees} employees × {days} working days");
    let started = Instant::now();
    let city = city::seed(&db, employees, days).await?;
    let seeded = started.elapsed();
    println!(
        "seed: {} activities in {:.1} s ({:.0} rows/s)",
        city.activities,
        seeded.as_secs_f64(),
        city.activities as f64 / seeded.as_secs_f64()
    );

    let mut config =
        kinerja_api::Config::new(dir, Some(url.to_owned()), b"bench-secret-bench-secret-bench-secret".to_vec());
    config.bind = "127.0.0.1:0".into();
    config.static_dir = dir.join("no-spa");
    let app = kinerja_api::Application::build_with_db(config, db)?;
    let base = format!("http://127.0.0.1:{}", app.port());
    tokio::spawn(app.into_server());
    let client = reqwest::Client::new();

    let queue =
        measure::timed(&client, &base, &city.supervisor_login, "/api/v1/activities?queue=true&per_page=50", samples)
            .await?;
    queue.print("pending queue of one supervisor");
    let month =
        format!("/api/v1/activities?unit_id={}&from={}&to={}&per_page=50", city.unit_id, city.month.0, city.month.1);
    let unit = measure::timed(&client, &base, &city.head_login, &month, samples).await?;
    unit.print("one unit's month of activities");
    let health = measure::timed(&client, &base, &city.head_login, "/health", samples).await?;
    health.print("GET /health (the machine's ceiling)");
    Ok(())
}
