//! `kinerja backup FILE` and `kinerja restore FILE` for the embedded SQLite database.
//!
//! A backup is taken online with `VACUUM INTO`: one consistent snapshot while the server keeps
//! serving. A restore checks that the file is a Kinerja database no newer than this program,
//! asks for confirmation, and swaps it in atomically; stop the server first. PostgreSQL is backed up
//! with `pg_dump` (see the README).

use crate::db;
use kinerja_migrations::MigratorTrait;
use sea_orm::{ConnectionTrait, DbBackend, Statement};
use std::io::{BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};

/// The SQLite file of a database URL, or a one-line reason why this is not for it.
fn sqlite_path(url: &str) -> anyhow::Result<PathBuf> {
    let path = url.strip_prefix("sqlite://").or_else(|| url.strip_prefix("sqlite:")).ok_or_else(|| {
        anyhow::anyhow!("backup/restore is for the embedded SQLite database; for PostgreSQL use pg_dump and pg_restore (README, PostgreSQL)")
    })?;
    Ok(PathBuf::from(path.split('?').next().unwrap_or(path)))
}

fn quote(path: &Path) -> String {
    format!("'{}'", path.display().to_string().replace('\'', "''"))
}

pub async fn backup(url: &str, file: &Path) -> anyhow::Result<()> {
    sqlite_path(url)?;
    anyhow::ensure!(!file.exists(), "{} already exists; choose a new file name", file.display());
    let db = db::open(url).await?;
    db.execute_unprepared(&format!("VACUUM INTO {}", quote(file))).await?;
    let size = std::fs::metadata(file).map(|m| m.len()).unwrap_or(0);
    println!("Cadangan tersimpan: {} ({:.1} MB).", file.display(), size as f64 / 1_048_576.0);
    Ok(())
}

/// The migrations a database file has applied, checking that it is a Kinerja database.
async fn applied_migrations(file: &Path) -> anyhow::Result<Vec<String>> {
    let url = format!("sqlite://{}?mode=ro", file.display());
    // Opened read-only and directly: the pool of `db::connect` would switch the file to WAL.
    let db = sea_orm::Database::connect(url)
        .await
        .map_err(|e| anyhow::anyhow!("{} is not a readable SQLite file: {e}", file.display()))?;
    let rows = db
        .query_all_raw(Statement::from_string(
            DbBackend::Sqlite,
            "SELECT version FROM seaql_migrations ORDER BY version",
        ))
        .await
        .map_err(|_| anyhow::anyhow!("{} is not a Kinerja database (no migration table)", file.display()))?;
    Ok(rows.iter().filter_map(|r| r.try_get::<String>("", "version").ok()).collect())
}

/// Asks on the terminal; anything but "ya" declines.
fn confirm(target: &Path) -> anyhow::Result<bool> {
    let stdin = std::io::stdin();
    anyhow::ensure!(stdin.is_terminal(), "restoring replaces {}: add --yes to confirm", target.display());
    print!(
        "Pemulihan akan MENGGANTI seluruh data di {}. Hentikan server dulu. Lanjutkan? Ketik 'ya': ",
        target.display()
    );
    std::io::stdout().flush()?;
    let mut answer = String::new();
    stdin.lock().read_line(&mut answer)?;
    Ok(answer.trim().eq_ignore_ascii_case("ya"))
}

pub async fn restore(url: &str, file: &Path, yes: bool) -> anyhow::Result<()> {
    let target = sqlite_path(url)?;
    anyhow::ensure!(file.is_file(), "{} does not exist", file.display());
    let theirs = applied_migrations(file).await?;
    let ours: Vec<String> = kinerja_migrations::Migrator::migrations().iter().map(|m| m.name().to_owned()).collect();
    if let Some(newer) = theirs.iter().find(|v| !ours.contains(v)) {
        anyhow::bail!("the backup comes from a newer Kinerja (migration {newer}); upgrade this program first");
    }
    if !yes && !confirm(&target)? {
        anyhow::bail!("restore cancelled; nothing changed");
    }
    if let Some(dir) = target.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    // Copy next to the target, then rename over it: the database is never half-written.
    let staging = target.with_extension("restoring");
    std::fs::copy(file, &staging)?;
    for suffix in ["-wal", "-shm"] {
        let side = PathBuf::from(format!("{}{suffix}", target.display()));
        if side.exists() {
            std::fs::remove_file(&side)?;
        }
    }
    std::fs::rename(&staging, &target)?;
    // Bring it up to this program's schema.
    db::open(url).await?;
    println!("Data dipulihkan dari {} ke {}.", file.display(), target.display());
    Ok(())
}
