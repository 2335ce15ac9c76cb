//! The restore drill on both databases: `kinerja backup` while the server runs (encrypted with an
//! age key), `kinerja restore --verify` into a scratch database, and the drill failing on a backup
//! whose manifest or audit chain does not hold.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{Backend, TestApp};
use sea_orm::ConnectionTrait;
use serde_json::json;
use std::io::Read;
use std::path::Path;
use std::process::{Command, Output};

fn kinerja(app: &TestApp, args: &[&str]) -> Output {
    app.cli(args, &[])
}

fn text(out: &Output) -> String {
    common::output_text(out)
}

/// Rewrites an unencrypted backup's manifest with `change` applied.
fn tamper(file: &Path, change: impl Fn(&mut serde_json::Value)) {
    let mut archive = tar::Archive::new(std::fs::File::open(file).unwrap());
    let mut members = Vec::new();
    for entry in archive.entries().unwrap() {
        let mut entry = entry.unwrap();
        let name = entry.path().unwrap().to_string_lossy().into_owned();
        let mut bytes = Vec::new();
        entry.read_to_end(&mut bytes).unwrap();
        if name == "manifest.json" {
            let mut manifest: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
            change(&mut manifest);
            bytes = serde_json::to_vec(&manifest).unwrap();
        }
        members.push((name, bytes));
    }
    let mut out = tar::Builder::new(std::fs::File::create(file).unwrap());
    for (name, bytes) in members {
        let mut header = tar::Header::new_gnu();
        header.set_size(bytes.len() as u64);
        header.set_mode(0o600);
        header.set_cksum();
        out.append_data(&mut header, name, bytes.as_slice()).unwrap();
    }
    out.into_inner().unwrap();
}

async fn the_restore_drill_checks_rows_and_the_audit_chain(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    // Some writes, so the audit log has entries.
    let admin = app.token("admin").await;
    app.patch("/api/v1/settings", &admin, json!({ "evidence_max_bytes": 4 * 1024 * 1024 })).await;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("kinerja.backup");
    let key = dir.path().join("kunci.age");
    let (f, k) = (file.to_str().unwrap(), key.to_str().unwrap());

    // An encrypted backup with a new key, taken while the server runs.
    let out = kinerja(&app, &["backup", f, "--key", k]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(text(&out).contains("Kunci baru dibuat"), "{}", text(&out));
    assert!(std::fs::read(&file).unwrap().starts_with(b"age-encryption.org/v1"), "the backup is encrypted");
    assert!(std::fs::read_to_string(&key).unwrap().contains("AGE-SECRET-KEY-1"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(std::fs::metadata(&key).unwrap().permissions().mode() & 0o777, 0o600);
    }
    // Never overwrites a file.
    assert!(!kinerja(&app, &["backup", f]).status.success());

    // The drill: restored into a scratch database, every table and the audit chain match.
    let out = kinerja(&app, &["restore", "--verify", f, "--key", k]);
    let report = text(&out);
    assert!(out.status.success(), "{report}");
    assert!(report.contains("Pemulihan terverifikasi"), "{report}");
    assert!(report.contains("rantai hash utuh"), "{report}");
    let employees = report.lines().find(|l| l.starts_with("employees ")).expect("employees row");
    assert_eq!(employees.split_whitespace().collect::<Vec<_>>(), vec!["employees", "27", "27"], "{report}");
    let audit_line = report.lines().find(|l| l.starts_with("Log audit:")).unwrap();
    assert!(!audit_line.contains("Log audit: 0 entri"), "{audit_line}");
    // The scratch database it names is gone afterwards (PostgreSQL).
    if backend == Backend::Postgres {
        let scratch = report
            .lines()
            .find_map(|l| l.strip_prefix("Memulihkan ke basis data sementara "))
            .and_then(|rest| rest.split_whitespace().next())
            .expect("the report names its scratch database")
            .to_owned();
        assert!(scratch.starts_with("kinerja_verify_"), "{scratch}");
        let admin_db = sea_orm::Database::connect(common::postgres_admin_url()).await.unwrap();
        let sql = format!("SELECT COUNT(*) AS n FROM pg_database WHERE datname = '{scratch}'");
        let left: i64 = common::sql_value(&admin_db, &sql, "n").await;
        assert_eq!(left, 0, "the scratch database {scratch} is dropped");
    }
    // A machine taking backups may hold only the public key; the secret one opens them.
    let public = dir.path().join("kunci.pub");
    let line = std::fs::read_to_string(&key).unwrap();
    let age1 = line.lines().find_map(|l| l.strip_prefix("# public key: ")).unwrap().to_owned();
    std::fs::write(&public, format!("{age1}\n")).unwrap();
    let sealed = dir.path().join("publik.backup");
    let out = kinerja(&app, &["backup", sealed.to_str().unwrap(), "--key", public.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(kinerja(&app, &["restore", "--verify", sealed.to_str().unwrap(), "--key", k]).status.success());
    assert!(!kinerja(&app, &["restore", "--verify", sealed.to_str().unwrap(), "--key", public.to_str().unwrap()])
        .status
        .success());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(std::fs::metadata(&sealed).unwrap().permissions().mode() & 0o777, 0o600, "backups are private");
    }
    // Without its key, or with another key, the backup does not open.
    let out = kinerja(&app, &["restore", "--verify", f]);
    assert!(!out.status.success() && text(&out).contains("--key"), "{}", text(&out));
    let other = dir.path().join("lain.age");
    assert!(kinerja(&app, &["backup", dir.path().join("b2").to_str().unwrap(), "--key", other.to_str().unwrap()])
        .status
        .success());
    let out = kinerja(&app, &["restore", "--verify", f, "--key", other.to_str().unwrap()]);
    assert!(!out.status.success(), "{}", text(&out));

    // A manifest that claims other rows fails the drill, naming the table.
    let plain = dir.path().join("polos.backup");
    let p = plain.to_str().unwrap();
    assert!(kinerja(&app, &["backup", p]).status.success());
    assert!(kinerja(&app, &["restore", "--verify", p]).status.success());
    // A real restore into another, empty database brings back the same rows.
    let target = match backend {
        Backend::Sqlite => format!("sqlite://{}?mode=rwc", dir.path().join("dipulihkan.db").display()),
        Backend::Postgres => {
            let url = common::fresh_postgres().await.1;
            // Whatever the target held, the backup replaces it whole.
            let target = sea_orm::Database::connect(&url).await.unwrap();
            target.execute_unprepared("CREATE TABLE sisa_lama (id integer)").await.unwrap();
            target.close().await.unwrap();
            url
        }
    };
    let out = Command::new(env!("CARGO_BIN_EXE_kinerja"))
        .args(["restore", "--yes", p])
        .env("KINERJA_DATABASE_URL", &target)
        .env("KINERJA_DATA_DIR", dir.path())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out));
    let restored = sea_orm::Database::connect(&target).await.unwrap();
    let count = |sql: &'static str| common::sql_value::<i64>(&restored, sql, "n");
    assert_eq!(count("SELECT COUNT(*) AS n FROM employees").await, 27);
    assert!(count("SELECT COUNT(*) AS n FROM audit_log").await > 0);
    if backend == Backend::Postgres {
        assert_eq!(count("SELECT COUNT(*) AS n FROM pg_tables WHERE tablename = 'sisa_lama'").await, 0);
    }
    restored.close().await.unwrap();
    if backend == Backend::Postgres {
        // The restore target is this test's own database: dropped, like the app's.
        let name = target.rsplit('/').next().unwrap().to_owned();
        let server = sea_orm::Database::connect(common::postgres_admin_url()).await.unwrap();
        server.execute_unprepared(&format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)")).await.unwrap();
        server.close().await.unwrap();
    }
    tamper(&plain, |m| m["tables"]["employees"] = json!(28));
    let out = kinerja(&app, &["restore", "--verify", p]);
    let report = text(&out);
    assert!(!out.status.success(), "{report}");
    assert!(report.contains("tabel employees: 28 baris di manifest, 27 dipulihkan"), "{report}");
    assert!(report.contains("uji pemulihan GAGAL"), "{report}");

    // An audit entry changed in the database: the backup says so, and the drill fails on it.
    app.db
        .execute_unprepared("UPDATE audit_log SET actor = 'pemalsu' WHERE id = (SELECT MIN(id) FROM audit_log)")
        .await
        .unwrap();
    let broken = dir.path().join("rusak.backup");
    let b = broken.to_str().unwrap();
    let out = kinerja(&app, &["backup", b]);
    assert!(out.status.success());
    assert!(text(&out).contains("tidak utuh"), "{}", text(&out));
    let out = kinerja(&app, &["restore", "--verify", b]);
    let report = text(&out);
    assert!(!out.status.success());
    assert!(report.contains("rantai hash log audit tidak utuh (sudah tidak utuh saat dicadangkan)"), "{report}");
}

backend_tests!(the_restore_drill_checks_rows_and_the_audit_chain);
