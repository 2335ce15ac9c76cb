//! The `kinerja` command line: serve, migrate, admin, seed, import, backup, restore, openapi.

mod admin;
mod backup;
mod blobs;
mod import;
mod partitions;
mod prompt;

use crate::config::{load_or_create_jwt_secret, Config};
use crate::storage::Blobs;
use crate::{db, openapi, seed, telemetry, Application};
use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

/// Kinerja: perencanaan, pemantauan dan penilaian kinerja ASN.
#[derive(Parser)]
#[command(name = "kinerja", version, about, long_about = None)]
pub struct Cli {
    /// Database URL: `sqlite://PATH?mode=rwc` or `postgres://USER@HOST/DB`.
    /// Default: an SQLite file under the data directory.
    #[arg(long, env = "KINERJA_DATABASE_URL", global = true)]
    database_url: Option<String>,
    /// Directory for the SQLite file, the generated JWT secret and uploads.
    #[arg(long, env = "KINERJA_DATA_DIR", default_value = "data", global = true)]
    data_dir: PathBuf,
    /// Where evidence files are kept: `s3://bucket/prefix` for an S3-compatible store (with the
    /// `AWS_*` credentials). Default: the `evidence` directory under the data directory.
    #[arg(long, env = "KINERJA_BLOB_URL", global = true)]
    blob_url: Option<String>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run migrations, then serve the API, the SPA at / and the docs at /api/docs.
    Serve {
        /// Address to listen on.
        #[arg(long, env = "KINERJA_BIND", default_value = "127.0.0.1:8080")]
        bind: String,
        /// Directory of the built SPA.
        #[arg(long, env = "KINERJA_STATIC_DIR", default_value = "frontend/dist")]
        static_dir: PathBuf,
        /// Log as JSON lines instead of text.
        #[arg(long, env = "KINERJA_LOG_JSON")]
        log_json: bool,
    },
    /// Apply pending migrations and exit.
    Migrate,
    /// Manage administrator accounts.
    #[command(subcommand)]
    Admin(AdminCommand),
    /// Put data in the database.
    #[command(subcommand)]
    Seed(SeedCommand),
    /// Import data from files.
    #[command(subcommand)]
    Import(ImportCommand),
    /// Back up the database (SQLite or PostgreSQL, through pg_dump) to FILE while the server runs:
    /// one consistent snapshot with a manifest of its row counts and audit-chain head.
    Backup {
        /// The backup file to write (must not exist).
        file: PathBuf,
        /// Encrypt with this age key file (made, readable by its owner only, when it does not exist).
        #[arg(long)]
        key: Option<PathBuf>,
    },
    /// Replace the database with a backup (stop the server first; asks for confirmation), or with
    /// --verify restore it into a scratch database and check it against its manifest.
    Restore {
        /// The backup file.
        file: PathBuf,
        /// The age key file of an encrypted backup.
        #[arg(long)]
        key: Option<PathBuf>,
        /// Only test the backup: restore into a scratch database, check the audit chain and every
        /// table's rows against the manifest, print a report, and drop the scratch database.
        #[arg(long)]
        verify: bool,
        /// The PostgreSQL server to verify a PostgreSQL backup on (default: the database URL's).
        #[arg(long)]
        scratch_url: Option<String>,
        /// Do not ask for confirmation.
        #[arg(long)]
        yes: bool,
    },
    /// Print the OpenAPI document.
    Openapi,
    /// Evidence files.
    #[command(subcommand)]
    Blobs(BlobsCommand),
    /// The yearly partitions of the history tables (PostgreSQL).
    #[command(subcommand)]
    Partitions(PartitionsCommand),
}

#[derive(Subcommand)]
enum PartitionsCommand {
    /// Make this year's and next year's partitions now (the server also does it daily).
    Ensure,
    /// Every partition and its rows.
    List,
    /// Detach a closed year's activities, daily totals and audit entries, after checking the
    /// audit chain and storing the checkpoint it continues from (asks for confirmation).
    Archive {
        year: i32,
        /// Do not ask for confirmation.
        #[arg(long)]
        yes: bool,
    },
}

#[derive(Subcommand)]
enum BlobsCommand {
    /// Copy the local evidence files into the store of KINERJA_BLOB_URL (s3://bucket/prefix),
    /// verifying every file's hash, and check that every file the database names is there.
    Migrate {
        /// The local store to copy from (default: the `evidence` directory under the data directory).
        #[arg(long)]
        from: Option<PathBuf>,
    },
}

#[derive(Subcommand)]
enum AdminCommand {
    /// Create an administrator. The password comes from KINERJA_ADMIN_PASSWORD, or is asked on a terminal.
    Create {
        #[arg(long)]
        username: String,
    },
}

#[derive(Subcommand)]
enum SeedCommand {
    /// A realistic demo city (idempotent); prints the demo sign-ins.
    Demo,
}

#[derive(Subcommand)]
enum ImportCommand {
    /// Employees from CSV (header: nip,name,unit_id|unit_code,position_title,position_kind,supervisor_nip);
    /// all or nothing, every bad line reported.
    Employees {
        /// The CSV file.
        file: PathBuf,
    },
    /// Attendance from CSV (header: nip,date,status[,late_minutes]; status hadir, alpa, izin, sakit,
    /// cuti, dinas_luar or tanpa_rekam) for the TPP; all or nothing, a day imported again is replaced.
    Attendance {
        /// The CSV file.
        file: PathBuf,
    },
}

/// Runs the command line; a failure prints one line and exits non-zero.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("kinerja: cannot start the runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(cli)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            let reason = e.chain().map(|c| c.to_string()).collect::<Vec<_>>().join(": ");
            eprintln!("kinerja: {}", reason.replace('\n', " "));
            ExitCode::FAILURE
        }
    }
}

async fn run(cli: Cli) -> anyhow::Result<()> {
    let url = cli
        .database_url
        .clone()
        .filter(|u| !u.is_empty())
        .unwrap_or_else(|| crate::config::default_database_url(&cli.data_dir));
    match cli.command {
        Command::Serve { bind, static_dir, log_json } => {
            telemetry::init(log_json);
            let secret = load_or_create_jwt_secret(&cli.data_dir, std::env::var("KINERJA_JWT_SECRET").ok())?;
            let mut config = Config::new(&cli.data_dir, Some(url), secret).with_env()?;
            if std::env::var("KINERJA_PUBLIC_URL").is_err() {
                config.delivery.app_url = format!("http://{bind}");
            }
            config.bind = bind;
            config.blob_url = cli.blob_url.clone();
            config.static_dir = static_dir;
            tracing::info!(?config, "starting");
            let app = Application::build(config).await?;
            tracing::info!(port = app.port(), "serving");
            app.run_until_stopped().await?;
            Ok(())
        }
        Command::Migrate => {
            db::open(&url).await?;
            println!("Migrasi selesai.");
            Ok(())
        }
        Command::Admin(AdminCommand::Create { username }) => admin::create(&db::open(&url).await?, &username).await,
        Command::Seed(SeedCommand::Demo) => {
            let extras = seed::demo::Extras {
                work_history: Some(Blobs::open(cli.blob_url.as_deref(), &[], &cli.data_dir)?),
                citizen_feedback: true,
                past_ratings: true,
            };
            seed::demo::run_with(&db::open(&url).await?, &extras).await
        }
        Command::Import(ImportCommand::Employees { file }) => import::employees(&db::open(&url).await?, &file).await,
        Command::Import(ImportCommand::Attendance { file }) => import::attendance(&db::open(&url).await?, &file).await,
        Command::Backup { file, key } => backup::backup(&url, &file, key.as_deref()).await,
        Command::Restore { file, key, verify: true, scratch_url, .. } => {
            backup::verify(&url, &file, key.as_deref(), scratch_url.as_deref()).await
        }
        Command::Restore { file, key, yes, .. } => backup::restore(&url, &file, key.as_deref(), yes).await,
        Command::Blobs(BlobsCommand::Migrate { from }) => {
            blobs::migrate(&url, &cli.data_dir, from, cli.blob_url.as_deref()).await
        }
        Command::Partitions(PartitionsCommand::Ensure) => partitions::ensure(&db::open(&url).await?).await,
        Command::Partitions(PartitionsCommand::List) => partitions::list(&db::open(&url).await?).await,
        Command::Partitions(PartitionsCommand::Archive { year, yes }) => {
            partitions::archive(&db::open(&url).await?, year, yes).await
        }
        Command::Openapi => {
            print!("{}", openapi::to_json());
            Ok(())
        }
    }
}
