//! `kinerja backup FILE`, `kinerja restore FILE` and the restore drill `kinerja restore --verify FILE`,
//! for SQLite and PostgreSQL.
//!
//! A backup is one file: a tar archive of a manifest and the database, optionally encrypted with an
//! age key (`--key`, an age identity file; `age -d -i KEY` opens it too). It is taken online from
//! one consistent snapshot: SQLite's `VACUUM INTO`; for PostgreSQL a repeatable-read transaction
//! whose snapshot `pg_dump --snapshot` shares, so the manifest's row counts and audit-chain head
//! describe exactly what was dumped.
//!
//! The drill restores into a scratch database (a temporary file, or a new PostgreSQL database that
//! is dropped afterwards), recomputes the audit hash chain, compares every table's rows and the
//! chain's head with the manifest, and prints a report; it fails unless all agree.
//!
//! A real restore checks that the backup is no newer than this program and asks for confirmation;
//! stop the server first. Older backups (a plain SQLite file) are still restored.

use crate::db;
use age::secrecy::ExposeSecret;
use kinerja_migrations::MigratorTrait;
use sea_orm::{AccessMode, ConnectionTrait, DbBackend, IsolationLevel, Statement, TransactionTrait};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::io::{BufRead, Read, Write};
use std::path::{Path, PathBuf};
use std::process::Command;

const FORMAT: &str = "kinerja-backup/1";
const MANIFEST: &str = "manifest.json";
const AGE_MAGIC: &[u8] = b"age-encryption.org/";
const SQLITE_MAGIC: &[u8] = b"SQLite format 3\0";

/// What a backup holds, written beside the database in the archive.
#[derive(Debug, Serialize, Deserialize)]
struct Manifest {
    format: String,
    kinerja_version: String,
    created_at: chrono::DateTime<chrono::Utc>,
    /// `sqlite` or `postgres`.
    backend: String,
    /// The archive member holding the database.
    database_file: String,
    database_sha256: String,
    migrations: Vec<String>,
    /// Rows of every table, in the snapshot that was dumped.
    tables: BTreeMap<String, i64>,
    audit: AuditHead,
}

#[derive(Debug, Serialize, Deserialize, PartialEq)]
struct AuditHead {
    entries: u64,
    last_id: Option<i64>,
    last_hash: Option<String>,
    /// Whether the chain verified when the backup was taken.
    intact: bool,
}

enum Flavour {
    Sqlite(PathBuf),
    Postgres,
}

fn flavour(url: &str) -> anyhow::Result<Flavour> {
    if let Some(path) = url.strip_prefix("sqlite://").or_else(|| url.strip_prefix("sqlite:")) {
        return Ok(Flavour::Sqlite(PathBuf::from(path.split('?').next().unwrap_or(path))));
    }
    anyhow::ensure!(
        url.starts_with("postgres://") || url.starts_with("postgresql://"),
        "the database URL is neither sqlite:// nor postgres://"
    );
    Ok(Flavour::Postgres)
}

fn quote(path: &Path) -> String {
    format!("'{}'", path.display().to_string().replace('\'', "''"))
}

fn sha256_file(path: &Path) -> anyhow::Result<String> {
    let mut file = std::fs::File::open(path)?;
    let mut hasher = Sha256::new();
    std::io::copy(&mut file, &mut hasher)?;
    Ok(hex::encode(hasher.finalize()))
}

/// A PostgreSQL client program (`pg_dump`, `pg_restore`, `psql`) for the database at `url`: the
/// address without its password is an argument, the password goes in `PGPASSWORD`, so that it
/// never shows in the process list.
fn pg_client(program: &str, url: &str) -> Command {
    let mut cmd = Command::new(program);
    let (scheme, rest) = url.split_once("://").unwrap_or(("postgres", url));
    let (authority, tail) = rest.split_once('/').map(|(a, t)| (a, format!("/{t}"))).unwrap_or((rest, String::new()));
    let (target, password) = match authority.rsplit_once('@') {
        Some((userinfo, host)) => match userinfo.split_once(':') {
            Some((user, password)) => (format!("{scheme}://{user}@{host}{tail}"), Some(password)),
            None => (url.to_owned(), None),
        },
        None => (url.to_owned(), None),
    };
    if let Some(password) = password {
        let decoded = percent_encoding::percent_decode_str(password).decode_utf8_lossy().into_owned();
        cmd.env("PGPASSWORD", decoded);
    }
    cmd.arg(format!("--dbname={target}"));
    cmd
}

/// Runs a program, failing with its own message.
fn run(cmd: &mut Command) -> anyhow::Result<()> {
    let name = cmd.get_program().to_string_lossy().into_owned();
    let out = cmd
        .output()
        .map_err(|e| anyhow::anyhow!("{name} could not be started ({e}); install the PostgreSQL client tools"))?;
    anyhow::ensure!(out.status.success(), "{name} failed: {}", String::from_utf8_lossy(&out.stderr).trim());
    Ok(())
}

/// Every table's rows, the applied migrations and the audit chain's head, as `conn` sees them.
async fn describe(conn: &impl ConnectionTrait) -> anyhow::Result<(BTreeMap<String, i64>, Vec<String>, AuditHead)> {
    let backend = conn.get_database_backend();
    let list = match backend {
        DbBackend::Sqlite => "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
        _ => "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'",
    };
    let names: Vec<String> = conn
        .query_all_raw(Statement::from_string(backend, list))
        .await?
        .iter()
        .filter_map(|r| r.try_get::<String>("", "name").ok())
        .collect();
    let mut tables = BTreeMap::new();
    for name in names {
        let sql = format!("SELECT COUNT(*) AS n FROM \"{}\"", name.replace('"', "\"\""));
        let row = conn.query_one_raw(Statement::from_string(backend, sql)).await?;
        tables.insert(name, row.and_then(|r| r.try_get::<i64>("", "n").ok()).unwrap_or(0));
    }
    let migrations = conn
        .query_all_raw(Statement::from_string(backend, "SELECT version FROM seaql_migrations ORDER BY version"))
        .await
        .map_err(|_| anyhow::anyhow!("not a Kinerja database (no migration table)"))?
        .iter()
        .filter_map(|r| r.try_get::<String>("", "version").ok())
        .collect();
    let verification = crate::audit::verify(conn).await.map_err(|e| anyhow::anyhow!("reading the audit log: {e:?}"))?;
    let last = conn
        .query_one_raw(Statement::from_string(backend, "SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1"))
        .await?;
    let audit = AuditHead {
        entries: verification.checked,
        last_id: last.as_ref().and_then(|r| r.try_get::<i64>("", "id").ok()),
        last_hash: last.as_ref().and_then(|r| r.try_get::<String>("", "hash").ok()),
        intact: verification.intact,
    };
    Ok((tables, migrations, audit))
}

/// Whom a backup is encrypted to: the public key (`age1…`) in `key`, or the one of the secret key
/// there (made when the file does not exist), so that the machine taking backups need not hold the
/// secret key.
fn recipient(key: &Path) -> anyhow::Result<age::x25519::Recipient> {
    if let Ok(text) = std::fs::read_to_string(key) {
        let public = text.lines().map(str::trim).find(|l| l.starts_with("age1"));
        let secret = text.lines().any(|l| l.trim().starts_with("AGE-SECRET-KEY-"));
        if let (Some(line), false) = (public, secret) {
            return line.parse().map_err(|e| anyhow::anyhow!("{}: {e}", key.display()));
        }
    }
    Ok(identity(key, true)?.to_public())
}

/// The age identity in `key`; a new one is made there (readable by its owner only) when
/// `create` and the file does not exist.
fn identity(key: &Path, create: bool) -> anyhow::Result<age::x25519::Identity> {
    if !key.exists() && create {
        let fresh = age::x25519::Identity::generate();
        let text = format!(
            "# kinerja backup key, created {}\n# public key: {}\n{}\n",
            chrono::Utc::now().to_rfc3339(),
            fresh.to_public(),
            fresh.to_string().expose_secret()
        );
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        options.open(key)?.write_all(text.as_bytes())?;
        eprintln!(
            "Kunci baru dibuat di {}: simpan salinannya di tempat lain (bukan di samping cadangan). Tanpa kunci ini cadangan tidak dapat dibuka.",
            key.display()
        );
        return Ok(fresh);
    }
    let text = std::fs::read_to_string(key).map_err(|e| anyhow::anyhow!("{}: {e}", key.display()))?;
    let line = text
        .lines()
        .map(str::trim)
        .find(|l| l.starts_with("AGE-SECRET-KEY-"))
        .ok_or_else(|| anyhow::anyhow!("{} holds no age key (AGE-SECRET-KEY-…)", key.display()))?;
    line.parse().map_err(|e| anyhow::anyhow!("{}: {e}", key.display()))
}

pub async fn backup(url: &str, file: &Path, key: Option<&Path>) -> anyhow::Result<()> {
    let flavour = flavour(url)?;
    anyhow::ensure!(!file.exists(), "{} already exists; choose a new file name", file.display());
    let recipient = key.map(recipient).transpose()?;
    // The plain dump is made in a private temporary directory (readable by this user only), never
    // beside the backups.
    let work = tempfile::tempdir()?;
    let (dump, name, backend) = match flavour {
        Flavour::Sqlite(_) => ("database.sqlite", "database.sqlite", "sqlite"),
        Flavour::Postgres => ("database.pgdump", "database.pgdump", "postgres"),
    };
    let dump = work.path().join(dump);
    // Connected as it is: a backup never migrates the database it copies.
    let db = db::connect(url).await?;
    let (tables, migrations, audit) = match flavour {
        Flavour::Sqlite(_) => {
            db.execute_unprepared(&format!("VACUUM INTO {}", quote(&dump))).await?;
            let copy = sea_orm::Database::connect(format!("sqlite://{}?mode=ro", dump.display())).await?;
            let described = describe(&copy).await?;
            copy.close().await?;
            described
        }
        Flavour::Postgres => {
            // One snapshot for the counts and the dump.
            let txn = db.begin_with_config(Some(IsolationLevel::RepeatableRead), Some(AccessMode::ReadOnly)).await?;
            let snapshot = txn
                .query_one_raw(Statement::from_string(DbBackend::Postgres, "SELECT pg_export_snapshot() AS s"))
                .await?
                .and_then(|r| r.try_get::<String>("", "s").ok())
                .ok_or_else(|| anyhow::anyhow!("PostgreSQL exported no snapshot"))?;
            let described = describe(&txn).await?;
            println!("Membuat pg_dump …");
            run(pg_client("pg_dump", url)
                .args(["--format=custom", "--no-owner", "--no-privileges"])
                .arg(format!("--snapshot={snapshot}"))
                .arg("--file")
                .arg(&dump))?;
            txn.commit().await?;
            described
        }
    };
    if !audit.intact {
        eprintln!("PERINGATAN: rantai hash log audit tidak utuh di basis data ini; cadangan tetap dibuat dan laporan pemulihan akan menyebutnya.");
    }
    let manifest = Manifest {
        format: FORMAT.into(),
        kinerja_version: env!("CARGO_PKG_VERSION").into(),
        created_at: chrono::Utc::now(),
        backend: backend.into(),
        database_file: name.into(),
        database_sha256: sha256_file(&dump)?,
        migrations,
        tables,
        audit,
    };
    // Written beside the target (readable by its owner only) and renamed: a failed backup never
    // leaves a half file under its name.
    let dir = file.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let partial = tempfile::Builder::new().prefix(".kinerja-backup-").tempfile_in(dir)?;
    {
        let out = std::io::BufWriter::new(partial.as_file().try_clone()?);
        match &recipient {
            Some(r) => {
                let encryptor = age::Encryptor::with_recipients(std::iter::once(r as &dyn age::Recipient))?;
                let mut sealed = encryptor.wrap_output(out)?;
                write_archive(&mut sealed, &manifest, &dump)?;
                sealed.finish()?.flush()?;
            }
            None => {
                let mut out = out;
                write_archive(&mut out, &manifest, &dump)?;
                out.flush()?;
            }
        }
    }
    partial.persist_noclobber(file).map_err(|e| anyhow::anyhow!("{}: {}", file.display(), e.error))?;
    let size = std::fs::metadata(file).map(|m| m.len()).unwrap_or(0);
    let rows: i64 = manifest.tables.values().sum();
    println!(
        "Cadangan tersimpan: {} ({:.1} MB, {}{} tabel, {rows} baris, {} entri audit).",
        file.display(),
        size as f64 / 1_048_576.0,
        if recipient.is_some() { "terenkripsi, " } else { "" },
        manifest.tables.len(),
        manifest.audit.entries
    );
    Ok(())
}

fn write_archive(out: &mut impl Write, manifest: &Manifest, dump: &Path) -> anyhow::Result<()> {
    let mut tar = tar::Builder::new(out);
    let json = serde_json::to_vec_pretty(manifest)?;
    let mut header = tar::Header::new_gnu();
    header.set_size(json.len() as u64);
    header.set_mode(0o600);
    header.set_mtime(manifest.created_at.timestamp().max(0) as u64);
    header.set_cksum();
    tar.append_data(&mut header, MANIFEST, json.as_slice())?;
    tar.append_path_with_name(dump, &manifest.database_file)?;
    tar.into_inner()?;
    Ok(())
}

/// A backup opened into a working directory.
struct Opened {
    /// `None` for an old backup that is a plain SQLite file.
    manifest: Option<Manifest>,
    database: PathBuf,
    _work: tempfile::TempDir,
}

/// Decrypts (with `key`) and unpacks a backup, checking the database's hash against the manifest.
fn open_backup(file: &Path, key: Option<&Path>) -> anyhow::Result<Opened> {
    anyhow::ensure!(file.is_file(), "{} does not exist", file.display());
    let work = tempfile::tempdir()?;
    let mut input = std::io::BufReader::new(std::fs::File::open(file)?);
    let head = input.fill_buf()?.to_vec();
    if head.starts_with(SQLITE_MAGIC) {
        let database = work.path().join("database.sqlite");
        std::fs::copy(file, &database)?;
        return Ok(Opened { manifest: None, database, _work: work });
    }
    let reader: Box<dyn Read> = if head.starts_with(AGE_MAGIC) {
        let key =
            key.ok_or_else(|| anyhow::anyhow!("{} is encrypted: give its key with --key FILE", file.display()))?;
        let identity = identity(key, false)?;
        let decryptor = age::Decryptor::new(input)?;
        Box::new(
            decryptor
                .decrypt(std::iter::once(&identity as &dyn age::Identity))
                .map_err(|e| anyhow::anyhow!("{} cannot be opened with {}: {e}", file.display(), key.display()))?,
        )
    } else {
        Box::new(input)
    };
    let mut archive = tar::Archive::new(reader);
    let mut manifest: Option<Manifest> = None;
    let mut database = None;
    for entry in archive.entries().map_err(|_| not_a_backup(file))? {
        let mut entry = entry.map_err(|_| not_a_backup(file))?;
        let name = entry.path()?.to_string_lossy().into_owned();
        match name.as_str() {
            MANIFEST => {
                let mut text = String::new();
                entry.read_to_string(&mut text)?;
                manifest =
                    Some(serde_json::from_str(&text).map_err(|e| anyhow::anyhow!("the manifest is unreadable: {e}"))?);
            }
            "database.sqlite" | "database.pgdump" => {
                let path = work.path().join(&name);
                std::io::copy(&mut entry, &mut std::fs::File::create(&path)?)?;
                database = Some(path);
            }
            _ => {}
        }
    }
    let manifest = manifest.ok_or_else(|| not_a_backup(file))?;
    anyhow::ensure!(manifest.format == FORMAT, "unknown backup format {}", manifest.format);
    let database = database.ok_or_else(|| anyhow::anyhow!("the backup holds no database"))?;
    anyhow::ensure!(
        sha256_file(&database)? == manifest.database_sha256,
        "the database in {} does not match its manifest's hash (damaged)",
        file.display()
    );
    Ok(Opened { manifest: Some(manifest), database, _work: work })
}

fn not_a_backup(file: &Path) -> anyhow::Error {
    anyhow::anyhow!("{} is not a Kinerja backup", file.display())
}

/// Fails when the backup comes from a newer Kinerja than this program.
fn check_not_newer(theirs: &[String]) -> anyhow::Result<()> {
    let ours: Vec<String> = kinerja_migrations::Migrator::migrations().iter().map(|m| m.name().to_owned()).collect();
    if let Some(newer) = theirs.iter().find(|v| !ours.contains(v)) {
        anyhow::bail!("the backup comes from a newer Kinerja (migration {newer}); upgrade this program first");
    }
    Ok(())
}

/// `URL` with another database name.
fn with_database(url: &str, name: &str) -> String {
    let (base, query) = url.split_once('?').map(|(b, q)| (b, Some(q))).unwrap_or((url, None));
    let server = base.rsplit_once('/').map(|(s, _)| s).unwrap_or(base);
    match query {
        Some(q) => format!("{server}/{name}?{q}"),
        None => format!("{server}/{name}"),
    }
}

/// Restores a backup into a scratch database and checks it against its manifest.
pub async fn verify(url: &str, file: &Path, key: Option<&Path>, scratch_server: Option<&str>) -> anyhow::Result<()> {
    let opened = open_backup(file, key)?;
    let manifest = opened.manifest.as_ref().ok_or_else(|| {
        anyhow::anyhow!("{} is an old backup without a manifest; take a new one with `kinerja backup`", file.display())
    })?;
    check_not_newer(&manifest.migrations)?;
    println!("Uji pemulihan {} (dibuat {}, {}).", file.display(), manifest.created_at.to_rfc3339(), manifest.backend);
    let found = match manifest.backend.as_str() {
        "sqlite" => {
            let conn = sea_orm::Database::connect(format!("sqlite://{}?mode=ro", opened.database.display())).await?;
            let found = describe(&conn).await;
            conn.close().await?;
            found?
        }
        _ => {
            let server = scratch_server.unwrap_or(url);
            anyhow::ensure!(
                matches!(flavour(server)?, Flavour::Postgres),
                "a PostgreSQL backup is verified on a PostgreSQL server: give one with --scratch-url postgres://…"
            );
            let scratch = format!(
                "kinerja_verify_{}_{}",
                std::process::id(),
                chrono::Utc::now().timestamp_nanos_opt().unwrap_or(0) % 1_000_000_000
            );
            let admin = sea_orm::Database::connect(server).await?;
            admin.execute_unprepared(&format!("CREATE DATABASE \"{scratch}\"")).await?;
            let scratch_url = with_database(server, &scratch);
            let result = async {
                println!("Memulihkan ke basis data sementara {scratch} …");
                run(pg_client("pg_restore", &scratch_url)
                    .args(["--no-owner", "--no-privileges", "--exit-on-error"])
                    .arg(&opened.database))?;
                let conn = sea_orm::Database::connect(&scratch_url).await?;
                let found = describe(&conn).await;
                conn.close().await?;
                found
            }
            .await;
            admin.execute_unprepared(&format!("DROP DATABASE IF EXISTS \"{scratch}\" WITH (FORCE)")).await?;
            admin.close().await?;
            result?
        }
    };
    report(manifest, &found)
}

/// Prints the comparison; fails on any difference or a broken chain.
fn report(manifest: &Manifest, found: &(BTreeMap<String, i64>, Vec<String>, AuditHead)) -> anyhow::Result<()> {
    let (tables, migrations, audit) = found;
    let mut problems = Vec::new();
    println!("{:<40} {:>12} {:>12}", "Tabel", "Cadangan", "Dipulihkan");
    let names: std::collections::BTreeSet<&String> = manifest.tables.keys().chain(tables.keys()).collect();
    for name in names {
        let (want, got) = (manifest.tables.get(name), tables.get(name));
        let mark = if want == got { "" } else { "  ← BEDA" };
        let show = |n: Option<&i64>| n.map(|n| n.to_string()).unwrap_or_else(|| "-".into());
        println!("{name:<40} {:>12} {:>12}{mark}", show(want), show(got));
        if want != got {
            problems.push(format!("tabel {name}: {} baris di manifest, {} dipulihkan", show(want), show(got)));
        }
    }
    if *migrations != manifest.migrations {
        problems.push("daftar migrasi berbeda dengan manifest".into());
    }
    println!(
        "Log audit: {} entri, rantai hash {}; entri terakhir #{} {}",
        audit.entries,
        if audit.intact { "utuh" } else { "TIDAK UTUH" },
        audit.last_id.map(|i| i.to_string()).unwrap_or_else(|| "-".into()),
        audit.last_hash.as_deref().unwrap_or("-")
    );
    if !audit.intact {
        problems.push(format!(
            "rantai hash log audit tidak utuh{}",
            if manifest.audit.intact { "" } else { " (sudah tidak utuh saat dicadangkan)" }
        ));
    }
    if (audit.entries, &audit.last_id, &audit.last_hash)
        != (manifest.audit.entries, &manifest.audit.last_id, &manifest.audit.last_hash)
    {
        problems.push("ujung rantai audit berbeda dengan manifest".into());
    }
    if problems.is_empty() {
        let rows: i64 = tables.values().sum();
        println!(
            "Pemulihan terverifikasi: {} tabel, {rows} baris dan rantai audit cocok dengan manifest.",
            tables.len()
        );
        return Ok(());
    }
    for p in &problems {
        eprintln!("  {p}");
    }
    anyhow::bail!("uji pemulihan GAGAL: {} masalah", problems.len())
}

/// Asks before replacing `target`.
fn confirm(target: &str) -> anyhow::Result<bool> {
    super::prompt::confirm(
        &format!("Pemulihan akan MENGGANTI seluruh data di {target}. Hentikan server dulu. Lanjutkan? Ketik 'ya': "),
        &format!("restoring replaces {target}"),
    )
}

pub async fn restore(url: &str, file: &Path, key: Option<&Path>, yes: bool) -> anyhow::Result<()> {
    let flavour = flavour(url)?;
    let opened = open_backup(file, key)?;
    let (backend, migrations) = match &opened.manifest {
        Some(m) => (m.backend.as_str(), m.migrations.clone()),
        None => ("sqlite", sqlite_migrations(&opened.database).await?),
    };
    check_not_newer(&migrations)?;
    match (flavour, backend) {
        (Flavour::Sqlite(target), "sqlite") => {
            if !yes && !confirm(&target.display().to_string())? {
                anyhow::bail!("restore cancelled; nothing changed");
            }
            if let Some(dir) = target.parent().filter(|d| !d.as_os_str().is_empty()) {
                std::fs::create_dir_all(dir)?;
            }
            // Copy next to the target, then rename over it: the database is never half-written.
            let staging = target.with_extension("restoring");
            std::fs::copy(&opened.database, &staging)?;
            for suffix in ["-wal", "-shm"] {
                let side = PathBuf::from(format!("{}{suffix}", target.display()));
                if side.exists() {
                    std::fs::remove_file(&side)?;
                }
            }
            std::fs::rename(&staging, &target)?;
        }
        (Flavour::Postgres, "postgres") => {
            if !yes && !confirm(&crate::config::redact_url(url))? {
                anyhow::bail!("restore cancelled; nothing changed");
            }
            // One transaction: everything in the database is dropped (tables the backup does not
            // know too, such as archived years) and the backup restored, or nothing changes.
            let script = opened.database.with_extension("sql");
            run(Command::new("pg_restore")
                .args(["--no-owner", "--no-privileges", "--file"])
                .arg(&script)
                .arg(&opened.database))?;
            run(pg_client("psql", url)
                .args(["--no-psqlrc", "--quiet", "--single-transaction", "--set", "ON_ERROR_STOP=1"])
                .args(["--command", "DROP SCHEMA public CASCADE; CREATE SCHEMA public;", "--file"])
                .arg(&script))?;
        }
        (_, theirs) => anyhow::bail!("this is a {theirs} backup; restore it into a {theirs} database"),
    }
    // Bring it up to this program's schema.
    db::open(url).await?;
    println!("Data dipulihkan dari {}.", file.display());
    Ok(())
}

/// The migrations an old plain-SQLite backup has applied, checking that it is a Kinerja database.
async fn sqlite_migrations(file: &Path) -> anyhow::Result<Vec<String>> {
    // Opened read-only and directly: the pool of `db::connect` would switch the file to WAL.
    let conn = sea_orm::Database::connect(format!("sqlite://{}?mode=ro", file.display()))
        .await
        .map_err(|e| anyhow::anyhow!("{} is not a readable SQLite file: {e}", file.display()))?;
    let rows = conn
        .query_all_raw(Statement::from_string(
            DbBackend::Sqlite,
            "SELECT version FROM seaql_migrations ORDER BY version",
        ))
        .await
        .map_err(|_| anyhow::anyhow!("{} is not a Kinerja database (no migration table)", file.display()))?;
    Ok(rows.iter().filter_map(|r| r.try_get::<String>("", "version").ok()).collect())
}

#[cfg(test)]
mod tests {
    use super::with_database;

    #[test]
    fn names_another_database_on_the_same_server() {
        assert_eq!(with_database("postgres://u@h:5432/kinerja", "x"), "postgres://u@h:5432/x");
        assert_eq!(with_database("postgres://u@h/kinerja?sslmode=require", "x"), "postgres://u@h/x?sslmode=require");
    }
}
