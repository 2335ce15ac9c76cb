//! `kinerja-bench`: performance figures measured against the real server over HTTP.
//!
//! Both commands seed a city of 20,000 employees with 230 working days of activities each
//! (≈4.6 million rows) and October's attendance, then time requests:
//! - `activities`: one supervisor's pending queue and one unit's month of activities;
//! - `dashboard`: one dinas dashboard, the city dashboard and the city's TPP CSV, and the
//!   dashboard's main SQL run directly on the database, to show the API's overhead as a ratio;
//! - `load`: many concurrent clients with a working day's mix for a fixed time, then `/health`.
//!
//! `rush` seeds one dinas of 5,000 on PostgreSQL and replays the end-of-month back-fill (see
//! `rush.rs`).
//!
//! `http` instead seeds the small demo city and measures an authenticated request against
//! `/health` with `wrk` (see `http.rs`), on SQLite and on PostgreSQL.

mod city;
mod failover;
mod http;
mod load;
mod measure;
mod rush;

use chrono::Datelike;
use clap::{Args, Parser, Subcommand, ValueEnum};
use sea_orm::{ConnectionTrait, DatabaseConnection, Statement};
use std::time::{Duration, Instant};

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

/// The city to seed and how to measure.
#[derive(Args)]
struct CityArgs {
    #[arg(long, value_enum, default_value = "sqlite")]
    backend: Backend,
    /// Employees in the city.
    #[arg(long, default_value_t = 20_000)]
    employees: u32,
    /// Working days of activities per employee.
    #[arg(long, default_value_t = 230)]
    days: u32,
    /// Years of activities: the seeded year and as many before it, each a copy of its working days
    /// (on PostgreSQL each year is a partition; `--years 10` with 20,000 employees is 46 million rows).
    #[arg(long, default_value_t = 1)]
    years: u32,
    /// Timed requests per measurement.
    #[arg(long, default_value_t = 50)]
    samples: usize,
    /// PostgreSQL server for `--backend postgres` (a fresh database is created and dropped).
    #[arg(long, default_value = "postgres://postgres@127.0.0.1:5432/postgres")]
    postgres_url: String,
    /// Keep the PostgreSQL database after the run (its name is printed), to profile its queries.
    #[arg(long)]
    keep_database: bool,
}

#[derive(Subcommand)]
enum Command {
    /// Time the activity lists.
    Activities(CityArgs),
    /// Time the dashboards and the TPP report.
    Dashboard(CityArgs),
    /// Both: the dashboards and the activity lists on one seeded city (for `--years 10`, seeded once).
    History(CityArgs),
    /// Drive the server with concurrent clients and a realistic mix.
    /// `/health`, `/api/v1/me` and `/api/v1/units` under wrk, as ratios to `/health`.
    Http {
        /// One backend; both by default.
        #[arg(long, value_enum)]
        backend: Option<Backend>,
        /// Concurrent connections.
        #[arg(long, default_value_t = 64)]
        connections: usize,
        /// Seconds per endpoint.
        #[arg(long, default_value_t = 10)]
        seconds: u64,
        /// How long the server keeps identities, scopes, settings and units (0: read on every
        /// request, to see what the cache saves).
        #[arg(long, default_value_t = 3)]
        cache_seconds: u64,
        #[arg(long, default_value = "postgres://postgres@127.0.0.1:5432/postgres")]
        postgres_url: String,
    },
    /// The end-of-month back-fill: every employee of one dinas posts and submits a week while
    /// their penilai approve in bulk; then the writes are checked.
    Rush {
        #[arg(long, value_enum, default_value = "postgres")]
        backend: Backend,
        /// Employees of the dinas.
        #[arg(long, default_value_t = 5_000)]
        employees: u32,
        /// Minutes over which the employees start their week, in the first run.
        #[arg(long, default_value_t = 10)]
        minutes: u64,
        /// Concurrent workers of the second, compressed run (0: none), each sending one
        /// employee's week at a time.
        #[arg(long, default_value_t = 64)]
        clients: usize,
        #[arg(long, default_value = "postgres://postgres@127.0.0.1:5432/postgres")]
        postgres_url: String,
    },
    /// Two `kinerja serve` replicas behind nginx (deploy/nginx.conf) under the load mix, one killed
    /// with SIGKILL halfway: fails unless no client saw a failed request and every acknowledged
    /// post was written once.
    Failover {
        /// Concurrent clients.
        #[arg(long, default_value_t = 32)]
        clients: usize,
        /// Seconds of load (the replica is killed at half).
        #[arg(long, default_value_t = 20)]
        seconds: u64,
        /// Mean pause of each client between requests, in milliseconds.
        #[arg(long, default_value_t = 100)]
        think_ms: u64,
        /// Employees in the city.
        #[arg(long, default_value_t = 400)]
        employees: u32,
        /// The `kinerja` program (default: beside this one).
        #[arg(long)]
        kinerja: Option<std::path::PathBuf>,
        #[arg(long, default_value = "postgres://postgres@127.0.0.1:5432/postgres")]
        postgres_url: String,
    },
    Load {
        #[command(flatten)]
        city: CityArgs,
        /// Concurrent clients.
        #[arg(long, default_value_t = 64)]
        clients: usize,
        /// Seconds of each run (with pauses, without, and on /health).
        #[arg(long, default_value_t = 20)]
        seconds: u64,
        /// Mean pause of each client between an answer and its next request, in milliseconds.
        #[arg(long, default_value_t = 1000)]
        think_ms: u64,
    },
}

/// What to measure.
enum Bench {
    Activities,
    Dashboard,
    History,
    Load { clients: usize, seconds: u64, think_ms: u64 },
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let command = Cli::parse().command;
    if let Command::Http { backend, connections, seconds, cache_seconds, postgres_url } = command {
        let backends = match backend {
            Some(b) => vec![b],
            None => vec![Backend::Sqlite, Backend::Postgres],
        };
        for b in backends {
            http_bench(b, connections, seconds, Duration::from_secs(cache_seconds), &postgres_url).await?;
        }
        return Ok(());
    }
    if let Command::Rush { backend, employees, minutes, clients, postgres_url } = command {
        let args = CityArgs {
            backend,
            employees,
            days: 0,
            years: 1,
            samples: 0,
            postgres_url: postgres_url.clone(),
            keep_database: false,
        };
        with_database(&args, |url, dir| {
            rush_bench(url, dir, employees, rush::Arrival::Spread(Duration::from_secs(minutes * 60)))
        })
        .await?;
        if clients > 0 {
            with_database(&args, |url, dir| rush_bench(url, dir, employees, rush::Arrival::Workers(clients))).await?;
        }
        return Ok(());
    }
    if let Command::Failover { clients, seconds, think_ms, employees, kinerja, postgres_url } = command {
        let args = CityArgs {
            backend: Backend::Postgres,
            employees,
            days: 0,
            years: 1,
            samples: 0,
            postgres_url,
            keep_database: false,
        };
        let options =
            failover::Options { clients, seconds, think: Duration::from_millis(think_ms), employees, kinerja };
        return with_database(&args, |url, dir| async move { failover::run(&url, &dir, options).await }).await;
    }
    let (args, bench) = match command {
        Command::Activities(a) => (a, Bench::Activities),
        Command::Dashboard(a) => (a, Bench::Dashboard),
        Command::History(a) => (a, Bench::History),
        Command::Load { city, clients, seconds, think_ms } => (city, Bench::Load { clients, seconds, think_ms }),
        Command::Http { .. } | Command::Rush { .. } | Command::Failover { .. } => unreachable!("handled above"),
    };
    with_database(&args, |url, dir| run(url, dir, &args, bench)).await
}

/// Runs `f` on a fresh database of the backend (a PostgreSQL one is created and dropped after).
async fn with_database<F, Fut>(args: &CityArgs, f: F) -> anyhow::Result<()>
where
    F: FnOnce(String, std::path::PathBuf) -> Fut,
    Fut: std::future::Future<Output = anyhow::Result<()>>,
{
    let dir = tempfile::tempdir()?;
    let (url, cleanup) = match args.backend {
        Backend::Sqlite => (kinerja_api::config::default_database_url(dir.path()), None),
        Backend::Postgres => {
            let name = format!("kinerja_bench_{}", std::process::id());
            city::create_database(&args.postgres_url, &name).await?;
            let (base, _) = args.postgres_url.rsplit_once('/').unwrap_or((&args.postgres_url, ""));
            (format!("{base}/{name}"), Some(name))
        }
    };
    let result = f(url, dir.path().to_path_buf()).await;
    match cleanup {
        Some(name) if args.keep_database => println!("database kept: {name}"),
        Some(name) => city::drop_database(&args.postgres_url, &name).await?,
        None => {}
    }
    result
}

/// The demo city on a fresh database of `backend`, served in this process, driven by wrk.
async fn http_bench(
    backend: Backend,
    connections: usize,
    seconds: u64,
    cache: Duration,
    postgres_url: &str,
) -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let (url, cleanup) = match backend {
        Backend::Sqlite => (kinerja_api::config::default_database_url(dir.path()), None),
        Backend::Postgres => {
            let name = format!("kinerja_bench_http_{}", std::process::id());
            city::create_database(postgres_url, &name).await?;
            let (base, _) = postgres_url.rsplit_once('/').unwrap_or((postgres_url, ""));
            (format!("{base}/{name}"), Some(name))
        }
    };
    let result = async {
        let db = kinerja_api::db::open(&url).await?;
        kinerja_api::seed::demo::run(&db).await?;
        let mut config =
            kinerja_api::Config::new(dir.path(), Some(url.clone()), b"bench-secret-bench-secret-bench-secret".to_vec());
        config.bind = "127.0.0.1:0".into();
        config.static_dir = dir.path().join("no-spa");
        config.identity_cache = cache;
        let app = kinerja_api::Application::build_with_db(config, db)?;
        let base = format!("http://127.0.0.1:{}", app.port());
        let server = app.into_server();
        let handle = server.handle();
        tokio::spawn(server);
        let token = http::sign_in(&base, "kadinkes", kinerja_api::seed::demo::DEMO_PASSWORD).await?;
        println!(
            "kinerja-bench http — {backend:?}, demo city, signed in as kadinkes, {connections} connections, {seconds} s each, cache {} s",
            cache.as_secs()
        );
        let driven = http::drive(&base, &token, connections, seconds).await;
        handle.stop(true).await;
        driven
    }
    .await;
    if let Some(name) = cleanup {
        city::drop_database(postgres_url, &name).await?;
    }
    result
}

const SECRET: &[u8] = b"bench-secret-bench-secret-bench-secret";

/// The deadline rush on one dinas of `employees` (see `rush.rs`).
async fn rush_bench(
    url: String,
    dir: std::path::PathBuf,
    employees: u32,
    arrival: rush::Arrival,
) -> anyhow::Result<()> {
    let db = kinerja_api::db::open(&url).await?;
    let days = rush::week(rush::today());
    let how = match arrival {
        rush::Arrival::Spread(span) => format!("each starting their week at an even step over {} s", span.as_secs()),
        rush::Arrival::Workers(n) => format!("{n} workers, each taking the next employee at once"),
    };
    println!("kinerja-bench rush — one dinas of {employees}, {how}; the week {} to {}", days[0], days[days.len() - 1]);
    let started = Instant::now();
    let city = city::seed_shaped(&db, employees, 0, employees, days[0].year()).await?;
    let (staff, penilai) = rush::tokens(&db, SECRET, city.opd_id).await?;
    println!("seed: {employees} employees and their sign-ins in {:.1} s", started.elapsed().as_secs_f64());
    let mut config = kinerja_api::Config::new(&dir, Some(url.clone()), SECRET.to_vec());
    config.bind = "127.0.0.1:0".into();
    config.static_dir = dir.join("no-spa");
    let app = kinerja_api::Application::build_with_db(config, db.clone())?;
    let base = format!("http://127.0.0.1:{}", app.port());
    tokio::spawn(app.into_server());
    // Early in January the week lies in December: days back wide enough to reach it.
    let office = kinerja_domain::calendar::Calendar::office(Default::default());
    if office.working_days_back(rush::today(), 7) > days[0] {
        let admin = load::login(&reqwest::Client::new(), &base, &city.admin_login).await?;
        reqwest::Client::new()
            .patch(format!("{base}/api/v1/settings"))
            .bearer_auth(admin)
            .json(&serde_json::json!({ "activity_max_days_back": 30 }))
            .send()
            .await?
            .error_for_status()?;
    }
    let staff_count = staff.len();
    let posts = staff_count * (days.len() * 2 + 1);
    println!(
        "{staff_count} staff post {posts} activities (two a working day, one more racing the cap on the first) and submit the drafts; {} penilai approve in bulk",
        penilai.len()
    );
    let crowd = std::sync::Arc::new(rush::Crowd { base, staff, penilai });
    let mut outcome = rush::run(crowd, arrival, days.clone()).await?;
    outcome.report.print("the rush");
    println!("  cap races with exactly one refused: {} of {}", outcome.races_held, outcome.races);
    println!("  retries answered with the first activity: {} of {}", outcome.retries_replayed, outcome.retries);
    rush::check(&db, staff_count, &days).await?;
    if outcome.races_held != outcome.races || outcome.retries_replayed != outcome.retries {
        anyhow::bail!("a concurrency trap was not held");
    }
    Ok(())
}

async fn run(url: String, dir: std::path::PathBuf, args: &CityArgs, bench: Bench) -> anyhow::Result<()> {
    let (url, dir) = (url.as_str(), dir.as_path());
    let db = kinerja_api::db::open(url).await?;
    let what = match bench {
        Bench::Activities => "activities",
        Bench::Dashboard => "dashboard",
        Bench::History => "history",
        Bench::Load { .. } => "load",
    };
    println!("kinerja-bench {what} — {:?}, {} employees × {} working days", args.backend, args.employees, args.days);
    let started = Instant::now();
    let city = city::seed(&db, args.employees, args.days).await?;
    let mut activities = city.activities;
    if args.years > 1 {
        activities += city::add_past_years(&db, args.days, args.years - 1).await?;
    }
    let seeded = started.elapsed();
    println!(
        "seed: {} activities over {} year(s) in {:.1} s ({:.0} rows/s)",
        activities,
        args.years,
        seeded.as_secs_f64(),
        activities as f64 / seeded.as_secs_f64()
    );
    if args.backend == Backend::Postgres {
        let size = db
            .query_one_raw(Statement::from_string(
                sea_orm::DbBackend::Postgres,
                "SELECT pg_database_size(current_database()) AS n, (SELECT SUM(pg_total_relation_size(relid)) FROM pg_partition_tree('activities'))::bigint AS a, \
                 (SELECT COUNT(*) FROM pg_inherits WHERE inhparent = 'activities'::regclass) AS p"
                    .to_owned(),
            ))
            .await?
            .map(|r| {
                (
                    r.try_get::<i64>("", "n").unwrap_or(0),
                    r.try_get::<i64>("", "a").unwrap_or(0),
                    r.try_get::<i64>("", "p").unwrap_or(0),
                )
            })
            .unwrap_or_default();
        println!(
            "disk: database {:.1} GB, of which the activities (heap and indexes) {:.1} GB in {} partitions",
            size.0 as f64 / 1e9,
            size.1 as f64 / 1e9,
            size.2
        );
    }

    let mut config = kinerja_api::Config::new(dir, Some(url.to_owned()), SECRET.to_vec());
    config.bind = "127.0.0.1:0".into();
    config.static_dir = dir.join("no-spa");
    if matches!(bench, Bench::Load { .. }) {
        // Deployed as the server runs by default: dashboards computed in the last 30 s are served
        // again. The dashboard benchmark keeps this off, to time the computation itself.
        config.dashboard_cache = Duration::from_secs(30);
    }
    let app = kinerja_api::Application::build_with_db(config, db.clone())?;
    let base = format!("http://127.0.0.1:{}", app.port());
    tokio::spawn(app.into_server());
    let client = reqwest::Client::new();
    let samples = args.samples;

    if let Bench::Load { clients, seconds, think_ms } = bench {
        let staff = city::staff(&db, city.kasi_id, clients).await?;
        let token = |who: (String, String)| {
            let (client, base) = (client.clone(), base.clone());
            async move {
                let r: serde_json::Value = client
                    .post(format!("{base}/api/v1/auth/login"))
                    .json(&serde_json::json!({ "username": who.0, "password": who.1 }))
                    .send()
                    .await?
                    .json()
                    .await?;
                r["access_token"].as_str().map(str::to_owned).ok_or_else(|| anyhow::anyhow!("login: {r}"))
            }
        };
        let actors = std::sync::Arc::new(load::Actors {
            base: base.clone(),
            kasi_token: token(city.supervisor_login.clone()).await?,
            head_token: token(city.head_login.clone()).await?,
            dashboard_path: format!("/api/v1/dashboard/units/{}", city.opd_id),
            staff,
        });
        let duration = Duration::from_secs(seconds);
        let think = Duration::from_millis(think_ms);
        println!("{clients} clients; mix: 2 % sign-in, 33 % activity post, 45 % queue read, 20 % dinas dashboard");
        let pace = |think: Duration, health_only: bool| load::Pace { duration, think, health_only };
        load::run(actors.clone(), clients, pace(think, false))
            .await?
            .print(&format!("mixed load, each client pausing {think_ms} ms on average between requests"));
        load::run(actors.clone(), clients, pace(Duration::ZERO, false))
            .await?
            .print("the same mix without pauses (the server's capacity: every client waits in line)");
        load::run(actors, clients, pace(Duration::ZERO, true))
            .await?
            .print("GET /health with the same clients, without pauses (the machine's ceiling)");
        return Ok(());
    }
    if matches!(bench, Bench::Dashboard | Bench::History) {
        let month = "2026-10";
        let path = format!("/api/v1/dashboard/units/{}?period={month}", city.opd_id);
        let dinas = measure::timed(&client, &base, &city.head_login, &path, samples).await?;
        dinas.print("dashboard of one dinas (333 employees) for a month");
        let units: Vec<i64> =
            kinerja_api::services::org_tree::unit_subtree(&db, city.opd_id).await?.into_iter().collect();
        let direct = direct_sql(&db, &units, month, samples).await?;
        println!(
            "  its main SQL (the period's activities per unit and status) run directly: median {:.1} ms; API / DB = {:.1}",
            direct.as_secs_f64() * 1000.0,
            dinas.median_ms() / (direct.as_secs_f64() * 1000.0).max(0.001)
        );
        let city_samples = samples.min(10);
        let whole = measure::timed(
            &client,
            &base,
            &city.admin_login,
            &format!("/api/v1/dashboard/city?period={month}"),
            city_samples,
        )
        .await?;
        whole.print("city dashboard (every OPD side by side) for a month");
        let all: Vec<i64> = kinerja_api::services::org_tree::unit_subtree(&db, 1).await?.into_iter().collect();
        let direct = direct_sql(&db, &all, month, city_samples).await?;
        println!(
            "  its main SQL run directly: median {:.1} ms; API / DB = {:.1}",
            direct.as_secs_f64() * 1000.0,
            whole.median_ms() / (direct.as_secs_f64() * 1000.0).max(0.001)
        );
        let tpp = measure::timed(
            &client,
            &base,
            &city.admin_login,
            &format!("/api/v1/reports/tpp?month={month}&format=csv"),
            city_samples,
        )
        .await?;
        tpp.print("TPP of the whole city as CSV for a month");
    }
    if matches!(bench, Bench::Activities | Bench::History) {
        let queue = measure::timed(
            &client,
            &base,
            &city.supervisor_login,
            "/api/v1/activities?queue=true&per_page=50",
            samples,
        )
        .await?;
        queue.print("pending queue of one supervisor");
        let month = format!(
            "/api/v1/activities?unit_id={}&from={}&to={}&per_page=50",
            city.unit_id, city.month.0, city.month.1
        );
        let unit = measure::timed(&client, &base, &city.head_login, &month, samples).await?;
        unit.print("one unit's month of activities");
    }
    let health = measure::timed(&client, &base, &city.head_login, "/health", samples).await?;
    health.print("GET /health (the machine's ceiling)");
    Ok(())
}

/// The median time of the dashboard's main SQL run directly on the database: the period's
/// activities per unit — approved work from the daily totals and the rest by status — the same two
/// statements the dashboard sends.
async fn direct_sql(db: &DatabaseConnection, units: &[i64], month: &str, samples: usize) -> anyhow::Result<Duration> {
    let ids = units.iter().map(i64::to_string).collect::<Vec<_>>().join(",");
    let range = format!("BETWEEN '{month}-01' AND '{month}-31'");
    let statements = [
        format!(
            "SELECT unit_id, SUM(approved), SUM(minutes) FROM activity_daily_totals \
             WHERE unit_id IN ({ids}) AND date {range} GROUP BY unit_id"
        ),
        format!(
            "SELECT unit_id, status, COUNT(id), SUM(minutes) FROM activities \
             WHERE unit_id IN ({ids}) AND status IN ('draft','submitted','rejected') AND date {range} \
             GROUP BY unit_id, status"
        ),
    ]
    .map(|sql| Statement::from_string(db.get_database_backend(), sql));
    let mut times = Vec::with_capacity(samples);
    for i in 0..=samples.max(1) {
        let t = Instant::now();
        for stmt in &statements {
            db.query_all_raw(stmt.clone()).await?;
        }
        if i > 0 {
            times.push(t.elapsed());
        }
    }
    times.sort();
    Ok(times[times.len() / 2])
}
