//! The `kinerja` binary: migrate, seed (idempotent), admin create, import with errors, help.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::process::Command;

fn kinerja(dir: &std::path::Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_kinerja"));
    cmd.env("KINERJA_DATA_DIR", dir).env_remove("KINERJA_DATABASE_URL").env_remove("KINERJA_ADMIN_PASSWORD");
    cmd
}

#[test]
fn commands_work_on_the_default_sqlite_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = kinerja(dir.path()).arg("migrate").output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(dir.path().join("kinerja.db").exists());

    let first = kinerja(dir.path()).args(["seed", "demo"]).output().unwrap();
    assert!(first.status.success());
    let text = String::from_utf8_lossy(&first.stdout);
    assert!(text.contains("kadinkes") && text.contains("kinerja2026"), "{text}");
    assert!(!text.contains(" 0 aktivitas,"), "the demo has months of work: {text}");
    assert!(!text.contains(" 0 survei,") && !text.contains(" 0 pengaduan"), "and citizen feedback: {text}");
    assert!(!text.contains(" 0 penilaian"), "and ratings of the last period: {text}");
    assert!(!text.contains(" 0 level kompetensi") && !text.contains(" 0 rencana"), "and competencies: {text}");
    assert!(dir.path().join("evidence").is_dir(), "with evidence files");
    let again = kinerja(dir.path()).args(["seed", "demo"]).output().unwrap();
    assert!(again.status.success());
    assert!(String::from_utf8_lossy(&again.stdout)
        .contains("0 unit, 0 pegawai, 0 akun, 0 SKP, 0 aktivitas, 0 survei, 0 pengaduan, 0 penilaian, 0 level kompetensi, 0 rencana pengembangan, 0 catatan pengawasan baru"));

    let admin = kinerja(dir.path())
        .args(["admin", "create", "--username", "bkpsdm"])
        .env("KINERJA_ADMIN_PASSWORD", "rahasia-bkpsdm-1")
        .output()
        .unwrap();
    assert!(admin.status.success(), "{}", String::from_utf8_lossy(&admin.stderr));
    let dup = kinerja(dir.path())
        .args(["admin", "create", "--username", "bkpsdm"])
        .env("KINERJA_ADMIN_PASSWORD", "rahasia-bkpsdm-1")
        .output()
        .unwrap();
    assert!(!dup.status.success());
    let reason = String::from_utf8_lossy(&dup.stderr);
    assert_eq!(reason.lines().count(), 1, "one-line reason: {reason}");
    assert!(reason.starts_with("kinerja: "));
    let no_password = kinerja(dir.path()).args(["admin", "create", "--username", "x"]).output().unwrap();
    assert!(!no_password.status.success());
}

#[test]
fn import_reports_bad_lines_and_imports_good_files() {
    let dir = tempfile::tempdir().unwrap();
    assert!(kinerja(dir.path()).args(["seed", "demo"]).output().unwrap().status.success());
    let bad = dir.path().join("bad.csv");
    std::fs::write(
        &bad,
        "nip,name,unit_code,position_title,position_kind,supervisor_nip\n\
         198601012010011001,Anton,DINKES-RUJ,Staf,pelaksana,\n\
         12345,Salah,DINKES-RUJ,Staf,pelaksana,\n",
    )
    .unwrap();
    let out = kinerja(dir.path()).args(["import", "employees"]).arg(&bad).output().unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("baris 3: nip"), "{err}");
    let good = dir.path().join("good.csv");
    std::fs::write(
        &good,
        "nip,name,unit_code,position_title,position_kind,supervisor_nip\n\
         198601012010011001,Anton,DINKES-RUJ,Staf,pelaksana,198204172006042005\n",
    )
    .unwrap();
    let out = kinerja(dir.path()).args(["import", "employees"]).arg(&good).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("1 pegawai baru"));
    // Attendance, the same way.
    let attendance = dir.path().join("presensi.csv");
    std::fs::write(
        &attendance,
        "nip,date,status,late_minutes
198601012010011001,2026-01-05,hadir,12
1,2026-01-05,alpa,
",
    )
    .unwrap();
    let out = kinerja(dir.path()).args(["import", "attendance"]).arg(&attendance).output().unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("baris 3: nip"));
    std::fs::write(
        &attendance,
        "nip,date,status,late_minutes
198601012010011001,2026-01-05,hadir,12
",
    )
    .unwrap();
    let out = kinerja(dir.path()).args(["import", "attendance"]).arg(&attendance).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("1 hari presensi baru"));
}

#[test]
fn help_explains_every_command_and_bad_urls_fail_in_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let help = kinerja(dir.path()).arg("--help").output().unwrap();
    let text = String::from_utf8_lossy(&help.stdout);
    for cmd in ["serve", "migrate", "admin", "seed", "import"] {
        assert!(text.contains(cmd), "{cmd} in help");
    }
    let out =
        kinerja(dir.path()).args(["migrate", "--database-url", "postgres://nobody@127.0.0.1:1/x"]).output().unwrap();
    assert!(!out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stderr).trim().lines().count(), 1);
}

#[test]
fn serve_logs_requests_but_never_passwords_or_tokens() {
    use std::io::{Read, Write};
    let dir = tempfile::tempdir().unwrap();
    assert!(kinerja(dir.path()).args(["seed", "demo"]).output().unwrap().status.success());
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let mut child = kinerja(dir.path())
        .args(["serve", "--bind", &format!("127.0.0.1:{port}"), "--static-dir"])
        .arg(dir.path().join("no-spa"))
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut up = false;
    for _ in 0..100 {
        if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
            up = true;
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    if !up {
        child.kill().unwrap();
        panic!("server did not start");
    }
    let body = r#"{"username":"dedi","password":"kinerja2026"}"#;
    let mut conn = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(
        conn,
        "POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .unwrap();
    let mut answer = String::new();
    conn.read_to_string(&mut answer).unwrap();
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    let token = answer.split("\"access_token\":\"").nth(1).unwrap().split('"').next().unwrap().to_owned();
    child.kill().unwrap();
    let mut log = String::new();
    child.stderr.take().unwrap().read_to_string(&mut log).unwrap();
    let _ = child.wait();
    assert!(log.contains("/api/v1/auth/login"), "the request is logged: {log}");
    assert!(log.contains("request_id"), "with its request id: {log}");
    assert!(!log.contains("kinerja2026"), "no password in the logs");
    assert!(!log.contains(&token), "no token in the logs");
}

/// Every table of an SQLite database file with its row count.
fn row_counts(file: &std::path::Path) -> Vec<(String, i64)> {
    use sea_orm::{ConnectionTrait, DbBackend, Statement};
    tokio::runtime::Runtime::new().unwrap().block_on(async {
        let db = sea_orm::Database::connect(format!("sqlite://{}?mode=ro", file.display())).await.unwrap();
        let tables = db
            .query_all_raw(Statement::from_string(
                DbBackend::Sqlite,
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
            ))
            .await
            .unwrap();
        let mut out = Vec::new();
        for t in tables {
            let name: String = t.try_get("", "name").unwrap();
            let n = db
                .query_one_raw(Statement::from_string(
                    DbBackend::Sqlite,
                    format!("SELECT COUNT(*) AS n FROM \"{name}\""),
                ))
                .await
                .unwrap()
                .unwrap()
                .try_get::<i64>("", "n")
                .unwrap();
            out.push((name, n));
        }
        out
    })
}

#[test]
fn a_backup_restores_every_row() {
    let live = tempfile::tempdir().unwrap();
    assert!(kinerja(live.path()).args(["seed", "demo"]).output().unwrap().status.success());
    let file = live.path().join("cadangan.db");
    let out = kinerja(live.path()).arg("backup").arg(&file).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let again = kinerja(live.path()).arg("backup").arg(&file).output().unwrap();
    assert!(!again.status.success(), "never overwrites a file");

    let fresh = tempfile::tempdir().unwrap();
    // Without --yes and without a terminal, nothing is replaced.
    let refused = kinerja(fresh.path()).arg("restore").arg(&file).output().unwrap();
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("--yes"));
    // Not a Kinerja database.
    let junk = fresh.path().join("bukan.db");
    std::fs::write(&junk, b"bukan basis data").unwrap();
    assert!(!kinerja(fresh.path()).args(["restore", "--yes"]).arg(&junk).output().unwrap().status.success());
    let out = kinerja(fresh.path()).args(["restore", "--yes"]).arg(&file).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let source = row_counts(&live.path().join("kinerja.db"));
    assert!(source.iter().any(|(t, n)| t == "activities" && *n > 1000), "{source:?}");
    assert_eq!(row_counts(&fresh.path().join("kinerja.db")), source);
    // A PostgreSQL server that cannot be reached is an error, and no file is left behind.
    let pg = kinerja(fresh.path())
        .args(["backup", "x.backup", "--database-url", "postgres://u@127.0.0.1:1/x"])
        .output()
        .unwrap();
    assert!(!pg.status.success());
    assert!(!fresh.path().join("x.backup").exists());
}
